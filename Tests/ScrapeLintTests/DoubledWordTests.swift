import Foundation
import PCRE2
import Testing
@testable import ScrapeLint

/// Doubled words are found from the word index (`repetition`, `units: [word]`); they are the
/// matches of the PCRE2 pattern the rule used to be, at the same bytes.
@Suite struct DoubledWordTests {
    private let builtIn = try! RuleSet.builtInRules().first { $0.id == "duplication-doubled-word" }!
    /// The rule as a pattern, with the built-in rule's exceptions.
    private let asPattern = try! parseRule("""
        id: doubled-pattern
        kind: pattern
        severity: warning
        message: "m"
        description: "d"
        pattern: '(?i)(?<![\\p{L}\\p{N}_])(\\p{L}++)\\h++\\1(?![\\p{L}\\p{N}_])'
        exceptions:
          - '(?i)(had|that|is|do|bye|no|yeah|very|so|ha|go|knock|tut|chop|din|cha|hip|pom|mahi|bora|tsk)\\h+\\1'
        """, id: "doubled-pattern")

    private func spans(_ rule: Rule, _ document: Document) throws -> [Range<Int>] {
        var output: [Diagnostic] = []
        try rule.check(document, with: Matcher(), into: &output)
        return output.map(\.range)
    }

    @Test func findsWordsTwiceInARowAtExactBytes() throws {
        // Ü is two bytes; an NBSP and a tab count as space; a line break does not; a digit or an
        // underscore touching either copy rules a pair out ("_a a" no, "a a" after it yes).
        let text = "Über über alles\u{A0}alles x the\tthe 2the the the the2 _a a a a_ had had in\nin ends ends"
        let document = Document(path: "t", text: text)
        let found = try spans(builtIn, document)
        #expect(found.map { document.text(in: $0) } == ["Über über", "alles\u{A0}alles", "the\tthe", "the the", "a a", "ends ends"])
        #expect(found.first == 0..<11)
        #expect(found == (try spans(asPattern, document)))
    }

    @Test func theDevCorpusGivesTheSameFindingsAsThePattern() throws {
        let documents = try devCorpusDocuments()
        var findings = 0
        for (file, document) in documents {
            let found = try spans(builtIn, document)
            #expect(found == (try spans(asPattern, document)), "\(file)")
            findings += found.count
        }
        #expect(documents.count == 400 && findings >= 100)
    }

    @Test func fixOnlyGoesWithWords() throws {
        #expect(throws: RuleLoadError.self) {
            try parseRule("""
                id: repeats
                kind: repetition
                severity: warning
                message: "m"
                description: "d"
                units: [paragraph]
                fix: delete
                """, id: "repeats")
        }
    }
}
