import PCRE2

/// The `substitution` kind: words with one known right form, such as common misspellings
/// (`teh`, `recieve`), as codespell and typos keep them. Whole words only, case-insensitive, never
/// inside a URL, an address, a handle or a longer word; the fix keeps the word's capitalisation.
public struct SubstitutionCheck: Sendable {
    /// Right form by the lower-cased wrong one.
    let replacements: [String: String]
    let words: [(wrong: String, right: String)]
    /// Finds the entries: by lookup, or by the trie pattern when the list does not fit it (tests
    /// swap in `search.byPattern()` to compare the two).
    var search: WordListSearch

    init(words: [(wrong: String, right: String)]) throws(PCRE2Error) {
        self.words = words
        var replacements: [String: String] = [:]
        for (wrong, right) in words { replacements[wrong.lowercased()] = right }
        self.replacements = replacements
        // Word boundaries only where the word begins or ends with a letter or digit, so that
        // `&amp;` is found inside `AT&amp;T` and `teh` is not found inside `tehran`.
        let words = replacements.keys.map { word in
            AlternationTrie.Word(
                units: word.unicodeScalars.map(AlternationTrie.escape),
                guardAfter: word.unicodeScalars.last?.isLetterOrDigit == true ? "(?![\\p{L}\\p{N}_@'’]|\\.[\\p{L}\\p{N}])" : "")
        }
        let wordStart = words.filter { $0.units.first.flatMap { $0.unicodeScalars.first }?.isLetterOrDigit == true }
        let otherStart = words.filter { $0.units.first.flatMap { $0.unicodeScalars.first }?.isLetterOrDigit != true }
        var branches: [String] = []
        if !wordStart.isEmpty { branches.append("(?<![\\p{L}\\p{N}_./@#'’-])" + AlternationTrie.pattern(for: wordStart)) }
        if !otherStart.isEmpty { branches.append(AlternationTrie.pattern(for: otherStart)) }
        let pattern = "(?i)(?:" + branches.joined(separator: "|") + ")"
        let lookup = PhraseLookup(phrases: Array(replacements.keys), boundaries: .init(
            forbiddenBefore: ["_", ".", "/", "@", "#", "'", "’", "-"], forbiddenAfter: ["_", "@", "'", "’"]),
            spaceMatchesNoBreakSpace: false)
        search = try WordListSearch(pattern: pattern, lookup: lookup)
    }

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        func report(_ range: Range<Int>) {
            let text = document.text(in: range)
            guard let right = replacements[text.lowercased()] else { return }
            let fix = Fix(range: range, replacement: Array(Self.matchingCase(of: text, right).utf8))
            output.append(rule.diagnostic(at: range, in: document, fix: fix))
        }
        try search.forEachMatch(in: document, with: matcher, report)
    }

    /// `right` in the case pattern of `original`: all capitals, a capital first, or as written.
    static func matchingCase(of original: String, _ right: String) -> String {
        if original.count > 1, original == original.uppercased() { return right.uppercased() }
        if let first = original.first, first.isUppercase { return right.prefix(1).uppercased() + right.dropFirst() }
        return right
    }
}
