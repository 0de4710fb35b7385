import Foundation
import Testing

/// Compiler-style output loaded into a real editor: Vim's quickfix list, through
/// `../shared/tools/qfcheck.vim`, must put the cursor on the first character of every span.
@Suite struct EditorTests {
    static let qfcheck = corpusRoot.deletingLastPathComponent().appendingPathComponent("tools/qfcheck.vim")

    func vimLandings(for file: String, contents: String) throws -> (landed: [String], expected: [String]) {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(contents, to: file, in: folder)
        let diagnostics = try scrapelint(["-q", file], in: folder)
        try write(diagnostics.stdout, to: "diag.txt", in: folder)
        let json = try JSONSerialization.jsonObject(with: Data(try scrapelint(["--format", "json", "-q", file], in: folder).stdout.utf8)) as! [String: Any]
        let expected = (json["findings"] as! [[String: Any]]).map { String(($0["text"] as! String).unicodeScalars.first.map(Character.init) ?? " ") }

        _ = try tool("vim", ["-N", "-u", "NONE", "-i", "NONE", "-es", "--not-a-term", "--cmd", "set encoding=utf-8",
                             "-c", "let g:diag=\"diag.txt\"", "-S", Self.qfcheck.path, "-c", "qa!"], in: folder)
        let entries = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("qf.json"))) as! [[String: Any]]
        return (entries.map { ($0["char_at_cursor"] as? String) ?? "<none>" }, expected)
    }

    @Test func vimLandsOnTheFirstCharacterOfEverySeedSpan() throws {
        let seed = try String(contentsOf: projectRoot.appendingPathComponent("Examples/seed-article.txt"), encoding: .utf8)
        let (landed, expected) = try vimLandings(for: "seed.txt", contents: seed)
        #expect(landed.count == SeedTests.expected.count)
        #expect(landed == expected)
        // The NBSP findings land on an NBSP, the quote findings on curly quotes.
        #expect(landed.filter { $0 == "\u{A0}" }.count >= 14)
        #expect(landed.contains("“") && landed.contains("”"))
    }

    @Test func vimLandsRightAfterEmojiAndCJK() throws {
        let (landed, expected) = try vimLandings(for: "multi.txt", contents: ReporterTests.multiScript)
        #expect(!landed.isEmpty)
        #expect(landed == expected)
    }
}
