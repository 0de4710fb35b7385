import Foundation
import ScrapeLint

/// The development corpus: each document's gold text and extractor outputs, and the labels.
struct Corpus {
    struct Label: Decodable {
        struct ExtraLine: Decodable {
            let line: Int
            let in_gold_fulltext: Bool
        }

        let file: String
        let extractor: String
        let extra_lines: [ExtraLine]
    }

    let root: String
    let documents: [String]
    let labels: [Label]

    init(root: String) throws {
        self.root = root
        documents = try FileManager.default.contentsOfDirectory(atPath: root + "/docs").filter { $0.hasPrefix("d") }.sorted()
        let lines = try String(contentsOfFile: root + "/labels/extra_lines.jsonl", encoding: .utf8).split(separator: "\n")
        labels = try lines.map { try JSONDecoder().decode(Label.self, from: Data($0.utf8)) }
    }

    func document(_ relativePath: String) -> Document {
        let data = FileManager.default.contents(atPath: root + "/" + relativePath) ?? Data()
        return Document(path: relativePath, bytes: [UInt8](data))
    }

    func gold(_ name: String) -> Document { document("docs/\(name)/gold.txt") }
}

/// With `SCRAPELINT_QUALITY_DUMP=FOLDER` in the environment, the lines behind each figure are
/// written to files there, to see what a rule gets wrong.
struct Dump {
    private let folder = ProcessInfo.processInfo.environment["SCRAPELINT_QUALITY_DUMP"]
    private var files: [String: String] = [:]

    mutating func add(_ file: String, _ line: String) {
        guard folder != nil else { return }
        files[file, default: ""] += line + "\n"
    }

    func write() {
        guard let folder else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try? text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
    }
}

/// Whether a line is empty once white space and zero-width characters are dropped, as the
/// labels' normalisation makes it: such lines are neither extra nor gold.
func isBlankAfterNormalisation(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF].contains($0.value) }
}

func percent(_ value: Double) -> String { String(format: "%.2f", value) }
