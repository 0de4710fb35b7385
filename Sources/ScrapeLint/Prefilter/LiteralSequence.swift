/// The literals of one branch of a pattern, gathered as its pieces are read left to right. The
/// text a branch's characters match in a row is one literal (`using\h+this` reads "using this");
/// a group that matches only a few fixed strings, like `(?:use|browse)`, joins the literal around
/// it as alternatives ("to use", "to browse"), so that a phrase list stays selective; anything
/// else ends the literal and adds what it needs itself.
struct LiteralSequence {
    /// What a piece of pattern needs, and, when it matches only fixed strings, those strings (as
    /// `GramSet` reads text).
    struct Piece {
        var need: LiteralRequirement
        var exact: [[UInt8]]?

        /// One of the branches of an alternation.
        static func either(_ branches: [Piece]) -> Piece {
            var strings: [[UInt8]]? = []
            for branch in branches {
                guard let exact = branch.exact, let gathered = strings, gathered.count + exact.count <= LiteralSequence.maximumStrings else {
                    strings = nil
                    break
                }
                strings = gathered + exact
            }
            return Piece(need: .either(branches.map(\.need)), exact: strings)
        }
    }

    /// Beyond this many alternative strings a literal is cut where it stands (most go again
    /// when the literal ends: `LiteralRequirement.anyLiteral` keeps the shortest).
    static let maximumStrings = 64

    private var need = LiteralRequirement.anything
    /// The strings the literal being read may be, so far.
    private var run: [[UInt8]] = [[]]
    /// Whether every piece so far matched fixed strings only.
    private var exact = true

    /// How often a piece may repeat: `?` is 0...1, `+` is 1...nil (no limit).
    struct Repeat {
        let minimum: Int
        let maximum: Int?
        /// `?`: there or not, once at most.
        var isOptional: Bool { minimum == 0 && maximum == 1 }
    }

    /// A character, its bytes, repeated when `repeat` is given.
    mutating func append(character bytes: [UInt8], repeated: Repeat?) {
        // Every run of space is one space as the text is read, so `\h++` is exactly one and
        // `\h*+` is one or none.
        let space = bytes.count == 1 ? bytes[0] == 0x20 || bytes[0] == 0x09 : GramSet.normalized(bytes) == [0x20]
        if repeated == nil || space && repeated!.minimum > 0 {
            for index in run.indices { run[index] += bytes }
            return
        }
        if space { return append(group: Piece(need: .anything, exact: [bytes]), repeated: Repeat(minimum: 0, maximum: 1)) }
        // `ab?c` is "ac" or "abc"; `ab+c` holds `ab` and then `bc`; `ab*c` only what came before.
        if repeated!.minimum == 0 {
            return append(group: Piece(need: .anything, exact: [bytes]), repeated: repeated)
        }
        exact = false
        run = run.map { $0 + bytes }
        flush()
        run = [bytes]
    }

    /// A group, repeated when `repeat` is given.
    mutating func append(group piece: Piece, repeated: Repeat?) {
        // An optional group of fixed strings is one more string: the empty one.
        if repeated == nil || repeated!.isOptional, let exactStrings = piece.exact {
            let strings = repeated == nil ? exactStrings : exactStrings + [[]]
            if run.count * strings.count > Self.maximumStrings {
                flush()
                run = strings
            } else {
                run = run.flatMap { left in strings.map { left + $0 } }
            }
            return
        }
        append(other: piece.need, repeated: repeated)
    }

    /// Something that matches text other than fixed strings (a class, `\d`), needing `inner`.
    mutating func append(other inner: LiteralRequirement, repeated: Repeat?) {
        exact = false
        flush()
        if (repeated?.minimum ?? 1) > 0 { need = .all(need, inner) }
    }

    /// The branch as a whole.
    mutating func finish() -> Piece {
        let strings = exact ? run : nil
        flush()
        return Piece(need: need, exact: strings)
    }

    private mutating func flush() {
        need = .all(need, .anyLiteral(of: run))
        run = [[]]
    }
}
