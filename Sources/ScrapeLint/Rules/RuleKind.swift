/// The kinds of rule; the rule file's `kind:` key picks one.
public enum RuleKind: Sendable {
    case pattern(PatternCheck)
    case casing(CasingCheck)
    case balance(BalanceCheck)
    case consistency(ConsistencyCheck)
    case repetition(RepetitionCheck)
    case merge(MergeCheck)
    case lineScore(LineScoreCheck)
    case substitution(SubstitutionCheck)
    /// Lines inside a block of the family's findings; the engine runs it after the other rules.
    case block(BlockCheck)
    /// Inline suppressions that silence nothing; the engine runs it after every other rule.
    case unusedSuppression

    /// The names used in rule files, in the order the documentation lists them.
    public static let names = ["pattern", "casing", "balance", "consistency", "repetition", "merge", "line-score", "substitution", "block", "unused-suppression"]

    /// The name used in rule files.
    public var name: String {
        switch self {
        case .pattern: "pattern"
        case .casing: "casing"
        case .balance: "balance"
        case .consistency: "consistency"
        case .repetition: "repetition"
        case .merge: "merge"
        case .lineScore: "line-score"
        case .substitution: "substitution"
        case .block: "block"
        case .unusedSuppression: "unused-suppression"
        }
    }

    /// The searches with literals and prefilters the kind runs (`Engine.prepareForCorpus()`).
    var patternSearches: [PatternSearch] {
        switch self {
        case .pattern(let check): [check.search]
        case .merge(let check): check.signals.compactMap { if case .pattern(let search, _) = $0.source { search } else { nil } }
        case .casing, .balance, .consistency, .repetition, .lineScore, .substitution, .block, .unusedSuppression: []
        }
    }

    /// The PCRE2 patterns the kind runs, for listing and benchmarking.
    public var patterns: [String] {
        switch self {
        case .pattern: patternSearches.map(\.regex.pattern)
        case .casing(let check): [check.search.pattern]
        case .balance(let check): [check.delimiters.pattern]
        case .consistency(let check): check.variants.map(\.regex.pattern) + check.tokens.map(\.pattern)
        case .repetition, .block, .unusedSuppression: []
        case .merge(let check): patternSearches.map(\.regex.pattern) + check.shifts.flatMap { [$0.first.pattern, $0.second.pattern] }
        case .substitution(let check): [check.search.pattern]
        case .lineScore(let check):
            check.signals.flatMap(\.tests).compactMap { if case .pattern(let regex) = $0 { regex.pattern } else { nil } }
        }
    }
}
