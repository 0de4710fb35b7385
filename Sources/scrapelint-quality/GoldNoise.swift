import PCRE2
import ScrapeLint

/// Findings per 10,000 words on the gold texts, which are clean article text: what a rule
/// reports there is mostly noise, so the noisy rules stand out.
struct GoldNoise {
    let corpus: Corpus
    let engine: Engine

    var report: String {
        let matcher = Matcher()
        var words = 0
        var perRule: [String: Int] = [:]
        var errors = 0
        var dump = Dump()
        defer { dump.write() }
        for name in corpus.documents {
            let document = corpus.gold(name)
            words += WordCount.count(document.bytes)
            for diagnostic in engine.lint(document, with: matcher).diagnostics {
                perRule[diagnostic.ruleID, default: 0] += 1
                if diagnostic.severity == .error {
                    errors += 1
                    let location = document.location(of: diagnostic.range.lowerBound, unit: .byte)
                    dump.add("gold-errors.txt", "\(document.path):\(location): [\(diagnostic.ruleID)] \(diagnostic.message) | \(document.text(in: diagnostic.range).prefix(100))")
                }
            }
        }
        let scale = 10_000 / Double(max(words, 1))
        var rows = ["findings on gold.txt (\(words) words): \(String(format: "%.2f", Double(errors) * scale)) errors per 10,000 words (target <= 1)",
                    "  rule                                   findings  per 10k words"]
        for rule in engine.rules {
            let count = perRule[rule.id] ?? 0
            rows.append("  " + rule.id.padding(toLength: 38, withPad: " ", startingAt: 0) + String(format: "%9d", count)
                        + String(format: "%14.2f", Double(count) * scale) + (rule.severity == .error ? "  (error)" : ""))
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
