import PCRE2
import ScrapeLint

/// Merged-source detection: every gold text joined to the next one (a different page) with no
/// separator, one space, one newline and a blank line. A join is found when a merge-family
/// finding starts within 300 bytes of it; a false alarm is a single gold text with any.
struct MergeScore {
    let corpus: Corpus
    let engine: Engine

    static let joins: [(name: String, separator: String)] = [
        ("no separator", ""), ("one space", " "), ("one newline", "\n"), ("blank line", "\n\n"),
    ]
    static let tolerance = 300

    var report: String {
        let matcher = Matcher()
        let merge = Set(engine.rules.filter { $0.family == "merge" }.map(\.id))
        let texts = corpus.documents.map { name -> [UInt8] in
            var bytes = corpus.gold(name).bytes
            while let last = bytes.last, last == 0x0A || last == 0x20 || last == 0x0D { bytes.removeLast() }
            return bytes
        }
        var rows = ["merged sources (\(texts.count) pairs per join, a finding within \(Self.tolerance) bytes of the join counts)"]
        var found = 0
        for join in Self.joins {
            var detected = 0
            for index in texts.indices {
                let first = texts[index], second = texts[(index + 1) % texts.count]
                let boundary = first.count + join.separator.utf8.count
                let document = Document(path: "pair", bytes: first + Array(join.separator.utf8) + second)
                let hits = engine.lint(document, with: matcher).diagnostics.filter { merge.contains($0.ruleID) }
                if hits.contains(where: { abs($0.range.lowerBound - boundary) <= Self.tolerance }) { detected += 1 }
            }
            found += detected
            rows.append("  \(join.name.padding(toLength: 14, withPad: " ", startingAt: 0)) recall \(percent(Double(detected) / Double(texts.count)))")
        }
        rows.append("  all joins      recall \(percent(Double(found) / Double(texts.count * Self.joins.count)))  (targets: no separator >= 0.95, all >= 0.60)")
        let alarms = texts.filter { text in
            engine.lint(Document(path: "single", bytes: text), with: matcher).diagnostics.contains { merge.contains($0.ruleID) }
        }.count
        rows.append("  false alarms on single gold texts: \(alarms) of \(texts.count) = \(percent(Double(alarms) / Double(texts.count))) (target <= 0.05)")
        return rows.joined(separator: "\n") + "\n"
    }
}
