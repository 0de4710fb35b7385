import PCRE2

/// The `consistency` kind: one document writing the same thing two ways. Either named `variants`
/// (curly or straight apostrophes), or open-ended `tokens` grouped by a normalised key (casing,
/// spacing and hyphenation), optionally with near-identical spellings (`distance: 1`). The
/// minority form is reported at each of its places (on a tie, the form seen later), with the
/// majority form's first place as a related location.
public struct ConsistencyCheck: Sendable {
    struct Variant: Sendable {
        let name: String
        let regex: Regex
    }

    enum Normalization: String, Sendable, CaseIterable {
        case lowercase
        case removeSpaces = "remove-spaces"
        case removeHyphens = "remove-hyphens"
    }

    let variants: [Variant]
    let tokens: [Regex]
    /// Tokens made of whole words (`WordShape`), found by one walk over the word index instead
    /// of a PCRE2 match attempt at every space.
    let words: [WordShape]
    let normalize: Set<Normalization>
    /// Forms that differ only in case count as one form (for spacing rules).
    let ignoreCase: Bool
    let distance: Int
    let minimumLength: Int
    var exceptions: Regex?
    /// The `exceptions` as written, to add a configuration's own.
    var exceptionSources: [String] = []
    /// Lines that look like headings (short, no closing punctuation) are not read: headlines
    /// capitalise words that prose does not.
    let skipHeadings: Bool

    struct Occurrence {
        let range: Range<Int>
        let form: String
        let key: String
    }

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        var groups: [String: [Occurrence]] = [:]
        try document.bytes.withUnsafeBufferPointer { subject in
            let found = try collect(document, matcher, subject)
            // Most texts write everything one way: no groups to build (a short one spent more on
            // making the empty dictionary than on reading).
            guard !found.isEmpty else { return }
            for occurrence in found { groups[occurrence.key, default: []].append(occurrence) }
            if distance > 0 { groups = Self.mergeNearKeys(groups, minimumLength: minimumLength) }
            for key in groups.keys.sorted() {
                // Only a group with two forms says anything; exceptions are checked only there.
                var group = groups[key]!
                guard Set(group.map(\.form)).count > 1 else { continue }
                if let exceptions {
                    group = try group.filter { !(try matcher.matchesWhole(exceptions, in: subject, range: $0.range)) }
                }
                report(group, rule: rule, document: document, into: &output)
            }
        }
    }

    private func collect(_ document: Document, _ matcher: Matcher, _ subject: UnsafeBufferPointer<UInt8>) throws -> [Occurrence] {
        var found: [Occurrence] = []
        let headings = skipHeadings ? document.headingLines : nil
        // Named variants say something only where two of them occur, and most texts write one
        // way: each is first searched for one place, and only then for all (a text's curly
        // apostrophes are hundreds, each an occurrence and a String key to group).
        let present = try variants.filter { variant in
            var occurs = false
            try matcher.forEachMatch(of: variant.regex, in: subject) { match in
                occurs = headings?.contains(match.range.lowerBound) != true
                return !occurs
            }
            return occurs
        }
        for variant in present.count >= 2 ? present : [] {
            try matcher.forEachMatch(of: variant.regex, in: subject) { match in
                if headings?.contains(match.range.lowerBound) != true {
                    found.append(Occurrence(range: match.range, form: variant.name, key: ""))
                }
                return true
            }
        }
        // Keys and forms are hashed from the bytes (`WordHash`, no allocation); only tokens whose
        // key hash comes with two form hashes become Strings, which drops almost all of them.
        // A hash collision only costs a String; grouping is by the real key.
        var tokens: [Token] = []
        let folding = normalize.contains(.lowercase), removeSpaces = normalize.contains(.removeSpaces),
            removeHyphens = normalize.contains(.removeHyphens)
        for regex in self.tokens {
            try matcher.forEachMatch(of: regex, in: subject) { match in
                let span = match.range(ofGroup: regex.captureCount >= 1 ? 1 : 0) ?? match.range
                guard !span.isEmpty, headings?.contains(span.lowerBound) != true else { return true }
                let bytes = subject[span]
                tokens.append((span, Self.hash(bytes, lowercase: folding, removeSpaces: removeSpaces, removeHyphens: removeHyphens),
                               Self.hash(bytes, lowercase: ignoreCase, removeSpaces: false, removeHyphens: false)))
                return true
            }
        }
        if !words.isEmpty {
            let index = document.words
            // A plain shape has a token at almost every word; the others at a few.
            tokens.reserveCapacity(tokens.count + index.count * words.filter(\.isPlain).count)
            for shape in words {
                if shape.isPlain {
                    Self.wordTokens(shape.minimumLetters, in: index, subject: subject, headings: headings, folding: folding,
                                    removeSpaces: removeSpaces, ignoreCase: ignoreCase, into: &tokens)
                } else {
                    try Self.shapedTokens(shape, in: index, subject: subject, headings: headings, folding: folding, removeSpaces: removeSpaces,
                                          removeHyphens: removeHyphens, ignoreCase: ignoreCase, matcher: matcher, into: &tokens)
                }
            }
        }
        // The first form hash, or 0 once a second one appears; the keys with two forms are few,
        // and kept apart so that the second pass probes a small table. A token whose form is its
        // key (one word, when both fold alike) differs only from a form that is not a key, so it
        // is looked up, not stored: two such tokens with one key have one form.
        let isOwnForm = { (token: Token) in token.key == token.form && token.form != 0 }
        // Sized for every token, though own-form ones are not stored: counting the others took a
        // pass over the tokens that cost more than the larger table (compound-spacing 53-54 ->
        // 50-52 ms on the dev files twice).
        var formsByKey = HashKeyTable<UInt64>(forAtMost: tokens.count)
        var mixedKeys = HashKeyTable<Bool>()
        for token in tokens where !isOwnForm(token) {
            // A form hash of 0 (text a hash cannot fold) is stored as 1 and never matches: a key
            // it comes with twice is always compared as Strings.
            let first = token.form == 0 ? formsByKey[token.key] ?? { formsByKey[token.key] = 1; return nil }()
                : formsByKey.value(of: token.key, insertingIfAbsent: token.form)  // one probe for a new key
            if let first, first != token.form {
                formsByKey[token.key] = 0
                mixedKeys[token.key] = true
            }
        }
        for token in tokens where isOwnForm(token) {
            if let first = formsByKey[token.key], first != token.form {
                formsByKey[token.key] = 0
                mixedKeys[token.key] = true
            }
        }
        let nearKeys = distance > 0 ? Self.nearKeyCandidates(tokens.map { ($0.range, $0.key) }, in: subject,
                                                             folding: folding, removeSpaces: removeSpaces, removeHyphens: removeHyphens) : nil
        guard mixedKeys.count > 0 || nearKeys != nil else { return found }
        for token in tokens where mixedKeys.contains(token.key) || nearKeys?.contains(token.key) == true {
            let text = document.text(in: token.range)
            found.append(Occurrence(range: token.range, form: ignoreCase ? text.lowercased() : text, key: key(text)))
        }
        return found
    }

    /// `WordHash` of a token's bytes, ASCII letters folded if asked and spaces or hyphens left
    /// out. Non-ASCII text hashes to 0 when folding, a bucket that String keys sort out.
    static func hash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, lowercase: Bool, removeSpaces: Bool, removeHyphens: Bool) -> UInt64 {
        var hash = WordHash()
        for byte in bytes {
            if lowercase, byte >= 0x80 { return 0 }
            if removeSpaces, byte == 0x20 { continue }
            if removeHyphens, byte == 0x2D { continue }
            hash.mix(lowercase ? byte.asciiLowercased : byte)
        }
        return hash.value
    }

    func key(_ text: String) -> String {
        var key = normalize.contains(.lowercase) ? text.lowercased() : text
        if normalize.contains(.removeSpaces) { key.removeAll { $0 == " " || $0 == "\u{A0}" } }
        if normalize.contains(.removeHyphens) { key.removeAll { $0 == "-" || $0 == "‐" } }
        return key
    }

    private func report(_ group: [Occurrence], rule: Rule, document: Document, into output: inout [Diagnostic]) {
        var counts: [String: (count: Int, first: Occurrence, last: Int)] = [:]
        for occurrence in group {
            let entry = counts[occurrence.form]
            counts[occurrence.form] = ((entry?.count ?? 0) + 1, entry?.first ?? occurrence,
                                       max(entry?.last ?? 0, occurrence.range.lowerBound))
        }
        guard counts.count > 1 else { return }
        // The majority; on a tie the form that appears first, so the later one is reported.
        let majority = counts.max { lhs, rhs in
            lhs.value.count != rhs.value.count ? lhs.value.count < rhs.value.count
                : lhs.value.first.range.lowerBound > rhs.value.first.range.lowerBound
        }!
        let first = majority.value.first
        let line = document.lines.lineIndex(of: first.range.lowerBound) + 1
        let times = majority.value.count == 1 ? "once" : "\(majority.value.count) times"
        let elsewhere = "elsewhere (\(times), first on line \(line))"
        for occurrence in group.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where occurrence.form != majority.key {
            // Variants are named styles ("curly (’) here, straight (') elsewhere"); tokens are
            // shown as written ("'Baghouz' elsewhere").
            let detail = variants.isEmpty
                ? "'\(MessageTemplate.visible(document.text(in: first.range)))' \(elsewhere)"
                : "\(occurrence.form) here, \(majority.key) \(elsewhere)"
            output.append(rule.diagnostic(at: occurrence.range, in: document, detail: detail,
                                          related: [RelatedLocation(range: first.range, message: "the form used most")]))
        }
    }
}
