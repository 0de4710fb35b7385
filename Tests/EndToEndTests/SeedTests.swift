import Foundation
import Testing

/// The seed article: every place of `../shared/corpus/seed/EXPECTED.md` that the core's rule
/// families cover, each once, with exact output lines.
@Suite struct SeedTests {
    static let expected = [
        "Examples/seed-article.txt:1:20: warning: no space after ':' between a word and a number [spacing-missing-space-before-number]",
        "Examples/seed-article.txt:3:23: warning: 'Islamic state' should be written 'Islamic State' [casing-canonical-names]",
        "Examples/seed-article.txt:3:36: warning: non-breaking space inside running prose [spacing-nbsp-in-prose]",
        "Examples/seed-article.txt:3:95: warning: non-breaking space inside running prose [spacing-nbsp-in-prose]",
        "Examples/seed-article.txt:3:102: warning: non-breaking space inside running prose [spacing-nbsp-in-prose]",
        "Examples/seed-article.txt:3:197: warning: trailing whitespace [spacing-trailing-whitespace]",
        "Examples/seed-article.txt:8:166: warning: trailing whitespace [spacing-trailing-whitespace]",
    ] + [394, 488, 495, 518, 584, 589, 612, 617, 630, 642, 647].map {
        "Examples/seed-article.txt:11:\($0): warning: non-breaking space inside running prose [spacing-nbsp-in-prose]"
    } + [
        "Examples/seed-article.txt:12:1: warning: line starts with whitespace [spacing-leading-whitespace]",
        "Examples/seed-article.txt:15:1: error: template boilerplate line 'Post a Comment' [boilerplate-comment-prompt]",
        "Examples/seed-article.txt:17:1: error: template boilerplate line 'Previous Post Next Post' [boilerplate-comment-prompt]",
    ]

    @Test func seedGivesExactlyTheExpectedLines() throws {
        let result = try scrapelint(["Examples/seed-article.txt"])
        #expect(result.lines == Self.expected)
        #expect(result.errorLines == ["2 errors, 19 warnings, 0 notes in 1 of 1 file"])
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
        #expect(result.errorLines == ["6 errors, 21 warnings, 0 notes in 2 of 2 files"])
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
        #expect(places.first == first)
        #expect(places.contains(nbsp))
        #expect(places.contains(last))
        #expect(places.count == Self.expected.count)
    }
}
