import Foundation
@testable import ScrapeLint
import Testing

/// A broken rule file names the file, the place and the field; a bad pattern gives PCRE2's offset.
@Suite struct RuleLoadingTests {
    let header = """
        id: test-rule
        kind: pattern
        severity: warning
        message: "x"
        description: "d"

        """

    @Test func badPatternNamesFileFieldAndPCRE2Offset() {
        #expect(loadError(header + "pattern: '(abc'\n")
            == "custom/test-rule.yml:6:10: error: 'pattern': missing closing parenthesis at offset 4")
        #expect(loadError(header + "pattern: 'a'\nrequires: 'b[c'\n")
            == "custom/test-rule.yml:7:11: error: 'requires': missing terminating ] for character class at offset 3")
    }

    @Test func unknownKeyIsAnErrorAtTheKey() {
        #expect(loadError(header + "pattern: 'a'\npatern: 'b'\n")
            == "custom/test-rule.yml:7:1: error: unknown key 'patern' (expected one of: capture, description, enabled, examples, exceptions, fix, id, ignore-case, kind, message, pattern, replace, requires, requires-within, safe-fix, severity, tokens)")
    }

    @Test func missingFieldsAndWrongValues() {
        #expect(loadError("id: test-rule\nkind: pattern\n") == "custom/test-rule.yml:1:1: error: missing required field 'severity'")
        #expect(loadError(header) == "custom/test-rule.yml:1:1: error: missing required field 'pattern' or 'tokens'")
        #expect(loadError(header.replacingOccurrences(of: "warning", with: "fatal") + "pattern: a\n")
            == "custom/test-rule.yml:3:11: error: 'severity': 'fatal' is not one of error, warning, note")
        #expect(loadError(header.replacingOccurrences(of: "kind: pattern", with: "kind: regex") + "pattern: a\n")
            == "custom/test-rule.yml:2:7: error: 'kind': unknown kind 'regex' (expected one of: pattern, casing, balance, consistency, repetition, merge, line-score, substitution, block, unused-suppression)")
        #expect(loadError(header.replacingOccurrences(of: "\"x\"", with: "\"{matched}\"") + "pattern: a\n")
            == "custom/test-rule.yml:4:10: error: 'message': unknown placeholder '{matched}' (use {match} or {expected})")
        #expect(loadError(header + "pattern: '(a)'\ncapture: 2\n")
            == "custom/test-rule.yml:7:10: error: 'capture': the pattern has 1 groups, not 2")
        #expect(loadError(header + "pattern: a\nfix: erase\n")
            == "custom/test-rule.yml:7:6: error: 'fix': 'erase' is not one of delete, delete-line, replace")
        #expect(loadError(header + "pattern: a\nrequires: a\nrequires-within: word\n")
            == "custom/test-rule.yml:8:18: error: 'requires-within': 'word' is not one of line, token")
        #expect(loadError(header + "pattern: a\nrequires-within: token\n")
            == "custom/test-rule.yml:7:18: error: 'requires-within': goes with 'requires'")
    }

    @Test func idMustEqualTheFileName() {
        #expect(loadError(header + "pattern: a\n", id: "other-rule")
            == "custom/other-rule.yml:1:5: error: 'id': 'test-rule' must equal the file name 'other-rule'")
    }

    @Test func invalidYAMLGivesItsPlace() {
        #expect(loadError("id: [unclosed\n")?.hasPrefix("custom/test-rule.yml:2:1: error: not valid YAML") == true)
    }

    @Test func badExampleMarkersAndBadExceptions() {
        #expect(loadError(header + "pattern: a\nexamples:\n  match: ['⟦a']\n")
            == "custom/test-rule.yml:8:11: error: 'examples.match': a ⟦ has no closing ⟧")
        #expect(loadError(header + "pattern: a\nexceptions: ['ok', '[z']\n")
            == "custom/test-rule.yml:7:20: error: 'exceptions': missing terminating ] for character class at offset 2")
    }

    @Test func duplicateIdsAcrossFoldersAreAnError() throws {
        let rule = try parseRule(header + "pattern: a\n")
        #expect {
            try RuleSet(rules: [rule, rule])
        } throws: { error in
            (error as? RuleLoadErrors)?.description
                == "custom/test-rule.yml: error: duplicate rule id 'test-rule' (also in custom/test-rule.yml)"
        }
    }

    @Test func aFolderReportsEveryBrokenFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)/mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try (header + "pattern: '(a'\n").write(to: folder.appendingPathComponent("test-rule.yml"), atomically: true, encoding: .utf8)
        try (header.replacingOccurrences(of: "test-rule", with: "second-rule") + "pattern: 'a'\nbogus: 1\n")
            .write(to: folder.appendingPathComponent("second-rule.yml"), atomically: true, encoding: .utf8)
        let base = folder.deletingLastPathComponent().path
        #expect {
            try RuleSet.rulesInFolder(base)
        } throws: { error in
            (error as? RuleLoadErrors)?.errors.map(\.description) == [
                "\(base)/mine/second-rule.yml:7:1: error: unknown key 'bogus' (expected one of: capture, description, enabled, examples, exceptions, fix, id, ignore-case, kind, message, pattern, replace, requires, requires-within, safe-fix, severity, tokens)",
                "\(base)/mine/test-rule.yml:6:10: error: 'pattern': missing closing parenthesis at offset 2",
            ]
        }
        #expect(throws: RuleLoadErrors.self) { try RuleSet.rulesInFolder(base + "/nope") }
    }

    @Test func familyIsTheFolderOfTheFile() throws {
        let rules = try RuleSet.parse([("x/spacing/test-rule.yml", "spacing/test-rule.yml", header + "pattern: a\n")])
        #expect(rules.map(\.family) == ["spacing"])
    }
}
