import PCRE2

/// What `scrapelint rules test` prints: every failing example, then a count.
public struct RuleTestOutcome: Sendable {
    public let rules: [Rule]
    public let failures: [ExampleFailure]

    /// Tests the rules of `folder`, or the built-in rules when it is nil.
    public init(folder: String?) throws(RuleLoadErrors) {
        let rules = if let folder { try RuleSet.rulesInFolder(folder) } else { try RuleSet.builtInRules() }
        _ = try RuleSet(rules: rules)  // duplicate ids
        self.rules = rules.sorted { $0.id < $1.id }
        let matcher = Matcher()
        // Block rules of a folder may build on the built-in rules of their family.
        let context = folder == nil ? rules : rules + ((try? RuleSet.builtInRules()) ?? [])
        failures = self.rules.flatMap { ExampleVerifier.verify($0, with: matcher, context: context) }
    }

    public var report: String {
        let examples = rules.reduce(0) { $0 + $1.examples.match.count + $1.examples.noMatch.count }
        let failed = Set(failures.map(\.ruleID)).count
        var text = failures.map { $0.description + "\n" }.joined()
        text += "\(rules.count - failed) passed, \(failed) failed: \(rules.count) rules, \(examples) examples"
        text += ", \(ExampleVerifier.Variant.allCases.count) variants each\n"
        return text
    }
}
