import PCRE2
import Testing
@testable import ScrapeLint

/// Two equal bytes found by a vector scan: the same places PCRE2 finds, at exact offsets.
@Suite struct PrefilterSearchTests {
    @Test func twoEqualNonLetterCharactersAreADoubledByte() throws {
        let kind = { (pattern: String) -> String in
            switch PrefilterSearch(try Regex(pattern)) {
            case .doubledByte(let byte): "byte \(byte)"
            case .pattern: "pattern"
            }
        }
        #expect(try kind("  ") == "byte 32")
        #expect(try kind(",,") == "byte 44")
        #expect(try kind(#"\.\."#) == "byte 46")
        #expect(try kind(#"\*\*"#) == "byte 42")
        #expect(try kind(#"\\\\"#) == "byte 92")  // two escaped backslashes
        #expect(try kind(#"\\"#) == "pattern")  // one
        // A letter may be caseless, a digit is fine as a pattern, `..` and `\d\d` are classes,
        // and options or anything longer stay patterns.
        for pattern in ["aa", "11", "..", #"\d\d"#, "ab", "(?i)  ", "   ", "**x"] where (try? Regex(pattern)) != nil {
            #expect(try kind(pattern) == "pattern", "\(pattern)")
        }
    }

    @Test func theFirstPairAtExactOffsetsAcrossTheSixteenByteSteps() {
        let text = Array(("x" + String(repeating: "ab ", count: 5) + "  y" + String(repeating: "z", count: 20) + "   ").utf8)
        let first = 1 + 15  // after "x" and five "ab "
        text.withUnsafeBufferPointer { subject in
            #expect(PrefilterSearch.firstPair(of: 0x20, in: subject, from: 0) == first - 1)  // the space of the last "ab " and the first added one
            #expect(PrefilterSearch.firstPair(of: 0x20, in: subject, from: first) == first)
            #expect(PrefilterSearch.firstPair(of: 0x20, in: subject, from: first + 1) == text.count - 3)
            #expect(PrefilterSearch.firstPair(of: 0x20, in: subject, from: text.count - 2) == text.count - 2)
            #expect(PrefilterSearch.firstPair(of: 0x20, in: subject, from: text.count - 1) == nil)
            #expect(PrefilterSearch.firstPair(of: 0x7A, in: subject, from: 0) == first + 3)
            #expect(PrefilterSearch.firstPair(of: 0x2C, in: subject, from: 0) == nil)
        }
        // Every offset of a pair, wherever it falls in a step.
        for position in 0..<40 {
            var bytes = [UInt8](repeating: 0x61, count: 41)
            bytes[position] = 0x2E
            bytes[position + 1] = 0x2E
            bytes.withUnsafeBufferPointer { #expect(PrefilterSearch.firstPair(of: 0x2E, in: $0, from: 0) == position) }
        }
    }

    @Test func theScanFindsWhatPCRE2FindsOnRealText() throws {
        let matcher = Matcher()
        var hits = 0
        for (file, document) in try devCorpusDocuments() {
            try document.bytes.withUnsafeBufferPointer { subject in
                for (pattern, byte) in [("  ", UInt8(0x20)), (",,", 0x2C), (#"\.\."#, 0x2E)] {
                    let regex = try Regex(pattern)
                    var from = 0
                    while true {
                        let expected = try matcher.firstMatch(of: regex, in: subject, range: from..<subject.count)?.range.lowerBound
                        #expect(PrefilterSearch.firstPair(of: byte, in: subject, from: from) == expected, "\(file) \(from)")
                        guard let expected else { break }
                        hits += 1
                        from = expected + 1
                    }
                }
            }
        }
        #expect(hits >= 1000)
    }
}
