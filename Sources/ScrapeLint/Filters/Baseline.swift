import Foundation

/// Findings recorded on purpose, so that only new ones are reported: a team adopts scrapelint on
/// an old corpus and fixes the backlog later. A finding matches by path, rule id and the hash of
/// its line's text, up to the number recorded, never by line number, so paragraphs inserted
/// above it do not bring it back. The file is JSON, sorted, the same bytes when written again.
public struct Baseline: Codable, Sendable, Equatable {
    public var version = 1
    public var findings: [Entry]

    public struct Entry: Codable, Sendable, Hashable, Comparable {
        public let path: String
        public let ruleId: String
        /// `LineFingerprint` of the rule and the finding's line, as hex.
        public let lineHash: String
        public var count: Int

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.path, lhs.ruleId, lhs.lineHash) < (rhs.path, rhs.ruleId, rhs.lineHash)
        }
    }

    struct Key: Hashable {
        let path: String
        let ruleID: String
        let lineHash: String
    }

    /// The key of each of `report`'s findings, in order.
    static func keys(of report: DocumentReport) -> [Key] {
        var fingerprint = LineFingerprint(document: report.document)
        return report.diagnostics.map { diagnostic in
            Key(path: report.document.path, ruleID: diagnostic.ruleID, lineHash: LineFingerprint.hex(fingerprint.hash(of: diagnostic)))
        }
    }

    /// The baseline of everything `recorder` saw.
    public init(_ recorder: Recorder) {
        findings = recorder.counts.map { Entry(path: $0.key.path, ruleId: $0.key.ruleID, lineHash: $0.key.lineHash, count: $0.value) }
            .sorted()
    }

    /// Counts findings report by report, keeping only their keys (not the documents).
    public struct Recorder: Sendable {
        var counts: [Key: Int] = [:]

        public init() {}

        public mutating func record(_ report: DocumentReport) {
            for key in Baseline.keys(of: report) { counts[key, default: 0] += 1 }
        }
    }

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw BaselineError(message: "cannot read the baseline \(path)") }
        do { self = try JSONDecoder().decode(Baseline.self, from: data) } catch {
            throw BaselineError(message: "\(path): not a scrapelint baseline (\(error))")
        }
        guard version == 1 else { throw BaselineError(message: "\(path): baseline version \(version) is not supported") }
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    struct BaselineError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// Takes out of each report the findings the baseline holds, counting down as it goes, and
/// says how many recorded findings never came up again.
public struct BaselineFilter: Sendable {
    private var remaining: [Baseline.Key: Int]

    public init(_ baseline: Baseline) {
        var remaining: [Baseline.Key: Int] = [:]
        for entry in baseline.findings {
            remaining[Baseline.Key(path: entry.path, ruleID: entry.ruleId, lineHash: entry.lineHash), default: 0] += entry.count
        }
        self.remaining = remaining
    }

    public mutating func filter(_ report: DocumentReport) -> DocumentReport {
        let keys = Baseline.keys(of: report)
        let kept = report.diagnostics.indices.filter { index in
            guard let count = remaining[keys[index]], count > 0 else { return true }
            remaining[keys[index]] = count - 1
            return false
        }.map { report.diagnostics[$0] }
        return DocumentReport(document: report.document, diagnostics: kept, failures: report.failures, fix: report.fix)
    }

    /// Recorded findings not seen in this run: fixed since, so the baseline can shrink.
    public var gone: Int { remaining.values.reduce(0, +) }
}
