/// Reads a PCRE2 pattern for the literal text every match must contain, the way ripgrep and
/// Hyperscan pick literals to search for before running a regex: `(?i)\bwe\h+use\h+cookies`
/// needs `use` and `cookies`; `photo|image|credit` needs one of three words.
///
/// Whatever it does not follow only weakens the answer, never makes it wrong: a class, an escape
/// like `\h`, a lookaround or an optional part needs nothing, and a construct it cannot read at
/// all (a conditional, recursion, `(?x)`, `(*ACCEPT)`) makes the whole pattern need nothing.
/// Under `(?i)` PCRE2 also matches a letter's other cases: a non-ASCII letter ends a literal
/// (its other case has other bytes), and `QuadgramSet` reads the Kelvin sign and the long s,
/// which PCRE2 takes for `k` and `s`, as those letters.
struct LiteralExtractor {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    private struct Unreadable: Error {}

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
    }

    /// The requirement of `pattern`, compiled caseless as a whole when `caseless`.
    static func requirement(of pattern: String, caseless: Bool = false) -> LiteralRequirement {
        var extractor = LiteralExtractor(scalars: Array(pattern.unicodeScalars))
        guard let piece = try? extractor.alternation(caseless: caseless), extractor.next == nil else { return .anything }
        return piece.need
    }

    private var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    /// Branches up to the `)` that ends the group (or the end of the pattern).
    private mutating func alternation(caseless: Bool) throws(Unreadable) -> LiteralSequence.Piece {
        var caseless = caseless  // an option set in one branch holds in the later ones (PCRE2)
        var branches = [try sequence(caseless: &caseless)]
        while next == "|" {
            position += 1
            branches.append(try sequence(caseless: &caseless))
        }
        return branches.count == 1 ? branches[0] : .either(branches)
    }

    private mutating func sequence(caseless: inout Bool) throws(Unreadable) -> LiteralSequence.Piece {
        var sequence = LiteralSequence()
        while let scalar = next, scalar != "|", scalar != ")" {
            let atoms = try atom(caseless: &caseless)
            let quantified = quantifier()
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
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "\\": return try escape(caseless: caseless)
        case "[":
            try skipClass()
            return [.other(.anything)]
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

    /// The quantifier that follows, read past; nil when none does. A brace that only may be a
    /// quantifier counts as one with no upper limit: taking a literal brace for that only
    /// weakens the requirement.
    private mutating func quantifier() -> LiteralSequence.Repeat? {
        let repeated: LiteralSequence.Repeat
        switch next {
        case "?": repeated = .init(minimum: 0, maximum: 1)
        case "*": repeated = .init(minimum: 0, maximum: nil)
        case "+": repeated = .init(minimum: 1, maximum: nil)
        case "{":
            guard let braced = braceQuantifier() else { return nil }
            repeated = braced
        default: return nil
        }
        position += 1
        if next == "+" || next == "?" { position += 1 }  // possessive or lazy
        return repeated
    }

    /// `{n}`, `{n,}`, `{n,m}` or `{,m}`, spaces allowed; leaves `position` on the `}`.
    private mutating func braceQuantifier() -> LiteralSequence.Repeat? {
        var end = position + 1, numbers = [""], sawDigit = false
        while end < scalars.count, scalars[end] != "}" {
            let scalar = scalars[end]
            if ("0"..."9").contains(scalar) {
                sawDigit = true
                numbers[numbers.count - 1].unicodeScalars.append(scalar)
            } else if scalar == ",", numbers.count == 1 {
                numbers.append("")
            } else if scalar != " " {
                return nil
            }
            end += 1
        }
        guard end < scalars.count, sawDigit else { return nil }
        position = end
        let minimum = Int(numbers[0]) ?? 0
        // With a limit only when it is exactly one: `{0,1}` is `?`; any other is read as open.
        let maximum = numbers.count == 1 ? minimum : Int(numbers[1])
        return .init(minimum: minimum, maximum: maximum == 1 ? 1 : nil)
    }

    private mutating func escape(caseless: Bool) throws(Unreadable) -> [Atom] {
        guard let scalar = next else { throw Unreadable() }
        position += 1
        switch scalar {
        case "Q":
            var atoms: [Atom] = []
            while let literal = next {
                position += 1
                if literal == "\\", next == "E" {
                    position += 1
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
        case "x": return [Self.character(try hexadecimal(), caseless: caseless)]
        case "p", "P", "N", "o", "g", "k":
            try skipArgument()
            return [.other(.anything)]
        case "c":
            position += 1
            return [.other(.anything)]
        case "0"..."9":
            while let digit = next, ("0"..."9").contains(digit) { position += 1 }
            return [.other(.anything)]
        case "h": return [.character([0x20])]  // every `\h` is a space to `QuadgramSet`
        case "b", "B", "A", "z", "Z", "G", "K": return [.nothing]
        case "d", "D", "w", "W", "s", "S", "H", "v", "V", "R", "X", "C": return [.other(.anything)]
        default:
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { throw Unreadable() }
            return [Self.character(scalar, caseless: caseless)]
        }
    }

    /// `\x{263A}` or `\xhh` (up to two digits), after the `x`.
    private mutating func hexadecimal() throws(Unreadable) -> Unicode.Scalar {
        var digits = ""
        if next == "{" {
            position += 1
            while let digit = next, digit != "}" {
                digits.unicodeScalars.append(digit)
                position += 1
            }
            position += 1
        } else {
            while digits.count < 2, let digit = next, digit.properties.isASCIIHexDigit {
                digits.unicodeScalars.append(digit)
                position += 1
            }
        }
        guard let value = UInt32(digits.isEmpty ? "0" : digits, radix: 16), let scalar = Unicode.Scalar(value) else { throw Unreadable() }
        return scalar
    }

    /// The argument of `\p`, `\g`, `\k` and the like: braced, angled, quoted, a signed number
    /// or one letter.
    private mutating func skipArgument() throws(Unreadable) {
        switch next {
        case "{": try skip(past: "}")
        case "<": try skip(past: ">")
        case "'":
            position += 1
            try skip(past: "'")
        default:
            if next == "+" || next == "-" { position += 1 }
            if let digit = next, ("0"..."9").contains(digit) {
                while let digit = next, ("0"..."9").contains(digit) { position += 1 }
            } else {
                position += 1
            }
        }
    }

    private mutating func skip(past end: Unicode.Scalar) throws(Unreadable) {
        while let scalar = next {
            position += 1
            if scalar == end { return }
        }
        throw Unreadable()
    }

    /// A character class, after its `[`.
    private mutating func skipClass() throws(Unreadable) {
        if next == "^" { position += 1 }
        if next == "]" { position += 1 }  // a leading `]` is a member
        while let scalar = next {
            position += 1
            switch scalar {
            case "]": return
            case "\\":
                guard let escaped = next, escaped != "Q" else { throw Unreadable() }
                position += 1
                if "pPxNo".unicodeScalars.contains(escaped) {
                    if next == "{" { try skip(past: "}") } else if escaped == "p" || escaped == "P" { position += 1 }
                }
            case "[" where next == ":" || next == "." || next == "=":
                try skip(past: "]")  // `[:alpha:]`
            default: continue
            }
        }
        throw Unreadable()
    }

    /// A group, after its `(`.
    private mutating func group(caseless: inout Bool) throws(Unreadable) -> Atom {
        if next == "*" {
            // A verb such as (*SKIP) or (*UTF) matches nothing; (*ACCEPT) ends a match early,
            // and lower-case names are assertions with a pattern inside.
            guard let first = scalars.dropFirst(position + 1).first, ("A"..."Z").contains(first),
                  !scalars[(position + 1)...].starts(with: "ACCEPT".unicodeScalars) else { throw Unreadable() }
            try skip(past: ")")
            return .other(.anything)
        }
        guard next == "?" else { return .group(try closedGroup(caseless: caseless)) }
        position += 1
        guard let kind = next else { throw Unreadable() }
        position += 1
        switch kind {
        case ":", ">": return .group(try closedGroup(caseless: caseless))
        case "|":
            // Branch reset numbers groups differently; what it matches is the same.
            return .group(try closedGroup(caseless: caseless))
        case "=", "!":
            _ = try closedGroup(caseless: caseless)
            return .nothing
        case "<" where next == "=" || next == "!":
            position += 1
            _ = try closedGroup(caseless: caseless)
            return .nothing
        case "<", "'":
            try skip(past: kind == "<" ? ">" : "'")
            return .group(try closedGroup(caseless: caseless))
        case "#":
            try skip(past: ")")
            return .nothing
        default:
            position -= 1
            return try optionSetting(caseless: &caseless)
        }
    }

    /// `(?i)`, `(?-i)`, `(?^)`, `(?im:...)` and the like; anything else after `(?` is unread.
    private mutating func optionSetting(caseless: inout Bool) throws(Unreadable) -> Atom {
        var on = true, setting = caseless
        while let letter = next, letter != ")", letter != ":" {
            position += 1
            switch letter {
            case "-": on = false
            case "^": setting = false
            case "i": setting = on
            case "x": if on { throw Unreadable() }
            case "m", "s", "n", "J", "U": continue
            default: throw Unreadable()
            }
        }
        guard let end = next else { throw Unreadable() }
        position += 1
        if end == ")" {
            caseless = setting
            return .nothing
        }
        return .group(try closedGroup(caseless: setting))
    }

    private mutating func closedGroup(caseless: Bool) throws(Unreadable) -> LiteralSequence.Piece {
        let need = try alternation(caseless: caseless)
        guard next == ")" else { throw Unreadable() }
        position += 1
        return need
    }
}
