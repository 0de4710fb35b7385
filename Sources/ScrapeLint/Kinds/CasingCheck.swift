import PCRE2

/// The `casing` kind: names with one right spelling of case (`Islamic State`, `YouTube`). A
/// case-insensitive hit that differs from the canonical form is a finding whose fix is that form.
/// A hit in capitals only (a headline) is left alone, and so is one inside a URL, a handle or a
/// longer word.
public struct CasingCheck: Sendable {
    /// Canonical form by folded key (lower case, single spaces).
    let canonical: [String: String]
    let terms: [String]
    /// Finds the entries: by lookup, or by the trie pattern when the list does not fit it (tests
    /// swap in `search.byPattern()` to compare the two).
    var search: WordListSearch

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
        let pattern = "(?i)(?<![\\p{L}\\p{N}_./@#-])" + AlternationTrie.pattern(for: words)
        let lookup = PhraseLookup(phrases: terms, boundaries: .init(forbiddenBefore: ["_", ".", "/", "@", "#", "-"], forbiddenAfter: ["_", "@"]),
                                  spaceMatchesNoBreakSpace: true)
        search = try WordListSearch(pattern: pattern, lookup: lookup)
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
        try search.forEachMatch(in: document, with: matcher, report)
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
