/// A place in a document in every form an output needs: the byte offset, the 1-based line, the
/// 1-based column in each unit, and the UTF-16 and code point offsets from the start of the text
/// (SARIF's `charOffset`).
public struct FindingPosition: Sendable, Equatable, Codable {
    public let byte: Int
    public let line: Int
    public let column: Columns
    public let utf16Offset: Int
    public let codepointOffset: Int

    /// The offset from the start of the text in `unit`.
    public func offset(in unit: ColumnUnit) -> Int {
        switch unit {
        case .byte: byte
        case .utf16: utf16Offset
        case .codepoint: codepointOffset
        }
    }

    /// Columns in each unit.
    public struct Columns: Sendable, Equatable, Codable {
        public let byte: Int
        public let utf16: Int
        public let codepoint: Int

        public subscript(unit: ColumnUnit) -> Int {
            switch unit {
            case .byte: byte
            case .utf16: utf16
            case .codepoint: codepoint
            }
        }
    }
}

/// Turns byte offsets of one document into `FindingPosition`s. Columns are counted from the
/// line start, or from the previous position on the same line, forward or back, when it is
/// nearer: findings come sorted by offset, so a long line (a flattened text of one line) is read
/// once, not once per finding. The UTF-16 and code point offsets of each line start are summed once, on first use,
/// so a SARIF `charOffset` never needs a scan from the top of the text.
public final class PositionConverter {
    public let document: Document
    private var lineStarts: (utf16: [Int], codepoint: [Int])?
    private var cursor: (line: Int, offset: Int, utf16: Int, codepoint: Int)?

    public init(document: Document) {
        self.document = document
    }

    public func position(of offset: Int) -> FindingPosition {
        let (line, column) = lineAndColumn(of: offset)
        let starts = lineStartOffsets()
        return FindingPosition(byte: offset, line: line, column: column,
                               utf16Offset: starts.utf16[line - 1] + column.utf16 - 1,
                               codepointOffset: starts.codepoint[line - 1] + column.codepoint - 1)
    }

    /// The 1-based line and the columns of `offset`, without the offsets from the start of the
    /// text: what compiler-style and GitHub output print, so they never sum every line.
    public func lineAndColumn(of offset: Int) -> (line: Int, column: FindingPosition.Columns) {
        let lines = document.lines
        let line = lines.lineIndex(of: offset)
        let start = lines.starts[line]
        let bytes = document.bytes
        var utf16: Int, codepoints: Int
        if let cursor, cursor.line == line, cursor.offset > offset, cursor.offset - offset < offset - start,
           offset >= bytes.count || bytes[offset] & 0xC0 != 0x80 {
            // Back from the cursor, when nearer than the line start: a finding's fix or related
            // place often lies just before where the last position was taken (its own end), and
            // counting from the start of a long line for each made SARIF of a one-line text take
            // time growing with its findings squared. Exact, as `offset` starts a character: a
            // byte that is not a continuation byte is never read as part of one before it.
            let counted = ColumnCounter.counts(in: bytes, from: offset, to: cursor.offset)
            (utf16, codepoints) = (cursor.utf16 - counted.utf16, cursor.codepoint - counted.codepoints)
        } else {
            var from = (offset: start, utf16: 0, codepoint: 0)
            if let cursor, cursor.line == line, cursor.offset <= offset { from = (cursor.offset, cursor.utf16, cursor.codepoint) }
            let counted = ColumnCounter.counts(in: bytes, from: from.offset, to: offset)
            (utf16, codepoints) = (from.utf16 + counted.utf16, from.codepoint + counted.codepoints)
        }
        cursor = (line, offset, utf16, codepoints)
        return (line + 1, FindingPosition.Columns(byte: offset - start + 1, utf16: utf16 + 1, codepoint: codepoints + 1))
    }

    private func lineStartOffsets() -> (utf16: [Int], codepoint: [Int]) {
        if let lineStarts { return lineStarts }
        let starts = document.lines.starts
        var utf16 = [0], codepoint = [0]
        for index in 1..<max(starts.count, 1) {
            let (from, to) = (starts[index - 1], starts[index])
            let counted = ColumnCounter.counts(in: document.bytes, from: from, to: to)
            utf16.append(utf16[index - 1] + counted.utf16)
            codepoint.append(codepoint[index - 1] + counted.codepoints)
        }
        lineStarts = (utf16, codepoint)
        return (utf16, codepoint)
    }
}
