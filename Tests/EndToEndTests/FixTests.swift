import Foundation
import Testing

/// `--fix`: what it changes, what it leaves, and that a file is always either old or new.
@Suite struct FixTests {
    static let seed = projectRoot.appendingPathComponent("Examples/seed-article.txt")

    /// 1-based numbers of the lines that differ between two texts of the same line count.
    func changedLines(_ old: String, _ new: String) -> Set<Int> {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false), b = new.split(separator: "\n", omittingEmptySubsequences: false)
        return Set(zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 })
    }

    @Test func fixChangesOnlyTheLinesOfFixableFindingsAndIsIdempotent() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(contentsOf: Self.seed).write(to: folder.appendingPathComponent("a.txt"))
        let before = try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8)
        let json = try JSONSerialization.jsonObject(with: Data(try scrapelint(["--format", "json", "-q", "a.txt"], in: folder).stdout.utf8)) as! [String: Any]
        let fixable = Set((json["findings"] as! [[String: Any]]).filter { $0["fix"] != nil }.map { ($0["start"] as! [String: Any])["line"] as! Int })

        let first = try scrapelint(["--fix", "a.txt"], in: folder)
        #expect(first.errorLines.last == "6 errors, 6 warnings, 0 notes in 1 of 1 file; 18 fixes applied in 1 file")
        let after = try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8)
        #expect(changedLines(before, after) == [1, 3, 8, 11])
        #expect(changedLines(before, after).isSubset(of: fixable))
        #expect(after.contains("march: 36") && after.contains("remnants of Islamic State have"))
        // Only the NBSP that starts line 12 is left: removing leading whitespace is not a safe fix.
        #expect(after.filter { $0 == "\u{A0}" }.count == 1)
        // What remains is what the fixes cannot touch.
        #expect(first.lines.count == 12)

        let second = try scrapelint(["--fix", "a.txt"], in: folder)
        #expect(second.errorLines.last == "6 errors, 6 warnings, 0 notes in 1 of 1 file")
        #expect(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8) == after)
    }

    @Test func dryRunPrintsADiffThatGitAppliesAndChangesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("Tom &amp; Jerry said teh end.  \nA clean line.\n", to: "a.txt", in: folder)
        let dry = try scrapelint(["--fix", "--dry-run", "-q", "a.txt"], in: folder)
        #expect(dry.stdout == """
            --- a/a.txt
            +++ b/a.txt
            @@ -1,2 +1,2 @@
            -Tom &amp; Jerry said teh end.  
            +Tom & Jerry said the end.
             A clean line.

            """)
        #expect(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8) == "Tom &amp; Jerry said teh end.  \nA clean line.\n")
        try write(dry.stdout, to: "fix.diff", in: folder)
        #expect(try tool("git", ["apply", "--unsafe-paths", "fix.diff"], in: folder).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8) == "Tom & Jerry said the end.\nA clean line.\n")
    }

    @Test func readOnlyFileIsAnErrorAndOthersAreStillFixed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("teh end\n", to: "locked.txt", in: folder)
        try write("teh end\n", to: "open.txt", in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: folder.appendingPathComponent("locked.txt").path)
        let result = try scrapelint(["--fix", "-q", "locked.txt", "open.txt"], in: folder)
        #expect(result.status == 2)
        #expect(result.errorLines == ["locked.txt: read-only file, not fixed"])
        #expect(result.lines == ["locked.txt:1:1: warning: 'teh' is a misspelling of 'the' [typos-common-misspellings]"])
        #expect(try String(contentsOf: folder.appendingPathComponent("locked.txt"), encoding: .utf8) == "teh end\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("open.txt"), encoding: .utf8) == "the end\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["locked.txt", "open.txt"])
    }

    @Test func symlinkTargetIsRewrittenAndModeAndByteOrderMarkKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0xEF, 0xBB, 0xBF] + Array("teh end\n".utf8)).write(to: folder.appendingPathComponent("target.txt"))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: folder.appendingPathComponent("target.txt").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: "target.txt")
        let result = try scrapelint(["--fix", "-q", "link.txt"], in: folder)
        #expect(result.status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("target.txt")) == Data([0xEF, 0xBB, 0xBF] + Array("the end\n".utf8)))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.txt").path) == "target.txt")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("target.txt").path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func fixedStandardInputGoesToStandardOutput() throws {
        let result = try scrapelint(["--fix", "-q", "--stdin-filename", "s.txt"], input: Data("Teh end.  \nAdvertisement\n".utf8))
        #expect(result.stdout == "The end.\nAdvertisement\n")
        #expect(result.errorLines == ["s.txt:2:1: error: advertisement marker 'Advertisement' [boilerplate-advertisement]"])
        #expect(result.status == 1)
    }

    @Test func fixOnlyAppliesTheNamedRulesSafeOrNot() throws {
        let input = Data("Teh end.\nAdvertisement\nMore text.\n".utf8)
        let only = try scrapelint(["--fix", "-q", "--fix-only", "boilerplate-advertisement", "-"], input: input)
        #expect(only.stdout == "Teh end.\nMore text.\n")
        let usage = try scrapelint(["--dry-run", "-"], input: input)
        #expect(usage.status == 2)
        // A megabyte the usage error never reads: the pipe fills and the writer gets EPIPE,
        // which must not end the test process (it did, now and then, with SIGPIPE).
        let unread = try scrapelint(["--dry-run", "-"], input: Data(repeating: 0x61, count: 1 << 20))
        #expect(unread.status == 2)
    }

    @Test func fixingTheWholeCorpusTwiceChangesNothingTheSecondTime() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Copied as new files: the shared corpus is read-only, and --fix leaves read-only files alone.
        for path in try FileManager.default.subpathsOfDirectory(atPath: corpusRoot.appendingPathComponent("docs").path) where path.hasSuffix(".txt") {
            try Data(contentsOf: corpusRoot.appendingPathComponent("docs/\(path)")).write(to: folder.appendingPathComponent("docs/\(path)").createParents())
        }
        let originals = try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
            .map { ($0, try String(contentsOf: folder.appendingPathComponent("docs/\($0)"), encoding: .utf8)) }
        let json = try JSONSerialization.jsonObject(with: Data(try scrapelint(["--format", "json", "-q", "docs"], in: folder).stdout.utf8)) as! [String: Any]
        var fixable: [String: Set<Int>] = [:]
        for finding in json["findings"] as! [[String: Any]] where finding["fix"] != nil {
            fixable[finding["path"] as! String, default: []].insert((finding["start"] as! [String: Any])["line"] as! Int)
        }
        let first = try scrapelint(["--fix", "-q", "docs"], in: folder)
        #expect(first.status == 1)
        // Nothing lost but the fixed spans: every changed line had a finding with a fix.
        var changedFiles = 0
        for (path, before) in originals {
            let after = try String(contentsOf: folder.appendingPathComponent("docs/\(path)"), encoding: .utf8)
            guard after != before else { continue }
            changedFiles += 1
            #expect(changedLines(before, after).isSubset(of: fixable["docs/\(path)"] ?? []), "docs/\(path)")
        }
        #expect(changedFiles > 100)
        let snapshot = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted().map {
            try? Data(contentsOf: folder.appendingPathComponent($0))
        }
        let second = try scrapelint(["--fix", "docs"], in: folder)
        #expect(!second.stderr.contains("applied"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted().map { try? Data(contentsOf: folder.appendingPathComponent($0)) } == snapshot)
    }

    @Test func aKilledFixLeavesEveryFileOldOrNew() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = try Data(contentsOf: Self.seed)
        let big = Data((0..<40).map { _ in seed }.joined())
        for index in 0..<120 { try big.write(to: folder.appendingPathComponent("work/\(index).txt", isDirectory: false).createParents()) }
        try big.write(to: folder.appendingPathComponent("reference/0.txt").createParents())
        _ = try scrapelint(["--fix", "-q", "reference"], in: folder)
        let fixed = try Data(contentsOf: folder.appendingPathComponent("reference/0.txt"))
        #expect(fixed != big)

        let process = Process()
        process.executableURL = scrapelintBinary
        process.arguments = ["--fix", "-q", "--jobs", "2", "work"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        var old = 0, new = 0
        for index in 0..<120 {
            let data = try Data(contentsOf: folder.appendingPathComponent("work/\(index).txt"))
            #expect(data == big || data == fixed, "work/\(index).txt is neither old nor new")
            if data == big { old += 1 } else if data == fixed { new += 1 }
        }
        #expect(old + new == 120)
        #expect(old > 0)  // the kill came before the end
    }
}

extension URL {
    /// This URL, after creating the folders above it.
    func createParents() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
