import Foundation
import Testing

/// The machine-readable formats, checked against the clients that read them where one exists.
@Suite struct ReporterTests {
    static let validator = corpusRoot.deletingLastPathComponent().appendingPathComponent("tools/validate-sarif")

    /// Text with curly quotes, NBSP, CJK and an emoji before each finding.
    static let multiScript = "“Ünïcödé” — 東京 😀 march:36 and\u{A0}more  \n東京の記事 😀😀 Islamic state\u{A0}is here.\nPost a Comment\n"

    func validate(_ sarif: String) throws -> RunResult {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(sarif, to: "out.sarif", in: folder)
        return try tool("python3", [Self.validator.path, "--require-fingerprints", "out.sarif"], in: folder)
    }

    @Test func sarifOfEveryKindOfRunPassesTheValidator() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(Self.multiScript, to: "multi script.txt", in: folder)
        try write("A clean sentence.\n", to: "clean.txt", in: folder)
        let runs = [
            try scrapelint(["--format", "sarif", "-q", "Examples/seed-article.txt"]),  // fixes and related locations
            try scrapelint(["--format", "sarif", "-q", "multi script.txt"], in: folder),  // emoji, CJK, a space in the path
            try scrapelint(["--format", "sarif", "-q", "clean.txt"], in: folder),  // no findings
            try scrapelint(["--format", "sarif", "-q", "--sarif-all-rules", "--column-unit", "codepoint", "multi script.txt"], in: folder),
        ]
        for run in runs {
            let validation = try validate(run.stdout)
            #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
            #expect(validation.stdout.hasSuffix("1 passed, 0 failed\n"))
        }
        let clean = try JSONSerialization.jsonObject(with: Data(runs[2].stdout.utf8)) as! [String: Any]
        let run = (clean["runs"] as! [[String: Any]])[0]
        #expect((run["results"] as! [Any]).isEmpty)
        #expect((((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [Any]).isEmpty)
    }

    @Test func sarifRegionsLinksFixesAndFingerprints() throws {
        let sarif = try scrapelint(["--format", "sarif", "-q", "Examples/seed-article.txt"])
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as! [String: Any]
        let run = (log["runs"] as! [[String: Any]])[0]
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        let base = (run["originalUriBaseIds"] as! [String: [String: String]])["%SRCROOT%"]!["uri"]!
        #expect(base == "file://" + projectRoot.standardizedFileURL.path + "/")
        let results = run["results"] as! [[String: Any]]
        #expect(results.count == SeedTests.expected.count)
        func region(_ result: [String: Any]) -> [String: Any] {
            (((result["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"] as! [String: Any])
        }
        // 11:394 in bytes is 11:386 in UTF-16 code units: eight curly quotes of 3 bytes before it.
        let nbsp = results.first { ($0["ruleId"] as? String) == "spacing-nbsp-in-prose" && region($0)["startLine"] as? Int == 11 }!
        #expect(region(nbsp)["startColumn"] as? Int == 386)
        #expect(region(nbsp)["endColumn"] as? Int == 387)
        #expect((region(nbsp)["snippet"] as! [String: String])["text"] == "\u{A0}")
        let artifact = ((results[0]["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["artifactLocation"] as! [String: String]
        #expect(artifact == ["uri": "Examples/seed-article.txt", "uriBaseId": "%SRCROOT%"])
        let spelling = results.first { ($0["ruleId"] as? String) == "consistency-spelling-variant" }!
        #expect((spelling["relatedLocations"] as! [[String: Any]]).count == 1)
        let casing = results.first { ($0["ruleId"] as? String) == "casing-canonical-names" }!
        let replacement = ((((casing["fixes"] as! [[String: Any]])[0]["artifactChanges"] as! [[String: Any]])[0]["replacements"] as! [[String: Any]])[0])
        #expect((replacement["insertedContent"] as! [String: String])["text"] == "Islamic State")
        let invocation = (run["invocations"] as! [[String: Any]])[0]
        #expect(invocation["exitCode"] as? Int == 1)
        #expect(invocation["executionSuccessful"] as? Bool == true)
    }

    @Test func fingerprintsSurviveLinesInsertedAbove() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = try String(contentsOf: projectRoot.appendingPathComponent("Examples/seed-article.txt"), encoding: .utf8)
        try write(seed, to: "a.txt", in: folder)
        try write("A new first paragraph.\n\nAnd a second one, added later.\n" + seed, to: "b.txt", in: folder)
        func fingerprints(_ name: String) throws -> [String] {
            let out = try scrapelint(["--format", "sarif", "-q", name], in: folder).stdout
            let run = ((try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any])["runs"] as! [[String: Any]])[0]
            return (run["results"] as! [[String: Any]]).map { ($0["partialFingerprints"] as! [String: String])["primaryLocationLineHash"]! }
        }
        let before = try fingerprints("a.txt"), after = try fingerprints("b.txt")
        #expect(before.count == SeedTests.expected.count)
        #expect(Set(before).count == before.count)
        #expect(before == after)
    }

    @Test func columnsOfJsonSarifAndCompilerAgree() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(Self.multiScript, to: "multi.txt", in: folder)
        let docs = corpusRoot.appendingPathComponent("docs").path
        let inputs = [[folder.appendingPathComponent("multi.txt").path], ["\(docs)/d010", "\(docs)/d055", "Examples"]]
        for paths in inputs {
            let json = try JSONSerialization.jsonObject(with: Data(try scrapelint(["--format", "json", "-q"] + paths).stdout.utf8)) as! [String: Any]
            let findings = json["findings"] as! [[String: Any]]
            #expect(!findings.isEmpty)
            func column(_ finding: [String: Any], _ unit: String) -> String {
                let start = finding["start"] as! [String: Any]
                return "\(finding["path"]!):\(start["line"]!):\((start["column"] as! [String: Int])[unit]!)"
            }
            for unit in ["byte", "utf16", "codepoint"] {
                let compiler = try scrapelint(["--column-unit", unit, "-q"] + paths).lines.map { $0.split(separator: ":")[0...2].joined(separator: ":") }
                #expect(compiler == findings.map { column($0, unit) }, "unit \(unit)")
            }
            let sarif = try JSONSerialization.jsonObject(with: Data(try scrapelint(["--format", "sarif", "-q"] + paths).stdout.utf8)) as! [String: Any]
            let results = ((sarif["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
            let regions = results.map { (((($0["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"]) as! [String: Any]) }
            #expect(regions.map { "\($0["startLine"]!):\($0["startColumn"]!):\($0["charOffset"]!)" }
                    == findings.map { f in
                        let start = f["start"] as! [String: Any]
                        return "\(start["line"]!):\((start["column"] as! [String: Int])["utf16"]!):\(start["utf16Offset"]!)"
                    })
        }
    }

    @Test func jsonlIsOneFindingPerLineWithThePinnedShape() throws {
        let result = try scrapelint(["--format", "jsonl", "-q", "--stdin-filename", "s.txt"], input: Data("x\u{A0}y and Teh end\n".utf8))
        #expect(result.lines == [
            #"{"end":{"byte":3,"codepointOffset":2,"column":{"byte":4,"codepoint":3,"utf16":3},"line":1,"utf16Offset":2},"family":"spacing","fix":{"end":3,"replacement":" ","start":1},"message":"non-breaking space inside running prose","path":"s.txt","related":[],"ruleId":"spacing-nbsp-in-prose","severity":"warning","start":{"byte":1,"codepointOffset":1,"column":{"byte":2,"codepoint":2,"utf16":2},"line":1,"utf16Offset":1},"text":"\#u{A0}"}"#,
            #"{"end":{"byte":12,"codepointOffset":11,"column":{"byte":13,"codepoint":12,"utf16":12},"line":1,"utf16Offset":11},"family":"typos","fix":{"end":12,"replacement":"The","start":9},"message":"'Teh' is a misspelling of 'The'","path":"s.txt","related":[],"ruleId":"typos-common-misspellings","severity":"warning","start":{"byte":9,"codepointOffset":8,"column":{"byte":10,"codepoint":9,"utf16":9},"line":1,"utf16Offset":8},"text":"Teh"}"#,
        ])
    }

    @Test func jsonDocumentIsVersionedWithSummaryAndRuleFailures() throws {
        let json = try JSONSerialization.jsonObject(with: Data(try scrapelint(["--format", "json", "-q", "Examples/seed-article.txt"]).stdout.utf8)) as! [String: Any]
        #expect(json["version"] as? Int == 1)
        #expect((json["tool"] as! [String: String])["name"] == "scrapelint")
        #expect((json["findings"] as! [Any]).count == SeedTests.expected.count)
        let summary = json["summary"] as! [String: Int]
        #expect(summary == ["errors": 6, "warnings": 24, "notes": 0, "filesLinted": 1, "filesWithFindings": 1,
                            "binarySkipped": 0, "unreadable": 0, "ruleFailures": 0, "exitStatus": 1])
        #expect((json["ruleFailures"] as! [Any]).isEmpty)
    }

    @Test func githubAnnotationsAreEscaped() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("""
            id: house-odd
            kind: pattern
            severity: note
            message: "100% odd: a, b\\nnext"
            description: "d"
            pattern: 'odd'
            """, to: "rules/house/house-odd.yml", in: folder)
        try write("“東京” odd\nline two odd\n", to: "a,b:c.txt", in: folder)
        let result = try scrapelint(["--format", "github", "-q", "--rules", "rules", "--disable", "spacing", "a,b:c.txt"], in: folder)
        #expect(result.lines == [
            "::notice file=a%2Cb%3Ac.txt,line=1,endLine=1,col=6,endColumn=9,title=house-odd::100%25 odd: a, b%0Anext",
            "::notice file=a%2Cb%3Ac.txt,line=2,endLine=2,col=10,endColumn=13,title=house-odd::100%25 odd: a, b%0Anext",
        ])
    }

    @Test func ruleFailuresBecomeToolNotifications() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeSlowRuleFixture(in: folder)
        let result = try scrapelint(["--format", "sarif", "-q", "--rules", "rules", "hostile.txt"], in: folder)
        #expect(result.status == 2)
        #expect(try validate(result.stdout).status == 0)
        let run = ((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])["runs"] as! [[String: Any]])[0]
        let invocation = (run["invocations"] as! [[String: Any]])[0]
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect(invocation["exitCode"] as? Int == 2)
        let notification = (invocation["toolExecutionNotifications"] as! [[String: Any]])[0]
        #expect((notification["associatedRule"] as! [String: Any])["id"] as? String == "slow-rule")
        #expect((notification["message"] as! [String: String])["text"]!.hasPrefix("rule stopped: pattern hit the PCRE2 match limit"))
    }

    @Test func outputFileAppearsWhole() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try scrapelint(["--format", "sarif", "-q", "--output", folder.appendingPathComponent("r.sarif").path, "Examples/seed-article.txt"])
        #expect(result.stdout == "")
        #expect(result.status == 1)
        let written = try String(contentsOf: folder.appendingPathComponent("r.sarif"), encoding: .utf8)
        #expect(try validate(written).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.sarif"])
        let bad = try scrapelint(["--format", "sarif", "--column-unit", "byte", "Examples"])
        #expect(bad.status == 2)
        #expect(bad.errorLines == ["error: SARIF columns count UTF-16 code units or code points; use --column-unit utf16 or codepoint"])
    }
}
