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
        var directives: [Directive] = []
        let lines = document.lines
        for (index, entry) in found.enumerated() {
            let line = lines.lineIndex(of: entry.range.lowerBound)
            switch entry.verb {
            case "disable-next-line": directives.append(Directive(range: entry.range, ids: entry.ids, scope: .line(line + 1)))
            case "disable-line": directives.append(Directive(range: entry.range, ids: entry.ids, scope: .line(line)))
            case "disable":
                // Until the first later `enable` that names every id of this one (or all rules).
                let end = found[(index + 1)...].first { later in
                    later.verb == "enable" && (later.ids.isEmpty || Set(entry.ids).isSubset(of: later.ids))
                }?.range.lowerBound ?? document.bytes.count
                directives.append(Directive(range: entry.range, ids: entry.ids, scope: .region(entry.range.upperBound..<end)))
            default:
                break  // `enable` only ends a region
            }
        }
        self.directives = directives
    }

    /// `diagnostics` less the suppressed ones, and the directives that suppressed nothing.
    func apply(to diagnostics: [Diagnostic], in document: Document, familyOf: [String: String]) -> (kept: [Diagnostic], unused: [Range<Int>]) {
        var used = Array(repeating: false, count: directives.count)
        let kept = diagnostics.filter { diagnostic in
            var suppressed = false
            for (index, directive) in directives.enumerated() where directive.covers(diagnostic, document: document, familyOf: familyOf) {
                used[index] = true
                suppressed = true
            }
            return !suppressed
        }
        return (kept, directives.indices.filter { !used[$0] }.map { directives[$0].range })
    }
}

extension Suppressions.Directive {
    func covers(_ diagnostic: Diagnostic, document: Document, familyOf: [String: String]) -> Bool {
        guard ids.isEmpty || ids.contains(diagnostic.ruleID) || familyOf[diagnostic.ruleID].map(ids.contains) == true else {
            return false
        }
        switch scope {
        case .line(let line): return document.lines.lineIndex(of: diagnostic.range.lowerBound) == line
        case .region(let region): return region.contains(diagnostic.range.lowerBound)
        }
    }
}
