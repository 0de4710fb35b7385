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
    static func escapeMessage(_ text: String) -> String { escape(text, separators: false) }

    /// Properties also escape `:` and `,`, which separate them (`escapeProperty`).
    static func escapeProperty(_ text: String) -> String { escape(text, separators: true) }

    /// One pass, and none for a text without those characters: Foundation's
    /// `replacingOccurrences`, five times a property and three times a message, took about 35 µs
    /// a finding, and `--format github` 2.4x the time of compiler-style output.
    private static func escape(_ text: String, separators: Bool) -> String {
        let needsEscape = { (byte: UInt8) in
            byte == 0x25 || byte == 0x0D || byte == 0x0A || (separators && (byte == 0x3A || byte == 0x2C))
        }
        guard text.utf8.contains(where: needsEscape) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            case ":" where separators: escaped += "%3A"
            case "," where separators: escaped += "%2C"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
