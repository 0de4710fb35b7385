/// Lines that look like headings or menu items rather than prose: at most twelve words and no
/// closing punctuation. Rules that compare prose with prose leave them out.
struct HeadingLines {
    /// The heading-like lines, in order.
    private let headings: [Range<Int>]

    init(bytes: [UInt8], lines: LineIndex) {
        var found: [Range<Int>] = []
        for index in 0..<lines.count {
            let range = lines.contentRange(ofLine: index, in: bytes)
            if Self.isHeading(bytes[range]) { found.append(range) }
        }
        headings = found
    }

    /// Asks `contains` for offsets that only grow, by walking the headings once.
    struct Cursor {
        fileprivate let headings: [Range<Int>]
        private var index = 0

        fileprivate init(headings: [Range<Int>]) { self.headings = headings }

        mutating func contains(_ offset: Int) -> Bool {
            while index < headings.count, headings[index].upperBound <= offset { index += 1 }
            return index < headings.count && headings[index].lowerBound <= offset
        }
    }

    var cursor: Cursor { Cursor(headings: headings) }

    /// Whether `offset` is on a heading-like line (its line break excluded).
    func contains(_ offset: Int) -> Bool {
        headings.indexOfRange(containing: offset) != nil
    }

    static func isHeading(_ line: ArraySlice<UInt8>) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        guard end > line.startIndex, !endsLikeSentence(line[line.startIndex..<end]) else { return false }
        return WordCount.count(line[line.startIndex..<end], limit: 12) <= 12
    }

    /// Whether `line` (trailing space removed) ends in `.`, `!`, `?`, `:`, `;`, `,`, a straight or
    /// closing curly quote or an ellipsis.
    static func endsLikeSentence(_ line: ArraySlice<UInt8>) -> Bool {
        guard let last = line.last else { return false }
        if ".!?:;,\"".utf8.contains(last) { return true }
        // A closing curly quote (E2 80 9D) or an ellipsis (E2 80 A6).
        let end = line.endIndex
        return end - line.startIndex >= 3 && line[end - 3] == 0xE2 && line[end - 2] == 0x80 && (last == 0x9D || last == 0xA6)
    }
}
