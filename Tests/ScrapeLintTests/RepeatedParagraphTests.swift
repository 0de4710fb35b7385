import PCRE2
import Testing
@testable import ScrapeLint

/// With both units, a paragraph's key is the sum of its sentences' keys: the same hash and
/// length as the key of the paragraph's own bytes, for every paragraph of the dev corpus.
@Suite struct RepeatedParagraphTests {
    @Test func paragraphKeysJoinedFromSentencesEqualTheParagraphsOwn() throws {
        let rule = try RuleSet.builtInRules().first { $0.id == "duplication-repeated-text" }!
        guard case .repetition(let check) = rule.kind else { Issue.record("not a repetition rule"); return }
        #expect(check.units == [.paragraph, .sentence])
        var compared = 0
        for (file, document) in try devCorpusDocuments() {
            document.bytes.withUnsafeBufferPointer { bytes in
                for paragraph in check.keyedSpans(of: document, bytes).paragraphs {
                    let own = TextKey(bytes, paragraph.range)
                    #expect(own.hash == paragraph.hash && own.length == paragraph.length, "\(file) \(paragraph.range)")
                    compared += 1
                }
            }
        }
        #expect(compared > 10_000)
    }

    /// Texts equal after normalising (other ASCII case, other runs of white space) have one key, and
    /// its length is the normalised text's, at every offset of the 16-byte steps.
    @Test func textsEqualAfterNormalisingHaveOneKey() {
        let pieces = ["a", "B", "é", "Word", "x.", "7", " ", "  ", "\t", "\r\n", "\n \t"]
        var generator = SystemRandomNumberGenerator()
        func key(_ text: [UInt8], from start: Int = 0) -> TextKey {
            text.withUnsafeBufferPointer { TextKey($0, start..<text.count) }
        }
        func normalizedLength(_ text: [UInt8], from start: Int = 0) -> Int {
            text.withUnsafeBufferPointer { TextKey.normalized($0[start..<text.count]).count }
        }
        for _ in 0..<2000 {
            let parts = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let text = Array(parts.joined().utf8)
            // The same words, another case and other white space between them.
            let words = parts.joined().split(whereSeparator: \.isWhitespace).map(String.init)
            let flipped = words.map { word in
                String(decoding: word.utf8.map { Bool.random(using: &generator) && ($0 | 0x20) &- 0x61 < 26 ? $0 ^ 0x20 : $0 }, as: UTF8.self)
            }
            let other = Array((["\t "] + flipped.flatMap { [$0, " \r\n "] }).joined().utf8)
            #expect(key(text) == key(other), "\(parts)")
            for start in 0..<min(text.count, 20) {
                #expect(key(text, from: start).length == normalizedLength(text, from: start), "\(parts) from \(start)")
            }
        }
        #expect(key(Array("one two".utf8)) != key(Array("one  twp".utf8)))
        #expect(key(Array("ab cd".utf8)) != key(Array("abcd".utf8)))
    }

    /// The parts of a key, made 16 bytes a step, are what a byte-by-byte count gives: the bytes
    /// that are not white space, the words, and the sums of those bytes (case bit set) and of
    /// their squares, on random texts of bytes of every value at every length.
    @Test func keyPartsAreTheByteByByteCounts() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3000 {
            let text = (0..<Int.random(in: 0...(round < 2000 ? 40 : 300), using: &generator)).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0...255, using: &generator) : [0x20, 0x09, 0x0A, 0x61, 0xFF].randomElement(using: &generator)!
            }
            let key = text.withUnsafeBufferPointer { TextKey($0, 0..<text.count) }
            let visible = text.filter { !$0.isASCIISpace }.map { UInt64($0 | 0x20) }
            let words = text.indices.count { !text[$0].isASCIISpace && ($0 == 0 || text[$0 - 1].isASCIISpace) }
            #expect(key.bytes == visible.count && key.words == words, "\(text)")
            #expect(key.sum == visible.reduce(0, &+) && key.squares == visible.reduce(0) { $0 &+ $1 &* $1 }, "\(text)")
        }
    }
}
