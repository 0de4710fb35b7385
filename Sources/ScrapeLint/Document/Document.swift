/// One text to lint: its bytes exactly as read (less a UTF-8 byte order mark) and a line index.
/// Every position inside scrapelint is a byte offset into `bytes`.
public struct Document: Sendable {
    /// The path as the user gave it (relative stays relative), or the stdin name.
    public let path: String
    /// The text's bytes, without a leading UTF-8 BOM.
    public let bytes: [UInt8]
    /// Whether the file started with a UTF-8 BOM (kept for writing the file back).
    public let hadByteOrderMark: Bool
    /// Line starts, for turning offsets into lines and columns.
    public let lines: LineIndex
    /// Byte ranges of the non-blank lines, the paragraphs of extractor output (one per line),
    /// found once: most document-level rules read them.
    public let paragraphRanges: [Range<Int>]
    /// The lines that look like headings, which rules comparing prose with prose leave out.
    var headingLines: HeadingLines { headingIndex.index }
    /// The runs of letters, for the rules that read words.
    var words: WordIndex { wordIndex.index }
    /// The 4- and 8-byte grams of the text, which tell the patterns that cannot match here.
    var grams: GramSet { gramIndex.index }
    /// The time spent so far making the indexes that are made on demand.
    var indexingDuration: Duration { headingIndex.duration + wordIndex.duration + gramIndex.duration }
    private let headingIndex: LazyIndex<HeadingLines>
    private let wordIndex: LazyIndex<WordIndex>
    private let gramIndex: LazyIndex<GramSet>

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        hadByteOrderMark = bytes.starts(with: bom)
        self.bytes = hadByteOrderMark ? Array(bytes.dropFirst(3)) : bytes
        lines = LineIndex(self.bytes)
        paragraphRanges = Self.paragraphs(of: self.bytes, lines: lines)
        (headingIndex, wordIndex, gramIndex) = Self.lazyIndexes(of: self.bytes, lines: lines)
    }

    /// A document from bytes that carry no BOM themselves (the result of a fix), keeping whether
    /// the file had one, so it is written back.
    public init(path: String, bytes: [UInt8], byteOrderMark: Bool) {
        self.path = path
        hadByteOrderMark = byteOrderMark
        self.bytes = bytes
        lines = LineIndex(bytes)
        paragraphRanges = Self.paragraphs(of: bytes, lines: lines)
        (headingIndex, wordIndex, gramIndex) = Self.lazyIndexes(of: bytes, lines: lines)
    }

    private static func lazyIndexes(of bytes: [UInt8], lines: LineIndex)
        -> (LazyIndex<HeadingLines>, LazyIndex<WordIndex>, LazyIndex<GramSet>) {
        (LazyIndex { HeadingLines(bytes: bytes, lines: lines) }, LazyIndex { WordIndex(bytes) }, LazyIndex { GramSet(bytes) })
    }

    private static func paragraphs(of bytes: [UInt8], lines: LineIndex) -> [Range<Int>] {
        (0..<lines.count).map { lines.contentRange(ofLine: $0, in: bytes) }.filter { range in
            bytes[range].contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
        }
    }

    /// The bytes to write back: the BOM if the file had one, then the text.
    public var fileBytes: [UInt8] { hadByteOrderMark ? [0xEF, 0xBB, 0xBF] + bytes : bytes }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The text in `range`, invalid UTF-8 shown as U+FFFD (for messages only, never for positions).
    public func text(in range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Line and column of `offset` in `unit`.
    public func location(of offset: Int, unit: ColumnUnit) -> SourceLocation {
        lines.location(of: offset, in: bytes, unit: unit)
    }
}
