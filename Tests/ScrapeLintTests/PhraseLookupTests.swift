import Foundation
import PCRE2
import Testing
@testable import ScrapeLint

/// The substitution and casing kinds look words up instead of running their trie pattern: the
/// same findings, at the same bytes.
@Suite struct PhraseLookupTests {
    private func spans(_ check: SubstitutionCheck, _ text: String) throws -> [String] {
        let document = Document(path: "t", text: text)
        var output: [Diagnostic] = []
        try check.run(rule("substitution"), on: document, with: Matcher(), into: &output)
        return output.map { "\($0.range) \(document.text(in: $0.range))" }
    }

    private func rule(_ kind: String) -> Rule {
        try! RuleSet.builtInRules().first { $0.kind.name == kind }!
    }

    @Test func findsWholeWordsOnlyAtExactBytesLikeTheTrie() throws {
        let fast = try SubstitutionCheck(words: [("teh", "the"), ("recieve", "receive"), ("alot", "a lot")])
        var slow = fast
        slow.search = try fast.search.byPattern()
        #expect(fast.search.lookup != nil && fast.search.regex == nil && slow.search.lookup == nil && slow.search.regex != nil)
        // A 3-byte quote first; not inside Tehran, 5teh, teh.com, @teh, _teh, teh’s, or after a
        // hyphen; at the end of a sentence and before an NBSP it is a word.
        let text = "“Teh” tehran 5teh teh.com @teh _teh teh’s x-teh RECIEVE teh.\u{A0}alot"
        let found = try spans(fast, text)
        #expect(found == ["3..<6 Teh", "54..<61 RECIEVE", "62..<65 teh", "68..<72 alot"])
        #expect(found == (try spans(slow, text)))
    }

    @Test func phrasesItCannotTakeKeepTheTriePattern() throws {
        #expect(try SubstitutionCheck(words: [("&amp;", "&")]).search.lookup == nil)
        #expect(try SubstitutionCheck(words: [("cafe", "café"), ("naïve", "naive")]).search.lookup == nil)
        #expect(try SubstitutionCheck(words: [("2nd", "second")]).search.lookup == nil)
        #expect(try CasingCheck(terms: ["McDonald's", "Islamic State"]).search.lookup != nil)
    }

    @Test func casingTermsMatchAnySpaceOfTheirKindAndInnerPunctuationExactly() throws {
        let fast = try CasingCheck(terms: ["McDonald's", "Islamic State", "iPhone"])
        var slow = fast
        slow.search = try fast.search.byPattern()
        let text = "é islamic\u{A0}state, Islamic  state, mcdonald’s, mcdonalds, MCDONALD'S, mcdonald's, iphone.com, iphone."
        func spans(_ check: CasingCheck) throws -> [String] {
            let document = Document(path: "t", text: text)
            var output: [Diagnostic] = []
            try check.run(rule("casing"), on: document, with: Matcher(), into: &output)
            return output.map { "\($0.range) \(document.text(in: $0.range))" }
        }
        #expect(try spans(fast) == ["3..<17 islamic\u{A0}state", "72..<82 mcdonald's", "96..<102 iphone"])
        #expect(try spans(fast) == (try spans(slow)))
    }

    @Test func theBuiltInRulesFindTheSameAsTheirTriesOnTheDevCorpus() throws {
        // The rules whose words all fit a lookup (HTML entities keep their pattern).
        let rules = try RuleSet.builtInRules().filter { rule in
            switch rule.kind {
            case .substitution(let check): check.search.lookup != nil
            case .casing(let check): check.search.lookup != nil
            default: false
            }
        }
        #expect(Set(rules.map(\.id)) == ["typos-common-misspellings", "casing-canonical-names"])
        let matcher = Matcher()
        let documents = try devCorpusDocuments()
        var findings = 0
        for (file, document) in documents {
            for rule in rules {
                var fast: [Diagnostic] = [], slow: [Diagnostic] = []
                switch rule.kind {
                case .substitution(let check):
                    try check.run(rule, on: document, with: matcher, into: &fast)
                    var trie = check
                    trie.search = try check.search.byPattern()
                    try trie.run(rule, on: document, with: matcher, into: &slow)
                case .casing(let check):
                    try check.run(rule, on: document, with: matcher, into: &fast)
                    var trie = check
                    trie.search = try check.search.byPattern()
                    try trie.run(rule, on: document, with: matcher, into: &slow)
                default: continue
                }
                #expect(fast.map(\.range) == slow.map(\.range), "\(rule.id) \(file)")
                findings += fast.count
            }
        }
        #expect(documents.count == 400 && findings >= 20)
    }
}
