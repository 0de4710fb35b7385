import PCRE2
import Testing
@testable import ScrapeLint

/// The engine keeps one finding per place and family: of equal spans the more severe, then the
/// first rule id; of a span and one inside it, the inner one; other families untouched.
@Suite struct DistinctFindingsTests {
    private func rule(_ id: String, family: String, severity: String = "warning", pattern: String) throws -> Rule {
        try parseRule("""
            id: \(id)
            kind: pattern
            severity: \(severity)
            message: "m"
            description: "d"
            pattern: '\(pattern)'
            """, id: id, family: family)
    }

    /// `bytes rule-id` of every finding kept, in report order.
    private func kept(_ rules: [Rule], in text: String) -> [String] {
        let document = Document(path: "t", text: text)
        return Engine(rules: rules).lint(document, with: Matcher()).diagnostics.map {
            "\($0.range) \($0.ruleID)"
        }
    }

    @Test func equalSpansKeepTheMoreSevereThenTheFirstRuleID() throws {
        let rules = [try rule("house-b", family: "house", pattern: "air strike"),
                     try rule("house-a", family: "house", pattern: "air strike"),
                     try rule("house-c", family: "house", severity: "error", pattern: "strike")]
        // Both warnings flag "air strike": house-a is first by id. On "strike", house-c (an
        // error) and the warnings' span around it: the inner one stays.
        #expect(kept(rules, in: "an air strike") == ["7..<13 house-c"])
        #expect(kept(Array(rules.prefix(2)), in: "an air strike") == ["3..<13 house-a"])
        let severe = [try rule("house-a", family: "house", pattern: "air"), try rule("house-z", family: "house", severity: "error", pattern: "air")]
        #expect(kept(severe, in: "air") == ["0..<3 house-z"])
    }

    @Test func otherFamiliesAndDisjointSpansStay() throws {
        let rules = [try rule("house-a", family: "house", pattern: "air strike"),
                     try rule("house-b", family: "house", pattern: "strike"),
                     try rule("style-a", family: "style", pattern: "air strike"),
                     try rule("style-b", family: "style", pattern: "an")]
        // house-a contains house-b: dropped. style-a contains no finding of its own family, and
        // "an" before it does not overlap it. Sorted by place, then id, then end.
        #expect(kept(rules, in: "an air strike, an air strike") == [
            "0..<2 style-b", "3..<13 style-a", "7..<13 house-b",
            "15..<17 style-b", "18..<28 style-a", "22..<28 house-b",
        ])
        // The same with a multi-byte prefix: every byte offset moves by its length.
        let prefixed = kept(rules, in: "“é” an air strike")
        #expect(prefixed == ["9..<11 style-b", "12..<22 style-a", "16..<22 house-b"])
    }

    @Test func nestedSpansKeepOnlyTheInnermost() throws {
        let rules = [try rule("house-a", family: "house", pattern: "a b c d"),
                     try rule("house-b", family: "house", pattern: "b c"),
                     try rule("house-c", family: "house", pattern: "c"),
                     try rule("house-d", family: "house", pattern: "d")]
        #expect(kept(rules, in: "a b c d") == ["4..<5 house-c", "6..<7 house-d"])
    }
}
