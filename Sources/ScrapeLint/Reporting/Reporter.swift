/// Writes what a run found in one output format. `report` is called once per document in path
/// order and returns text to write at once (streaming formats) or nothing (formats written as
/// one document); `finish` returns the rest.
public protocol Reporter {
    mutating func report(_ report: DocumentReport) -> String
    mutating func finish(summary: LintSummary, exitStatus: LintSummary.ExitStatus) -> String
}

/// The output formats of `--format`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case compiler, json, jsonl, github, sarif, summary

    /// The column unit a format uses unless `--column-unit` says otherwise.
    public var defaultColumnUnit: ColumnUnit {
        switch self {
        case .compiler: .byte
        case .json, .jsonl, .summary: .byte  // all three units, or none
        case .github, .sarif: .utf16
        }
    }
}

/// What every reporter may need besides the findings.
public struct ReportContext: Sendable {
    /// The rules of the run, enabled ones only.
    public let rules: [Rule]
    public let columnUnit: ColumnUnit
    /// The folder relative paths are relative to (SARIF's `%SRCROOT%`).
    public let workingDirectory: String
    /// Every enabled rule in SARIF's `rules`, not only those with results.
    public let allRules: Bool

    public init(rules: [Rule], columnUnit: ColumnUnit, workingDirectory: String, allRules: Bool = false) {
        self.rules = rules
        self.columnUnit = columnUnit
        self.workingDirectory = workingDirectory
        self.allRules = allRules
    }
}
