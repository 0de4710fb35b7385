import PCRE2

/// Applies the fixes of findings to a document, pass after pass: each pass lints, takes the fixes
/// of the allowed rules that do not overlap (the first by position wins, the other waits for the
/// next pass), and applies them. It stops when a pass has nothing to fix, or after `maximumPasses`.
public struct Fixer: Sendable {
    public let engine: Engine
    /// Rules whose fixes are applied: those marked `safe-fix`, or exactly these ids.
    public let allowed: Set<String>
    public static let maximumPasses = 10

    /// - Parameter only: rule ids or families (from `--fix-only`); nil for every safe fix.
    public init(engine: Engine, only: [String]? = nil) {
        self.engine = engine
        if let only {
            allowed = Set(engine.rules.filter { only.contains($0.id) || only.contains($0.family) }.map(\.id))
        } else {
            allowed = Set(engine.rules.filter(\.safeFix).map(\.id))
        }
    }

    /// The fixed document and how many fixes went in.
    public func fix(_ document: Document, with matcher: Matcher) -> (document: Document, applied: Int) {
        var current = document
        var applied = 0
        for _ in 0..<Self.maximumPasses {
            let fixes = Self.nonOverlapping(engine.lint(current, with: matcher).diagnostics.compactMap { diagnostic in
                allowed.contains(diagnostic.ruleID) ? diagnostic.fix : nil
            })
            guard !fixes.isEmpty else { break }
            let bytes = Self.applying(fixes, to: current.bytes)
            guard bytes != current.bytes else { break }
            applied += fixes.count
            current = Document(path: current.path, bytes: bytes, byteOrderMark: current.hadByteOrderMark)
        }
        return (current, applied)
    }

    /// `bytes` with `fixes` (sorted, not overlapping) made, the text between them copied once:
    /// replacing each span in place moved the rest of the text at every fix, and 80,000 lines of
    /// fixes took time growing faster than the text.
    static func applying(_ fixes: [Fix], to bytes: [UInt8]) -> [UInt8] {
        var fixed: [UInt8] = []
        fixed.reserveCapacity(bytes.count)
        var position = 0
        for fix in fixes {
            fixed += bytes[position..<fix.range.lowerBound]
            fixed += fix.replacement
            position = fix.range.upperBound
        }
        fixed += bytes[position...]
        return fixed
    }

    /// Sorted by position; a fix that starts inside the previous one waits for the next pass.
    /// The same edit proposed twice (by two rules) is made once.
    static func nonOverlapping(_ fixes: [Fix]) -> [Fix] {
        var chosen: [Fix] = []
        for fix in fixes.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            if let last = chosen.last {
                if last == fix { continue }
                if fix.range.lowerBound < last.range.upperBound || (fix.range.isEmpty && last.range.isEmpty && fix.range == last.range) {
                    continue
                }
            }
            chosen.append(fix)
        }
        return chosen
    }
}
