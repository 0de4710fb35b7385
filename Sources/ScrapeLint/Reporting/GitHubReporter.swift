import Foundation

/// The `github` format: workflow commands that GitHub Actions turns into annotations on the
/// changed files, `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`.
public struct GitHubReporter: Reporter {
    public let unit: ColumnUnit

    public init(unit: ColumnUnit = .utf16) {
        self.unit = unit
    }

    public func report(_ report: DocumentReport) -> String {
        let converter = PositionConverter(document: report.document)
        var output = ""
        for diagnostic in report.diagnostics {
            let start = converter.lineAndColumn(of: diagnostic.range.lowerBound)
            let end = converter.lineAndColumn(of: diagnostic.range.upperBound)
            var properties = [("file", report.document.path), ("line", "\(start.line)"), ("endLine", "\(end.line)")]
            // GitHub reads columns only when the annotation is on one line.
            if start.line == end.line {
                properties += [("col", "\(start.column[unit])"), ("endColumn", "\(end.column[unit])")]
            }
            properties.append(("title", diagnostic.ruleID))
            let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            output += "::\(Self.command(for: diagnostic.severity)) \(list)::\(Self.escapeMessage(diagnostic.message))\n"
        }
        return output
    }

    public func finish(summary: LintSummary, exitStatus: LintSummary.ExitStatus) -> String { "" }

    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// The escaping of the Actions runner (`toCommandValue` / `escapeData`): `%`, CR and LF.
    static func escapeMessage(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Properties also escape `:` and `,`, which separate them (`escapeProperty`).
    static func escapeProperty(_ text: String) -> String {
        escapeMessage(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
