import Foundation
import Testing

/// `.scrapelint.yml`: every key, the order overrides apply in, and errors at the key.
@Suite struct ConfigurationTests {
    func project(_ files: [String: String]) throws -> URL {
        let folder = try temporaryFolder()
        for (path, text) in files { try write(text, to: path, in: folder) }
        return folder
    }

    static let text = "Teh acme corp said  so.\nAdvertisement\n"

    @Test func rulesFamiliesOverridesAndExtends() throws {
        let folder = try project([
            "base.yml": "fail-on: warning\nfamilies:\n  typos: off\n",
            ".scrapelint.yml": """
                extends: base.yml
                rules:
                  spacing-doubled-space: off
                  casing-canonical-names:
                    severity: error
                    terms: [Acme Corp]
                overrides:
                  - files: ["legal/*"]
                    rules:
                      boilerplate-advertisement: off
                  - files: ["legal/b.txt"]
                    rules:
                      boilerplate-advertisement: warning
                """,
            "a.txt": Self.text, "legal/b.txt": Self.text, "legal/c.txt": Self.text,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try scrapelint(["-q", "."], in: folder)
        #expect(result.lines == [
            "./a.txt:1:5: error: 'acme corp' should be written 'Acme Corp' [casing-canonical-names]",
            "./a.txt:2:1: error: advertisement marker 'Advertisement' [boilerplate-advertisement]",
            "./legal/b.txt:1:5: error: 'acme corp' should be written 'Acme Corp' [casing-canonical-names]",
            // The later override turns it back on, as a warning.
            "./legal/b.txt:2:1: warning: advertisement marker 'Advertisement' [boilerplate-advertisement]",
            "./legal/c.txt:1:5: error: 'acme corp' should be written 'Acme Corp' [casing-canonical-names]",
        ])
        #expect(result.status == 1)
        // The command line wins over the file.
        let cli = try scrapelint(["-q", "--enable", "typos", "--disable", "casing", "a.txt"], in: folder)
        #expect(cli.lines == [
            "a.txt:1:1: warning: 'Teh' is a misspelling of 'The' [typos-common-misspellings]",
            "a.txt:2:1: error: advertisement marker 'Advertisement' [boilerplate-advertisement]",
        ])
    }

    @Test func exceptionsFromTheFileAddToARulesOwnAndKeepItsPrefilter() throws {
        // spacing-fused-link-text has a `requires:` prefilter, and exceptions are checked while
        // its search runs: the configured exception silences its one span and leaves the other.
        let folder = try project([
            ".scrapelint.yml": "rules:\n  spacing-fused-link-text:\n    exceptions: ['the\\.github']\n",
            "a.txt": "Check the.github page and the.gitlab page for code.\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try scrapelint(["-q", "--disable", "merge", "a.txt"], in: folder)
        #expect(result.lines == ["a.txt:1:27: warning: words fused around lost link text: 'the.gitlab' [spacing-fused-link-text]"])
        #expect(result.status == 0)
    }

    @Test func failOnColumnUnitIncludeExcludeAndRuleFolders() throws {
        let folder = try project([
            ".scrapelint.yml": """
                fail-on: note
                column-unit: codepoint
                include: ["*.article"]
                exclude: ["drafts"]
                rule-folders: [house]
                """,
            "house/house/house-watch.yml": """
                id: house-watch
                kind: pattern
                severity: note
                message: "video embed"
                description: "d"
                pattern: '(?m)^WATCH:'
                """,
            "one.article": "“é” WATCH: no\nWATCH: yes\n", "drafts/two.article": "WATCH: draft\n", "three.txt": "WATCH: txt\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try scrapelint(["-q", "--disable", "spacing", "."], in: folder)
        #expect(result.lines == ["./one.article:2:1: note: video embed [house-watch]"])
        #expect(result.status == 1)  // fail-on: note
        #expect(try scrapelint(["-q", "--fail-on", "error", "."], in: folder).status == 0)
        let nested = try project(["a.txt": "x  y\n", ".scrapelint.yml": "column-unit: codepoint\n"])
        defer { try? FileManager.default.removeItem(at: nested) }
        try write("“é”  y\n", to: "b.txt", in: nested)
        #expect(try scrapelint(["-q", "--fail-on", "note", "b.txt"], in: nested).lines == ["b.txt:1:4: note: two or more spaces between words [spacing-doubled-space]"])
        #expect(try scrapelint(["-q", "--column-unit", "byte", "b.txt"], in: nested).lines == ["b.txt:1:9: note: two or more spaces between words [spacing-doubled-space]"])
    }

    @Test func theNearestFileWins() throws {
        let folder = try project([
            ".scrapelint.yml": "rules:\n  boilerplate-advertisement: off\n",
            "sub/.scrapelint.yml": "rules:\n  typos-common-misspellings: off\n",
            "a.txt": Self.text, "sub/b.txt": Self.text,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try scrapelint(["-q", "--disable", "casing", "--disable", "spacing", "."], in: folder)
        #expect(result.lines == [
            "./a.txt:1:1: warning: 'Teh' is a misspelling of 'The' [typos-common-misspellings]",
            "./sub/b.txt:2:1: error: advertisement marker 'Advertisement' [boilerplate-advertisement]",
        ])
        let explicit = try scrapelint(["-q", "--config", "sub/.scrapelint.yml", "--disable", "casing", "--disable", "spacing", "a.txt"], in: folder)
        #expect(explicit.lines == ["a.txt:2:1: error: advertisement marker 'Advertisement' [boilerplate-advertisement]"])
    }

    @Test func errorsPointAtTheKey() throws {
        let cases: [(String, String)] = [
            ("rulez: {}\n", ".scrapelint.yml:1:1: error: unknown key 'rulez' (expected one of: column-unit, exclude, extends, fail-on, families, include, overrides, rule-folders, rules)"),
            ("rules:\n  no-such-rule: off\n", ".scrapelint.yml:2:3: error: unknown rule 'no-such-rule'"),
            ("families:\n  spacing: maybe\n", ".scrapelint.yml:2:12: error: 'spacing': must be on or off"),
            ("fail-on: fatal\n", ".scrapelint.yml:1:10: error: 'fail-on': 'fatal' is not one of error, warning, note"),
            ("rules:\n  casing-canonical-names: {severity: loud}\n", ".scrapelint.yml:2:38: error: 'severity': 'loud' is not one of error, warning, note"),
            ("overrides:\n  - rules: {}\n", ".scrapelint.yml:2:5: error: missing required field 'files'"),
        ]
        for (yaml, message) in cases {
            let folder = try project([".scrapelint.yml": yaml, "a.txt": "x\n"])
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = try scrapelint(["a.txt"], in: folder)
            #expect(result.status == 2)
            #expect(result.errorLines.first?.hasSuffix(message) == true, "\(result.errorLines)")
        }
    }

    @Test func extendsCyclesAndMissingFilesAreErrors() throws {
        let folder = try project(["a.yml": "extends: b.yml\n", "b.yml": "extends: a.yml\n", "x.txt": "x\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let cycle = try scrapelint(["--config", "a.yml", "x.txt"], in: folder)
        #expect(cycle.status == 2)
        #expect(cycle.errorLines.first?.hasSuffix("a.yml: error: 'extends' goes round in a circle") == true, "\(cycle.errorLines)")
        let missing = try scrapelint(["--config", "nope.yml", "x.txt"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.errorLines == ["nope.yml: error: cannot read the configuration file"])
    }

    @Test func configPrintSaysWhereEachValueCameFrom() throws {
        let folder = try project([
            "base.yml": "fail-on: warning\n",
            ".scrapelint.yml": "extends: base.yml\nrules:\n  spacing-doubled-space: off\noverrides:\n  - files: [\"*.md\"]\n    rules:\n      typos-common-misspellings: off\n",
            "a.md": "x\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try scrapelint(["config", "print", "a.md", "--disable", "merge"], in: folder)
        #expect(result.status == 0)
        #expect(result.lines.contains("  fail-on: warning  (\(folder.standardizedFileURL.path)/base.yml:1:10)"))
        #expect(result.lines.contains("  column-unit: per format  (default)"))
        #expect(result.lines.contains("    spacing-doubled-space: off  (\(folder.standardizedFileURL.path)/.scrapelint.yml:3:3)"))
        #expect(result.lines.contains("    merge-boundary: off  (command line)"))
        #expect(result.lines.contains("    boilerplate-advertisement: error  (default)"))
    }
}
