import PCRE2
@testable import ScrapeLint
import Testing

@Suite struct FixerTests {
    func engine(_ rules: [(id: String, pattern: String, replace: String)]) throws -> Engine {
        Engine(rules: try rules.map { rule in
            try parseRule("""
                id: \(rule.id)
                kind: pattern
                severity: warning
                message: "m"
                description: "d"
                pattern: '\(rule.pattern)'
                replace: '\(rule.replace)'
                safe-fix: true
                """, id: rule.id)
        })
    }

    @Test func overlappingFixesWaitForTheNextPassAndTheFirstByPositionWins() {
        let fixes = [Fix(range: 4..<6, replacement: [0x78]), Fix(range: 0..<3, replacement: []), Fix(range: 2..<5, replacement: []),
                     Fix(range: 0..<3, replacement: [])]
        // 2..<5 starts inside 0..<3 and waits; 4..<6 does not overlap 0..<3; the repeated edit goes in once.
        #expect(Fixer.nonOverlapping(fixes) == [Fix(range: 0..<3, replacement: []), Fix(range: 4..<6, replacement: [0x78])])
    }

    @Test func aReplacementKeepsItsGroupsWhenTheRuleHasExceptions() throws {
        // The exceptions are matched after the pattern; the replacement must still read the
        // pattern's groups (it once read the failed exceptions match and replaced with nothing).
        let rule = try kindRule("pattern", """
            pattern: '\\b(\\w+) \\1\\b'
            exceptions: ['had had']
            replace: '$1'
            safe-fix: true
            """, message: "m")
        let fixer = Fixer(engine: Engine(rules: [rule]))
        let (fixed, applied) = fixer.fix(Document(path: "t", text: "“in the the end” he had had it"), with: Matcher())
        #expect(String(decoding: fixed.bytes, as: UTF8.self) == "“in the end” he had had it")
        #expect(applied == 1)
    }

    @Test func aDoubledWordIsFixedToOneCopy() throws {
        let rule = try RuleSet.builtInRules().first { $0.id == "duplication-doubled-word" }!
        let (fixed, applied) = Fixer(engine: Engine(rules: [rule])).fix(
            Document(path: "t", text: "Über über alles, in the\u{A0} the village, The the end, had had it"), with: Matcher())
        #expect(String(decoding: fixed.bytes, as: UTF8.self) == "Über alles, in the village, The end, had had it")
        #expect(applied == 3)
    }

    @Test func passesRepeatUntilNothingChanges() throws {
        let fixer = Fixer(engine: try engine([("shrink", "ab", "a")]))
        let (fixed, applied) = fixer.fix(Document(path: "t", text: "abbb and ab"), with: Matcher())
        #expect(fixed.bytes == Array("a and a".utf8))
        #expect(applied == 4)  // three passes on the first word, one on the second
    }

    @Test func passesAreBounded() throws {
        let fixer = Fixer(engine: try engine([("grow", "a", "aa")]))
        let (fixed, applied) = fixer.fix(Document(path: "t", text: "a"), with: Matcher())
        #expect(applied == (1 << Fixer.maximumPasses) - 1)  // every "a" doubles, pass after pass, ten times
        #expect(fixed.bytes.count == 1 << Fixer.maximumPasses)
    }

    @Test func onlyNamedRulesWithFixOnly() throws {
        let engine = try engine([("first-rule", "x", "y"), ("second-rule", "q", "z")])
        let (fixed, _) = Fixer(engine: engine, only: ["second-rule"]).fix(Document(path: "t", text: "xq"), with: Matcher())
        #expect(fixed.bytes == Array("xz".utf8))
    }
}
