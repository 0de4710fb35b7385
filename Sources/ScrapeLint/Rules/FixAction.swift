import PCRE2

/// What a rule's fix does with a finding, declared in the rule file as `fix:`.
public enum FixAction: Sendable {
    /// Remove the reported span.
    case delete
    /// Remove the whole line that holds the span, with its line break.
    case deleteLine
    /// Replace the whole match with a PCRE2 replacement template (`$1`, `${name}`, `$$`).
    case replace(template: String)
    /// Replace the span with a fixed text (the canonical form of a `casing` term).
    case text([UInt8])

    /// The concrete edit for a finding at `span`, part of a match at `match`, in `document`.
    func edit(
        span: Range<Int>, match: Range<Int>, in document: Document,
        expanding replacement: () throws -> [UInt8]
    ) rethrows -> Fix {
        switch self {
        case .delete:
            return Fix(range: span, replacement: [])
        case .deleteLine:
            return Fix(range: Self.wholeLine(around: span, in: document), replacement: [])
        case .replace:
            return Fix(range: match, replacement: try replacement())
        case .text(let bytes):
            return Fix(range: span, replacement: bytes)
        }
    }

    /// The lines that hold `span` with their line break; for a last line without one, the break
    /// before it, so no empty line is left behind.
    static func wholeLine(around span: Range<Int>, in document: Document) -> Range<Int> {
        let lines = document.lines
        let first = lines.lineIndex(of: span.lowerBound)
        let last = lines.lineIndex(of: max(span.lowerBound, span.upperBound - 1))
        let start = lines.starts[first]
        if last + 1 < lines.count { return start..<lines.starts[last + 1] }
        let previousBreak = first > 0 ? lines.contentRange(ofLine: first - 1, in: document.bytes).upperBound : start
        return previousBreak..<document.bytes.count
    }
}
