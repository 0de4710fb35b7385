import Foundation
import Testing
@testable import ScrapeLint

/// `JSONLineWriter` writes the bytes `JSONEncoder` writes (sorted keys, slashes as they are):
/// the `jsonl` and `summary` formats changed their writer, not their output.
@Suite struct JSONLineWriterTests {
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Strings of every kind of character a finding can hold: control characters, quotes,
    /// backslashes, slashes, characters of two to four bytes, line and paragraph separators.
    private func randomString(_ generator: inout SystemRandomNumberGenerator) -> String {
        let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{0B}", "\u{7F}",
                      "é", "’", "“", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "😀", "{", "}", ":", ",", "0", "-"]
        return (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func findingsAreWrittenAsJSONEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<300 {
            let text = randomString(&generator) + "\n" + randomString(&generator)
            let document = Document(path: randomString(&generator), text: text)
            let converter = PositionConverter(document: document)
            let count = document.bytes.count
            for _ in 0..<3 {
                let start = Int.random(in: 0...count, using: &generator), end = Int.random(in: start...count, using: &generator)
                let fix = Bool.random(using: &generator)
                    ? Fix(range: start..<end, replacement: Array(randomString(&generator).utf8)) : nil
                let related = (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                    RelatedLocation(range: start..<end, message: randomString(&generator))
                }
                let diagnostic = Diagnostic(ruleID: "rule-\(compared)", severity: Severity.allCases.randomElement(using: &generator)!,
                                            message: randomString(&generator), range: start..<end, fix: fix, related: related)
                let finding = JSONFinding(diagnostic, family: randomString(&generator), converter: converter)
                var writer = JSONLineWriter()
                finding.write(into: &writer)
                #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try encoder.encode(finding), as: UTF8.self))
                compared += 1
            }
        }
        #expect(compared == 900)
    }

    @Test func summaryLinesAreWrittenAsJSONEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        // Every score the formula can give (three decimals), whole ones among them.
        for thousandths in 0...1000 {
            let families = Dictionary((0..<Int.random(in: 0...4, using: &generator)).map { _ in
                (randomString(&generator), Int.random(in: 0...50, using: &generator))
            }, uniquingKeysWith: { first, _ in first })
            let line = SummaryReporter.Line(path: randomString(&generator), words: Int.random(in: 0...100_000, using: &generator),
                                            errors: thousandths % 7, warnings: thousandths % 11, notes: thousandths % 3,
                                            families: families, score: Double(thousandths) / 1000)
            var writer = JSONLineWriter()
            line.write(into: &writer)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try encoder.encode(line), as: UTF8.self))
        }
    }

    @Test func numbersAtTheirLimits() throws {
        struct Numbers: Encodable { let a: Int; let b: Int; let c: Int; let d: Int; let e: Double; let f: Double }
        for numbers in [Numbers(a: 0, b: -1, c: .max, d: .min, e: 0.5, f: -2), Numbers(a: 9, b: 10, c: 99, d: 100, e: 1e-3, f: 12.25)] {
            var writer = JSONLineWriter()
            writer.object { writer in
                writer.key("a"); writer.value(numbers.a)
                writer.key("b"); writer.value(numbers.b)
                writer.key("c"); writer.value(numbers.c)
                writer.key("d"); writer.value(numbers.d)
                writer.key("e"); writer.value(numbers.e)
                writer.key("f"); writer.value(numbers.f)
            }
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: try encoder.encode(numbers), as: UTF8.self))
        }
    }
}
