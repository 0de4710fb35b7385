import Foundation
import Testing

/// The command as a user runs it: inputs, exit codes, errors on standard error.
@Suite struct CommandTests {
    @Test func standardInputUsesTheStdinFilename() throws {
        let input = Data("The end.\n\nPost a Comment\n".utf8)
        let named = try scrapelint(["--stdin-filename", "drafts/story.txt"], input: input)
        #expect(named.lines == ["drafts/story.txt:3:1: error: template boilerplate line 'Post a Comment' [boilerplate-comment-prompt]"])
        #expect(named.status == 1)
        let dash = try scrapelint(["-", "--quiet"], input: input)
        #expect(dash.lines == ["<stdin>:3:1: error: template boilerplate line 'Post a Comment' [boilerplate-comment-prompt]"])
        #expect(dash.stderr == "")
    }

    @Test func emptyFileBinaryFileAndInvalidUTF8() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE] + Array("Post a Comment\n".utf8)).write(to: folder.appendingPathComponent("archive.txt"))
        // Invalid bytes before a finding must not shift its column: 2 bad bytes, then "march:36".
        try Data([0xC3, 0x28, 0x20] + Array("march:36 and\u{A0} x \nok".utf8)).write(to: folder.appendingPathComponent("mangled.txt"))

        let result = try scrapelint(["empty.txt", "archive.txt", "mangled.txt"], in: folder)
        #expect(result.lines == [
            // 0x28 is "(", one byte after the invalid 0xC3: column 2 in every unit.
            "mangled.txt:1:2: warning: parenthesis opened here is not closed in its paragraph [quotes-unbalanced-brackets]",
            "mangled.txt:1:9: warning: no space after ':' between a word and a number [spacing-missing-space-before-number]",
            "mangled.txt:1:16: warning: non-breaking space inside running prose [spacing-nbsp-in-prose]",
            "mangled.txt:1:20: warning: trailing whitespace [spacing-trailing-whitespace]",
        ])
        #expect(result.errorLines == [
            "archive.txt: note: skipped: binary file (NUL byte)",
            "0 errors, 4 warnings, 0 notes in 1 of 2 files; 1 binary file skipped",
        ])
        #expect(result.status == 0)
        let codepoints = try scrapelint(["--column-unit", "codepoint", "-q", "mangled.txt"], in: folder)
        #expect(codepoints.lines.map { $0.split(separator: ":")[2] } == ["2", "9", "16", "19"])  // the NBSP after it is two bytes but one code point
    }

    @Test func missingPathIsAnErrorButTheRestIsLinted() throws {
        let result = try scrapelint(["no/such/file.txt", "Examples/blog-footer.md", "--disable", "spacing"])
        #expect(result.lines.count == 4)
        #expect(result.errorLines == [
            "no/such/file.txt: error: no such file or directory",
            "4 errors, 0 warnings, 0 notes in 1 of 1 file; 1 unreadable",
        ])
        #expect(result.status == 2)
    }

    @Test func failOnDecidesTheExitStatus() throws {
        let warning = Data("A line with trailing space \n".utf8)  // a warning only
        let note = Data("Two  spaces here.\n".utf8)  // a note only
        #expect(try scrapelint(["-q"], input: warning).status == 0)
        #expect(try scrapelint(["-q", "--fail-on", "warning"], input: warning).status == 1)
        #expect(try scrapelint(["-q", "--fail-on", "warning"], input: note).status == 0)
        #expect(try scrapelint(["-q", "--fail-on", "note"], input: note).status == 1)
        #expect(try scrapelint(["-q", "--fail-on", "note", "--disable", "spacing"], input: note).stdout == "")
    }

    @Test func unknownRuleNamesAndBadOptionsAreUsageErrors() throws {
        let unknown = try scrapelint(["--disable", "no-such-rule", "Examples"])
        #expect(unknown.status == 2)
        #expect(unknown.errorLines == ["error: unknown rule or family 'no-such-rule'"])
        let badUnit = try scrapelint(["--column-unit", "chars", "Examples"])
        #expect(badUnit.status == 2)
        #expect(badUnit.stderr.contains("chars"))
    }

    @Test func brokenRuleFolderNamesTheFileFieldAndOffset() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let family = folder.appendingPathComponent("house")
        try write("""
            id: house-broken
            kind: pattern
            severity: error
            message: "broken"
            description: "d"
            pattern: 'leave\\.(?=“'
            """, to: "house/house-broken.yml", in: folder)
        let named = try scrapelint(["--rules", folder.path, "\(projectRoot.path)/Examples"])
        #expect(named.status == 2)
        #expect(named.errorLines == ["\(family.path)/house-broken.yml:6:10: error: 'pattern': missing closing parenthesis at offset 13"])  // “ is 3 bytes
        #expect(named.stdout == "")
    }

    @Test func catastrophicPatternEndsWithAMessageNamingTheRule() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeSlowRuleFixture(in: folder, tail: "Post a Comment\n")
        let result = try scrapelint(["--rules", "rules", "hostile.txt"], in: folder)
        #expect(result.status == 2)
        #expect(result.errorLines.contains("hostile.txt:1:1: error: rule stopped: pattern hit the PCRE2 match limit; the rest of this document was not checked by it [slow-rule]"))
        // The other rules still ran.
        #expect(result.lines.contains("hostile.txt:2:1: error: template boilerplate line 'Post a Comment' [boilerplate-comment-prompt]"))
    }

    @Test func aFlattenedTextOfOneLongLineIsLintedWhole() throws {
        // Extractors that flatten a page write one line; 760 KB of it must not trip the match
        // limit of rules that scan it linearly (the limit grows with the text).
        let line = Array(repeating: "“wörd” 東京 😀 march:36 x\u{A0}y", count: 20_000).joined(separator: " ")
        let result = try scrapelint(["-q", "--stdin-filename", "flat.txt", "--format", "json", "--output", "/dev/null"], input: Data(line.utf8))
        let compiler = try scrapelint(["-q", "--stdin-filename", "flat.txt"], input: Data(line.utf8))
        #expect(result.status == 0)  // warnings only
        #expect(result.stderr == "")
        #expect(compiler.lines.count == 40_001)
        #expect(compiler.lines.last == "flat.txt:1:759999: warning: the text ends in the middle of a sentence [truncation-ends-mid-sentence]")
    }

    @Test func foldersAreSearchedWithIncludeAndExcludeGlobs() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["a.txt", "b.md", "c.html", "sub/d.text", "sub/skip/e.txt", ".hidden/f.txt"] {
            try write("Advertisement\n", to: path, in: folder)
        }
        func linted(_ arguments: [String]) throws -> [String] {
            try scrapelint(arguments + ["-q"], in: folder).lines.map { String($0.split(separator: ":")[0]) }
        }
        #expect(try linted(["."]) == ["./a.txt", "./b.md", "./sub/d.text", "./sub/skip/e.txt"])
        #expect(try linted(["./", "--exclude", "skip"]) == ["./a.txt", "./b.md", "./sub/d.text"])
        #expect(try linted(["sub", "--include", "*.html", "--include", "skip/*"]) == ["sub/skip/e.txt"])
        #expect(try linted([".", "--include", "*.html"]) == ["./c.html"])
        #expect(try linted(["c.html"]) == ["c.html"])  // a named file is always linted
        // A linked file is linted; a linked folder is not walked (no loops, no second copy).
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.txt").path, withDestinationPath: "a.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: ".")
        #expect(try linted(["."]) == ["./a.txt", "./b.md", "./link.txt", "./sub/d.text", "./sub/skip/e.txt"])
    }

    @Test func outputIsTheSameWithOneJobOrMany() throws {
        let docs = corpusRoot.appendingPathComponent("docs").path
        let one = try scrapelint([docs, "--include", "boilerpy3.txt", "--jobs", "1", "-q"])
        let many = try scrapelint([docs, "--include", "boilerpy3.txt", "--jobs", "4", "-q"])
        #expect(one.lines.count > 1_000)
        #expect(one.stdout == many.stdout)
        let paths = one.lines.map { String($0.split(separator: ":")[0]) }
        #expect(paths == paths.sorted())
    }

    @Test func timingsListEveryRuleAndTheReadingSlowestFirstAndAddUp() throws {
        let ids = try scrapelint(["rules", "list"]).lines.map { String($0.split(separator: " ")[0]) }
        for jobs in ["1", "2"] {
            let result = try scrapelint(["Examples/", "--timings", "--jobs", jobs, "-q"])
            #expect(result.status == 1)
            // The table is on standard error, the findings on standard output as usual.
            #expect(result.lines.count > 20 && !result.stdout.contains("seconds"))
            let table = result.errorLines
            #expect(table.first?.hasPrefix("rule ") == true && table.first?.hasSuffix("   seconds   share") == true)
            let rows = table.dropFirst().dropLast().map { $0.split(separator: " ").map(String.init) }
            let names = rows.map { $0.dropLast(2).joined(separator: " ") }
            // Block and unused-suppression rules run too and have rows; so has reading.
            #expect(Set(names) == Set(ids + ["(reading and indexing)"]), "\(names)")
            let seconds = rows.map { Double($0[$0.count - 2])! }, shares = rows.map { Double($0[$0.count - 1].dropLast())! }
            #expect(seconds == seconds.sorted(by: >))
            #expect(abs(shares.reduce(0, +) - 100) < 0.1 * Double(rows.count))
            let total = table.last!.split(separator: " ").map(String.init)
            #expect(total.first == "total" && abs(Double(total[1])! - seconds.reduce(0, +)) < 0.001 * Double(rows.count))
        }
    }

    @Test func aCopiedBinaryCarriesItsRules() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("scrapelint")
        try FileManager.default.copyItem(at: scrapelintBinary, to: copy)
        try write("Previous Post Next Post\n", to: "a.txt", in: folder)
        let result = try scrapelint(["a.txt", "-q"], in: folder, binary: copy)
        #expect(result.lines == ["a.txt:1:1: error: template boilerplate line 'Previous Post Next Post' [boilerplate-comment-prompt]"])
    }
}
