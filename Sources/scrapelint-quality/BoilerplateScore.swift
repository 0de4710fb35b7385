import PCRE2
import ScrapeLint

/// Line-level precision and recall of the boilerplate family on extractor output: a reported
/// line is a true positive when it is an extra line not found in the gold text, a false positive
/// when it is not extra at all; extra lines whose words do occur in the gold are left out.
struct BoilerplateScore {
    let corpus: Corpus
    let engine: Engine

    var report: String {
        let matcher = Matcher()
        let family = Dictionary(uniqueKeysWithValues: engine.rules.map { ($0.id, $0.family) })
        var rows: [String] = ["boilerplate lines (line-level, go_trafilatura left out: its lines are flattened)",
                              "  extractor        reported   TP   FP  positives  precision  recall"]
        var totals = (reported: 0, truePositives: 0, falsePositives: 0, positives: 0)
        var perRule: [String: (tp: Int, fp: Int)] = [:]
        var dump = Dump()
        defer { dump.write() }
        for extractor in ["rs_trafilatura", "boilerpy3"] {
            var counts = (reported: 0, truePositives: 0, falsePositives: 0, positives: 0)
            for label in corpus.labels where label.extractor == extractor {
                let document = corpus.document(label.file)
                let positives = Set(label.extra_lines.filter { !$0.in_gold_fulltext }.map(\.line))
                let leftOut = Set(label.extra_lines.filter(\.in_gold_fulltext).map(\.line))
                var lines: [Int: Diagnostic] = [:]
                for diagnostic in engine.lint(document, with: matcher).diagnostics where family[diagnostic.ruleID] == "boilerplate" {
                    lines[document.lines.lineIndex(of: diagnostic.range.lowerBound) + 1] = diagnostic
                }
                counts.positives += positives.count
                func text(_ line: Int) -> String {
                    line <= document.lines.count ? document.text(in: document.lines.contentRange(ofLine: line - 1, in: document.bytes)) : ""
                }
                for (line, diagnostic) in lines.sorted(by: { $0.key < $1.key }) where !leftOut.contains(line) {
                    guard !isBlankAfterNormalisation(text(line)) else { continue }
                    counts.reported += 1
                    let place = "\(label.file):\(line): [\(diagnostic.ruleID)] \(diagnostic.message) | \(text(line).prefix(100))"
                    if positives.contains(line) {
                        counts.truePositives += 1
                        perRule[diagnostic.ruleID, default: (0, 0)].tp += 1
                    } else {
                        counts.falsePositives += 1
                        perRule[diagnostic.ruleID, default: (0, 0)].fp += 1
                        dump.add("boilerplate-false-positives.txt", place)
                    }
                }
                for line in positives.sorted() where lines[line] == nil {
                    dump.add("boilerplate-missed.txt", "\(label.file):\(line): \(text(line).prefix(100))")
                }
            }
            rows.append(row(extractor, counts))
            totals = (totals.reported + counts.reported, totals.truePositives + counts.truePositives,
                      totals.falsePositives + counts.falsePositives, totals.positives + counts.positives)
        }
        rows.append(row("both", totals))
        rows.append("  by rule (TP / FP): " + perRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.tp)/\($0.value.fp)" }.joined(separator: ", "))
        return rows.joined(separator: "\n") + "\n"
    }

    private func row(_ name: String, _ counts: (reported: Int, truePositives: Int, falsePositives: Int, positives: Int)) -> String {
        let precision = counts.reported == 0 ? 0 : Double(counts.truePositives) / Double(counts.truePositives + counts.falsePositives)
        let recall = counts.positives == 0 ? 0 : Double(counts.truePositives) / Double(counts.positives)
        return "  " + [name.padding(toLength: 15, withPad: " ", startingAt: 0), String(format: "%9d", counts.reported),
                       String(format: "%4d", counts.truePositives), String(format: "%4d", counts.falsePositives),
                       String(format: "%10d", counts.positives), String(format: "%10.3f", precision),
                       String(format: "%7.3f", recall)].joined(separator: " ")
    }
}
