import PCRE2

/// The `casing` kind: names with one right spelling of case (`Islamic State`, `YouTube`). A
/// case-insensitive hit that differs from the canonical form is a finding whose fix is that form.
/// A hit in capitals only (a headline) is left alone, and so is one inside a URL, a handle or a
/// longer word.
public struct CasingCheck: Sendable {
    /// The terms as one trie pattern (for `rules --patterns`, and the search when the lookup
    /// cannot take the terms).
    let pattern: String
    /// The compiled `pattern`, made only when the lookup cannot take the terms.
    private(set) var regex: Regex?
    /// Canonical form by folded key (lower case, single spaces).
    let canonical: [String: String]
    let terms: [String]
    /// The terms looked up word by word, when they all fit `PhraseLookup`; `regex` otherwise.
    private(set) var lookup: PhraseLookup?

    init(terms: [String]) throws(PCRE2Error) {
        self.terms = terms
        var canonical: [String: String] = [:]
        for term in terms { canonical[Self.key(term)] = term }
        self.canonical = canonical
        let words = terms.map { term in
            AlternationTrie.Word(units: term.unicodeScalars.map { $0 == " " ? "[ \\x{A0}]" : AlternationTrie.escape($0) },
                                 guardAfter: "(?![\\p{L}\\p{N}_@]|\\.[\\p{L}\\p{N}])")
        }
        // Not inside a word, a URL, an e-mail address, a handle or a hashtag.
        pattern = "(?i)(?<![\\p{L}\\p{N}_./@#-])" + AlternationTrie.pattern(for: words)
        lookup = PhraseLookup(phrases: terms, boundaries: .init(forbiddenBefore: ["_", ".", "/", "@", "#", "-"], forbiddenAfter: ["_", "@"]),
                              spaceMatchesNoBreakSpace: true)
        regex = lookup == nil ? try Regex(pattern) : nil
    }

    /// The same check searching with the trie pattern instead of the lookup (tests compare them).
    func searchingWithPattern() throws -> CasingCheck {
        var check = self
        check.lookup = nil
        check.regex = try Regex(pattern)
        return check
    }

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        func report(_ span: Range<Int>) {
            let text = document.text(in: span)
            guard let expected = canonical[Self.key(text)],
                  Self.key(text, folding: false) != Self.key(expected, folding: false),
                  !Self.isShouted(text, canonical: expected)
            else { return }
            let fix = Fix(range: span, replacement: Array(expected.utf8))
            output.append(rule.diagnostic(at: span, in: document, fix: fix))
        }
        guard let regex else { return lookup?.forEachMatch(in: document, report) ?? () }
        try document.bytes.withUnsafeBufferPointer { subject in
            try matcher.forEachMatch(of: regex, in: subject) { match in
                report(match.range)
                return true
            }
        }
    }

    /// Spaces of any kind as one space, and lower case unless `folding` is false.
    static func key(_ text: String, folding: Bool = true) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).joined(separator: " ")
        return folding ? words.lowercased() : words
    }

    private static func isShouted(_ text: String, canonical: String) -> Bool {
        text == text.uppercased() && canonical != canonical.uppercased()
    }
}
