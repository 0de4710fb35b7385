import PCRE2
import Testing
@testable import ScrapeLint

/// With both units, a paragraph's key is joined from its sentences' keys: the same hash and
/// length as hashing the paragraph's own bytes, for every paragraph of the dev corpus.
@Suite struct RepeatedParagraphTests {
    @Test func paragraphKeysJoinedFromSentencesEqualTheParagraphsOwn() throws {
        let rule = try RuleSet.builtInRules().first { $0.id == "duplication-repeated-text" }!
        guard case .repetition(let check) = rule.kind else { Issue.record("not a repetition rule"); return }
        #expect(check.units == [.paragraph, .sentence])
        var compared = 0
        for (file, document) in try devCorpusDocuments() {
            document.bytes.withUnsafeBufferPointer { bytes in
                for paragraph in check.keyedSpans(of: document, bytes).paragraphs {
                    let own = RepetitionCheck.normalizedHash(bytes[paragraph.range])
                    #expect(own.0 == paragraph.hash && own.1 == paragraph.length, "\(file) \(paragraph.range)")
                    compared += 1
                }
            }
        }
        #expect(compared > 10_000)
    }
}
