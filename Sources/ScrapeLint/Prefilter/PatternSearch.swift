import PCRE2

/// A rule's pattern and what keeps searching it cheap, in two steps:
/// - the literals every match needs (`LiteralRequirement`, read from the pattern or, when it
///   has none, from `requires`): a document whose `GramSet` lacks them is not searched at
///   all, one check for what would be a full scan;
/// - an optional `requires` prefilter, a fast pattern (one that starts with a literal) that
///   matches on every line where `regex` can: `regex`, which may lead with a class or a
///   lookbehind that PCRE2 must try at every byte, then runs on those lines only, or only on the
///   tokens (runs of non-space bytes) that hold a hit, when its matches never hold a space. A
///   prefilter written as an alternation runs as one search per branch that starts with a known
///   character (`searches(for:)`).
struct PatternSearch: Sendable {
    /// What a hit of `requires` says may hold a match: its line, or its token.
    enum Window: String, Sendable, CaseIterable {
        case line, token
    }

    let regex: Regex
    let requires: Regex?
    let window: Window
    /// The literals as `GramSet` probes (nil when nothing is known), read from the pattern
    /// the first time a document is long enough to use them: a run over one short article
    /// (an editor, a pre-commit hook) does not pay for reading every pattern.
    private let literalProbes: LazyIndex<[GramSet.Probe]?>
    /// The searches that stand for `requires` (`searches(for:)`), each with the probes of its
    /// own literals (a branch such as `[{}=<>@]` is not searched in a text that lacks them), made
    /// when first needed; and `requires` whole as a search, for short texts.
    private let searches: LazyIndex<[(search: PrefilterSearch, probes: [GramSet.Probe]?)]>
    private let wholeSearch: PrefilterSearch?

    /// Reading every pattern for its literals takes about 5 ms, once a run: a text this long
    /// makes it worth it, and a shorter one uses the literals once they are read (by a longer
    /// text, or by `prepare()` before a corpus), so that a run over one short article (an editor,
    /// a hook) does not pay. Once read, they skip texts of any length: on paragraphs of about
    /// 240 bytes (5,295 records) a run took 15 % less time, on one-line texts of 60 bytes 6 %.
    static let minimumReadingSize = 8 * 1024
    /// A text this long has `requires` split (`searches(for:)`): splitting and compiling the
    /// branches, once per run, costs about what they save on 8 KB, so a run over one short article
    /// (an editor, a hook) searches it whole; a shorter text of a corpus uses the split searches
    /// once a longer one or `prepare()` had them made.
    static let minimumSplitSize = 8 * 1024

    /// `regex` must be compiled with `.offsetLimit` when `requires` is given.
    init(regex: Regex, requires: Regex?, window: Window = .line) {
        self.regex = regex
        self.requires = requires
        self.window = window
        literalProbes = LazyIndex { Self.literals(of: regex, requires: requires, window: window).probes }
        searches = LazyIndex { (requires.map(Self.searches(for:)) ?? []).map { ($0, $0.literals.probes) } }
        wholeSearch = requires.map(PrefilterSearch.init)
    }

    /// Reads the literals and splits `requires` now, as the first text of 8 KB would: the texts
    /// of a corpus (`Engine.prepareForCorpus()`) then skip and split from the first one.
    func prepare() {
        _ = literalProbes.index
        _ = searches.index
    }

    /// Whether the literals have been read (by a long text or `prepare()`).
    var literalsAreRead: Bool { literalProbes.indexIfMade != nil }

    /// `requires` as its top-level branches that start with a known character (`hasKnownStart`),
    /// each searched alone, and the others as one pattern; or `requires` itself when no branch
    /// does or it cannot be split (`TopLevelBranches`). A line or token hit by any of them is one
    /// the whole would hit.
    static func searches(for requires: Regex) -> [PrefilterSearch] {
        guard let branches = TopLevelBranches.of(requires.pattern),
              let compiled = try? branches.map({ branch throws(PCRE2Error) in try Regex(branch, options: requires.options) })
        else { return [PrefilterSearch(requires)] }
        let known = compiled.filter(\.hasKnownStart).map(PrefilterSearch.init)
        let others = compiled.filter { !$0.hasKnownStart }.map(\.pattern)
        guard !known.isEmpty else { return [PrefilterSearch(requires)] }
        guard !others.isEmpty else { return known }
        // Each branch carries the leading options, so joined they mean what they did apart.
        guard let rest = try? Regex(others.joined(separator: "|"), options: requires.options) else { return [PrefilterSearch(requires)] }
        // One branch left may be a scan of its own (`CaseChangeScan`).
        return known + [PrefilterSearch(rest)]
    }

    /// What every match needs in a text.
    var literals: LiteralRequirement { Self.literals(of: regex, requires: requires, window: window) }

    /// The pattern's own; in the token window also the prefilter's, since nothing is searched
    /// there without a hit. Not in the line window: its last line is searched without one.
    private static func literals(of regex: Regex, requires: Regex?, window: Window) -> LiteralRequirement {
        let own = LiteralExtractor.requirement(of: regex)
        guard let requires, window == .token else { return own }
        return .all(own, LiteralExtractor.requirement(of: requires))
    }

    /// Every match in `document`, in order. With `prefiltered` false the pattern alone searches
    /// the whole text (what the prefilters must never change; the examples and tests check it).
    func forEachMatch(in document: Document, subject: UnsafeBufferPointer<UInt8>, with matcher: Matcher,
                      prefiltered: Bool = true, _ body: (Match) throws -> Void) throws {
        guard prefiltered else { return try forEachMatch(of: regex, in: subject, matcher, body) }
        if let probes = subject.count >= Self.minimumReadingSize ? literalProbes.index : literalProbes.indexIfMade ?? nil,
           !document.grams.mayContain(any: probes) {
            return
        }
        guard let wholeSearch else { return try forEachMatch(of: regex, in: subject, matcher, body) }
        // A branch whose literals the text lacks has no hit to find.
        // A shorter text uses the split searches too once a longer one had them made (a corpus):
        // the whole `requires` may start with a class PCRE2 tries at every byte.
        let searches: [PrefilterSearch]
        if let split = subject.count >= Self.minimumSplitSize ? self.searches.index : self.searches.indexIfMade {
            searches = split.compactMap { $0.probes.map(document.grams.mayContain(any:)) ?? true ? $0.search : nil }
        } else {
            searches = [wholeSearch]
        }
        if window == .token { return try forEachMatch(inTokensOf: searches, subject: subject, matcher, body) }
        var lines: [Int] = []
        for search in searches {
            var from = 0
            while let hit = try search.firstHit(in: subject, from: from, matcher) {
                let line = document.lines.lineIndex(of: hit)
                lines.append(line)
                // Every line after this hit holds one: searched again from each, a text of many
                // short lines (a word list) was read to its end once a line.
                if search.hitsRunToTheEnd {
                    lines += (line + 1)..<document.lines.count
                    break
                }
                // One hit makes a line searched: go on from the next line, not from the hit (a
                // prefilter such as `[:;{}()]` would stop at every colon of a paragraph).
                guard line + 1 < document.lines.count else { break }
                from = document.lines.starts[line + 1]
            }
        }
        // Hits of several searches may share lines (most texts have none or one).
        if searches.count > 1, lines.count > 1 { lines = Array(Set(lines)).sorted() }
        // The last line is always searched: a pattern anchored at the end of the text (`\h++$`
        // on a last line without a line break) has no literal there for a prefilter to find.
        let last = document.lines.count - 1  // a text has at least one line, maybe empty
        if lines.last != last { lines.append(last) }
        for line in lines {
            // Each line searched once: a match may start anywhere up to the line's end and look
            // past it, as in a search of the whole text.
            let content = document.lines.contentRange(ofLine: line, in: document.bytes)
            try matcher.forEachMatch(of: regex, in: subject, range: content.lowerBound..<subject.count, startLimit: content.upperBound) { match in
                try body(match)
                return true
            }
        }
    }

    /// The token window: a pattern whose matches never hold a space, searched in each token that
    /// holds a hit of `requires` (a sentence fused to the next is `leave.“Thousands`, not the
    /// paragraph around it). A match may start anywhere in the token and look past it. Unlike
    /// the line window, nothing is searched without a hit: a match holds a character, so its
    /// token holds the hit.
    private func forEachMatch(inTokensOf searches: [PrefilterSearch], subject: UnsafeBufferPointer<UInt8>, _ matcher: Matcher,
                              _ body: (Match) throws -> Void) throws {
        var tokens: [Range<Int>] = []
        for search in searches {
            var from = 0
            while from < subject.count, let hit = try search.firstHit(in: subject, from: from, matcher) {
                var start = hit, end = hit
                while start > 0, !subject[start - 1].isASCIISpace { start -= 1 }
                while end < subject.count, !subject[end].isASCIISpace { end += 1 }
                tokens.append(start..<end)
                // A token is searched once, however many hits it holds.
                from = max(end, hit + 1)
            }
        }
        if searches.count > 1, tokens.count > 1 { tokens = Set(tokens).sorted { $0.lowerBound < $1.lowerBound } }
        for token in tokens {
            try matcher.forEachMatch(of: regex, in: subject, range: token.lowerBound..<subject.count, startLimit: token.upperBound) { match in
                try body(match)
                return true
            }
        }
    }

    private func forEachMatch(of regex: Regex, in subject: UnsafeBufferPointer<UInt8>, _ matcher: Matcher,
                              _ body: (Match) throws -> Void) throws {
        try matcher.forEachMatch(of: regex, in: subject) { match in
            try body(match)
            return true
        }
    }
}

extension LiteralExtractor {
    /// The requirement of a compiled pattern, with the options it was compiled with.
    static func requirement(of regex: Regex) -> LiteralRequirement {
        requirement(of: regex.pattern, caseless: regex.options.contains(.caseless))
    }
}
