import ArgumentParser
import ScrapeLint

/// The options that decide which rules a run has, shared by `lint` and `rules`.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A folder of extra rule files (repeatable).", valueName: "dir"))
    var ruleFolders: [String] = []

    @Option(help: ArgumentHelp("Run a rule or family that is off by default (repeatable).", valueName: "id"))
    var enable: [String] = []

    @Option(help: ArgumentHelp("Do not run a rule or family (repeatable).", valueName: "id"))
    var disable: [String] = []

    var selection: RuleSelection { RuleSelection(enable: enable, disable: disable) }

    /// Every loaded rule and the selected ones; on an error, its message and exit status 2.
    func load() throws -> (RuleSet, [Rule]) {
        do {
            let ruleSet = try RuleSet.load(folders: ruleFolders)
            return (ruleSet, try selection.apply(to: ruleSet))
        } catch let error as RuleLoadErrors {
            OutputStream.standardError.write(error.description + "\n")
        } catch {
            OutputStream.standardError.write(LintInvocation.errorLines("\(error)"))
        }
        try exitProcess(.trouble)
    }
}
