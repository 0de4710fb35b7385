import PCRE2

/// The `substitution` kind: words with one known right form, such as common misspellings
/// (`teh`, `recieve`), as codespell and typos keep them. Whole words only, case-insensitive, never
/// inside a URL, an address, a handle or a longer word; the fix keeps the word's capitalisation.
public struct SubstitutionCheck: Sendable {
    /// The words as one trie pattern (for `rules --patterns`, and the search when the lookup
    /// cannot take the words).
    let pattern: String
    /// The compiled `pattern`, made only when the lookup cannot take the words: a JIT compile
    /// at every start-up for nothing otherwise.
    private(set) var regex: Regex?
    /// Right form by the lower-cased wrong one.
    let replacements: [String: String]
    let words: [(wrong: String, right: String)]
    /// The words looked up one by one, when they all fit `PhraseLookup`; `regex` otherwise.
    private(set) var lookup: PhraseLookup?

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
        pattern = "(?i)(?:" + branches.joined(separator: "|") + ")"
        lookup = PhraseLookup(phrases: Array(replacements.keys), boundaries: .init(
            forbiddenBefore: ["_", ".", "/", "@", "#", "'", "’", "-"], forbiddenAfter: ["_", "@", "'", "’"]),
            spaceMatchesNoBreakSpace: false)
        regex = lookup == nil ? try Regex(pattern) : nil
    }

    /// The same check searching with the trie pattern instead of the lookup (tests compare them).
    func searchingWithPattern() throws -> SubstitutionCheck {
        var check = self
        check.lookup = nil
        check.regex = try Regex(pattern)
        return check
    }

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        func report(_ range: Range<Int>) {
            let text = document.text(in: range)
            guard let right = replacements[text.lowercased()] else { return }
            let fix = Fix(range: range, replacement: Array(Self.matchingCase(of: text, right).utf8))
            output.append(rule.diagnostic(at: range, in: document, fix: fix))
        }
        guard let regex else { return lookup?.forEachMatch(in: document, report) ?? () }
        try document.bytes.withUnsafeBufferPointer { subject in
            try matcher.forEachMatch(of: regex, in: subject) { match in
                report(match.range)
                return true
            }
        }
    }

    /// `right` in the case pattern of `original`: all capitals, a capital first, or as written.
    static func matchingCase(of original: String, _ right: String) -> String {
        if original.count > 1, original == original.uppercased() { return right.uppercased() }
        if let first = original.first, first.isUppercase { return right.prefix(1).uppercased() + right.dropFirst() }
        return right
    }
}
