import PCRE2

/// A rule as a configuration file adjusts it: another severity, on or off, extra canonical
/// names, extra words, extra exceptions.
struct RuleCustomization: Hashable {
    var enabled: Bool
    var severity: Severity
    var terms: [String] = []
    var words: [String] = []  // "wrong\u{0}right", hashable
    var exceptions: [String] = []

    init(rule: Rule) {
        enabled = rule.enabledByDefault
        severity = rule.severity
    }

    mutating func apply(_ setting: ConfigFile.RuleSetting) {
        if let on = setting.enabled { enabled = on }
        if let level = setting.severity { severity = level }
        terms += setting.terms
        words += setting.words.map { $0.0 + "\u{0}" + $0.1 }
        exceptions += setting.exceptions
    }

    /// `rule` with these changes, recompiled where the kind needs it.
    func customized(_ rule: Rule) throws -> Rule {
        var kind = rule.kind
        switch rule.kind {
        case .casing(let check) where !terms.isEmpty:
            kind = .casing(try CasingCheck(terms: check.terms + terms.filter { !check.terms.contains($0) }))
        case .substitution(let check) where !words.isEmpty:
            let extra = words.map { pair -> (String, String) in
                let parts = pair.split(separator: "\u{0}", omittingEmptySubsequences: false)
                return (String(parts[0]), String(parts[1]))
            }
            kind = .substitution(try SubstitutionCheck(words: check.words + extra))
        case .pattern(let check) where !exceptions.isEmpty:
            let sources = check.exceptionSources + exceptions
            kind = .pattern(PatternCheck(search: check.search, group: check.group, exceptions: try Self.union(sources),
                                         fix: check.fix, exceptionSources: sources))
        case .repetition(let check) where !exceptions.isEmpty:
            var changed = check
            changed.exceptionSources += exceptions
            changed.exceptions = try Self.union(changed.exceptionSources)
            kind = .repetition(changed)
        case .consistency(let check) where !exceptions.isEmpty:
            var changed = check
            changed.exceptionSources += exceptions
            changed.exceptions = try Self.union(changed.exceptionSources)
            kind = .consistency(changed)
        default:
            break
        }
        return Rule(id: rule.id, family: rule.family, severity: severity, message: rule.message, description: rule.description,
                    kind: kind, enabledByDefault: rule.enabledByDefault, safeFix: rule.safeFix, examples: rule.examples,
                    source: rule.source)
    }

    static func union(_ sources: [String]) throws -> Regex {
        try Regex(sources.map { "(?:\($0))" }.joined(separator: "|"), options: [.anchored, .endAnchored])
    }
}
