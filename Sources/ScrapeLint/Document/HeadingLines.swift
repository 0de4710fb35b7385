/// Lines that look like headings or menu items rather than prose: at most twelve words and no
/// closing punctuation. Rules that compare prose with prose leave them out.
struct HeadingLines {
    private let headingStarts: [Int]
    private let lines: LineIndex

    init(_ document: Document) {
        lines = document.lines
        var starts: [Int] = []
        for index in 0..<document.lines.count {
            let range = document.lines.contentRange(ofLine: index, in: document.bytes)
            if Self.isHeading(document.bytes[range]) { starts.append(range.lowerBound) }
        }
        headingStarts = starts
    }

    /// Whether `offset` is on a heading-like line.
    func contains(_ offset: Int) -> Bool {
        let start = lines.starts[lines.lineIndex(of: offset)]
        var low = 0, high = headingStarts.count
        while low < high {
            let middle = (low + high) / 2
            if headingStarts[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < headingStarts.count && headingStarts[low] == start
    }

    static func isHeading(_ line: ArraySlice<UInt8>) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        guard end > line.startIndex else { return false }
        if ".!?:;,\"".utf8.contains(line[end - 1]) { return false }
        // A closing curly quote (E2 80 9D) or an ellipsis (E2 80 A6) also ends a sentence.
        if end - line.startIndex >= 3, line[end - 3] == 0xE2, line[end - 2] == 0x80, line[end - 1] == 0x9D || line[end - 1] == 0xA6 {
            return false
        }
        return WordCount.count(line[line.startIndex..<end]) <= 12
    }
}
