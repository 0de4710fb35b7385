import ArgumentParser
import CMemoryTuning
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

    /// As ArgumentParser's, except that a usage error exits 2 (as documented), not 64, and that
    /// lint's paths are read in runs (`PathArguments`).
    static func main() {
        scrapelint_keep_freed_memory()
        do {
            var command = try parseAsRoot(lintArguments: Array(CommandLine.arguments.dropFirst()))
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

extension ScrapeLintCommand {
    /// `parseAsRoot(arguments)`, with the paths folded when the command reads paths: lint (named,
    /// or the default when the first argument names no subcommand) and summarize.
    static func parseAsRoot(lintArguments arguments: [String]) throws -> ParsableCommand {
        let readers: [ParsableCommand.Type] = [Lint.self, SummarizeCommand.self]
        let others = configuration.subcommands.filter { command in !readers.contains { $0 == command } }.map { $0._commandName }
        guard let first = arguments.first, !(others + ["help"]).contains(first) else { return try parseAsRoot(arguments) }
        let named = readers.contains { $0._commandName == first } ? 1 : 0
        let (folded, runs) = PathArguments.fold(Array(arguments[named...]))
        switch try parseAsRoot(Array(arguments[..<named]) + folded) {
        case var lint as Lint:
            lint.paths = PathArguments.unfold(lint.paths, runs: runs)
            return lint
        case var summarize as SummarizeCommand:
            summarize.arguments = PathArguments.unfold(summarize.arguments, runs: runs)
            return summarize
        case let command:
            return command
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
