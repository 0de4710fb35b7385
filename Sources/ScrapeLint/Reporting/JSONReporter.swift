import Foundation

/// The `json` format: one versioned document with every finding, the rules that could not
/// finish and the summary. And `jsonl`: one finding per line, written as each document is done.
public struct JSONReporter: Reporter {
    public let lines: Bool
    private let familyOf: [String: String]
    private var findings: [JSONFinding] = []
    private var failures: [JSONRuleFailure] = []
    private let encoder: JSONEncoder

    public init(context: ReportContext, lines: Bool) {
        self.lines = lines
        familyOf = Dictionary(context.rules.map { ($0.id, $0.family) }, uniquingKeysWith: { first, _ in first })
        encoder = JSONEncoder()
        encoder.outputFormatting = lines ? [.sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
    }

    public mutating func report(_ report: DocumentReport) -> String {
        let converter = PositionConverter(document: report.document)
        let documentFindings = report.diagnostics.map { JSONFinding($0, family: familyOf[$0.ruleID] ?? "", converter: converter) }
        if lines {
            var writer = JSONLineWriter(capacity: documentFindings.count * 600)
            for finding in documentFindings {
                finding.write(into: &writer)
                writer.newline()
            }
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        findings += documentFindings
        failures += report.failures.map {
            JSONRuleFailure(path: report.document.path, ruleId: $0.ruleID, message: $0.message, position: converter.position(of: $0.offset))
        }
        return ""
    }

    public mutating func finish(summary: LintSummary, exitStatus: LintSummary.ExitStatus) -> String {
        guard !lines else { return "" }
        let document = JSONDocument(
            version: 1, tool: .init(name: ScrapeLintInfo.name, version: ScrapeLintInfo.version),
            findings: findings, ruleFailures: failures,
            summary: .init(summary, exitStatus: exitStatus))
        return encode(document) + "\n"
    }

    private func encode<Value: Encodable>(_ value: Value) -> String {
        // Encoding plain Codable values of strings and numbers cannot fail.
        String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}

/// The whole `json` output.
public struct JSONDocument: Codable, Sendable {
    public let version: Int
    public let tool: Tool
    public let findings: [JSONFinding]
    public let ruleFailures: [JSONRuleFailure]
    public let summary: Summary

    public struct Tool: Codable, Sendable {
        public let name: String
        public let version: String
    }

    public struct Summary: Codable, Sendable {
        public let errors: Int
        public let warnings: Int
        public let notes: Int
        public let filesLinted: Int
        public let filesWithFindings: Int
        public let binarySkipped: Int
        public let unreadable: Int
        public let ruleFailures: Int
        public let exitStatus: Int32

        init(_ summary: LintSummary, exitStatus: LintSummary.ExitStatus) {
            errors = summary.errors
            warnings = summary.warnings
            notes = summary.notes
            filesLinted = summary.filesLinted
            filesWithFindings = summary.filesWithFindings
            binarySkipped = summary.binarySkipped
            unreadable = summary.unreadable
            ruleFailures = summary.ruleFailures
            self.exitStatus = exitStatus.rawValue
        }
    }
}
