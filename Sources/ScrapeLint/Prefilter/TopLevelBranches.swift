/// Splits a pattern at its top-level `|` into patterns that each match what one branch does, so
/// that a `requires` prefilter such as `(?i)©|\(c\)|copyright|rights\h++reserved` can run as
/// four searches. PCRE2's JIT finds a pattern's first character with a vector search only when
/// that character is known (one code unit, or a letter's two cases); a pattern that may start
/// with any of six goes byte by byte through a table. Measured on the 400 dev corpus texts: the
/// alternation above 7.3 ms, its four branches 2.1 ms together.
///
/// A prefilter only says which lines to search, so the lines its branches hit together are the
/// lines it hits. That holds only while each branch means alone what it meant in the whole:
/// options set at the start (`(?mi)`) are copied to every branch, and a pattern that sets
/// options later at the top level, refers to a group (`\1`, `(?1)`, `\k<name>`), uses `(?x)` or
/// a verb (`(*SKIP)` acts across branches) is not split.
enum TopLevelBranches {
    /// The branches of `pattern`, each with the options set at its start, or nil when it has
    /// one branch or cannot be split safely.
    static func of(_ pattern: String) -> [String]? {
        var reader = PatternReader(pattern)
        let leading = leadingOptions(&reader)
        guard !leading.contains("x") else { return nil }
        var branches: [String] = [], start = reader.position, depth = 0
        do {
            while let scalar = reader.next {
                switch scalar {
                case "\\":
                    reader.position += 1
                    guard let escaped = reader.next, !"123456789gkQ".unicodeScalars.contains(escaped) else { return nil }
                    reader.position += 1
                    try reader.skipArgument(ofEscape: escaped)
                case "[":
                    reader.position += 1
                    try reader.skipClass()
                case "(":
                    if reader.startsAt("(?#") {
                        try reader.skip(past: ")")
                        continue
                    }
                    if reader.startsAt("(*") || isGroupCall(reader) { return nil }
                    if depth == 0, reader.startsAt("(?"), isOptionSetting(reader) { return nil }
                    depth += 1
                    reader.position += 1
                case ")":
                    depth -= 1
                    reader.position += 1
                case "|" where depth == 0:
                    branches.append(String(String.UnicodeScalarView(reader.scalars[start..<reader.position])))
                    reader.position += 1
                    start = reader.position
                default:
                    reader.position += 1
                }
            }
        } catch {
            return nil
        }
        branches.append(String(String.UnicodeScalarView(reader.scalars[start...])))
        guard branches.count > 1, depth == 0 else { return nil }
        return branches.map { leading + $0 }
    }

    /// `(?i)`, `(?mi)`... at the very start, read past.
    private static func leadingOptions(_ reader: inout PatternReader) -> String {
        guard reader.startsAt("(?"), !isGroupCall(reader), isOptionSetting(reader) else { return "" }
        let start = reader.position
        while reader.next != ")" { reader.position += 1 }
        reader.position += 1
        return String(String.UnicodeScalarView(reader.scalars[start..<reader.position]))
    }

    /// Whether the `(?` at the reader is an option setting for the rest of its group (`(?i)`,
    /// `(?-i)`, `(?^)`), not an option group such as `(?i:...)`.
    private static func isOptionSetting(_ reader: PatternReader) -> Bool {
        var position = reader.position + 2
        while position < reader.scalars.count {
            let scalar = reader.scalars[position]
            if scalar == ")" { return position > reader.position + 2 }
            guard scalar == "-" || scalar == "^" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) else { return false }
            position += 1
        }
        return false
    }

    /// `(?1)`, `(?-1)`, `(?+1)`, `(?R)`, `(?&name)`, `(?P>name)`, `(?P=name)`: a call of or a
    /// reference to a group, which may stand in another branch.
    private static func isGroupCall(_ reader: PatternReader) -> Bool {
        guard reader.startsAt("(?") else { return false }
        let after = reader.scalars.dropFirst(reader.position + 2).prefix(2).map(Character.init)
        guard let first = after.first else { return false }
        if "R&+".contains(first) || first.isWholeNumber { return true }
        if first == "-", after.count > 1 { return after[1].isWholeNumber }
        return first == "P" && after.count > 1 && ">=".contains(after[1])
    }
}
