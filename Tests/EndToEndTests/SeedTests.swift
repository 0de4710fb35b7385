import Foundation
import Testing

/// The seed article: every place of `../shared/corpus/seed/EXPECTED.md` that the core's rule
/// families cover, each once, with exact output lines.
@Suite struct SeedTests {
    /// Every row of EXPECTED.md, each once, and nothing else. The comment names the row.
    static let expected = [
        // 1:5 quotes: ’ as apostrophe here, ' elsewhere
        "Examples/seed-article.txt:1:5: warning: mixed apostrophes: curly (’) here, straight (') elsewhere (4 times, first on line 3) [quotes-mixed-apostrophes]",
        // 1:20 joins and spacing: march:36
        "Examples/seed-article.txt:1:20: warning: no space after ':' between a word and a number [spacing-missing-space-before-number]",
        // 3:23 casing: Islamic state (reported once although two casing rules see it)
        "Examples/seed-article.txt:3:23: warning: 'Islamic state' should be written 'Islamic State' [casing-canonical-names]",
        // 3:36, 3:95, 3:102 spacing: NBSP in prose; 3:197 trailing whitespace
        "Examples/seed-article.txt:3:36: warning: non-breaking space inside running prose [spacing-nbsp-in-prose]",
        "Examples/seed-article.txt:3:95: warning: non-breaking space inside running prose [spacing-nbsp-in-prose]",
        "Examples/seed-article.txt:3:102: warning: non-breaking space inside running prose [spacing-nbsp-in-prose]",
        "Examples/seed-article.txt:3:197: warning: trailing whitespace [spacing-trailing-whitespace]",
        // 8:166 trailing whitespace
        "Examples/seed-article.txt:8:166: warning: trailing whitespace [spacing-trailing-whitespace]",
        // 10:204 to 10:210 merged sources: leave.“Thousands
        "Examples/seed-article.txt:10:204: error: another text seems to start here (a sentence runs into the next with no space) [merge-boundary]",
        // 10:210 quotes: not closed, and the next paragraph does not reopen it
        "Examples/seed-article.txt:10:210: error: quotation mark opened here is not closed in its paragraph, and the next paragraph does not reopen it [quotes-unbalanced]",
    ] + [394, 488, 495, 518, 584, 589, 612, 617, 630, 642, 647].map {
        // line 11 has eleven NBSPs in prose
        "Examples/seed-article.txt:11:\($0): warning: non-breaking space inside running prose [spacing-nbsp-in-prose]"
    } + [
        // 11:662 quotes: a closing quote with no opener
        "Examples/seed-article.txt:11:662: error: closing quotation mark with no opening one in its paragraph [quotes-unbalanced]",
        // 12:1 to 12:3 merged sources: a paragraph in quotes right after a closed quotation
        "Examples/seed-article.txt:12:1: error: another text seems to start here (a paragraph opens a quotation right after one closed, a paragraph starts with stray whitespace) [merge-boundary]",
        // 12:1 spacing: the paragraph starts with an NBSP
        "Examples/seed-article.txt:12:1: warning: line starts with whitespace [spacing-leading-whitespace]",
        // 12 to 13 quotes: double quotes nested in double quotes; 13:757 closes the quotation of 12:3
        "Examples/seed-article.txt:12:3: warning: double quotes nested inside this quotation (a quote within a quote takes single quotes); it closes on line 13 [quotes-nested-double]",
        // 12:39 consistency: airstrikes / air strikes
        "Examples/seed-article.txt:12:39: warning: 'airstrikes' is written 'air strikes' elsewhere (2 times, first on line 4) [consistency-compound-spacing]",
        // 12:341, 13:355 consistency: Baghuz / Baghouz
        "Examples/seed-article.txt:12:341: warning: 'Baghuz' is spelled 'Baghouz' elsewhere (2 times, first on line 5) [consistency-spelling-variant]",
        "Examples/seed-article.txt:13:355: warning: 'Baghuz' is spelled 'Baghouz' elsewhere (2 times, first on line 5) [consistency-spelling-variant]",
        // 15:1, 17:1 boilerplate
        "Examples/seed-article.txt:15:1: error: template boilerplate line 'Post a Comment' [boilerplate-comment-prompt]",
        "Examples/seed-article.txt:17:1: error: template boilerplate line 'Previous Post Next Post' [boilerplate-comment-prompt]",
    ]

    @Test func seedGivesExactlyTheExpectedLines() throws {
        let result = try scrapelint(["Examples/seed-article.txt"])
        #expect(result.lines == Self.expected)
        #expect(result.errorLines == ["6 errors, 24 warnings, 0 notes in 1 of 1 file"])
        #expect(result.status == 1)
    }

    @Test func examplesFolderGivesExactLinesAndExitStatus() throws {
        let result = try scrapelint(["Examples/"])
        #expect(result.lines == [
            "Examples/blog-footer.md:5:1: error: advertisement marker 'Advertisement' [boilerplate-advertisement]",
            "Examples/blog-footer.md:7:161: warning: trailing whitespace [spacing-trailing-whitespace]",
            "Examples/blog-footer.md:8:68: warning: no space after ':' between a word and a number [spacing-missing-space-before-number]",
            "Examples/blog-footer.md:10:1: error: share or follow button text 'Share this article' [boilerplate-share-prompt]",
            "Examples/blog-footer.md:12:1: error: newsletter or sign-up prompt 'Subscribe to our newsletter' [boilerplate-newsletter-prompt]",
            "Examples/blog-footer.md:14:1: error: template boilerplate line 'Previous Post Next Post' [boilerplate-comment-prompt]",
        ] + Self.expected)
        #expect(result.errorLines == ["10 errors, 26 warnings, 0 notes in 2 of 2 files"])
        #expect(result.status == 1)
    }

    @Test func theExampleCopyIsTheSharedSeed() throws {
        let shared = try Data(contentsOf: corpusRoot.appendingPathComponent("seed/article.txt"))
        let copy = try Data(contentsOf: projectRoot.appendingPathComponent("Examples/seed-article.txt"))
        #expect(shared == copy)
    }

    @Test(arguments: [("codepoint", "1:18", "11:386", "11:629"), ("utf16", "1:18", "11:386", "11:629"), ("byte", "1:20", "11:394", "11:647")])
    func columnUnits(unit: String, first: String, nbsp: String, last: String) throws {
        let result = try scrapelint(["--column-unit", unit, "Examples/seed-article.txt"])
        let places = result.lines.map { $0.split(separator: ":")[1...2].joined(separator: ":") }
        #expect(places.contains(first))
        #expect(places.contains(nbsp))
        #expect(places.contains(last))
        #expect(places.count == Self.expected.count)
    }
}
