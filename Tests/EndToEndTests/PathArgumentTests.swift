import Foundation
import Testing

/// Paths on the command line are read in runs (ArgumentParser alone takes time quadratic in
/// their number): whatever the options between them, every path is linted, in the order given.
@Suite struct PathArgumentTests {
    /// Folder with files `f0.txt` ... each holding one boilerplate line.
    private func folder(of count: Int) throws -> URL {
        let folder = try temporaryFolder()
        for index in 0..<count {
            try Data("Story \(index).\n\nPost a Comment\n".utf8).write(to: folder.appendingPathComponent("f\(index).txt"))
        }
        return folder
    }

    @Test func pathsBetweenOptionsKeepTheirOrder() throws {
        let folder = try folder(of: 8)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["f3.txt", "--format", "compiler", "f1.txt", "f0.txt", "-j", "1", "f7.txt", "--quiet", "f2.txt", "f6.txt",
                         "--stdin-filename", "typed.txt", "-", "f5.txt", "--disable", "spacing", "--", "f4.txt"]
        let result = try scrapelint(arguments, in: folder, input: Data("Post a Comment\n".utf8))
        #expect(result.lines.map { String($0.prefix { $0 != ":" }) }
            == ["f3.txt", "f1.txt", "f0.txt", "f7.txt", "f2.txt", "f6.txt", "typed.txt", "f5.txt", "f4.txt"])
        #expect(result.stderr == "")  // --quiet, between the paths, was read as an option
        #expect(result.status == 1)
        // An option's value is never taken for a path, nor a path for a value.
        let values = try scrapelint(["--fail-on", "warning", "f0.txt", "f1.txt", "--format", "jsonl", "f2.txt"], in: folder)
        #expect(values.lines.count == 3 && values.lines.allSatisfy { $0.hasPrefix("{") })
        #expect(values.lines.map { $0.contains(#""path":"f2.txt""#) } == [false, false, true])
    }

    /// A shell glob over a corpus: thousands of paths, each linted once, as from the folder;
    /// `summarize` and an explicit `lint` read them the same way, and other subcommands are
    /// not read as paths.
    @Test func thousandsOfPathsAreLintedAsTheirFolderIs() throws {
        let count = 3000
        let folder = try folder(of: count)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = (0..<count).map { "f\($0).txt" }
        let fromFolder = try scrapelint(["-q", "--format", "jsonl", "."], in: folder)
        let fromPaths = try scrapelint(["-q", "--format", "jsonl"] + names, in: folder)
        #expect(fromPaths.lines.count == count)
        #expect(fromPaths.lines.sorted() == fromFolder.lines.map { $0.replacingOccurrences(of: #""path":"./"#, with: #""path":""#) }.sorted())
        #expect(try scrapelint(["lint", "-q", "--format", "jsonl"] + names, in: folder).lines == fromPaths.lines)
        let summaries = try scrapelint(["summarize"] + names + ["--disable", "spacing"], in: folder)
        #expect(summaries.lines.count == count)
        #expect(summaries.lines.last?.contains(#""path":"f2999.txt""#) == true)
        let explain = try scrapelint(["rules", "explain", "boilerplate-comment-prompt"], in: folder)
        #expect(explain.status == 0 && explain.lines.first == "boilerplate-comment-prompt (boilerplate, pattern, error)")
    }
}
