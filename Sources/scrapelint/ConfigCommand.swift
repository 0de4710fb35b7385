import ArgumentParser
import ScrapeLint

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show configuration.", subcommands: [Print.self], defaultSubcommand: Print.self)

    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective configuration for a path, with where each value came from.")

        @Argument(help: "A file or folder (default: the current folder).")
        var path: String = "."

        @Option(help: ArgumentHelp("Use this configuration file instead of the nearest .scrapelint.yml.", valueName: "file"))
        var config: String?

        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            var invocation = LintInvocation()
            invocation.configPath = config
            invocation.ruleFolders = ruleOptions.ruleFolders
            invocation.selection = ruleOptions.selection
            do {
                OutputStream.standardOutput.write(try ConfigDescription.describe(path: path, invocation: invocation))
            } catch let error as RuleLoadErrors {
                OutputStream.standardError.write(error.description + "\n")
                try exitProcess(.trouble)
            } catch {
                OutputStream.standardError.write(LintInvocation.errorLines("\(error)"))
                try exitProcess(.trouble)
            }
        }
    }
}
