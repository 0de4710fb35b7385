import Foundation
import PCRE2
import Testing
@testable import ScrapeLint

/// The quadgram index of a document, and the promise that makes skipping exact: wherever a
/// built-in pattern matches, the document holds the pattern's literals.
@Suite struct GramSetTests {
    private func mayContain(_ text: String, _ pattern: String) -> Bool {
        let probes = LiteralExtractor.requirement(of: pattern).probes!
        return GramSet(Array(text.utf8)).mayContain(any: probes)
    }

    @Test func textIsReadFoldedWithSpaceRunsAsOneSpace() {
        #expect(GramSet.normalized(Array("Cookie\u{A0}\u{A0}Policy\t \u{2009}Now".utf8)) == Array("cookie policy now".utf8))
        #expect(GramSet.normalized(Array("ÉCOLE café".utf8)) == Array("École café".utf8))  // ASCII letters only
        #expect(GramSet.normalized([0x41, 0xC2, 0x20, 0xE2, 0x80, 0x42]) == [0x61, 0xC2, 0x20, 0xE2, 0x80, 0x62])
    }

    @Test func aDocumentHoldsWhatItSaysAndNotWhatItLacks() {
        #expect(mayContain("We use cookies.", #"(?i)we\h+use\h+cookies"#))
        #expect(mayContain("We\u{A0} use \u{2003}COO\u{212A}IES here", #"(?i)we\h+use\h+cookies"#))
        #expect(!mayContain("We use cookies.", #"(?i)cookie\h+policy"#))
        #expect(!mayContain("We use biscuits.", #"(?i)we\h+use\h+cookies"#))
        #expect(mayContain("see the cookie policy", #"(?i)accept\h+cookies|cookie\h+policy"#))
    }

    /// Every four- and eight-byte gram of a normalized text is in the set built from the raw
    /// bytes, whatever the bytes (multi-byte spaces at any place, which drop bytes from the
    /// window; invalid UTF-8; CRLF), in tables of every size.
    @Test func theSetHoldsEveryGramOfTheNormalizedText() {
        let pieces: [[UInt8]] = [Array("a".utf8), Array("B".utf8), [0x20], [0x09], [0xC2, 0xA0], Array("\u{3000}".utf8),
                                 Array("\u{212A}".utf8), Array("\u{17F}".utf8), [0xE2, 0x80], [0xC5], [0x0D, 0x0A], Array("é".utf8),
                                 Array("\u{2003}".utf8), Array("\u{200A}".utf8), Array("\u{202F}".utf8), Array("\u{205F}".utf8),
                                 Array("\u{1680}".utf8), Array("\u{180E}".utf8), Array("\u{2019}".utf8), [0x80], [0xA0], [0xC2]]
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for round in 0..<600 {
            let count = round < 500 ? Int.random(in: 4...40, using: &generator) : Int.random(in: 200...3000, using: &generator)
            let bytes = (0..<count).flatMap { _ in pieces.randomElement(using: &generator)! }
            let normalized = GramSet.normalized(bytes), set = GramSet(bytes)
            for length in [GramSet.length, GramSet.longLength] where normalized.count >= length {
                for end in length...normalized.count {
                    #expect(set.mayContain(any: [GramSet.Probe(literals: [Array(normalized[(end - length)..<end])])]), "\(bytes)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100_000)
    }

    /// Blocks of sixteen plain ASCII bytes are read a block a step, the rest a byte a step: the
    /// set is the same, bit for bit, as reading every byte alone, on mostly-ASCII texts where the
    /// two steps alternate at every offset (a tab, a second space or a byte beyond ASCII ends a
    /// block, and a space run or a multi-byte space after a block reaches back into it).
    @Test func blockStepsMakeTheSameSetAsByteSteps() {
        let common = ["a", "q", "Z", "M", " ", " ", " ", ".", ",", "7", "{", "\u{7F}", "\r\n", "word", "Then "]
        let rare = ["\t", "  ", "\u{A0}", "é", "’", "\u{2003}", "\u{3000}", "\u{212A}", "\u{17F}", "\u{1}"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<2000 {
            let count = round < 1500 ? Int.random(in: 0...60, using: &generator) : Int.random(in: 200...3000, using: &generator)
            var bytes = (0..<count).flatMap { _ in
                Array((Int.random(in: 0..<12, using: &generator) == 0 ? rare : common).randomElement(using: &generator)!.utf8)
            }
            if round % 7 == 0, !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &generator)] = 0xFF }  // invalid UTF-8
            #expect(GramSet(bytes) == GramSet(bytes, blockSteps: false), "\(bytes)")
        }
    }

    /// A long literal is looked up by its eight-byte windows: its quadgrams scattered over a text
    /// do not make it look present.
    @Test func aLongLiteralNeedsItsOwnWindows() {
        let text = "Sign up there, then stop to turn up the campaign unit."
        let literal = Array("sign up to".utf8)[...]
        let quadgrams = (GramSet.length...literal.count).map { Array(literal[($0 - GramSet.length)..<$0]) }
        #expect(GramSet(Array(text.utf8)).mayContain(any: [GramSet.Probe(literals: quadgrams)]))  // every quadgram is there
        #expect(!mayContain(text, #"(?i)sign\h+up\h+to"#))
        #expect(mayContain(text + " Sign\u{A0} up to our list.", #"(?i)sign\h+up\h+to"#))
    }

    /// Characters too short for a gram are told by their bytes, exactly: a control character,
    /// a zero-width space (not the joiner beside it), an ideographic space (which the grams
    /// read as a space), `{` and `;`.
    @Test func rareCharactersAreToldByTheirBytes() {
        let control = #"[\x{01}-\x{08}\x{0B}\x{0C}\x{0E}-\x{1F}\x{7F}-\x{9F}]"#
        #expect(mayContain("one\u{07}two", control))
        #expect(mayContain("one\u{85}two", control))
        #expect(!mayContain("one two\r\n“three” ÿ", control))
        #expect(mayContain("a\u{200B}b", #"\x{200B}"#))
        #expect(!mayContain("a\u{200C}b\u{2019}", #"\x{200B}"#))
        #expect(mayContain("a\u{3000}b", #"\x{3000}"#))
        #expect(!mayContain("a\u{2000}b ", #"\x{3000}"#))
        #expect(mayContain("x = 1", #"[{}=<>@]"#))
        #expect(!mayContain("Plain prose, with (brackets) and a colon: here.", #"[{}=<>@]"#))
        #expect(mayContain("a: b;", #"(?m);\h*+$"#))
        #expect(!mayContain("a: b.", #"(?m);\h*+$"#))
    }

    /// The same promise on random texts of rare and common characters: wherever one of these
    /// patterns matches, the set says its characters may be there.
    @Test func rareCharacterChecksNeverMissAMatch() throws {
        let patterns = [#"[\x{01}-\x{08}\x{0B}\x{0C}\x{0E}-\x{1F}\x{7F}-\x{9F}]"#, #"[\x{200B}\x{2060}\x{FEFF}\x{00AD}]"#,
                        #"[\x{2000}-\x{200A}\x{202F}]|\x{3000}"#, #"(?i)[{}=<>@]|;\h*+$|/[/*]"#, "(?i)é[;:]", #"\x{212A}"#]
        let pieces = ["a", "K", " ", "\t", ";", "{", ".", "/", "*", "é", "É", "\u{212A}", "\u{7F}", "\u{85}", "\u{01}", "\u{1F}",
                      "\u{A0}", "\u{AD}", "\u{2003}", "\u{200B}", "\u{200C}", "\u{2019}", "\u{3000}", "\u{FEFF}", "\n"]
        let regexes = try patterns.map { try Regex($0) }
        let probes = patterns.map { LiteralExtractor.requirement(of: $0).probes }
        #expect(probes.allSatisfy { $0 != nil })
        var generator = SystemRandomNumberGenerator()
        let matcher = Matcher()
        var matched = 0
        for _ in 0..<3000 {
            let bytes = Array((0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
            let set = GramSet(bytes)
            try bytes.withUnsafeBufferPointer { subject in
                for (regex, probe) in zip(regexes, probes) where try matcher.firstMatch(of: regex, in: subject, range: 0..<subject.count) != nil {
                    matched += 1
                    #expect(set.mayContain(any: probe!), "\(regex.pattern) in \(bytes)")
                }
            }
        }
        #expect(matched > 1000)
    }

    /// Wherever a built-in pattern (a pattern rule's or a merge signal's) matches in the dev
    /// corpus or in a rule example (also after a multi-byte prefix), its literals are there.
    @Test func everyMatchOfABuiltInPatternHoldsItsLiterals() throws {
        var searches: [(id: String, search: PatternSearch)] = []
        var examples: [String] = []
        for rule in try RuleSet.builtInRules() {
            switch rule.kind {
            case .pattern(let check): searches.append((rule.id, check.search))
            case .merge(let check):
                for signal in check.signals { if case .pattern(let search, _) = signal.source { searches.append((rule.id, search)) } }
            default: continue
            }
            examples += rule.examples.match.map { $0.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "") }
        }
        let filters = searches.compactMap { entry in entry.search.literals.probes.map { (entry.id, entry.search.regex, $0) } }
        #expect(filters.count >= 20)
        let texts = try devCorpusDocuments().map(\.document.bytes) + examples.flatMap { [Array($0.utf8), Array(("Ünïcödé “x” " + $0).utf8)] }
        let matcher = Matcher()
        var checked = 0
        for bytes in texts {
            let grams = GramSet(bytes)
            try bytes.withUnsafeBufferPointer { subject in
                for (id, regex, literals) in filters where !grams.mayContain(any: literals) {
                    var matched = false
                    try matcher.forEachMatch(of: regex, in: subject) { _ in
                        matched = true
                        return false
                    }
                    #expect(!matched, "\(id): \(regex.pattern)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 5000)
    }
}
