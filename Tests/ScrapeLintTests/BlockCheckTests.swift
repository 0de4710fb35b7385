import PCRE2
import Testing
@testable import ScrapeLint

/// The `block` kind, run by the engine after the rules whose findings it reads.
@Suite struct BlockCheckTests {
    private func marker(_ word: String, family: String) throws -> Rule {
        try parseRule("""
            id: \(family)-\(word.lowercased())
            kind: pattern
            severity: error
            message: "m"
            description: "d"
            pattern: '(?m)^\(word)$'
            """, id: "\(family)-\(word.lowercased())", family: family)
    }

    private func block(_ fields: String = "within: 2\nmin-flagged: 3\nmin-run: 1", family: String = "house") throws -> Rule {
        try parseRule("""
            id: \(family)-block
            kind: block
            severity: error
            message: "inside ({detail})"
            description: "d"
            \(fields)
            """, id: "\(family)-block", family: family)
    }

    @Test func fillsTheLinesBetweenFindingsOfItsOwnFamilyOnly() throws {
        let rules = [try marker("Menu", family: "house"), try marker("Other", family: "elsewhere"), try block()]
        // Line 3 sits between three house findings; line 7 only between findings of another family.
        let text = "Menu\nMenu\nTen hikes for the autumn\nMenu\n\nOther\nWhere to eat\nOther\nOther\n"
        #expect(findings(rules, in: text) == ["1:1 house-menu", "2:1 house-menu", "3:1 house-block", "4:1 house-menu",
                                                "6:1 elsewhere-other", "8:1 elsewhere-other", "9:1 elsewhere-other"])
        let report = Engine(rules: rules).lint(Document(path: "t", text: text), with: Matcher())
        let filled = try #require(report.diagnostics.first { $0.ruleID == "house-block" })
        #expect(filled.range == 10..<34)
        #expect(filled.message == "inside (3 of the 4 lines around it are)")
    }

    @Test func filledLinesCountForTheirNeighboursUntilNothingChanges() throws {
        let rules = [try marker("Menu", family: "house"), try block("within: 2\nmin-flagged: 2\nmin-run: 2")]
        // Line 3 has two findings right before it and one after (line 5 is two away), so it is
        // filled; then line 4 has lines 2, 3 before it and line 5 after.
        let text = "Menu\nMenu\nfirst\nsecond\nMenu\n"
        #expect(findings(rules, in: text) == ["1:1 house-menu", "2:1 house-menu", "3:1 house-block", "4:1 house-block", "5:1 house-menu"])
    }

    @Test func proseBetweenSingleMarkersStays() throws {
        let rules = [try marker("Menu", family: "house"), try block("within: 4\nmin-flagged: 2\nmin-run: 2")]
        let text = "A line.\nMenu\nB line.\nMenu\nC line.\nMenu\nD line.\n"
        #expect(findings(rules, in: text) == ["2:1 house-menu", "4:1 house-menu", "6:1 house-menu"])
    }

    @Test func badSettingsNameTheField() {
        let header = "id: test-rule\nkind: block\nseverity: error\nmessage: \"m\"\ndescription: \"d\"\n"
        #expect(loadError(header + "within: 2\nmin-flagged: 5\n")?.contains("'min-flagged': must be between 2 and twice 'within' (4)") == true)
        #expect(loadError(header + "within: 0\n")?.contains("'within': must be at least 1") == true)
        #expect(loadError(header + "within: 3\nmin-run: 4\n")?.contains("'min-run': must be between 1 and 'within' (3)") == true)
        #expect(loadError(header + "message: \"{expected}\"\n") != nil)
    }
}
