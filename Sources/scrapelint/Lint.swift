import ArgumentParser
import Foundation
import ScrapeLint

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint files, folders or standard input (the default command).")

    @Argument(help: ArgumentHelp(
        "Files and folders to lint; '-' is standard input. Folders are searched for *.txt, *.md and *.text.",
        discussion: "With no path, standard input is linted when it is not a terminal, else the current folder."))
    var paths: [String] = []

    @Option(help: "Input: files (default) or jsonl (each path a JSON Lines corpus, one document per line; '-' is standard input).")
    var input: InputKind = .files

    @Option(name: .customLong("text-field"), help: "With --input jsonl: the field that holds the text.")
    var textField = "text"

    @Option(name: .customLong("id-field"), help: "With --input jsonl: the field that names a record (paths become FILE#ID; else FILE:LINE).")
    var idField: String?

    enum InputKind: String, ExpressibleByArgument, CaseIterable {
        case files, jsonl
    }

    @Option(help: "Output format: compiler, json, jsonl, github, sarif or summary (one line per document).")
    var format: OutputFormat = .compiler

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the report to this file (it appears whole when the run ends).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("column-unit"), help: "What columns count: byte (default; Vim %c, Clang), utf16 (default for sarif and github; VS Code), codepoint (Emacs, Vim %v).")
    var columnUnit: ColumnUnit?

    @Flag(name: .customLong("sarif-all-rules"), help: "List every enabled rule in SARIF, not only those with results.")
    var sarifAllRules = false

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error (default), warning or note.")
    var failOn: Severity?

    @Option(help: ArgumentHelp("Use this configuration file for every input instead of the nearest .scrapelint.yml.", valueName: "file"))
    var config: String?

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: ArgumentHelp("Only lint files in folders whose name or path matches (repeatable; default *.txt, *.md, *.text).", valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Skip files and folders whose name or path matches (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Option(name: .customLong("stdin-filename"), help: "The path to show for standard input (for editors).")
    var stdinFilename: String?

    @Option(name: [.short, .long], help: "Files linted at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "Colour and source excerpts: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Report only findings this baseline file does not hold.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record today's findings in this file (exit 0 unless something went wrong).", valueName: "file"))
    var writeBaseline: String?

    @Flag(help: "Apply the fixes of rules marked safe (or of --fix-only), write the files, then report what remains. Fixed standard input goes to standard output.")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: print a unified diff and change nothing.")
    var dryRun = false

    @Option(name: .customLong("fix-only"), help: ArgumentHelp("With --fix: apply only the fixes of this rule or family, safe or not (repeatable).", valueName: "id"))
    var fixOnly: [String] = []

    @Flag(name: .customLong("no-inline-config"), help: "Ignore <!-- scrapelint-disable ... --> comments in the text (for audits).")
    var noInlineConfig = false

    @Flag(help: "Print each rule's share of the time, and that of reading and indexing the inputs, on standard error.")
    var timings = false

    @Flag(name: [.short, .long], help: "No summary line or notes on standard error.")
    var quiet = false

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    func validate() throws {
        if (dryRun || !fixOnly.isEmpty), !fix { throw ValidationError("--dry-run and --fix-only go with --fix") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var invocation = LintInvocation()
        invocation.paths = paths.isEmpty ? (stdinFilename != nil || !isatty0 ? ["-"] : ["."]) : paths
        if let stdinFilename { invocation.standardInputName = stdinFilename }
        invocation.format = format
        invocation.columnUnit = columnUnit
        invocation.outputPath = output
        invocation.sarifAllRules = sarifAllRules
        invocation.inlineConfig = !noInlineConfig
        invocation.timings = timings
        invocation.jsonLines = input == .jsonl
        invocation.textField = textField
        invocation.idField = idField
        invocation.fix = fix
        invocation.dryRun = dryRun
        invocation.fixOnly = fixOnly.isEmpty ? nil : fixOnly
        invocation.baselinePath = baseline
        invocation.writeBaselinePath = writeBaseline
        invocation.failOn = failOn
        invocation.configPath = config
        invocation.ruleFolders = ruleOptions.ruleFolders
        invocation.selection = ruleOptions.selection
        if let jobs { invocation.jobs = jobs }
        invocation.include = include
        invocation.exclude = exclude
        invocation.quiet = quiet
        invocation.rich = switch color {
        case .always: true
        case .never: false
        case .auto: OutputStream.standardOutput.isTerminal
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        }
        try exitProcess(invocation.run())
    }

    private var isatty0: Bool { OutputStream(descriptor: 0).isTerminal }
}
