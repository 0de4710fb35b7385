import PCRE2
import Testing
@testable import ScrapeLint

/// A `requires` prefilter split into its top-level branches: each searched alone where that is
/// faster, and always hitting the lines the whole does.
@Suite struct TopLevelBranchesTests {
    @Test func branchesKeepTheLeadingOptions() {
        #expect(TopLevelBranches.of(#"(?i)©|\(c\)|copyright|rights\h++reserved"#)
            == ["(?i)©", #"(?i)\(c\)"#, "(?i)copyright", #"(?i)rights\h++reserved"#])
        #expect(TopLevelBranches.of("(?mi)^a|b") == ["(?mi)^a", "(?mi)b"])
        // A named group, or an option unset inside a group, is no reference.
        #expect(TopLevelBranches.of("(?P<n>a)|(?:(?-i)b)") == ["(?P<n>a)", "(?:(?-i)b)"])
    }

    @Test func barsInGroupsClassesEscapesAndCommentsDoNotSplit() {
        #expect(TopLevelBranches.of(#"a(?:b|c)|[|x]|\|y|(?#p|q)z|(?i:d|e)|\x{7C}"#)
            == ["a(?:b|c)", "[|x]", #"\|y"#, "(?#p|q)z", "(?i:d|e)", #"\x{7C}"#])
        #expect(TopLevelBranches.of(#"[]|]|\p{L}|\cA"#) == ["[]|]", #"\p{L}"#, #"\cA"#])
    }

    @Test func whatMeansSomethingElseAloneIsNotSplit() {
        for pattern in ["abc", "(?:a|b)", "a|b(?i)c", #"(a)|\1"#, "(a)|(?1)", "(?<n>a)|\\k<n>", "(?x) a | b",
                        "a(*SKIP)|b", "(*UTF)a|b", "(?R)|a", "(a)|(?-1)", "(?P<n>a)|(?P>n)", "(?<n>a)|(?&n)", #"\Qa|b\E"#, "(a|b", "a)|b"] {
            #expect(TopLevelBranches.of(pattern) == nil, "\(pattern)")
        }
    }

    @Test func branchesWithAKnownStartAreSearchedAloneAndTheOthersTogether() throws {
        let searches = { (pattern: String) in try PatternSearch.searches(for: Regex(pattern)).map(\.source) }
        // Under (?i) PCRE2 names no first code unit for a non-ASCII character, even one without case.
        #expect(try searches(#"(?i)©|\(c\)|copyright"#) == [#"(?i)\(c\)"#, "(?i)copyright", "(?i)©"])
        #expect(try searches("(?m)[;{]|//|^\\h*+return|[<>]") == ["(?m)//", "(?m)^\\h*+return", "(?m)[;{]|(?m)[<>]"])
        // No branch is faster alone, or there is one branch: the pattern as it is.
        #expect(try searches("[;{]|[<>]") == ["[;{]|[<>]"])
        #expect(try searches("copyright") == ["copyright"])
    }

    /// The property the split rests on, for every built-in prefilter (of pattern rules and merge
    /// signals): on real text, its searches hit the lines (or tokens) the whole pattern hits.
    @Test func theSearchesHitThePlacesTheWholePrefilterDoes() throws {
        var prefilters: [(Regex, PatternSearch.Window)] = []
        for rule in try RuleSet.builtInRules() {
            switch rule.kind {
            case .pattern(let check): prefilters.append(contentsOf: check.search.requires.map { [($0, check.search.window)] } ?? [])
            case .merge(let check):
                for signal in check.signals {
                    if case .pattern(let search, _) = signal.source, let requires = search.requires { prefilters.append((requires, search.window)) }
                }
            default: continue
            }
        }
        let split = prefilters.filter { PatternSearch.searches(for: $0.0).count > 1 }
        #expect(split.count >= 8 && split.contains { $0.1 == .token })
        let matcher = Matcher()
        var places = 0
        for (file, document) in try devCorpusDocuments() {
            try document.bytes.withUnsafeBufferPointer { subject in
                for (requires, window) in split {
                    let whole = try hits(of: [.pattern(requires)], window, in: document, subject, matcher)
                    #expect(try hits(of: PatternSearch.searches(for: requires), window, in: document, subject, matcher) == whole,
                            "\(requires.pattern) \(file)")
                    places += whole.count
                }
            }
        }
        #expect(places >= 1000)
    }

    /// The lines hit, or the tokens (as their first bytes).
    private func hits(of searches: [PrefilterSearch], _ window: PatternSearch.Window, in document: Document,
                      _ subject: UnsafeBufferPointer<UInt8>, _ matcher: Matcher) throws -> Set<Int> {
        var places = Set<Int>()
        for search in searches {
            var from = 0
            while let hit = try search.firstHit(in: subject, from: from, matcher) {
                var start = hit
                while window == .token, start > 0, !subject[start - 1].isASCIISpace { start -= 1 }
                places.insert(window == .line ? document.lines.lineIndex(of: start) : start)
                from = hit + 1
            }
        }
        return places
    }
}
