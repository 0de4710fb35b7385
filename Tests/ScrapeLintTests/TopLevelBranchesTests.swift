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
    }

    @Test func barsInGroupsClassesEscapesAndCommentsDoNotSplit() {
        #expect(TopLevelBranches.of(#"a(?:b|c)|[|x]|\|y|(?#p|q)z|(?i:d|e)|\x{7C}"#)
            == ["a(?:b|c)", "[|x]", #"\|y"#, "(?#p|q)z", "(?i:d|e)", #"\x{7C}"#])
        #expect(TopLevelBranches.of(#"[]|]|\p{L}|\cA"#) == ["[]|]", #"\p{L}"#, #"\cA"#])
    }

    @Test func whatMeansSomethingElseAloneIsNotSplit() {
        for pattern in ["abc", "(?:a|b)", "a|b(?i)c", #"(a)|\1"#, "(a)|(?1)", "(?<n>a)|\\k<n>", "(?x) a | b",
                        "a(*SKIP)|b", "(*UTF)a|b", "(?R)|a", #"\Qa|b\E"#, "(a|b", "a)|b"] {
            #expect(TopLevelBranches.of(pattern) == nil, "\(pattern)")
        }
    }

    @Test func branchesWithAKnownStartAreSearchedAloneAndTheOthersTogether() throws {
        let searches = { (pattern: String) in try PatternSearch.lineSearches(for: Regex(pattern)).map(\.pattern) }
        // Under (?i) PCRE2 names no first code unit for a non-ASCII character, even one without case.
        #expect(try searches(#"(?i)©|\(c\)|copyright"#) == [#"(?i)\(c\)"#, "(?i)copyright", "(?i)©"])
        #expect(try searches("(?m)[;{]|//|^\\h*+return|[<>]") == ["(?m)//", "(?m)^\\h*+return", "(?m)[;{]|(?m)[<>]"])
        // No branch is faster alone, or there is one branch: the pattern as it is.
        #expect(try searches("[;{]|[<>]") == ["[;{]|[<>]"])
        #expect(try searches("copyright") == ["copyright"])
    }

    /// The property the split rests on, for every built-in line prefilter: on real text, the
    /// lines its searches hit are the lines the whole pattern hits.
    @Test func theSearchesHitTheLinesTheWholePrefilterDoes() throws {
        let prefilters = try RuleSet.builtInRules().compactMap { rule -> Regex? in
            guard case .pattern(let check) = rule.kind, check.search.window == .line else { return nil }
            return check.search.requires
        }
        let split = prefilters.filter { PatternSearch.lineSearches(for: $0).count > 1 }
        #expect(split.count >= 5)
        let matcher = Matcher()
        var lines = 0
        for (file, document) in try devCorpusDocuments() {
            try document.bytes.withUnsafeBufferPointer { subject in
                for requires in split {
                    let whole = try hitLines(of: [requires], in: document, subject, matcher)
                    #expect(try hitLines(of: PatternSearch.lineSearches(for: requires), in: document, subject, matcher) == whole,
                            "\(requires.pattern) \(file)")
                    lines += whole.count
                }
            }
        }
        #expect(lines >= 1000)
    }

    private func hitLines(of searches: [Regex], in document: Document, _ subject: UnsafeBufferPointer<UInt8>,
                          _ matcher: Matcher) throws -> Set<Int> {
        var lines = Set<Int>()
        for search in searches {
            try matcher.forEachMatch(of: search, in: subject) { match in
                lines.insert(document.lines.lineIndex(of: match.range.lowerBound))
                return true
            }
        }
        return lines
    }
}
