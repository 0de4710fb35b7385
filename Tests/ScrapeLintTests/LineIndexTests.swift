import ScrapeLint
import Testing

@Suite struct LineIndexTests {
    // “ is 3 bytes and 1 UTF-16 unit, NBSP 2 bytes and 1 unit, 😀 4 bytes and 2 units, 東 3 and 1.
    let text = "“Hi”\u{A0}😀 東x\nsecond"

    @Test(arguments: [
        (ColumnUnit.byte, 19), (ColumnUnit.utf16, 10), (ColumnUnit.codepoint, 9),
    ])
    func columnOfTheXInEveryUnit(unit: ColumnUnit, column: Int) {
        let document = Document(path: "t", text: text)
        let offset = Array(text.utf8).firstIndex(of: UInt8(ascii: "x"))!
        #expect(offset == 18)
        #expect(document.location(of: offset, unit: unit) == SourceLocation(line: 1, column: column))
    }

    @Test func lineStartsAndLastLineWithoutNewline() {
        let document = Document(path: "t", text: "a\nbc\n\nd")
        #expect(document.lines.starts == [0, 2, 5, 6])
        #expect(document.location(of: 6, unit: .byte) == SourceLocation(line: 4, column: 1))
        #expect(document.location(of: 7, unit: .byte) == SourceLocation(line: 4, column: 2))  // end of text
        #expect(document.location(of: 4, unit: .byte) == SourceLocation(line: 2, column: 3))  // at the newline
        #expect(document.lines.contentRange(ofLine: 3, in: document.bytes) == 6..<7)
    }

    @Test func crlfLinesEndBeforeTheCarriageReturnAndALoneCRIsNoLineEnd() {
        let document = Document(path: "t", text: "ab\r\ncd\re\r\n")
        #expect(document.lines.count == 3)
        #expect(document.lines.contentRange(ofLine: 0, in: document.bytes) == 0..<2)
        #expect(document.lines.contentRange(ofLine: 1, in: document.bytes) == 4..<8)
        #expect(document.location(of: 7, unit: .byte) == SourceLocation(line: 2, column: 4))
        #expect(document.lines.contentRange(ofLine: 2, in: document.bytes) == 10..<10)
    }

    @Test func byteOrderMarkIsSkipped() {
        let document = Document(path: "t", bytes: [0xEF, 0xBB, 0xBF] + Array("ab\ncd".utf8))
        #expect(document.hadByteOrderMark)
        #expect(document.bytes == Array("ab\ncd".utf8))
        #expect(document.location(of: 0, unit: .byte) == SourceLocation(line: 1, column: 1))
        #expect(document.location(of: 4, unit: .utf16) == SourceLocation(line: 2, column: 2))
    }

    @Test func invalidBytesCountAsOneUnitEach() {
        let document = Document(path: "t", bytes: [0x61, 0xE2, 0x80, 0x62, 0xFF, 0x63])
        // a, E2, 80 (a truncated sequence is two invalid bytes, as Vim shows them), b, FF.
        #expect(document.location(of: 5, unit: .codepoint) == SourceLocation(line: 1, column: 6))
        #expect(document.location(of: 5, unit: .utf16) == SourceLocation(line: 1, column: 6))
        #expect(document.location(of: 5, unit: .byte) == SourceLocation(line: 1, column: 6))
    }

    @Test func emptyDocumentHasOneEmptyLine() {
        let document = Document(path: "t", bytes: [])
        #expect(document.lines.count == 1)
        #expect(document.location(of: 0, unit: .utf16) == SourceLocation(line: 1, column: 1))
    }
}
