/// Reads PCRE2 pattern syntax a character at a time for `LiteralExtractor`: where it stands,
/// and the pieces whose length only the syntax tells (quantifiers, classes, `\x{...}`, the
/// argument of `\g`). What it cannot read is `Unreadable`, and the pattern then needs nothing.
struct PatternReader {
    struct Unreadable: Error {}

    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// The character at `position`, nil at the end.
    var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    /// Whether the characters from `position` on start with `text`.
    func startsAt(_ text: String) -> Bool {
        scalars[position...].starts(with: text.unicodeScalars)
    }

    /// The quantifier that follows, read past; nil when none does. A brace that only may be a
    /// quantifier counts as one with no upper limit: taking a literal brace for that only
    /// weakens the requirement.
    mutating func quantifier() -> LiteralSequence.Repeat? {
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

    /// `\x{263A}` or `\xhh` (up to two digits), after the `x`.
    mutating func hexadecimal() throws(Unreadable) -> Unicode.Scalar {
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

    /// What follows `\g` or `\k`: a braced, angled or quoted name or number, or a signed number.
    mutating func skipReference() throws(Unreadable) {
        switch next {
        case "{": try skip(past: "}")
        case "<": try skip(past: ">")
        case "'":
            position += 1
            try skip(past: "'")
        default:
            if next == "+" || next == "-" { position += 1 }
            guard let digit = next, ("0"..."9").contains(digit) else { throw Unreadable() }
            while let digit = next, ("0"..."9").contains(digit) { position += 1 }
        }
    }

    mutating func skip(past end: Unicode.Scalar) throws(Unreadable) {
        while let scalar = next {
            position += 1
            if scalar == end { return }
        }
        throw Unreadable()
    }

    /// What follows the letter of an escape as its argument: `{...}` after `\p`, `\P`, `\x`, `\N`
    /// or `\o`, the letter of `\pL`, the character of `\cX`. Nothing else is read: `\x7C` is
    /// read as `\x` and two plain digits, which is all a reader of structure needs.
    mutating func skipArgument(ofEscape escaped: Unicode.Scalar) throws(Unreadable) {
        if "pPxNo".unicodeScalars.contains(escaped), next == "{" {
            try skip(past: "}")
        } else if escaped == "p" || escaped == "P" || escaped == "c" {
            position += 1
        }
    }

    /// The characters a class matches, after its `[`, read past: when it lists characters and
    /// ranges only, `limit` at most (`[{}<>]`, `[\x{01}-\x{08}\x{7F}]`). Otherwise (`[^a]`,
    /// `[\d.]`, `[\p{Lu}x]`, `[[:alpha:]]`, too many) nil, read past all the same.
    mutating func classMembers(limit: Int) throws(Unreadable) -> [Unicode.Scalar]? {
        let start = position
        if let members = plainClassMembers(limit: limit) { return members }
        position = start
        try skipClass()
        return nil
    }

    private mutating func plainClassMembers(limit: Int) -> [Unicode.Scalar]? {
        guard next != "^" else { return nil }
        var members: [Unicode.Scalar] = []
        var first = true  // a leading `]` is a member
        while let scalar = next {
            if scalar == "]", !first {
                position += 1
                return members
            }
            first = false
            guard let low = classCharacter() else { return nil }
            if next == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard let high = classCharacter(), low.value <= high.value, high.value - low.value < limit else { return nil }
                members += (low.value...high.value).compactMap(Unicode.Scalar.init)
            } else {
                members.append(low)
            }
            guard members.count <= limit else { return nil }
        }
        return nil
    }

    /// One character of a class, plain or escaped; nil for anything that stands for more
    /// (`\d`, `\p{L}`, `[:alpha:]`) or that this reader does not follow (`\Q`, octal, `\b`).
    private mutating func classCharacter() -> Unicode.Scalar? {
        let scalar = scalars[position]
        position += 1
        if scalar == "[", next == ":" || next == "." || next == "=" { return nil }
        guard scalar == "\\" else { return scalar }
        guard let escaped = next else { return nil }
        position += 1
        switch escaped {
        case "x": return try? hexadecimal()
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "f": return "\u{0C}"
        case "e": return "\u{1B}"
        case "a": return "\u{07}"
        default:
            // A backslash before punctuation means the punctuation; before a letter or a
            // digit, a class, a property or something else this reader does not take.
            return escaped.properties.isAlphabetic || escaped.properties.numericType != nil ? nil : escaped
        }
    }

    /// A character class, after its `[`.
    mutating func skipClass() throws(Unreadable) {
        if next == "^" { position += 1 }
        if next == "]" { position += 1 }  // a leading `]` is a member
        while let scalar = next {
            position += 1
            switch scalar {
            case "]": return
            case "\\":
                guard let escaped = next, escaped != "Q" else { throw Unreadable() }
                position += 1
                try skipArgument(ofEscape: escaped)
            case "[" where next == ":" || next == "." || next == "=":
                try skip(past: "]")  // `[:alpha:]`
            default: continue
            }
        }
        throw Unreadable()
    }
}
