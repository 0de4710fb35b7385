import Foundation
import Testing

@Suite struct SuppressionAndBaselineTests {
    @Test func everySuppressionFormAndTheUnusedOne() throws {
        let text = """
            Trailing one   <!-- scrapelint-disable-line spacing-doubled-space -->
            <!-- scrapelint-disable-next-line spacing -->
            Two  spaces and trailing 
            Clean line <!-- scrapelint-disable-line typos -->
            <!-- scrapelint-disable boilerplate-advertisement, typos -->
            Advertisement
            teh end
            <!-- scrapelint-enable boilerplate-advertisement, typos -->
            Advertisement
            <!-- scrapelint-disable -->
            Advertisement

            """
        let result = try scrapelint(["-q", "--fail-on", "note", "--stdin-filename", "s.txt"], input: Data(text.utf8))
        #expect(result.lines == [
            "s.txt:4:12: note: this suppression silences nothing: '<!-- scrapelint-disable-line typos -->' [unused-suppression]",
            "s.txt:9:1: error: advertisement marker 'Advertisement' [boilerplate-advertisement]",
        ])
        let audit = try scrapelint(["-q", "--no-inline-config", "--stdin-filename", "s.txt"], input: Data(text.utf8))
        #expect(audit.lines.count == 7)
        #expect(!audit.stdout.contains("unused-suppression"))
    }

    @Test func baselineSurvivesInsertedLinesAndCountsWhatIsGone() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = try String(contentsOf: projectRoot.appendingPathComponent("Examples/seed-article.txt"), encoding: .utf8)
        try write(seed, to: "a.txt", in: folder)
        let record = try scrapelint(["--write-baseline", "base.json", "-q", "a.txt"], in: folder)
        #expect(record.status == 0)
        let baseline = try Data(contentsOf: folder.appendingPathComponent("base.json"))
        let entries = (try JSONSerialization.jsonObject(with: baseline) as! [String: Any])["findings"] as! [[String: Any]]
        #expect(entries.map { $0["count"] as! Int }.reduce(0, +) == SeedTests.expected.count)

        // Paragraphs inserted above, a new artifact below, and one old one fixed (Post a Comment).
        let edited = "A new opening paragraph.\n\nAnother one.\n" + seed.replacingOccurrences(of: "Post a Comment", with: "") + "\nAdvertisement\n"
        try write(edited, to: "a.txt", in: folder)
        let result = try scrapelint(["--baseline", "base.json", "a.txt"], in: folder)
        #expect(result.lines == ["a.txt:21:1: error: advertisement marker 'Advertisement' [boilerplate-advertisement]"])
        #expect(result.errorLines == ["1 error, 0 warnings, 0 notes in 1 of 1 file; 29 in the baseline, 1 recorded no longer found"])
        #expect(result.status == 1)

        // Writing it again gives the same bytes.
        try write(seed, to: "a.txt", in: folder)
        _ = try scrapelint(["--write-baseline", "again.json", "-q", "a.txt"], in: folder)
        #expect(try Data(contentsOf: folder.appendingPathComponent("again.json")) == baseline)
        let broken = try scrapelint(["--baseline", "nope.json", "a.txt"], in: folder)
        #expect(broken.status == 2)
        #expect(broken.errorLines == ["error: cannot read the baseline nope.json"])
    }
}
