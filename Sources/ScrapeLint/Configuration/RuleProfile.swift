/// The rules one file is linted with, after its configuration chain, the overrides that match
/// it and the command line's `--enable` and `--disable` (which win) are applied.
public struct RuleProfile: Hashable {
    let settings: [String: RuleCustomization]

    public init(ruleSet: RuleSet, config: ConfigFile?, path: String?, selection: RuleSelection) {
        var settings = Dictionary(uniqueKeysWithValues: ruleSet.all.map { ($0.id, RuleCustomization(rule: $0)) })
        for file in config?.chain ?? [] {
            for rule in ruleSet.all {
                if let on = file.families[rule.family]?.value { settings[rule.id]?.enabled = on }
            }
            for (id, setting) in file.rules { settings[id]?.apply(setting) }
        }
        if let path {
            for file in config?.chain ?? [] {
                for override in file.overrides where override.files.contains(where: { ConfigResolver.matches($0, path: path, folder: file.folder) }) {
                    for (id, setting) in override.rules { settings[id]?.apply(setting) }
                }
            }
        }
        for rule in ruleSet.all {
            let names = [rule.id, rule.family]
            if names.contains(where: selection.enable.contains) { settings[rule.id]?.enabled = true }
            if names.contains(where: selection.disable.contains) { settings[rule.id]?.enabled = false }
        }
        self.settings = settings
    }

    /// The enabled rules, customised.
    public func rules(of ruleSet: RuleSet) throws -> [Rule] {
        try ruleSet.all.compactMap { rule in
            guard let setting = settings[rule.id], setting.enabled else { return nil }
            return try setting.customized(rule)
        }
    }
}
