import Foundation
import PCRE2

/// One `scrapelint lint` run, everything the command line decided, ready to run. The command
/// is a thin parser in front of this, so tests and other front ends run the same code.
public struct LintInvocation: Sendable {
    public var paths: [String] = []
    public var standardInputName = "<stdin>"
    public var columnUnit: ColumnUnit = .byte
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

        let reporter = CompilerReporter(unit: columnUnit, rich: rich)
        LintRunner(engine: Engine(rules: rules), jobs: jobs, limits: limits).run(inputs) { outcome in
            summary.add(outcome)
            switch outcome {
            case .success(let report):
                output.write(reporter.format(report))
                errors.write(reporter.formatFailures(report))
            case .failure(let problem):
                if case .binary = problem, quiet { break }
                errors.write(Self.message(for: problem))
            }
        }
        if !quiet { errors.write(summary.line + "\n") }
        return summary.exitStatus(failOn: failOn)
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
