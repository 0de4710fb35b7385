import Testing
@testable import ScrapeLint

@Suite struct TopicBreaksTests {
    private func breaks(_ text: String) -> [Int] {
        Array(text.utf8).withUnsafeBufferPointer { TopicBreaks.offsets(in: $0) }
    }

    @Test func breaksAfterLineBreaksSentenceEndsAndWordsRunTogether() {
        // After "\n\n" (10), before "Then" (22), before “We (35: the quote belongs to the new
        // sentence), at "Billions" in "ideationBillions" (53) and at "Reports" after "2024" (69).
        let text = "Line one\n\nIt is done. Then \"it.” “We go. ideationBillions of 2024Reports"
        #expect(breaks(text) == [10, 22, 35, 53, 69])
        // As the pattern it replaced: an abbreviation before a capitalised word breaks ("Army",
        // 16), so does "iPhone" (26); a lower-case word after a full stop and a capital with one
        // lower-case letter after it ("McDo.") do not.
        #expect(breaks("e.g. this, U.S. Army, an iPhone and McDo.") == [16, 26])
    }

    /// The sixteen-byte steps pass over only bytes that decide nothing: the same breaks as a
    /// walk that asks every byte, on the dev corpus and on random mixes of the bytes that matter
    /// placed across the steps' edges.
    @Test func theStepsFindWhatAByteByByteWalkFinds() throws {
        var texts = try devCorpusDocuments().map(\.document.bytes)
        let pieces = ["a", "Z", "Ab", "Abc", "7", " ", ".", "!", "?", "\n", "\r\n", "\"", "“", "”", "’", ")", "é", "\t"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            texts.append(Array((0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8))
        }
        for bytes in texts {
            bytes.withUnsafeBufferPointer { buffer in
                #expect(TopicBreaks.offsets(in: buffer) == byteByByte(buffer), "\(bytes.count) bytes")
            }
        }
    }

    /// The walk the steps replaced, asking every byte (the test's oracle).
    private func byteByByte(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        let upper = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A }, lower = { (byte: UInt8) in byte >= 0x61 && byte <= 0x7A }
        func capitalised(_ at: Int, quote: Bool, lowerAfter: Int) -> Bool {
            var offset = at
            if quote, offset < bytes.count {
                if bytes[offset] == 0x22 { offset += 1 } else if Array(bytes[offset..<min(offset + 3, bytes.count)]) == [0xE2, 0x80, 0x9C] { offset += 3 }
            }
            guard offset + lowerAfter < bytes.count, upper(bytes[offset]) else { return false }
            return (1...lowerAfter).allSatisfy { lower(bytes[offset + $0]) }
        }
        var breaks: [Int] = [], offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A || byte == 0x0D {
                var next = offset + 1
                while next < bytes.count, bytes[next] == 0x0A || bytes[next] == 0x0D { next += 1 }
                breaks.append(next)
                offset = next
                continue
            }
            if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                var next = offset + 1
                if next < bytes.count, bytes[next] == 0x22 || bytes[next] == 0x29 {
                    next += 1
                } else if [[0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x99]].contains(Array(bytes[next..<min(next + 3, bytes.count)])) {
                    next += 3
                }
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
                if capitalised(next, quote: true, lowerAfter: 1) { breaks.append(next) }
            } else if offset > 0, lower(bytes[offset - 1]) || (bytes[offset - 1] >= 0x30 && bytes[offset - 1] <= 0x39),
                      capitalised(offset, quote: false, lowerAfter: 2) {
                breaks.append(offset)
            }
            offset += 1
        }
        return breaks
    }
}
