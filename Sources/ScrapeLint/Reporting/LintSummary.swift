/// Counts what a run found and decides its exit status: the one place that does.
public struct LintSummary: Sendable, Equatable {
    public private(set) var errors = 0
    public private(set) var warnings = 0
    public private(set) var notes = 0
    public private(set) var filesLinted = 0
    public private(set) var filesWithFindings = 0
    public private(set) var binarySkipped = 0
    public private(set) var unreadable = 0
    public private(set) var ruleFailures = 0
    /// Findings the baseline held back, and recorded ones that did not come up again.
    public var baselineMatched = 0
    public var baselineGone = 0
    public private(set) var fixesApplied = 0
    public private(set) var filesFixed = 0
    public private(set) var fixFailures = 0

    public init() {}

    /// Exit statuses of the command.
    public enum ExitStatus: Int32, Sendable {
        /// Nothing at or above the `--fail-on` severity.
        case clean = 0
        /// Findings at or above it.
        case findings = 1
        /// Usage, rule or configuration errors, unreadable inputs, or a rule that could not finish.
        case trouble = 2
    }

    public mutating func add(_ outcome: LintRunner.Outcome) {
        switch outcome {
        case .success(let report):
            filesLinted += 1
            if !report.diagnostics.isEmpty { filesWithFindings += 1 }
            ruleFailures += report.failures.count
            if let fix = report.fix {
                fixesApplied += fix.applied
                if fix.applied > 0 { filesFixed += 1 }
                if fix.writeError != nil { fixFailures += 1 }
            }
            for diagnostic in report.diagnostics {
                switch diagnostic.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                case .note: notes += 1
                }
            }
        case .failure(.binary): binarySkipped += 1
        case .failure(.unreadable): unreadable += 1
        }
    }

    public func exitStatus(failOn threshold: Severity) -> ExitStatus {
        if unreadable > 0 || ruleFailures > 0 || fixFailures > 0 { return .trouble }
        let counted = switch threshold {
        case .error: errors
        case .warning: errors + warnings
        case .note: errors + warnings + notes
        }
        return counted > 0 ? .findings : .clean
    }

    /// `3 errors, 12 warnings, 1 note in 2 of 5 files`, plus skipped and failed inputs.
    public var line: String {
        func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : noun.hasSuffix("x") ? "es" : "s")"
        }
        var text = [count(errors, "error"), count(warnings, "warning"), count(notes, "note")].joined(separator: ", ")
        text += " in \(filesWithFindings) of \(count(filesLinted, "file"))"
        if binarySkipped > 0 { text += "; \(count(binarySkipped, "binary file")) skipped" }
        if unreadable > 0 { text += "; \(unreadable) unreadable" }
        if ruleFailures > 0 { text += "; \(count(ruleFailures, "rule failure"))" }
        if fixesApplied > 0 || fixFailures > 0 { text += "; \(count(fixesApplied, "fix")) applied in \(count(filesFixed, "file"))" }
        if fixFailures > 0 { text += ", \(fixFailures) not written" }
        if baselineMatched > 0 || baselineGone > 0 {
            text += "; \(baselineMatched) in the baseline"
            if baselineGone > 0 { text += ", \(baselineGone) recorded no longer found" }
        }
        return text
    }
}
