@testable import ScrapeLint
import Testing

/// Sentences split at `.`, `!` or `?` (with closing quotes) before a space and a capital, a digit
/// or an opening quote; the scan skips 16 bytes at a time to the next stop.
@Suite struct SentenceSplitterTests {
    private func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            SentenceSplitter.sentences(in: 0..<bytes.count, of: buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    @Test func splitsAtStopsBeforeACapitalADigitOrAQuote() {
        #expect(sentences("One two. Three! “Four,” he said? 5 left.") == ["One two.", "Three!", "“Four,” he said?", "5 left."])
        #expect(sentences("He said “go.” Then left.") == ["He said “go.”", "Then left."])
        #expect(sentences("e.g. this and U.S. policy. fine") == ["e.g. this and U.S. policy. fine"])
    }

    /// A stop at every place relative to the 16-byte steps, and the dev corpus's paragraphs: the
    /// same sentences as reading byte by byte.
    @Test func theSameSentencesAsAByteByByteScan() throws {
        var texts: [[UInt8]] = []
        for before in 0..<40 {
            for after in 0..<20 {
                texts.append(Array((String(repeating: "a", count: before) + ". B" + String(repeating: "c", count: after) + "! D").utf8))
            }
        }
        for (_, document) in try devCorpusDocuments() {
            texts += document.paragraphRanges.map { Array(document.bytes[$0]) }
        }
        var compared = 0
        for text in texts {
            text.withUnsafeBufferPointer { buffer in
                let expected = Self.byteByByte(in: 0..<text.count, of: buffer)
                #expect(SentenceSplitter.sentences(in: 0..<text.count, of: buffer) == expected)
                compared += expected.count
            }
        }
        #expect(compared > 50_000)
    }

    /// The splitter as it was before the 16-byte steps.
    private static func byteByByte(in paragraph: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = paragraph.lowerBound, offset = paragraph.lowerBound
        while offset < paragraph.upperBound {
            let byte = bytes[offset]
            offset += 1
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F else { continue }
            var end = offset
            while end < paragraph.upperBound {
                if bytes[end] == 0x22 || bytes[end] == 0x29 || bytes[end] == 0x27 { end += 1; continue }
                if end + 2 < paragraph.upperBound, bytes[end] == 0xE2, bytes[end + 1] == 0x80,
                   bytes[end + 2] == 0x9D || bytes[end + 2] == 0x99 { end += 3; continue }
                break
            }
            guard end < paragraph.upperBound, bytes[end] == 0x20 else { continue }
            var next = end
            while next < paragraph.upperBound, bytes[next] == 0x20 { next += 1 }
            guard next < paragraph.upperBound else { continue }
            let lead = bytes[next]
            guard (0x41...0x5A).contains(lead) || (0x30...0x39).contains(lead) || lead == 0x22 || lead == 0xE2 || lead >= 0xC3 else { continue }
            sentences.append(Document.trimmed(start..<end, in: bytes))
            start = next
            offset = next
        }
        if start < paragraph.upperBound { sentences.append(Document.trimmed(start..<paragraph.upperBound, in: bytes)) }
        return sentences
    }
}
