import Foundation
import Testing

@Suite struct RulesCommandTests {
    @Test func rulesTestPassesOnTheProjectRules() throws {
        let builtIn = try scrapelint(["rules", "test"])
        #expect(builtIn.status == 0)
        let folder = try scrapelint(["rules", "test", "Rules"])
        #expect(folder.status == 0)
        #expect(folder.stdout == builtIn.stdout)
        #expect(folder.lines.last?.hasPrefix("\(try ruleCount()) passed, 0 failed: \(try ruleCount()) rules,") == true)
    }

    func ruleCount() throws -> Int {
        try scrapelint(["rules"]).lines.count
    }

    @Test func rulesTestReportsAWrongSpan() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("""
            id: house-ads
            kind: pattern
            severity: error
            message: "ad"
            description: "Ad labels."
            pattern: '(?m)^Ad$'
            examples:
              match: ["x\\n⟦Ad\\n⟧"]
              no-match: ["Adverb"]
            """, to: "house-ads.yml", in: folder)
        let result = try scrapelint(["rules", "test", folder.path])
        #expect(result.status == 1)
        #expect(result.lines.first == "\(folder.path)/house-ads.yml: error: match example 1 (plain) fails [house-ads]")
        #expect(result.lines[1] == "  expected: \"x\\n⟦Ad\\n⟧\"")
        #expect(result.lines[2] == "  found:    \"x\\n⟦Ad⟧\\n\"")
        #expect(result.lines.last == "0 passed, 1 failed: 1 rules, 2 examples, 3 variants each")
    }

    @Test func listAndExplain() throws {
        let list = try scrapelint(["rules", "--disable", "casing"])
        let line = try #require(list.lines.first { $0.hasPrefix("  boilerplate-comment-prompt ") })
        #expect(line.hasSuffix(" pattern            error    Blog templates put comment prompts such as \"Post a Comment\", \"Leave a Reply\" and the \"Previous Post Next Post\" pager under the article; extractors keep them as if they were body text"))
        #expect(list.lines.contains { $0.hasPrefix("- casing-canonical-names") })
        let explain = try scrapelint(["rules", "explain", "spacing-nbsp-in-prose"])
        #expect(explain.status == 0)
        #expect(explain.lines.first == "spacing-nbsp-in-prose (spacing, pattern, warning)")
        #expect(explain.lines.contains("  remnants of Islamic state⟦\\u{A0} ⟧have left"))
        // One character too short for a gram is still a literal: most texts lack a NBSP.
        #expect(explain.lines.contains(#"searched in: texts that contain "\u{A0}"; a text under 8 KB linted alone, whole"#))
        let everyText = try scrapelint(["rules", "explain", "spacing-doubled-space"])
        #expect(everyText.lines.contains("searched in: every text"))
        // A rule whose pattern has literals says which, so that its author sees why it is fast.
        let literals = try scrapelint(["rules", "explain", "boilerplate-reading-time"])
        #expect(literals.lines.contains { $0.hasPrefix("searched in: texts that contain \"reading time\", or \"min read\", or ") })
        // ...and how its prefilter runs: one search per branch that starts with a known character.
        #expect(literals.lines.contains(#"then only in the lines that 'requires' hits (in a corpus or a text over 8 KB, searched as 2: (?i)min(?:ute)?s?\.?\h++read  (?i)reading\h++time)"#))
        let token = try scrapelint(["rules", "explain", "spacing-fused-link-text"])
        #expect(token.lines.contains("then only in the tokens that 'requires' hits"))
        // A rule that finds its tokens by word shapes shows them as its file writes them.
        let shapes = try scrapelint(["rules", "explain", "casing-inconsistent-name"])
        #expect(shapes.lines.contains(#"words: min-letters: [2, 1], capitalised: true, after: '[\p{Ll},;]', between: '[ \x{A0}]', not-followed-by: '', overlap: false"#))
        #expect(try scrapelint(["rules", "explain", "consistency-compound-spacing"]).lines.contains("words: min-letters: [5]"))
        let unknown = try scrapelint(["rules", "explain", "nope"])
        #expect(unknown.status == 2)
        #expect(unknown.errorLines == ["error: unknown rule 'nope'"])
    }
}

/// The rule shown in the README must load and pass its own examples.
@Suite struct ReadmeRuleTests {
    @Test func theReadmeExampleRulePasses() throws {
        let readme = try String(contentsOf: projectRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "id: house-video-embed"))
        let end = try #require(readme.range(of: "```", range: start.lowerBound..<readme.endIndex))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(String(readme[start.lowerBound..<end.lowerBound]), to: "house/house-video-embed.yml", in: folder)
        let result = try scrapelint(["rules", "test", folder.path])
        #expect(result.lines == ["1 passed, 0 failed: 1 rules, 2 examples, 3 variants each"])
        #expect(result.status == 0)
        try write("The ferry sank.\nWATCH: Rescuers reach the ferry\n", to: "story.txt", in: folder)
        let lint = try scrapelint(["--rules", folder.path, "story.txt", "-q"], in: folder)
        #expect(lint.lines == ["story.txt:2:1: error: video embed left in the text: 'WATCH: Rescuers reach the ferry' [house-video-embed]"])
    }
}
