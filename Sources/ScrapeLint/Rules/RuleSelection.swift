/// Which rules run: the ones enabled by default, plus `enable`, minus `disable`. Each name is a
/// rule id or a family; `disable` wins over `enable`.
public struct RuleSelection: Sendable {
    public var enable: [String]
    public var disable: [String]

    public init(enable: [String] = [], disable: [String] = []) {
        self.enable = enable
        self.disable = disable
    }

    /// The selected rules of `ruleSet`.
    /// - Throws: `unknownNames` listing every name that is neither a rule id nor a family.
    public func apply(to ruleSet: RuleSet) throws(RuleSelectionError) -> [Rule] {
        let known = Set(ruleSet.all.map(\.id)).union(ruleSet.families)
        let unknown = (enable + disable).filter { !known.contains($0) }
        guard unknown.isEmpty else { throw RuleSelectionError(unknownNames: unknown) }
        return ruleSet.all.filter { rule in
            let names = [rule.id, rule.family]
            if names.contains(where: disable.contains) { return false }
            return rule.enabledByDefault || names.contains(where: enable.contains)
        }
    }
}

/// `--enable` or `--disable` named something that is not there.
public struct RuleSelectionError: Error, CustomStringConvertible {
    public let unknownNames: [String]

    public var description: String {
        unknownNames.map { "unknown rule or family '\($0)'" }.joined(separator: "\n")
    }
}
