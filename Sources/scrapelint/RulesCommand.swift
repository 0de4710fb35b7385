import ArgumentParser
import ScrapeLint

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, explain and test rules.",
        subcommands: [List.self, Explain.self, Test.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the rules: id, kind, severity, summary ('-' marks a rule that will not run).")

        @OptionGroup var options: RuleOptions

        @Flag(help: "Print the PCRE2 patterns of the selected rules instead, one a line (for rg -P and benchmarks).")
        var patterns = false

        func run() throws {
            let (ruleSet, selected) = try options.load()
            if patterns {
                OutputStream.standardOutput.write(selected.flatMap(\.kind.patterns).map { $0 + "\n" }.joined())
                return
            }
            OutputStream.standardOutput.write(RuleDocumentation.list(ruleSet.all, selected: Set(selected.map(\.id))))
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a rule's description, message, fix and examples.")

        @OptionGroup var options: RuleOptions

        @Argument(help: "The rule id.")
        var id: String

        func run() throws {
            let (ruleSet, _) = try options.load()
            guard let rule = ruleSet.rule(id) else {
                OutputStream.standardError.write("error: unknown rule '\(id)'\n")
                try exitProcess(.trouble)
            }
            OutputStream.standardOutput.write(RuleDocumentation.explain(rule))
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's examples (also after a multi-byte line and with CRLF) and report failures.",
            discussion: "Exit status: 0 when every example passes, 1 when one fails, 2 when a rule file does not load.")

        @Argument(help: "A folder of rule files (default: the built-in rules).")
        var folder: String?

        func run() throws {
            let outcome: RuleTestOutcome
            do {
                outcome = try RuleTestOutcome(folder: folder)
            } catch {
                OutputStream.standardError.write(error.description + "\n")
                try exitProcess(.trouble)
            }
            OutputStream.standardOutput.write(outcome.report)
            try exitProcess(outcome.failures.isEmpty ? .clean : .findings)
        }
    }
}
