import Foundation
import PCRE2
import Testing
@testable import ScrapeLint

/// `requires:` prefilters only make rules faster: the built-in rules find the same on real text
/// with and without them.
@Suite struct PrefilterTests {
    /// The built-in rule files with every `requires:` line taken out.
    private func rulesWithoutPrefilters() throws -> [Rule] {
        let source = projectRoot.appendingPathComponent("Rules").path
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("scrapelint-no-requires-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        var stripped = 0
        for relative in FileManager.default.subpaths(atPath: source) ?? [] where relative.hasSuffix(".yml") {
            let text = try String(contentsOfFile: source + "/" + relative, encoding: .utf8)
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("requires:") }
            stripped += text.split(separator: "\n", omittingEmptySubsequences: false).count - kept.count
            let target = copy.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try kept.joined(separator: "\n").write(to: target, atomically: true, encoding: .utf8)
        }
        #expect(stripped >= 10)
        return try RuleSet.rulesInFolder(copy.path)
    }

    @Test func theBuiltInRulesFindTheSameWithoutTheirPrefilters() throws {
        let fast = Engine(rules: try RuleSet.builtInRules()), slow = Engine(rules: try rulesWithoutPrefilters())
        let matcher = Matcher()
        var compared = 0, findings = 0
        for (index, (file, document)) in try devCorpusDocuments().enumerated() where index % 3 == 0 {
            let expected = slow.lint(document, with: matcher).diagnostics.map { "\($0.ruleID) \($0.range)" }
            let found = fast.lint(document, with: matcher).diagnostics.map { "\($0.ruleID) \($0.range)" }
            #expect(found == expected, "\(file)")
            compared += 1
            findings += found.count
        }
        #expect(compared >= 100 && findings >= 1000)
    }
}
