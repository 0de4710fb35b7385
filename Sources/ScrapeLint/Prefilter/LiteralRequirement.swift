import Glibc

/// What a pattern needs in a text before it can match there: the literals of at least one of
/// `alternatives`. A literal of four bytes or more is a byte string that must occur as `GramSet`
/// reads text (ASCII letters in lower case, a run of horizontal space as one space); a shorter
/// one is raw bytes (one character such as `{` or U+200B, or two or three), of which only what
/// `GramSet.Probe` can check counts. `LiteralExtractor` derives it from the pattern;
/// `GramSet` tells whether a document may hold it.
struct LiteralRequirement: Sendable {
    /// One of these, each a list of literals all needed; nil when nothing is known.
    let alternatives: [[[UInt8]]]?

    /// More alternatives than this make the check cost more than it saves: nothing is known.
    static let maximumAlternatives = 128

    /// Nothing is known: every text is searched.
    static let anything = LiteralRequirement(nil)

    private init(_ alternatives: [[[UInt8]]]?) {
        // A short literal of letters or spaces says nothing; an alternative left without
        // literals can match anywhere, and so can the pattern.
        // Each literal and each alternative once (two branches, or a pattern and its prefilter,
        // may ask for the same).
        var seen = Set<[[UInt8]]>()
        let kept = alternatives?.map { literals in
            var unique = Set<[UInt8]>()
            return literals.filter { ($0.count >= GramSet.length || GramSet.Probe.asksSomething(short: $0)) && unique.insert($0).inserted }
        }.filter { seen.insert($0).inserted }
        guard let kept, !kept.isEmpty, kept.count <= Self.maximumAlternatives, kept.allSatisfy({ !$0.isEmpty }) else {
            self.alternatives = nil
            return
        }
        self.alternatives = kept
    }

    /// What each alternative asks of a `GramSet`, for `GramSet.mayContain`.
    var probes: [GramSet.Probe]? {
        alternatives?.map(GramSet.Probe.init(literals:))
    }

    /// Whether every alternative has a literal of four bytes or more: one that most texts lack,
    /// where a short one (`.`, `;`) may be in every text.
    private var isLong: Bool {
        alternatives?.allSatisfy { $0.contains { $0.count >= GramSet.length } } ?? false
    }

    /// A text must contain one of `strings`: each normalized when that leaves four bytes or
    /// more, else kept raw (`{`, `\u{200B}`), else (`ab`, a space) nothing is known.
    static func anyLiteral(of strings: [[UInt8]]) -> LiteralRequirement {
        var literals: [[UInt8]] = []
        for string in strings {
            let normalized = GramSet.normalized(string)
            if normalized.count >= GramSet.length {
                literals.append(normalized)
            } else if string.count < GramSet.length, GramSet.Probe.asksSomething(short: string) {
                literals.append(string)
            } else {
                return .anything
            }
        }
        // A text that holds "photo credit" holds "photo": of two strings where one contains the
        // other, the shorter says as much with fewer bits to test. Shortest first, a string is
        // kept only when no kept one is inside it (which also drops repeats). A short raw string
        // inside a normalized one is there in the raw text too: it holds no letter, space or
        // other byte that normalizing changes.
        let sorted = literals.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        guard !sorted.isEmpty else { return .anything }
        var kept: [[UInt8]] = []
        for string in sorted where !kept.contains(where: { Self.bytes(string, contain: $0) }) { kept.append(string) }
        return LiteralRequirement(kept.map { [$0] })
    }

    private static func bytes(_ text: [UInt8], contain part: [UInt8]) -> Bool {
        guard part.count <= text.count else { return false }
        return text.withUnsafeBytes { text in
            part.withUnsafeBytes { part in
                (0...(text.count - part.count)).contains { memcmp(text.baseAddress! + $0, part.baseAddress!, part.count) == 0 }
            }
        }
    }

    /// Both needed. When spelling that out takes too many alternatives, one of the two: still
    /// true of every match, only less exact. The one with long literals in every alternative
    /// (a phrase list rather than `[.,;]`), or else the one with fewer alternatives.
    static func all(_ first: LiteralRequirement, _ second: LiteralRequirement) -> LiteralRequirement {
        guard let one = first.alternatives else { return second }
        guard let other = second.alternatives else { return first }
        guard one.count * other.count <= maximumAlternatives else {
            if first.isLong != second.isLong { return first.isLong ? first : second }
            return one.count <= other.count ? first : second
        }
        return LiteralRequirement(one.flatMap { left in other.map { right in left + right } })
    }

    /// Any one needed (the branches of an alternation).
    static func either(_ branches: [LiteralRequirement]) -> LiteralRequirement {
        var alternatives: [[[UInt8]]] = []
        for branch in branches {
            guard let more = branch.alternatives, alternatives.count + more.count <= maximumAlternatives else { return .anything }
            alternatives += more
        }
        return LiteralRequirement(alternatives)
    }
}
