/// The default output: `path:line:col: severity: message [rule-id]`, one line per finding, as
/// Clang and swiftc print them, so editors, CI logs and grep read it. For a terminal it can add
/// colour and the source line with a caret under the span.
public struct CompilerReporter: Sendable, Reporter {
    public let unit: ColumnUnit
    /// Colour and source excerpts; only for a terminal.
    public let rich: Bool

    public init(unit: ColumnUnit = .byte, rich: Bool = false) {
        self.unit = unit
        self.rich = rich
    }

    /// Nothing: the summary line goes to standard error, from the command.
    public func finish(summary: LintSummary, exitStatus: LintSummary.ExitStatus) -> String { "" }

    /// The lines for every finding of `report`, each ending in a newline.
    public func report(_ report: DocumentReport) -> String {
        var output = ""
        let converter = PositionConverter(document: report.document)
        var excerpt = SourceExcerpt(document: report.document)
        for diagnostic in report.diagnostics {
            let position = converter.lineAndColumn(of: diagnostic.range.lowerBound)
            let location = SourceLocation(line: position.line, column: position.column[unit])
            output += line(path: report.document.path, location: location, severity: diagnostic.severity,
                           message: diagnostic.message, ruleID: diagnostic.ruleID)
            if rich { output += excerpt.text(of: diagnostic.range) }
        }
        return output
    }

    /// The lines for rules that could not finish, for standard error.
    public func formatFailures(_ report: DocumentReport) -> String {
        report.failures.map { failure in
            line(path: report.document.path, location: report.document.location(of: failure.offset, unit: unit),
                 severity: .error, message: failure.message, ruleID: failure.ruleID)
        }.joined()
    }

    private func line(path: String, location: SourceLocation, severity: Severity, message: String, ruleID: String) -> String {
        guard rich else { return "\(path):\(location.line):\(location.column): \(severity.rawValue): \(message) [\(ruleID)]\n" }
        return Style.bold("\(path):\(location.line):\(location.column):") + " "
            + Style.severity(severity) + " " + Style.bold(message) + " [\(ruleID)]\n"
    }
}

/// ANSI styles for terminals.
enum Style {
    static func bold(_ text: String) -> String { "\u{1B}[1m\(text)\u{1B}[0m" }
    static func green(_ text: String) -> String { "\u{1B}[1;32m\(text)\u{1B}[0m" }

    static func severity(_ severity: Severity) -> String {
        let code = switch severity {
        case .error: "1;31"
        case .warning: "1;35"
        case .note: "1;36"
        }
        return "\u{1B}[\(code)m\(severity.rawValue):\u{1B}[0m"
    }
}
