import PCRE2
import Testing
@testable import ScrapeLint

/// Every `requires` prefilter of the built-in rules (pattern rules and merge signals) keeps every
/// match: the prefiltered search finds exactly what the pattern alone finds. On random texts of
/// the pieces the prefilters are about (sentence ends, a capital after a digit or a letter,
/// quotes, every line break `\R` knows, spaces of every kind, code characters), long ones (over
/// 8 KB: split searches and the literal index) and short ones before and after them (a corpus: a
/// short text uses the split searches once a long one had them made).
@Suite struct PrefilterEquivalenceTests {
    @Test func everyBuiltInPrefilterKeepsEveryMatch() throws {
        var searches: [(id: String, search: PatternSearch)] = []
        for rule in try RuleSet.builtInRules() {
            switch rule.kind {
            case .pattern(let check) where check.search.requires != nil:
                searches.append((rule.id, check.search))
            case .merge(let check):
                for signal in check.signals {
                    if case .pattern(let search, _) = signal.source, search.requires != nil { searches.append(("\(rule.id): \(signal.name)", search)) }
                }
            default: continue
            }
        }
        #expect(searches.count >= 20)
        let pieces = ["word", "Word", "the", "He", "2016", "7", "²", "٣", ".", "!", "?", ",", ":", ";", " ", " ", " ", "  ", "\t", "\u{A0}",
                      "\u{2003}", "”", "“", "\"", "’", "'", "(", ")", "{", "}", "=", "<", ">", "@", "/", "*", "é", "É", "\n", "\r\n",
                      "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "U.S.", "document.", "Reuters", "Photo", "©", "min read"]
        var generator = SystemRandomNumberGenerator()
        let matcher = Matcher()
        var compared = 0
        for round in 0..<240 {
            // Short texts first (whole searches), then long and short ones in turn.
            let long = round >= 40 && round % 2 == 0
            let count = long ? Int.random(in: 5_000...7_000, using: &generator) : Int.random(in: 1...400, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let document = Document(path: "random", text: text)
            #expect((document.bytes.count >= PatternSearch.minimumSplitSize) == long)
            for (id, search) in searches {
                let found = try document.bytes.withUnsafeBufferPointer { subject in
                    var matches: (prefiltered: [Range<Int>], alone: [Range<Int>]) = ([], [])
                    try search.forEachMatch(in: document, subject: subject, with: matcher) { matches.prefiltered.append($0.range) }
                    try search.forEachMatch(in: document, subject: subject, with: matcher, prefiltered: false) { matches.alone.append($0.range) }
                    return matches
                }
                #expect(found.prefiltered == found.alone, "\(id): \(text)")
                compared += found.alone.count
            }
        }
        #expect(compared > 10_000)
    }
}
