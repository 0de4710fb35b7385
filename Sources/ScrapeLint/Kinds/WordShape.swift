import PCRE2

/// One `words:` entry of a consistency rule: the tokens made of whole words (runs of letters)
/// that the rule compares, found by a walk over the document's word index instead of a token
/// pattern. A token pattern such as ` (?<=[\p{Ll},;:] )\K\p{Lu}\p{Ll}{4,}+\b` is tried by PCRE2
/// at every space of the text (a million in 5 MB); the walk reads each word once and rejects a
/// word in lower case at its first byte.
///
/// By default a token is words of the given letters with one space (U+0020) between each two
/// and no hyphen right before or after it ("air strikes", not "anti-air strikes"), and tokens
/// may overlap (every word starts one, as a lookahead pattern finds them).
struct WordShape: Sendable {
    /// The least letters of each word: `[2, 3]` is two words.
    let minimumLetters: [Int]
    /// The first word is an upper-case letter (`\p{Lu}`) followed by lower-case ones only
    /// (`\p{Ll}`): a name in running text.
    var capitalised = false
    /// The character between two words, when not only a space (`[ \x{A0}]`).
    var between: CharacterTest?
    /// The token follows one space, and the character before that space is of this class
    /// (`[\p{Ll},;:]`: mid-sentence). Without it, the token only must not follow a hyphen.
    var after: CharacterTest?
    /// What may not come right after the token (the end of the text always may).
    var notFollowedBy = Follower.hyphen
    /// Tokens never overlap: one starts at or after the end of the one before, as the matches
    /// of a pattern that consumes its token do.
    var overlapping = true

    enum Follower: Sendable {
        /// A hyphen: "air strikes-led" is no token of "air strikes".
        case hyphen
        /// A character of the class (`\w`: the token ends a word, as `\b` says).
        case character(CharacterTest)
        /// Anything may follow.
        case anything
    }

    /// Whether it is the default shape, which the walk reads fastest (its hashes are joined from
    /// the words' own; the others hash their bytes as a token pattern's matches are).
    var isPlain: Bool {
        guard case .hyphen = notFollowedBy else { return false }
        return !capitalised && between == nil && after == nil && overlapping
    }

    /// The shape as a rule file writes it, for `rules explain`.
    var description: String {
        var parts = ["min-letters: \(minimumLetters)"]
        if capitalised { parts.append("capitalised: true") }
        if let after { parts.append("after: '\(after.source)'") }
        if let between { parts.append("between: '\(between.source)'") }
        switch notFollowedBy {
        case .hyphen: break
        case .character(let test): parts.append("not-followed-by: '\(test.source)'")
        case .anything: parts.append("not-followed-by: ''")
        }
        if !overlapping { parts.append("overlap: false") }
        return parts.joined(separator: ", ")
    }

    /// Whether the run of letters `range` is an upper-case letter followed by lower-case ones.
    static func isCapitalised(_ range: Range<Int>, in subject: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = subject[range.lowerBound]
        if first < 0x80 {
            // The common case: an ASCII word, decided byte by byte.
            guard first &- 0x41 < 26 else { return false }
            var offset = range.lowerBound + 1
            while offset < range.upperBound, subject[offset] < 0x80 {
                guard subject[offset] &- 0x61 < 26 else { return false }
                offset += 1
            }
            return offset == range.upperBound || restIsLowercase(from: offset, to: range.upperBound, in: subject)
        }
        let decoded = ColumnCounter.scalar(in: subject, at: range.lowerBound, end: range.upperBound)
        guard decoded.scalar?.properties.generalCategory == .uppercaseLetter else { return false }
        return restIsLowercase(from: range.lowerBound + decoded.length, to: range.upperBound, in: subject)
    }

    private static func restIsLowercase(from start: Int, to end: Int, in subject: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = start
        while offset < end {
            let decoded = ColumnCounter.scalar(in: subject, at: offset, end: end)
            guard decoded.scalar?.properties.generalCategory == .lowercaseLetter else { return false }
            offset += decoded.length
        }
        return true
    }
}
