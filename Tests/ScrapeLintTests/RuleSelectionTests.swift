@testable import ScrapeLint
import Testing

@Suite struct RuleSelectionTests {
    func rules() throws -> RuleSet {
        func rule(_ id: String, _ family: String, enabled: Bool) throws -> Rule {
            try parseRule("""
                id: \(id)
                kind: pattern
                severity: note
                message: "m"
                description: "d"
                enabled: \(enabled)
                pattern: 'a'
                """, id: id, family: family)
        }
        return try RuleSet(rules: [
            rule("one-rule", "spacing", enabled: true), rule("two-rule", "spacing", enabled: false),
            rule("three-rule", "casing", enabled: true),
        ])
    }

    @Test func defaultsEnableAndDisableByIdOrFamily() throws {
        let ruleSet = try rules()
        #expect(try RuleSelection().apply(to: ruleSet).map(\.id) == ["one-rule", "three-rule"])
        #expect(try RuleSelection(enable: ["two-rule"]).apply(to: ruleSet).map(\.id) == ["one-rule", "three-rule", "two-rule"])
        #expect(try RuleSelection(enable: ["spacing"], disable: ["one-rule"]).apply(to: ruleSet).map(\.id) == ["three-rule", "two-rule"])
        #expect(try RuleSelection(disable: ["casing"]).apply(to: ruleSet).map(\.id) == ["one-rule"])
    }

    @Test func unknownNamesAreErrors() throws {
        #expect {
            try RuleSelection(enable: ["nope"], disable: ["spacin"]).apply(to: try rules())
        } throws: { error in
            "\(error)" == "unknown rule or family 'nope'\nunknown rule or family 'spacin'"
        }
    }
}
