/// The `summary` format: one JSON line per document with its counts by severity and family and
/// a quality score, for filtering a corpus (`jq 'select(.score > 0.8)'`).
///
/// The score is `1 / (1 + penalty / 5)` where the penalty is `3 × errors + warnings + notes / 4`
/// per 1,000 words (at least 100 words are assumed, so a tiny text is not condemned by one
/// finding): 1 for a clean text, 0.63 for one error per 1,000 words, 0.14 for ten.
public struct SummaryReporter: Reporter {
    private let familyOf: [String: String]

    public init(context: ReportContext) {
        familyOf = Dictionary(context.rules.map { ($0.id, $0.family) }, uniquingKeysWith: { first, _ in first })
    }

    public struct Line: Codable, Sendable, Equatable {
        public let path: String
        public let words: Int
        public let errors: Int
        public let warnings: Int
        public let notes: Int
        public let families: [String: Int]
        public let score: Double

        /// The line as `JSONEncoder` would write it, keys sorted (`JSONLineWriter`).
        func write(into writer: inout JSONLineWriter) {
            writer.object { writer in
                writer.key("errors"); writer.value(errors)
                writer.key("families")
                writer.object { writer in
                    for family in families.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                        writer.key(family); writer.value(families[family]!)
                    }
                }
                writer.key("notes"); writer.value(notes)
                writer.key("path"); writer.value(path)
                writer.key("score"); writer.value(score)
                writer.key("warnings"); writer.value(warnings)
                writer.key("words"); writer.value(words)
            }
        }
    }

    public func report(_ report: DocumentReport) -> String {
        let diagnostics = report.diagnostics
        let count = { (severity: Severity) in diagnostics.filter { $0.severity == severity }.count }
        var families: [String: Int] = [:]
        for diagnostic in diagnostics { families[familyOf[diagnostic.ruleID] ?? "other", default: 0] += 1 }
        let words = WordCount.count(report.document.bytes)
        let (errors, warnings, notes) = (count(.error), count(.warning), count(.note))
        let line = Line(path: report.document.path, words: words, errors: errors, warnings: warnings, notes: notes,
                        families: families, score: Self.score(errors: errors, warnings: warnings, notes: notes, words: words))
        var writer = JSONLineWriter(capacity: 256)
        line.write(into: &writer)
        writer.newline()
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    public func finish(summary: LintSummary, exitStatus: LintSummary.ExitStatus) -> String { "" }

    public static func score(errors: Int, warnings: Int, notes: Int, words: Int) -> Double {
        let penalty = (3 * Double(errors) + Double(warnings) + Double(notes) / 4) * 1000 / Double(max(words, 100))
        return (1 / (1 + penalty / 5) * 1000).rounded() / 1000
    }
}
