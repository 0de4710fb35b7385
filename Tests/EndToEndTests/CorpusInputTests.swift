import Foundation
import Testing

/// JSON Lines corpora in, findings and per-document summaries out.
@Suite struct CorpusInputTests {
    /// The gold texts as one JSON Lines corpus, `{"id": "d001", "text": ...}` per line.
    func goldCorpus() throws -> String {
        let docs = try FileManager.default.contentsOfDirectory(atPath: corpusRoot.appendingPathComponent("docs").path).sorted()
        return try docs.map { name in
            let text = try String(contentsOf: corpusRoot.appendingPathComponent("docs/\(name)/gold.txt"), encoding: .utf8)
            let data = try JSONSerialization.data(withJSONObject: ["id": name, "text": text], options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    @Test func recordsAreNamedAndBadOnesReportedByLine() throws {
        let corpus = "{\"id\": \"a1\", \"text\": \"Teh end.\\nAdvertisement\"}\nnot json\n{\"id\": 7, \"body\": \"x\"}\n\n{\"text\": \"Teh\"}\n"
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(corpus, to: "c.jsonl", in: folder)
        let result = try scrapelint(["--input", "jsonl", "--id-field", "id", "c.jsonl"], in: folder)
        #expect(result.lines == [
            "c.jsonl#a1:1:1: warning: 'Teh' is a misspelling of 'The' [typos-common-misspellings]",
            "c.jsonl#a1:2:1: error: advertisement marker 'Advertisement' [boilerplate-advertisement]",
            // Without an id, FILE:RECORDLINE; then the line and column inside the record's text.
            "c.jsonl:5:1:1: warning: 'Teh' is a misspelling of 'The' [typos-common-misspellings]",
        ])
        #expect(result.errorLines == [
            "c.jsonl:2: error: not a JSON object",
            "c.jsonl:3: error: no field 'text'",
            "1 error, 2 warnings, 0 notes in 2 of 2 files; 2 unreadable",
        ])
        #expect(result.status == 2)
        let other = try scrapelint(["--input", "jsonl", "--text-field", "body", "-q", "-"], input: Data("{\"body\": \"teh\"}\n".utf8))
        #expect(other.lines == ["<stdin>:1:1:1: warning: 'teh' is a misspelling of 'the' [typos-common-misspellings]"])
    }

    @Test func aCorpusGivesTheSameFindingsAsItsFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(try goldCorpus(), to: "gold.jsonl", in: folder)
        let records = try scrapelint(["--input", "jsonl", "--id-field", "id", "--format", "jsonl", "-q", "gold.jsonl"], in: folder)
        let files = try scrapelint(["--include", "gold.txt", "--format", "jsonl", "-q", corpusRoot.appendingPathComponent("docs").path])
        func keys(_ lines: [String], strip: (String) -> String) throws -> [String] {
            try lines.map { line in
                let finding = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                return "\(strip(finding["path"] as! String)) \(finding["ruleId"]!) \((finding["start"] as! [String: Any])["byte"]!)"
            }
        }
        let fromRecords = try keys(records.lines) { $0.replacingOccurrences(of: "gold.jsonl#", with: "") }
        let fromFiles = try keys(files.lines) { path in String(path.split(separator: "/").suffix(2).first!) }
        #expect(fromRecords.count > 500)
        #expect(fromRecords == fromFiles)
    }

    @Test func gnuParallelShardsGiveTheSameFindingsAsOneProcess() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(try goldCorpus(), to: "gold.jsonl", in: folder)
        let single = try scrapelint(["--input", "jsonl", "--id-field", "id", "--format", "jsonl", "-q", "-"],
                                    input: try Data(contentsOf: folder.appendingPathComponent("gold.jsonl")))
        let sharded = try tool("sh", ["-c", "parallel --will-cite --pipe -k --block 200k -j 2 '\(scrapelintBinary.path) --input jsonl --id-field id --format jsonl -q -' < gold.jsonl"], in: folder).lines
        #expect(single.lines.count > 500)
        #expect(sharded.sorted() == single.lines.sorted())
    }

    @Test func summaryIsOneLinePerDocumentWithAScore() throws {
        let result = try scrapelint(["--format", "summary", "-q", "--input", "jsonl", "--id-field", "id", "-"],
                                    input: Data("{\"id\": \"clean\", \"text\": \"A clean sentence.\"}\n{\"id\": \"ad\", \"text\": \"Advertisement\\nTeh end.\"}\n".utf8))
        #expect(result.lines == [
            #"{"errors":0,"families":{},"notes":0,"path":"<stdin>#clean","score":1,"warnings":0,"words":3}"#,
            #"{"errors":1,"families":{"boilerplate":1,"typos":1},"notes":0,"path":"<stdin>#ad","score":0.111,"warnings":1,"words":3}"#,
        ])
        let command = try scrapelint(["summarize", "-q", "Examples"])
        #expect(command.stdout == (try scrapelint(["--format", "summary", "-q", "Examples"])).stdout)
        #expect(command.lines.count == 2)
    }
}
