import Foundation
import PackagePlugin

/// Embeds every `*.yml` file of the target's folder (the top-level `Rules/`) into a generated
/// Swift source, so the built binary carries the default rules and `Rules/` stays their only copy.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = target.directoryURL
        let ruleFiles = try yamlFiles(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRuleFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(ruleFiles.count) rule files",
                executable: try context.tool(named: "embed-rules").url,
                arguments: [root.path(), output.path()] + ruleFiles.map { $0.path() },
                inputFiles: ruleFiles,
                outputFiles: [output]
            )
        ]
    }

    private func yamlFiles(under root: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "yml" }
            .sorted { $0.path() < $1.path() }
    }
}
