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
    /// Report only findings this baseline file does not hold.
    public var baselinePath: String?
    /// Record today's findings in this file (and exit 0 unless something went wrong).
    public var writeBaselinePath: String?
    /// Apply the safe fixes (or those of `fixOnly`), then report what remains.
    public var fix = false
    /// With `fix`: print a unified diff and change nothing.
    public var dryRun = false
    public var fixOnly: [String]?
    /// Nil: the configuration's, else `error`.
    public var failOn: Severity?
    /// A configuration file for every input instead of the nearest `.scrapelint.yml`.
    public var configPath: String?
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
    /// Print each rule's share of the matching time on standard error.
    public var timings = false
    /// Paths are JSON Lines corpora, one document per line, read with these fields.
    public var jsonLines = false
    public var textField = "text"
    public var idField: String?

    /// From this many files a run counts as a corpus (`Engine.prepareForCorpus()`).
    static let corpusFiles = 256

    public init() {}

    /// Lints, writes findings to `output` and messages to `errors`, and returns the exit status.
    public func run(output: OutputStream = .standardOutput, errors: OutputStream = .standardError) -> LintSummary.ExitStatus {
        var setup: RunSetup
        var jobs: [LintRunner.Job] = []
        var inputs: [InputSource] = [], missing: [InputProblem] = []
        var corpora: [(reader: JSONLinesReader, engine: Engine)] = []
        if jsonLines, fix {
            errors.write("error: --fix rewrites files; it does not take --input jsonl\n")
            return .trouble
        }
        do {
            setup = try RunSetup(invocation: self)
            if jsonLines {
                for path in paths.isEmpty ? ["-"] : paths {
                    do {
                        let reader = try JSONLinesReader(path: path, textField: textField, idField: idField)
                        corpora.append((reader, try setup.engine(for: path == "-" ? .standardInput(name: "<stdin>") : .file(path))))
                    } catch let problem as InputProblem {
                        missing.append(problem)
                    }
                }
            } else {
                let collector = InputCollector(include: setup.include, exclude: setup.exclude, standardInputName: standardInputName)
                (inputs, missing) = collector.collect(paths.isEmpty ? ["-"] : paths)
                for input in inputs { jobs.append(LintRunner.Job(input: input, engine: try setup.engine(for: input))) }
            }
            // A corpus (JSON Lines, or hundreds of files) has every pattern's literals read
            // before its first text, so that its short texts skip rules too: the reading takes
            // 5-7 ms and a text under 8 KB saves 8-40 us, so a hook's few files do not pay.
            if !corpora.isEmpty || jobs.count >= Self.corpusFiles { setup.prepareForCorpus() }
        } catch let error as RuleLoadErrors {
            errors.write(error.description + "\n")
            return .trouble
        } catch {
            errors.write(Self.errorLines("\(error)"))
            return .trouble
        }
        let failOn = setup.failOn
        let unit = setup.columnUnit ?? format.defaultColumnUnit
        if format == .sarif, unit == .byte {
            errors.write("error: SARIF columns count UTF-16 code units or code points; use --column-unit utf16 or codepoint\n")
            return .trouble
        }
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
        let context = ReportContext(rules: setup.rulesInUse, columnUnit: unit,
                                    workingDirectory: FileManager.default.currentDirectoryPath, allRules: sarifAllRules)
        var reporter = makeReporter(context: context)
        var baseline: BaselineFilter?
        if let baselinePath {
            do { baseline = BaselineFilter(try Baseline(contentsOf: baselinePath)) } catch {
                errors.write("error: \(error)\n")
                return .trouble
            }
        }
        var recorder = Baseline.Recorder()
        // Rule failures also go to standard error in compiler style, whatever the format.
        let failureLines = CompilerReporter(unit: unit, rich: false)
        // With --fix, files are written back and reported; standard input is printed fixed.
        let namedFiles = Set(inputs.compactMap { if case .file(let path) = $0 { path } else { nil } })
        var pending = jobs.makeIterator()
        var corpusIndex = 0
        // Files as collected; a corpus record by record, one batch in memory at a time.
        let next: () -> LintRunner.Job? = {
            if let job = pending.next() { return job }
            while corpusIndex < corpora.count {
                if let record = corpora[corpusIndex].reader.next() { return LintRunner.Job(input: record, engine: corpora[corpusIndex].engine) }
                corpusIndex += 1
            }
            return nil
        }
        let measured = LintRunner(jobs: self.jobs, limits: limits, fix: fix, fixOnly: fixOnly, writeFixes: !dryRun, measure: timings).run(next: next) { outcome in
            var outcome = outcome
            if case .success(let report) = outcome {
                if writeBaselinePath != nil { recorder.record(report) }
                if let filtered = baseline?.filter(report) {
                    summary.baselineMatched += report.diagnostics.count - filtered.diagnostics.count
                    outcome = .success(filtered)
                }
            }
            summary.add(outcome)
            switch outcome {
            case .success(let report):
                errors.write(failureLines.formatFailures(report))
                if let fix = report.fix {
                    if let problem = fix.writeError { errors.write("\(problem)\n") }
                    if dryRun {
                        destination.write(UnifiedDiff.make(old: fix.original, new: report.document.bytes, path: report.document.path))
                        break
                    }
                    if namedFiles.contains(report.document.path) {
                        destination.write(reporter.report(report))
                    } else {
                        // Fixed standard input goes to standard output; what remains, to standard error.
                        destination.write(String(decoding: report.document.fileBytes, as: UTF8.self))
                        errors.write(failureLines.report(report))
                    }
                    break
                }
                destination.write(reporter.report(report))
            case .failure(let problem):
                if case .binary = problem, quiet { break }
                errors.write(Self.message(for: problem))
            }
        }
        summary.baselineGone = baseline?.gone ?? 0
        var status = summary.exitStatus(failOn: failOn)
        if let writeBaselinePath {
            do {
                let file = try ReportDestination(path: writeBaselinePath, standardOutput: output)
                file.write(Baseline(recorder).json)
                try file.commit()
            } catch {
                errors.write("error: \(error)\n")
                return .trouble
            }
            if status == .findings { status = .clean }
        }
        destination.write(reporter.finish(summary: summary, exitStatus: status))
        do { try destination.commit() } catch {
            errors.write("error: \(error)\n")
            return .trouble
        }
        if !quiet { errors.write(summary.line + "\n") }
        if timings { errors.write(Self.timingTable(measured)) }
        return status
    }

    private func makeReporter(context: ReportContext) -> any Reporter {
        switch format {
        case .compiler: CompilerReporter(unit: context.columnUnit, rich: rich && outputPath == nil)
        case .json: JSONReporter(context: context, lines: false)
        case .jsonl: JSONReporter(context: context, lines: true)
        case .github: GitHubReporter(unit: context.columnUnit)
        case .sarif: SarifReporter(context: context)
        case .summary: SummaryReporter(context: context)
        }
    }

    /// Rules (and the reading and indexing of the documents) by their share of the time, slowest
    /// first.
    static func timingTable(_ timings: [String: Duration]) -> String {
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let total = timings.values.reduce(Duration.zero, +)
        let width = timings.keys.map(\.count).max() ?? 4
        var text = "rule".padding(toLength: width, withPad: " ", startingAt: 0) + "   seconds   share\n"
        for (id, time) in timings.sorted(by: { $0.value > $1.value }) {
            let share = seconds(total) > 0 ? seconds(time) / seconds(total) * 100 : 0
            text += id.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: " %9.3f %6.1f%%", seconds(time), share) + "\n"
        }
        text += "total".padding(toLength: width, withPad: " ", startingAt: 0) + String(format: " %9.3f", seconds(total)) + "\n"
        return text
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
