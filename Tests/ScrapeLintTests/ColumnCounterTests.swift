import Testing
@testable import ScrapeLint

/// Columns are counted sixteen ASCII bytes a step and one sequence at a time beyond ASCII: the
/// same counts as reading every sequence, for every range of random texts of ASCII, characters
/// of two, three and four bytes, and invalid bytes (one unit each).
@Suite struct ColumnCounterTests {
    /// The counting the steps must agree with: one sequence at a time.
    private func reference(_ bytes: [UInt8], _ from: Int, _ to: Int) -> (utf16: Int, codepoints: Int) {
        var utf16 = 0, codepoints = 0, offset = from
        while offset < min(to, bytes.count) {
            let length = ColumnCounter.sequenceLength(bytes, at: offset, end: min(to, bytes.count))
            codepoints += 1
            utf16 += length == 4 ? 2 : 1
            offset += length
        }
        return (utf16, codepoints)
    }

    @Test func stepsCountWhatSequencesCount() {
        let pieces: [[UInt8]] = [Array("a".utf8), Array(" ".utf8), Array("é".utf8), Array("“".utf8), Array("😀".utf8), [0xFF], [0x80],
                                 [0xE2, 0x80], [0xF0, 0x9F], Array(String(repeating: "x", count: 17).utf8)]
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<400 {
            let bytes = (0..<Int.random(in: 0...30, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            for from in 0...bytes.count {
                for to in stride(from: from, through: bytes.count + 1, by: 3) {
                    let counted = ColumnCounter.counts(in: bytes, from: from, to: to)
                    let expected = reference(bytes, from, to)
                    #expect(counted.utf16 == expected.utf16 && counted.codepoints == expected.codepoints, "\(bytes) \(from)..<\(to)")
                    #expect(ColumnCounter.units(in: bytes, from: from, to: to, unit: .byte) == max(0, min(to, bytes.count) - from))
                    compared += 1
                }
            }
        }
        #expect(compared > 20_000)
        // A four-byte character is two UTF-16 units and one code point, after 16 ASCII bytes.
        let text = Array((String(repeating: "a", count: 16) + "😀b").utf8)
        #expect(ColumnCounter.counts(in: text, from: 0, to: text.count) == (19, 18))
    }

    /// A converter asked in any order, going back and forth on long lines as a finding's end, its
    /// fix and its related places do, gives every position a fresh one gives (counted from the
    /// line start), at every offset that starts a character or an invalid byte.
    @Test func positionsTakenInAnyOrderAreThoseCountedFromTheLineStart() {
        let pieces = ["a", " ", "é", "“", "😀", "\n", String(repeating: "x", count: 17)].map { Array($0.utf8) } + [[0xFF], [0x80], [0xE2, 0x80]]
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 1...60, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let document = Document(path: "t", bytes: bytes)
            let starts = (0...document.bytes.count).filter { $0 == document.bytes.count || document.bytes[$0] & 0xC0 != 0x80 }
            let converter = PositionConverter(document: document)
            var offsets = starts.shuffled(using: &generator)
            offsets += offsets.sorted().flatMap { [$0, max(0, $0 - 3)] }.filter(starts.contains)
            for offset in offsets {
                #expect(converter.position(of: offset) == PositionConverter(document: document).position(of: offset), "\(bytes) at \(offset)")
                compared += 1
            }
        }
        #expect(compared > 10_000)
    }
}
