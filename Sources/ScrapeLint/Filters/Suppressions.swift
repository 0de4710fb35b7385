import PCRE2

/// Inline suppressions written in the text, in HTML comments that survive in Markdown and in
/// most scraped text: `<!-- scrapelint-disable-next-line ids -->`, `<!-- scrapelint-disable-line
/// ids -->` (at the end of the line it silences), `<!-- scrapelint-disable ids -->` …
/// `<!-- scrapelint-enable ids -->`. Ids are rule ids or families, separated by commas or
/// spaces; none means every rule.
public struct Suppressions: Sendable {
    /// One directive, and the findings it may silence.
    struct Directive {
        enum Scope {
            case line(Int)  // 0-based line index
            case region(Range<Int>)  // byte offsets
        }

        let range: Range<Int>
        let ids: [String]
        let scope: Scope
    }

    let directives: [Directive]

    private static let pattern = try! Regex(
        "<!--\\h*+scrapelint-(disable-next-line|disable-line|disable|enable)\\b([^>\\r\\n]*?)\\h*+-->")

    /// The directives of `document`.
    public init(document: Document, matcher: Matcher) throws {
        var found: [(range: Range<Int>, verb: String, ids: [String])] = []
        try document.bytes.withUnsafeBufferPointer { subject in
            try matcher.forEachMatch(of: Self.pattern, in: subject) { match in
                let verb = document.text(in: match.range(ofGroup: 1)!)
                let ids = document.text(in: match.range(ofGroup: 2) ?? 0..<0)
                    .split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
                found.append((match.range, verb, ids))
                return true
            }
        }
        let ends = Self.regionEnds(of: found)
        var directives: [Directive] = []
        let lines = document.lines
        for (index, entry) in found.enumerated() {
            let line = lines.lineIndex(of: entry.range.lowerBound)
            switch entry.verb {
            case "disable-next-line": directives.append(Directive(range: entry.range, ids: entry.ids, scope: .line(line + 1)))
            case "disable-line": directives.append(Directive(range: entry.range, ids: entry.ids, scope: .line(line)))
            case "disable":
                let end = ends[index] ?? document.bytes.count
                directives.append(Directive(range: entry.range, ids: entry.ids, scope: .region(entry.range.upperBound..<end)))
            default:
                break  // `enable` only ends a region
            }
        }
        self.directives = directives
    }

    /// Where each `disable` (by its index in `found`) ends: at the first later `enable` that names
    /// every id it names, or names none; absent when none does. The disables not yet ended wait in
    /// groups by the ids they name, so that an `enable` tests each group once, not every later
    /// directive once per `disable`.
    private static func regionEnds(of found: [(range: Range<Int>, verb: String, ids: [String])]) -> [Int: Int] {
        var ends: [Int: Int] = [:]
        var waiting: [Set<String>: [Int]] = [:]
        for (index, entry) in found.enumerated() {
            if entry.verb == "disable" { waiting[Set(entry.ids), default: []].append(index) }
            guard entry.verb == "enable", !waiting.isEmpty else { continue }
            let enabled = Set(entry.ids)
            for ids in waiting.keys where enabled.isEmpty || ids.isSubset(of: enabled) {
                for disable in waiting.removeValue(forKey: ids) ?? [] { ends[disable] = entry.range.lowerBound }
            }
        }
        return ends
    }

    /// `diagnostics` less the suppressed ones, and the directives that suppressed nothing.
    func apply(to diagnostics: [Diagnostic], in document: Document, familyOf: [String: String]) -> (kept: [Diagnostic], unused: [Range<Int>]) {
        let lines = diagnostics.map { document.lines.lineIndex(of: $0.range.lowerBound) }
        let index = SuppressionIndex(directives: directives, diagnostics: diagnostics, lines: lines, familyOf: familyOf)
        let kept = diagnostics.indices.filter { !index.silences(diagnostics[$0], onLine: lines[$0], familyOf: familyOf) }.map { diagnostics[$0] }
        return (kept, directives.filter { !index.covers(anyOf: $0) }.map(\.range))
    }
}
