import PCRE2

/// How `casing` and `substitution` find the entries of their word list: looked up word by word
/// (`PhraseLookup`) when every entry fits, else with the list as one trie pattern. The pattern
/// is kept as text for `rules --patterns` and compiled only when it is the search, so start-up
/// does not JIT-compile a pattern that never runs.
struct WordListSearch: Sendable {
    let pattern: String
    private(set) var lookup: PhraseLookup?
    private(set) var regex: Regex?

    init(pattern: String, lookup: PhraseLookup?) throws(PCRE2Error) {
        self.pattern = pattern
        self.lookup = lookup
        regex = lookup == nil ? try Regex(pattern) : nil
    }

    /// The same search by the pattern, not the lookup (tests compare the two).
    func byPattern() throws -> WordListSearch {
        try WordListSearch(pattern: pattern, lookup: nil)
    }

    /// Calls `body` with the byte range of each entry found, in text order.
    func forEachMatch(in document: Document, with matcher: Matcher, _ body: (Range<Int>) -> Void) throws {
        guard let regex else { return lookup?.forEachMatch(in: document, body) ?? () }
        try document.bytes.withUnsafeBufferPointer { subject in
            try matcher.forEachMatch(of: regex, in: subject) { match in
                body(match.range)
                return true
            }
        }
    }
}
