import Testing
@testable import ScrapeLint

/// The source line under a finding, as `--color` prints it: the caret under the span's
/// characters (curly quotes and NBSP one cell each, NBSP shown as `·`), a long line as a window
/// with `…` at the cut ends; and one excerpt value used for many findings in turn, back and
/// forth and across lines, prints what a fresh one prints for each and counts the characters
/// before and in each span as decoding them does, invalid bytes and cut characters included.
@Suite struct SourceExcerptTests {
    private func green(_ text: String) -> String { "\u{1B}[1;32m\(text)\u{1B}[0m" }

    @Test func theCaretUnderTheSpansCharacters() {
        let document = Document(path: "t", text: "He said “leave.“Thousands\u{A0}fled”.\nNext line")
        var excerpt = SourceExcerpt(document: document)
        let start = Array("He said “leave.".utf8).count
        let line = "He said “leave.“Thousands·fled”.\n", indent = String(repeating: " ", count: 15)
        // The quote alone (3 bytes, one character), then the quote and "Thousands" (10 characters).
        #expect(excerpt.text(of: start..<(start + 3)) == line + green(indent + "^") + "\n")
        #expect(excerpt.text(of: start..<(start + 12)) == line + green(indent + "^" + String(repeating: "~", count: 9)) + "\n")
        // On the next line, and back on the first: the same as for a fresh excerpt.
        #expect(excerpt.text(of: 45..<49) == "Next line\n" + green("     ^~~~") + "\n")
        #expect(excerpt.text(of: 0..<2) == line + green("^~") + "\n")
        let long = Document(path: "t", text: String(repeating: "word ", count: 40) + "HERE" + String(repeating: " more", count: 40))
        var window = SourceExcerpt(document: long)
        #expect(window.text(of: 200..<204) == "…" + String(repeating: "word ", count: 8) + "HERE" + String(repeating: " more", count: 8) + "…\n"
            + green(String(repeating: " ", count: 41) + "^~~~") + "\n")
    }

    @Test func oneExcerptForManyFindingsPrintsWhatFreshOnesPrint() {
        let pieces = ["a", " ", "é", "“", "😀", "\u{A0}", "\t", String(repeating: "x", count: 30), "\n"].map { Array($0.utf8) } + [[0xFF], [0xE2, 0x80]]
        var generator = SystemRandomNumberGenerator()
        // Spans counted from the kept line (valid UTF-8, cut between characters), and the others.
        var fromTheLine = 0, decoded = 0
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 1...80, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let document = Document(path: "t", bytes: bytes)
            var excerpt = SourceExcerpt(document: document)
            for _ in 0..<20 {
                let lower = Int.random(in: 0...document.bytes.count, using: &generator)
                let span = lower..<Int.random(in: lower...min(document.bytes.count, lower + 12), using: &generator)
                var fresh = SourceExcerpt(document: document)
                #expect(excerpt.text(of: span) == fresh.text(of: span), "\(bytes) \(span)")
                // The counts are those of decoding the line up to the span, and the span.
                let line = document.lines.contentRange(ofLine: document.lines.lineIndex(of: span.lowerBound), in: document.bytes)
                let (first, end) = (min(span.lowerBound, line.upperBound), min(span.upperBound, line.upperBound))
                let counted = excerpt.characters(of: span)
                #expect(counted.line == Array(document.text(in: line).unicodeScalars))
                #expect(counted.before == document.text(in: line.lowerBound..<first).unicodeScalars.count, "\(bytes) \(span)")
                #expect(counted.inside == document.text(in: first..<end).unicodeScalars.count, "\(bytes) \(span)")
                let valid = String(validating: document.bytes[line], as: UTF8.self) != nil
                let cut = [first, end].contains { $0 < document.bytes.count && document.bytes[$0] & 0xC0 == 0x80 }
                if valid && !cut { fromTheLine += 1 } else { decoded += 1 }
            }
        }
        #expect(fromTheLine > 300)
        #expect(decoded > 1000)
    }
}
