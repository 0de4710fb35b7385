/// Reads a PCRE2 pattern for the literal text every match must contain, the way ripgrep and
/// Hyperscan pick literals to search for before running a regex: `(?i)\bwe\h+use\h+cookies`
/// needs "we use cookies" (as `GramSet` reads text: folded, a run of spaces as one);
/// `photo|image|credit` one of three words; `colou?r` "color" or "colour" (`LiteralSequence`
/// joins the pieces).
///
/// Whatever it does not follow only weakens the answer, never makes it wrong: a class or an
/// escape such as `\d` ends a literal and needs nothing, assertions match no text and leave the
/// literal whole, and a construct it cannot read at all (a conditional, recursion, `(?x)`,
/// `(*ACCEPT)`) makes the whole pattern need nothing.
/// Under `(?i)` PCRE2 also matches a letter's other cases: a non-ASCII letter ends a literal
/// (its other case has other bytes), and `GramSet` reads the Kelvin sign and the long s,
/// which PCRE2 takes for `k` and `s`, as those letters.
struct LiteralExtractor {
    private var reader: PatternReader
    private typealias Unreadable = PatternReader.Unreadable

    /// One piece of a sequence.
    private enum Atom {
        /// One literal character's bytes.
        case character([UInt8])
        /// A group.
        case group(LiteralSequence.Piece)
        /// Anything else that matches text (a class, `\d`), needing what it says.
        case other(LiteralRequirement)
        /// An assertion (`\b`, `^`, a lookaround), an option setting or a comment: it matches no
        /// text, so the text on either side of it is one literal.
        case nothing

        var isCharacter: Bool {
            if case .character = self { return true }
            return false
        }
    }

    /// The requirement of `pattern`, compiled caseless as a whole when `caseless`.
    static func requirement(of pattern: String, caseless: Bool = false) -> LiteralRequirement {
        var extractor = LiteralExtractor(reader: PatternReader(pattern))
        guard let piece = try? extractor.alternation(caseless: caseless), extractor.reader.next == nil else { return .anything }
        return piece.need
    }

    /// Branches up to the `)` that ends the group (or the end of the pattern).
    private mutating func alternation(caseless: Bool) throws(Unreadable) -> LiteralSequence.Piece {
        var caseless = caseless  // an option set in one branch holds in the later ones (PCRE2)
        var branches = [try sequence(caseless: &caseless)]
        while reader.next == "|" {
            reader.position += 1
            branches.append(try sequence(caseless: &caseless))
        }
        return branches.count == 1 ? branches[0] : .either(branches)
    }

    private mutating func sequence(caseless: inout Bool) throws(Unreadable) -> LiteralSequence.Piece {
        var sequence = LiteralSequence()
        while let scalar = reader.next, scalar != "|", scalar != ")" {
            let atoms = try atom(caseless: &caseless)
            let quantified = reader.quantifier()
            for (index, atom) in atoms.enumerated() {
                let repeated = index == atoms.count - 1 ? quantified : nil
                switch atom {
                case .character(let bytes): sequence.append(character: bytes, repeated: repeated)
                case .group(let piece): sequence.append(group: piece, repeated: repeated)
                case .other(let need): sequence.append(other: need, repeated: repeated)
                case .nothing: break
                }
            }
        }
        return sequence.finish()
    }

    private mutating func atom(caseless: inout Bool) throws(Unreadable) -> [Atom] {
        let scalar = reader.scalars[reader.position]
        reader.position += 1
        switch scalar {
        case "\\": return try escape(caseless: caseless)
        case "[":
            // A class of a few characters needs one of them: `[{}=<>@]` one of six bytes that
            // most texts lack. Under `(?i)` a cased non-ASCII member also matches its other case.
            guard let members = try reader.classMembers(limit: LiteralSequence.maximumStrings),
                  !caseless || members.allSatisfy({ Self.character($0, caseless: true).isCharacter }) else {
                return [.other(.anything)]
            }
            return [.other(.anyLiteral(of: members.map { Array(String($0).utf8) }))]
        case "(": return [try group(caseless: &caseless)]
        case ".": return [.other(.anything)]
        case "^", "$": return [.nothing]
        case "*", "+", "?": throw Unreadable()
        default: return [Self.character(scalar, caseless: caseless)]
        }
    }

    private static func character(_ scalar: Unicode.Scalar, caseless: Bool) -> Atom {
        if scalar.isASCII { return .character([UInt8(scalar.value)]) }
        let properties = scalar.properties
        if caseless, properties.isCased || properties.changesWhenCaseMapped || properties.changesWhenCaseFolded {
            return .other(.anything)
        }
        return .character(Array(String(scalar).utf8))
    }

    private mutating func escape(caseless: Bool) throws(Unreadable) -> [Atom] {
        guard let scalar = reader.next else { throw Unreadable() }
        reader.position += 1
        switch scalar {
        case "Q":
            var atoms: [Atom] = []
            while let literal = reader.next {
                reader.position += 1
                if literal == "\\", reader.next == "E" {
                    reader.position += 1
                    break
                }
                atoms.append(Self.character(literal, caseless: caseless))
            }
            return atoms
        case "E": return [.nothing]
        case "n": return [.character([0x0A])]
        case "r": return [.character([0x0D])]
        case "t": return [.character([0x09])]
        case "f": return [.character([0x0C])]
        case "e": return [.character([0x1B])]
        case "a": return [.character([0x07])]
        case "x": return [Self.character(try reader.hexadecimal(), caseless: caseless)]
        case "p", "P", "N", "o", "c":
            // \p{Lu} or \pL, \N{U+263A} or a bare \N (any character), \o{101}, \cX
            try reader.skipArgument(ofEscape: scalar)
            return [.other(.anything)]
        case "g", "k":
            try reader.skipReference()
            return [.other(.anything)]
        case "0"..."9":
            while let digit = reader.next, ("0"..."9").contains(digit) { reader.position += 1 }
            return [.other(.anything)]
        case "h": return [.character([0x20])]  // every `\h` is a space to `GramSet`
        case "b", "B", "A", "z", "Z", "G", "K": return [.nothing]
        case "d", "D", "w", "W", "s", "S", "H", "v", "V", "R", "X", "C": return [.other(.anything)]
        default:
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { throw Unreadable() }
            return [Self.character(scalar, caseless: caseless)]
        }
    }

    /// A group, after its `(`.
    private mutating func group(caseless: inout Bool) throws(Unreadable) -> Atom {
        if reader.next == "*" {
            // A verb such as (*SKIP) or (*UTF) matches nothing; (*ACCEPT) ends a match early,
            // and lower-case names are assertions with a pattern inside.
            reader.position += 1
            guard let first = reader.next, ("A"..."Z").contains(first), !reader.startsAt("ACCEPT") else { throw Unreadable() }
            try reader.skip(past: ")")
            return .other(.anything)
        }
        guard reader.next == "?" else { return .group(try closedGroup(caseless: caseless)) }
        reader.position += 1
        guard let kind = reader.next else { throw Unreadable() }
        reader.position += 1
        switch kind {
        case ":", ">": return .group(try closedGroup(caseless: caseless))
        case "|":
            // Branch reset numbers groups differently; what it matches is the same.
            return .group(try closedGroup(caseless: caseless))
        case "=", "!":
            _ = try closedGroup(caseless: caseless)
            return .nothing
        case "<" where reader.next == "=" || reader.next == "!":
            reader.position += 1
            _ = try closedGroup(caseless: caseless)
            return .nothing
        case "<", "'":
            try reader.skip(past: kind == "<" ? ">" : "'")
            return .group(try closedGroup(caseless: caseless))
        case "#":
            try reader.skip(past: ")")
            return .nothing
        default:
            reader.position -= 1
            return try optionSetting(caseless: &caseless)
        }
    }

    /// `(?i)`, `(?-i)`, `(?^)`, `(?im:...)` and the like; anything else after `(?` is unread.
    private mutating func optionSetting(caseless: inout Bool) throws(Unreadable) -> Atom {
        var on = true, setting = caseless
        while let letter = reader.next, letter != ")", letter != ":" {
            reader.position += 1
            switch letter {
            case "-": on = false
            case "^": setting = false
            case "i": setting = on
            case "x": if on { throw Unreadable() }
            case "m", "s", "n", "J", "U": continue
            default: throw Unreadable()
            }
        }
        guard let end = reader.next else { throw Unreadable() }
        reader.position += 1
        if end == ")" {
            caseless = setting
            return .nothing
        }
        return .group(try closedGroup(caseless: setting))
    }

    private mutating func closedGroup(caseless: Bool) throws(Unreadable) -> LiteralSequence.Piece {
        let need = try alternation(caseless: caseless)
        guard reader.next == ")" else { throw Unreadable() }
        reader.position += 1
        return need
    }
}
