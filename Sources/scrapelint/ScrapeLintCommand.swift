import ArgumentParser
import ScrapeLint

@main
struct ScrapeLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrapelint",
        abstract: "Find the artifacts scrapers and extractors leave in article text.",
        discussion: "Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, "
            + "2 on usage, rule or configuration errors, unreadable inputs, or a rule that could not finish.",
        version: ScrapeLintInfo.version,
        subcommands: [Lint.self, RulesCommand.self, ConfigCommand.self, SummarizeCommand.self],
        defaultSubcommand: Lint.self
    )

    /// As ArgumentParser's, except that a usage error exits 2 (as documented), not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                OutputStream.standardError.write(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(LintSummary.ExitStatus.trouble.rawValue))
            }
            exit(withError: error)
        }
    }
}

extension ColumnUnit: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// Exits with a `LintSummary.ExitStatus` without ArgumentParser printing anything.
func exitProcess(_ status: LintSummary.ExitStatus) throws -> Never {
    throw ExitCode(status.rawValue)
}
