import Foundation

/// The text of `scrapelint config print`: the settings in force for one path and where each came
/// from (a file and line, the command line, or the default).
public enum ConfigDescription {
    public static func describe(path: String, invocation: LintInvocation) throws -> String {
        var setup = try RunSetup(invocation: invocation)
        var isFolder: ObjCBool = false
        // A missing path is described as a file; only whether it is a folder matters here.
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let input = InputSource.file(path)
        let engine = try setup.engine(for: input)
        let config = try setup.configFile(for: path, isFolder: isFolder.boolValue)
        var lines = ["configuration for \(path)"]
        if let config {
            lines.append("  files: " + config.chain.map(\.path).reversed().joined(separator: " <- extends "))
        } else {
            lines.append("  files: none (defaults)")
        }
        let runChain = setup.runConfig?.chain ?? []
        func origin<Value>(_ cli: Bool, _ pick: (ConfigFile) -> ConfigFile.Setting<Value>?) -> String {
            if cli { return "command line" }
            return runChain.compactMap(pick).last.map { "\($0.origin)" } ?? "default"
        }
        lines.append("  fail-on: \(setup.failOn.rawValue)  (\(origin(invocation.failOn != nil, \.failOn)))")
        lines.append("  column-unit: \(setup.columnUnit?.rawValue ?? "per format")  (\(origin(invocation.columnUnit != nil, \.columnUnit)))")
        lines.append("  include: \(setup.include.isEmpty ? InputCollector.defaultInclude : setup.include)  (\(origin(!invocation.include.isEmpty, \.include)))")
        lines.append("  exclude: \(setup.exclude)  (\(origin(!invocation.exclude.isEmpty, \.exclude)))")
        lines.append("  rules (\(engine.rules.count) of \(setup.ruleSet.all.count) on):")
        let enabled = Dictionary(uniqueKeysWithValues: engine.rules.map { ($0.id, $0) })
        for rule in setup.ruleSet.all {
            let state = enabled[rule.id].map { $0.severity.rawValue } ?? "off"
            let chain = config?.chain ?? []
            var sources = chain.compactMap { file in file.families[rule.family].map { "family \(rule.family) at \($0.origin)" } }
            sources += chain.compactMap { $0.rules[rule.id].map { "\($0.origin)" } }
            for file in chain {
                for override in file.overrides where override.rules[rule.id] != nil
                    && override.files.contains(where: { ConfigResolver.matches($0, path: path, folder: file.folder) }) {
                    sources.append("override at \(override.origin)")
                }
            }
            if [rule.id, rule.family].contains(where: invocation.selection.enable.contains)
                || [rule.id, rule.family].contains(where: invocation.selection.disable.contains) {
                sources.append("command line")
            }
            lines.append("    \(rule.id): \(state)  (\(sources.isEmpty ? "default" : sources.joined(separator: ", ")))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
