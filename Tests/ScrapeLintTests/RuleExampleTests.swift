import PCRE2
import ScrapeLint
import Testing

/// Every built-in rule's examples, each under every variant (plain, multi-byte prefix, CRLF).
@Suite struct RuleExampleTests {
    static let rules: [Rule] = (try? RuleSet.builtInRules()) ?? []

    @Test func builtInRulesLoad() throws {
        let rules = try RuleSet.builtInRules()
        #expect(rules.count >= 9)
        #expect(Set(rules.map(\.family)).isSuperset(of: ["boilerplate", "casing", "spacing"]))
    }

    @Test(arguments: rules.map(\.id))
    func examplesGiveExactlyTheMarkedSpans(id: String) throws {
        let rule = try #require(Self.rules.first { $0.id == id })
        #expect(!rule.examples.match.isEmpty && !rule.examples.noMatch.isEmpty)
        let failures = ExampleVerifier.verify(rule, with: Matcher(), context: Self.rules)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }
}
