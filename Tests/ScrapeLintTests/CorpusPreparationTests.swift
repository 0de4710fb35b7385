import PCRE2
import Testing
@testable import ScrapeLint

/// An engine readied for a corpus (`Engine.prepareForCorpus()`) skips short texts by their
/// literals and searches their prefilters split, where a run over one short text searches it
/// whole: both must find the same.
@Suite struct CorpusPreparationTests {
    @Test func aPreparedEngineFindsInShortTextsWhatAFreshOneFinds() throws {
        // Two loads of the rules: the literals read are kept in the rules themselves.
        let fresh = Engine(rules: try RuleSet.builtInRules()), prepared = Engine(rules: try RuleSet.builtInRules())
        prepared.prepareForCorpus()
        let searches = { (engine: Engine) in engine.rules.flatMap(\.kind.patternSearches) }
        let read = { (engine: Engine) in searches(engine).filter(\.literalsAreRead).count }
        #expect(searches(prepared).count > 40)
        #expect(read(prepared) == searches(prepared).count)
        #expect(read(fresh) == 0)
        // Texts under 8 KB, so that the fresh engine never reads its literals: each dev corpus
        // text's first 4,000 bytes, and each of its first eight lines alone (a text of one
        // line, as some extractors write, cut to 4,000 bytes too).
        var texts: [[UInt8]] = []
        for (_, document) in try devCorpusDocuments() {
            texts.append(Array(document.bytes.prefix(4_000)))
            texts += document.paragraphRanges.prefix(8).map { Array(document.bytes[$0].prefix(4_000)) }
        }
        let matcher = Matcher()
        var findings = 0
        for (index, bytes) in texts.enumerated() {
            let document = Document(path: "t\(index)", bytes: bytes)
            let expected = fresh.lint(document, with: matcher).diagnostics
            let found = prepared.lint(Document(path: "t\(index)", bytes: bytes), with: matcher).diagnostics
            #expect(found == expected, "text \(index)")
            findings += expected.count
        }
        #expect(read(fresh) == 0)
        #expect(texts.count > 2_500)
        #expect(findings > 2_000)
    }
}
