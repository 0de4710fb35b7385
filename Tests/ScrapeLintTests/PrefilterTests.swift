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
                .filter { line in ["requires:", "requires-within:"].allSatisfy { !line.trimmingCharacters(in: .whitespaces).hasPrefix($0) } }
            stripped += text.split(separator: "\n", omittingEmptySubsequences: false).count - kept.count
            let target = copy.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try kept.joined(separator: "\n").write(to: target, atomically: true, encoding: .utf8)
        }
        #expect(stripped >= 20)
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

    /// The same through the pattern rules' own switch, which also turns off skipping a document
    /// by its literals: on every text (skipping runs on any text once a text of 8 KB or more had
    /// the literals read: the longest come first here) every pattern rule finds the same either
    /// way.
    @Test func patternRulesFindTheSameWithoutSkippingByLiterals() throws {
        let checks = try RuleSet.builtInRules().compactMap { rule -> (Rule, PatternCheck)? in
            if case .pattern(let check) = rule.kind { (rule, check) } else { nil }
        }
        let matcher = Matcher()
        var read = 0, findings = 0
        let documents = try devCorpusDocuments().sorted { $0.document.bytes.count > $1.document.bytes.count }
        #expect(documents[0].document.bytes.count >= PatternSearch.minimumReadingSize)
        for (file, document) in documents {
            read += 1
            for (rule, check) in checks {
                var fast: [Diagnostic] = [], slow: [Diagnostic] = []
                try check.run(rule, on: document, with: matcher, into: &fast)
                try check.run(rule, on: document, with: matcher, into: &slow, prefilter: false)
                #expect(fast.map(\.range) == slow.map(\.range), "\(rule.id) \(file)")
                findings += fast.count
            }
        }
        #expect(read == 400 && findings >= 1000)
    }
}
