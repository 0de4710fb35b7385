import PCRE2
@testable import ScrapeLint
import Testing

@Suite struct RuleKindTests {
    func patternRule(_ fields: String, message: String = "x") throws -> Rule {
        try kindRule("pattern", fields, message: message)
    }

    func diagnostics(_ rule: Rule, _ text: String) throws -> [Diagnostic] {
        try ScrapeLintTests.diagnostics(of: rule, in: text)
    }

    @Test func captureGroupIsTheSpanAndReplaceRewritesTheWholeMatch() throws {
        let rule = try patternRule("pattern: '(\\p{L}+)([:,])(?=\\d)'\ncapture: 2\nreplace: '$1$2 '", message: "fix to '{expected}' at '{match}'")
        let found = try diagnostics(rule, "last march:36")
        #expect(found.map(\.range) == [10..<11])
        #expect(found[0].fix == Fix(range: 5..<11, replacement: Array("march: ".utf8)))
        #expect(found[0].message == "fix to 'march: ' at ':'")
    }

    @Test func namedCapture() throws {
        let rule = try patternRule("pattern: 'a(?<tail>b+)'\ncapture: tail")
        #expect(try diagnostics(rule, "xabbb").map(\.range) == [2..<5])
    }

    @Test func exceptionsMustMatchTheWholeSpan() throws {
        let rule = try patternRule("pattern: '\\b\\w+ing\\b'\nexceptions: ['(?i)thing', 'king']")
        #expect(try diagnostics(rule, "Thing king singing kingdom things").map(\.range) == [11..<18])
    }

    @Test func tokensAreLiteralPhrasesWithFlexibleSpacesAndWordBoundaries() throws {
        let rule = try patternRule("tokens: ['read more', 'c++', '(opens in new window)']\nignore-case: true")
        let text = "Read  more. c++ and (Opens in new window) but not threadmore or reading"
        #expect(try diagnostics(rule, text).map(\.range) == [0..<10, 12..<15, 20..<41])
    }

    @Test func deleteLineTakesTheLineAndItsBreakOrTheBreakBeforeTheLastLine() throws {
        let rule = try patternRule("pattern: '(?m)^Post a Comment$'\nfix: delete-line")
        #expect(try diagnostics(rule, "a\nPost a Comment\nb").first?.fix == Fix(range: 2..<17, replacement: []))
        #expect(try diagnostics(rule, "a\r\nPost a Comment").first?.fix == Fix(range: 1..<17, replacement: []))
        #expect(try diagnostics(rule, "Post a Comment").first?.fix == Fix(range: 0..<14, replacement: []))
    }

    @Test func casingReportsOtherCasingsButNotCapitalsURLsOrLongerWords() throws {
        let rule = try parseRule("""
            id: test-rule
            kind: casing
            severity: warning
            message: "'{match}' should be '{expected}'"
            description: "d"
            terms: [Islamic State, YouTube]
            """)
        let text = "Islamic state, ISLAMIC STATE, Islamic\u{A0}State, youtube.com, Youtube, YouTubers, #youtube, YOUTUBE."
        let found = try diagnostics(rule, text)
        #expect(found.map(\.range) == [0..<13, 59..<66])
        #expect(found.map(\.message) == ["'Islamic state' should be 'Islamic State'", "'Youtube' should be 'YouTube'"])
        #expect(found[1].fix == Fix(range: 59..<66, replacement: Array("YouTube".utf8)))
    }

    @Test func casingRejectsRepeatedTerms() {
        #expect(loadError("""
            id: test-rule
            kind: casing
            severity: warning
            message: "m"
            description: "d"
            terms: [YouTube, Youtube]
            """) == "custom/test-rule.yml:6:18: error: 'terms': 'Youtube' repeats 'YouTube'")
    }

    @Test func matchLimitBecomesARuleFailureNamingTheRule() throws {
        let rule = try patternRule("pattern: '^(\\w+\\s?)*$'")
        let hostile = Document(path: "t", text: String(repeating: "ab", count: 5_000) + "!")
        var output: [Diagnostic] = []
        #expect {
            try rule.check(hostile, with: Matcher(limits: .init(match: 50_000)), into: &output)
        } throws: { error in
            guard let failure = error as? RuleFailure, case .limitExceeded(.match, _) = failure.error else { return false }
            return failure.ruleID == "test-rule"
                && failure.message == "rule stopped: pattern hit the PCRE2 match limit; the rest of this document was not checked by it"
        }
    }

    @Test func messagePlaceholdersShowInvisibleCharacters() throws {
        #expect(MessageTemplate.visible("a\u{A0}b\n\tc\u{200B}") == "a\\u{A0}b\\n\\tc\\u{200B}")
        #expect(MessageTemplate.visible(String(repeating: "x", count: 70)) == String(repeating: "x", count: 60) + "…")
    }
}
