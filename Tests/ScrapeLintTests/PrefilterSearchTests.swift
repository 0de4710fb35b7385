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
            case .caseChange: "case change"
            case .trailingLines: "trailing lines"
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
        // A capital after a lower-case letter or a digit, written exactly so, without options.
        #expect(try kind(#"(?<=[\p{Ll}\p{N}])\p{Lu}"#) == "case change")
        #expect(try kind(#"(?<=\p{N})\p{Lu}"#) == "case change")  // after a digit only
        #expect(try kind(#"(?i)(?<=[\p{Ll}\p{N}])\p{Lu}"#) == "pattern")
        #expect(try kind(#"(?<=[\p{Ll}])\p{Lu}"#) == "pattern")
        #expect(try kind(TrailingLinesScan.pattern) == "trailing lines")
        #expect(try kind("(?m)" + TrailingLinesScan.pattern) == "pattern")
    }

    /// Searched from the last long line, the trailing-lines prefilter hits where PCRE2 searching
    /// the whole text does: on the dev corpus, and on random lines of short and long runs of
    /// words, NBSP and every line break `\R` knows.
    @Test func theTrailingLinesSearchHitsWherePCRE2Does() throws {
        let regex = try Regex(TrailingLinesScan.pattern)
        let search = PrefilterSearch(regex), matcher = Matcher()
        func hits(_ bytes: [UInt8], prefiltered: Bool) throws -> [Int] {
            try bytes.withUnsafeBufferPointer { subject in
                var found: [Int] = [], from = 0
                while from <= subject.count, let hit = prefiltered ? try search.firstHit(in: subject, from: from, matcher)
                        : try matcher.firstMatch(of: regex, in: subject, range: from..<subject.count)?.range.lowerBound {
                    found.append(hit)
                    from = hit + 1
                }
                return found
            }
        }
        let words = ["a", "bb", "é", "7.", "\u{A0}", "\u{2003}"], breaks = ["\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        var generator = SystemRandomNumberGenerator()
        var texts = try devCorpusDocuments().map(\.document.bytes)
        for _ in 0..<3000 {
            let lines = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...9, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                    .joined(separator: Bool.random(using: &generator) ? " " : "\t")
                    + (Int.random(in: 0...9, using: &generator) < 8 ? "\n" : breaks.randomElement(using: &generator)!)
            }
            texts.append(Array(lines.joined().dropLast(Bool.random(using: &generator) ? 1 : 0).utf8))
        }
        var compared = 0
        for bytes in texts {
            let expected = try hits(bytes, prefiltered: false)
            #expect(try hits(bytes, prefiltered: true) == expected, "\(bytes)")
            compared += expected.count
        }
        #expect(compared > 3000)
    }

    /// After a hit of the trailing-lines prefilter every line feed is a hit too, which lets a
    /// pattern search take every later line without searching again from each (`hitsRunToTheEnd`),
    /// on random lines of short and long runs of words, and every line break `\R` knows.
    @Test func everyLineFeedAfterATrailingLinesHitIsAHit() throws {
        let regex = try Regex(TrailingLinesScan.pattern), matcher = Matcher()
        let digits = PrefilterSearch(try Regex("\\d"))
        #expect(PrefilterSearch(regex).hitsRunToTheEnd && !digits.hitsRunToTheEnd)
        let words = ["a", "bb", "é", "7.", "\u{A0}"], breaks = ["\n", "\r\n", "\r", "\u{0B}", "\u{85}", "\u{2028}"]
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<2000 {
            let lines = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                (0..<Int.random(in: 0...9, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
                    + (Int.random(in: 0...9, using: &generator) < 7 ? "\n" : breaks.randomElement(using: &generator)!)
            }
            let bytes = Array(lines.joined().utf8)
            try bytes.withUnsafeBufferPointer { subject in
                guard let first = try matcher.firstMatch(of: regex, in: subject, range: 0..<subject.count)?.range.lowerBound else { return }
                for feed in bytes.indices where feed > first && bytes[feed] == 0x0A {
                    #expect(try matcher.firstMatch(of: regex, in: subject, range: feed..<subject.count)?.range.lowerBound == feed, "\(bytes)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    /// The case-change scan finds what PCRE2 finds, at every place across the 16-byte steps and
    /// next to non-ASCII letters, digits, quotes and invalid bytes: a capital after a lower-case
    /// letter or a digit, and (`afterLowercase` off) after a digit only.
    @Test(arguments: [true, false])
    func theCaseChangeScanFindsWhatPCRE2Finds(afterLowercase: Bool) throws {
        let regex = try Regex(afterLowercase ? CaseChangeScan.pattern : CaseChangeScan.afterNumberPattern)
        let matcher = Matcher()
        func hits(_ bytes: [UInt8]) throws -> (scan: [Int], pcre: [Int]) {
            try bytes.withUnsafeBufferPointer { subject in
                var scan: [Int] = [], pcre: [Int] = []
                var from = 0
                while let hit = try CaseChangeScan.firstHit(in: subject, from: from, regex: regex, afterLowercase: afterLowercase, matcher) {
                    scan.append(hit)
                    from = hit + 1
                }
                try matcher.forEachMatch(of: regex, in: subject) { match in
                    pcre.append(match.range.lowerBound)
                    return true
                }
                return (scan, pcre)
            }
        }
        let pieces = ["a", "B", "7", " ", "é", "É", "Ω", "ω", "²", "Ⅻ", "’", "”", "—", "ﬁ", "ǅ", "\u{A0}", "x\u{301}"]
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for round in 0..<2_000 {
            var bytes = Array((0..<Int.random(in: 1...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
            if round % 5 == 0 { bytes.insert(0xFF, at: Int.random(in: 0...bytes.count, using: &generator)) }  // an invalid byte
            let found = try hits(bytes)
            #expect(found.scan == found.pcre, "\(bytes)")
            compared += found.pcre.count
        }
        for position in 1..<40 {
            var bytes = [UInt8](repeating: 0x20, count: 41)
            bytes[position - 1] = 0x61
            bytes[position] = 0x42
            #expect(try hits(bytes).scan == (afterLowercase ? [position] : []))
            bytes[position - 1] = 0x37
            #expect(try hits(bytes).scan == [position])
        }
        for (file, document) in try devCorpusDocuments() {
            let found = try hits(document.bytes)
            #expect(found.scan == found.pcre, "\(file)")
            compared += found.pcre.count
        }
        #expect(compared > (afterLowercase ? 5_000 : 1_000))
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
