import Glibc

/// What a pattern needs in a text before it can match there: the literals of at least one of
/// `alternatives`, each literal a byte string that must occur as `GramSet` reads text
/// (ASCII letters in lower case, a run of horizontal space as one space). `LiteralExtractor`
/// derives it from the pattern; `GramSet` tells whether a document may hold it.
struct LiteralRequirement: Sendable {
    /// One of these, each a list of literals all needed; nil when nothing is known.
    let alternatives: [[[UInt8]]]?

    /// More alternatives than this make the check cost more than it saves: nothing is known.
    static let maximumAlternatives = 128

    /// Nothing is known: every text is searched.
    static let anything = LiteralRequirement(nil)

    private init(_ alternatives: [[[UInt8]]]?) {
        // A literal shorter than a quadgram says nothing; an alternative left without literals
        // can match anywhere, and so can the pattern.
        let kept = alternatives?.map { $0.filter { $0.count >= GramSet.length } }
        guard let kept, !kept.isEmpty, kept.count <= Self.maximumAlternatives, kept.allSatisfy({ !$0.isEmpty }) else {
            self.alternatives = nil
            return
        }
        self.alternatives = kept
    }

    /// Whether anything is known: otherwise every text is searched, and no index is needed.
    var isKnown: Bool { alternatives != nil }

    /// The `GramSet` hashes of each alternative's literals, for `GramSet.mayContain`:
    /// the eight-byte windows of a long literal, the four-byte ones of a short one.
    var gramHashes: [[UInt64]]? {
        alternatives?.map { literals in
            let gram = { (literal: [UInt8]) in literal.count >= GramSet.longLength ? GramSet.longLength : GramSet.length }
            return Array(Set(literals.flatMap { literal in
                (gram(literal)...literal.count).map { GramSet.hash(of: literal[($0 - gram(literal))..<$0]) }
            })).sorted()
        }
    }

    /// A text must contain one of `strings` (normalized here).
    static func anyLiteral(of strings: [[UInt8]]) -> LiteralRequirement {
        // A text that holds "photo credit" holds "photo": of two strings where one contains the
        // other, the shorter says as much with fewer bits to test. Shortest first, a string is
        // kept only when no kept one is inside it (which also drops repeats).
        let normalized = strings.map(GramSet.normalized).sorted {
            $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1)
        }
        guard normalized.first.map({ $0.count >= GramSet.length }) == true else { return .anything }
        var kept: [[UInt8]] = []
        for string in normalized where !kept.contains(where: { Self.bytes(string, contain: $0) }) { kept.append(string) }
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

    /// Both needed. When spelling that out takes too many alternatives, the one of the two with
    /// fewer alternatives: still true of every match, only less exact.
    static func all(_ first: LiteralRequirement, _ second: LiteralRequirement) -> LiteralRequirement {
        guard let one = first.alternatives else { return second }
        guard let other = second.alternatives else { return first }
        guard one.count * other.count <= maximumAlternatives else { return one.count <= other.count ? first : second }
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
