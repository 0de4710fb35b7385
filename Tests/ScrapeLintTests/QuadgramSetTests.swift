import Foundation
import PCRE2
import Testing
@testable import ScrapeLint

/// The quadgram index of a document, and the promise that makes skipping exact: wherever a
/// built-in pattern matches, the document holds the pattern's literals.
@Suite struct QuadgramSetTests {
    private func mayContain(_ text: String, _ pattern: String) -> Bool {
        let slots = LiteralExtractor.requirement(of: pattern).slots!
        return QuadgramSet(Array(text.utf8)).mayContain(any: slots)
    }

    @Test func textIsReadFoldedWithSpaceRunsAsOneSpace() {
        #expect(QuadgramSet.normalized(Array("Cookie\u{A0}\u{A0}Policy\t \u{2009}Now".utf8)) == Array("cookie policy now".utf8))
        #expect(QuadgramSet.normalized(Array("ÉCOLE café".utf8)) == Array("École café".utf8))  // ASCII letters only
        #expect(QuadgramSet.normalized([0x41, 0xC2, 0x20, 0xE2, 0x80, 0x42]) == [0x61, 0xC2, 0x20, 0xE2, 0x80, 0x62])
    }

    @Test func aDocumentHoldsWhatItSaysAndNotWhatItLacks() {
        #expect(mayContain("We use cookies.", #"(?i)we\h+use\h+cookies"#))
        #expect(mayContain("We\u{A0} use \u{2003}COO\u{212A}IES here", #"(?i)we\h+use\h+cookies"#))
        #expect(!mayContain("We use cookies.", #"(?i)cookie\h+policy"#))
        #expect(!mayContain("We use biscuits.", #"(?i)we\h+use\h+cookies"#))
        #expect(mayContain("see the cookie policy", #"(?i)accept\h+cookies|cookie\h+policy"#))
    }

    /// Every quadgram of a normalized text is in the set built from the raw bytes, whatever the
    /// bytes (multi-byte spaces at any place, invalid UTF-8, CRLF).
    @Test func theSetHoldsEveryQuadgramOfTheNormalizedText() {
        let pieces: [[UInt8]] = [Array("a".utf8), Array("B".utf8), [0x20], [0x09], [0xC2, 0xA0], Array("\u{3000}".utf8),
                                 Array("\u{212A}".utf8), Array("\u{17F}".utf8), [0xE2, 0x80], [0xC5], [0x0D, 0x0A], Array("é".utf8)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 4...40, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let normalized = QuadgramSet.normalized(bytes), set = QuadgramSet(bytes)
            guard normalized.count >= QuadgramSet.length else { continue }
            for end in QuadgramSet.length...normalized.count {
                let slot = QuadgramSet.slot(of: normalized[(end - QuadgramSet.length)..<end])
                #expect(set.mayContain(any: [[slot]]), "\(bytes)")
            }
        }
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
        let filters = searches.compactMap { entry in entry.search.literals.slots.map { (entry.id, entry.search.regex, $0) } }
        #expect(filters.count >= 20)
        let texts = try devCorpusDocuments().map(\.document.bytes) + examples.flatMap { [Array($0.utf8), Array(("Ünïcödé “x” " + $0).utf8)] }
        let matcher = Matcher()
        var checked = 0
        for bytes in texts {
            let quadgrams = QuadgramSet(bytes)
            try bytes.withUnsafeBufferPointer { subject in
                for (id, regex, slots) in filters where !quadgrams.mayContain(any: slots) {
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
