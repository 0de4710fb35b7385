import Foundation

/// The `sarif` format: one SARIF 2.1.0 run for code-scanning dashboards (GitHub code scanning,
/// VS Code's SARIF viewer). Columns count UTF-16 code units (`columnKind: utf16CodeUnits`) or,
/// with `--column-unit codepoint`, Unicode code points; paths are relative to the working
/// folder, under `%SRCROOT%`.
public struct SarifReporter: Reporter {
    private let context: ReportContext
    private var results: [SarifLog.Result] = []
    private var notifications: [SarifLog.Notification] = []
    private var usedRules: Set<String> = []
    private let ruleIndex: [String: Int]
    private let listedRules: [Rule]

    public init(context: ReportContext) {
        self.context = context
        listedRules = context.rules.sorted { $0.id < $1.id }
        ruleIndex = Dictionary(uniqueKeysWithValues: listedRules.enumerated().map { ($1.id, $0) })
    }

    public mutating func report(_ report: DocumentReport) -> String {
        let converter = PositionConverter(document: report.document)
        let uri = SarifPaths.relativeURI(report.document.path, from: context.workingDirectory)
        var fingerprints = SarifFingerprints(document: report.document)
        for diagnostic in report.diagnostics {
            usedRules.insert(diagnostic.ruleID)
            let location = physicalLocation(uri, diagnostic.range, converter, snippet: true)
            var result = SarifLog.Result(
                ruleId: diagnostic.ruleID, ruleIndex: ruleIndex[diagnostic.ruleID] ?? 0,
                level: Self.level(diagnostic.severity), message: .init(text: diagnostic.message),
                locations: [SarifLog.Location(physicalLocation: location)],
                partialFingerprints: ["primaryLocationLineHash": fingerprints.next(for: diagnostic)])
            if !diagnostic.related.isEmpty {
                result.relatedLocations = diagnostic.related.enumerated().map { index, related in
                    SarifLog.Location(id: index + 1, physicalLocation: physicalLocation(uri, related.range, converter, snippet: true),
                                      message: .init(text: related.message))
                }
            }
            if let fix = diagnostic.fix {
                let replacement = SarifLog.Replacement(
                    deletedRegion: region(fix.range, converter, snippet: false),
                    insertedContent: .init(text: String(decoding: fix.replacement, as: UTF8.self)))
                result.fixes = [SarifLog.Fix(
                    description: .init(text: fix.replacement.isEmpty ? "delete the text" : "replace the text"),
                    artifactChanges: [.init(artifactLocation: .init(uri: uri, uriBaseId: SarifPaths.baseID), replacements: [replacement])])]
            }
            results.append(result)
        }
        for failure in report.failures {
            let range = failure.offset..<failure.offset
            notifications.append(SarifLog.Notification(
                level: "error", message: .init(text: failure.message),
                locations: [SarifLog.Location(physicalLocation: physicalLocation(uri, range, converter, snippet: false))],
                associatedRule: .init(id: failure.ruleID, index: ruleIndex[failure.ruleID])))
        }
        return ""
    }

    public mutating func finish(summary: LintSummary, exitStatus: LintSummary.ExitStatus) -> String {
        let rules = context.allRules ? listedRules : listedRules.filter { usedRules.contains($0.id) }
        // Indices point into the rules as listed.
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        for position in results.indices { results[position].ruleIndex = index[results[position].ruleId] ?? 0 }
        for position in notifications.indices {
            if let id = notifications[position].associatedRule?.id { notifications[position].associatedRule?.index = index[id] }
        }
        let run = SarifLog.Run(
            tool: .init(driver: .init(name: ScrapeLintInfo.name, version: ScrapeLintInfo.version,
                                      semanticVersion: ScrapeLintInfo.version, informationUri: ScrapeLintInfo.informationURI,
                                      rules: rules.map(SarifRuleDescriptor.make))),
            invocations: [.init(executionSuccessful: exitStatus != .trouble, exitCode: exitStatus.rawValue,
                                toolExecutionNotifications: notifications)],
            originalUriBaseIds: [SarifPaths.baseID: .init(uri: SarifPaths.folderURI(context.workingDirectory))],
            columnKind: context.columnUnit == .codepoint ? "unicodeCodePoints" : "utf16CodeUnits",
            results: results)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(SarifLog(runs: [run]))) ?? Data(), as: UTF8.self) + "\n"
    }

    private func physicalLocation(_ uri: String, _ range: Range<Int>, _ converter: PositionConverter, snippet: Bool) -> SarifLog.PhysicalLocation {
        SarifLog.PhysicalLocation(artifactLocation: .init(uri: uri, uriBaseId: SarifPaths.baseID),
                                  region: region(range, converter, snippet: snippet))
    }

    private func region(_ range: Range<Int>, _ converter: PositionConverter, snippet: Bool) -> SarifLog.Region {
        let start = converter.position(of: range.lowerBound), end = converter.position(of: range.upperBound)
        let unit: ColumnUnit = context.columnUnit == .codepoint ? .codepoint : .utf16
        return SarifLog.Region(
            startLine: start.line, startColumn: start.column[unit], endLine: end.line, endColumn: end.column[unit],
            charOffset: start.offset(in: unit), charLength: end.offset(in: unit) - start.offset(in: unit),
            snippet: snippet ? .init(text: converter.document.text(in: range)) : nil)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
