import Foundation
import PCRE2

/// One `scrapelint lint` run, everything the command line decided, ready to run. The command
/// is a thin parser in front of this, so tests and other front ends run the same code.
public struct LintInvocation: Sendable {
    public var paths: [String] = []
    public var standardInputName = "<stdin>"
    public var format: OutputFormat = .compiler
    /// Nil: the format's own unit (bytes for compiler, UTF-16 for SARIF and GitHub).
    public var columnUnit: ColumnUnit?
    /// Write the report here (atomically, when the run ends) instead of standard output.
    public var outputPath: String?
    /// SARIF lists every enabled rule, not only those with results.
    public var sarifAllRules = false
    /// Honour `<!-- scrapelint-disable ... -->` comments (off for audits).
    public var inlineConfig = true
    public var failOn: Severity = .error
    public var ruleFolders: [String] = []
    public var selection = RuleSelection()
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var include: [String] = []
    public var exclude: [String] = []
    /// No summary line and no notes about skipped files on standard error.
    public var quiet = false
    /// Colour and source excerpts (for a terminal).
    public var rich = false
    public var limits = Matcher.Limits()

    public init() {}

    /// Lints, writes findings to `output` and messages to `errors`, and returns the exit status.
    public func run(output: OutputStream = .standardOutput, errors: OutputStream = .standardError) -> LintSummary.ExitStatus {
        let unit = columnUnit ?? format.defaultColumnUnit
        if format == .sarif, unit == .byte {
            errors.write("error: SARIF columns count UTF-16 code units or code points; use --column-unit utf16 or codepoint\n")
            return .trouble
        }
        let rules: [Rule]
        do {
            rules = try selection.apply(to: RuleSet.load(folders: ruleFolders))
        } catch let error as RuleLoadErrors {
            errors.write(error.description + "\n")
            return .trouble
        } catch {
            errors.write(Self.errorLines("\(error)"))
            return .trouble
        }

        let collector = InputCollector(include: include, exclude: exclude, standardInputName: standardInputName)
        let (inputs, missing) = collector.collect(paths.isEmpty ? ["-"] : paths)
        var summary = LintSummary()
        for problem in missing {
            errors.write(Self.message(for: problem))
            summary.add(.failure(problem))
        }

        let destination: ReportDestination
        do { destination = try ReportDestination(path: outputPath, standardOutput: output) } catch {
            errors.write("error: \(error)\n")
            return .trouble
        }
        let context = ReportContext(rules: rules, columnUnit: unit,
                                    workingDirectory: FileManager.default.currentDirectoryPath, allRules: sarifAllRules)
        var reporter = makeReporter(context: context)
        // Rule failures also go to standard error in compiler style, whatever the format.
        let failureLines = CompilerReporter(unit: unit, rich: false)
        LintRunner(engine: Engine(rules: rules, inlineConfig: inlineConfig), jobs: jobs, limits: limits).run(inputs) { outcome in
            summary.add(outcome)
            switch outcome {
            case .success(let report):
                destination.write(reporter.report(report))
                errors.write(failureLines.formatFailures(report))
            case .failure(let problem):
                if case .binary = problem, quiet { break }
                errors.write(Self.message(for: problem))
            }
        }
        let status = summary.exitStatus(failOn: failOn)
        destination.write(reporter.finish(summary: summary, exitStatus: status))
        do { try destination.commit() } catch {
            errors.write("error: \(error)\n")
            return .trouble
        }
        if !quiet { errors.write(summary.line + "\n") }
        return status
    }

    private func makeReporter(context: ReportContext) -> any Reporter {
        switch format {
        case .compiler: CompilerReporter(unit: context.columnUnit, rich: rich && outputPath == nil)
        case .json: JSONReporter(context: context, lines: false)
        case .jsonl: JSONReporter(context: context, lines: true)
        case .github: GitHubReporter(unit: context.columnUnit)
        case .sarif: SarifReporter(context: context)
        }
    }

    /// Each line of `text` as an `error:` line, for errors that belong to no file.
    public static func errorLines(_ text: String) -> String {
        text.split(separator: "\n").map { "error: \($0)\n" }.joined()
    }

    static func message(for problem: InputProblem) -> String {
        switch problem {
        case .binary(let path): "\(path): note: skipped: binary file (NUL byte)\n"
        case .unreadable(let path, let reason): "\(path): error: \(reason)\n"
        }
    }
}
