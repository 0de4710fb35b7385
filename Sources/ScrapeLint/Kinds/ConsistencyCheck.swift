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
    let normalize: Set<Normalization>
    /// Forms that differ only in case count as one form (for spacing rules).
    let ignoreCase: Bool
    let distance: Int
    let minimumLength: Int
    let exceptions: Regex?
    /// Lines that look like headings (short, no closing punctuation) are not read: headlines
    /// capitalise words that prose does not.
    let skipHeadings: Bool

    struct Occurrence {
        let range: Range<Int>
        let form: String
        let key: String
    }

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        let occurrences = try collect(document, matcher)
        var groups: [String: [Occurrence]] = [:]
        for occurrence in occurrences { groups[occurrence.key, default: []].append(occurrence) }
        if distance > 0 { groups = Self.mergeNearKeys(groups, minimumLength: minimumLength) }
        for key in groups.keys.sorted() {
            report(groups[key]!, rule: rule, document: document, into: &output)
        }
    }

    private func collect(_ document: Document, _ matcher: Matcher) throws -> [Occurrence] {
        var found: [Occurrence] = []
        let headings = skipHeadings ? HeadingLines(document) : nil
        try document.bytes.withUnsafeBufferPointer { subject in
            for variant in variants {
                try matcher.forEachMatch(of: variant.regex, in: subject) { match in
                    if headings?.contains(match.range.lowerBound) != true {
                        found.append(Occurrence(range: match.range, form: variant.name, key: ""))
                    }
                    return true
                }
            }
            for regex in tokens {
                try matcher.forEachMatch(of: regex, in: subject) { match in
                    let span = match.range(ofGroup: regex.captureCount >= 1 ? 1 : 0) ?? match.range
                    guard !span.isEmpty, headings?.contains(span.lowerBound) != true else { return true }
                    if let exceptions, try matcher.matchesWhole(exceptions, in: subject, range: span) { return true }
                    let text = document.text(in: span)
                    found.append(Occurrence(range: span, form: ignoreCase ? text.lowercased() : text, key: key(text)))
                    return true
                }
            }
        }
        return found
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

    /// Joins groups whose keys are one edit apart inside the word (not the first or last letter,
    /// so `Syria`/`Syrian` and `Trump`/`Trumps` stay apart).
    static func mergeNearKeys(_ groups: [String: [Occurrence]], minimumLength: Int) -> [String: [Occurrence]] {
        let keys = groups.keys.filter { $0.count >= minimumLength }.sorted()
        var parent: [String: String] = [:]
        func root(_ key: String) -> String {
            var key = key
            while let next = parent[key], next != key { key = next }
            return key
        }
        let byFirst = Dictionary(grouping: keys) { $0.first! }
        for bucket in byFirst.values {
            for (index, lhs) in bucket.enumerated() {
                for rhs in bucket[(index + 1)...] where EditDistance.isOneInnerEdit(lhs, rhs) {
                    let (a, b) = (root(lhs), root(rhs))
                    if a != b { parent[b] = a }
                }
            }
        }
        var merged: [String: [Occurrence]] = [:]
        for (key, occurrences) in groups { merged[root(key), default: []] += occurrences }
        return merged
    }
}
