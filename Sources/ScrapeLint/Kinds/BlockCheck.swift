/// The `block` kind: a line that sits inside a block of lines other rules of the same family
/// reported is reported too, as jusText turns a short block between two bad ones bad. A menu,
/// a list of related links or a widget is found by its phrases and shapes at a few lines; the
/// lines between them (a headline of the list, a product name, a review) have nothing of their
/// own to give them away. The engine runs these rules after all others, with their findings.
///
/// A line is filled when, of the `within` non-blank lines on each side, at least
/// `minimumFlagged` are reported, with one at least on each side, and `minimumRun` lines right
/// next to it on one side are reported. That keeps prose between single marker lines (an
/// "Advertisement" between every two paragraphs) from being taken. A line of prose (at least
/// `proseWords` words, ending like a sentence) needs two findings on each side: the last
/// paragraphs of an article above its footer have boilerplate below them, not above. Filled
/// lines count for their neighbours in turn, until nothing changes.
public struct BlockCheck: Sendable {
    let within: Int
    let minimumFlagged: Int
    let minimumRun: Int
    let proseWords: Int

    /// Reports the lines of `document` that the findings at `flagged` (byte ranges) enclose.
    func run(_ rule: Rule, on document: Document, flagged: [Range<Int>], into output: inout [Diagnostic]) {
        guard !flagged.isEmpty else { return }
        let lines = document.paragraphRanges
        var marked = Array(repeating: false, count: lines.count)
        for range in flagged {
            guard let first = lines.indexOfRange(containing: range.lowerBound) ?? nearestLine(after: range.lowerBound, in: lines)
            else { continue }
            var index = first
            while index < lines.count, lines[index].lowerBound < max(range.upperBound, range.lowerBound + 1) {
                marked[index] = true
                index += 1
            }
        }
        let isProse = lines.map { line -> Bool in
            let text = document.bytes[Document.trimmed(line, in: document.bytes)]
            return HeadingLines.endsLikeSentence(text) && WordCount.count(text, limit: proseWords) >= proseWords
        }
        var filled = Array(repeating: false, count: lines.count)
        var changed = true
        while changed {
            changed = false
            for index in lines.indices where !marked[index] && encloses(index, marked, eachSide: isProse[index] ? 2 : 1) {
                marked[index] = true
                filled[index] = true
                changed = true
            }
        }
        for index in lines.indices where filled[index] {
            let span = Document.trimmed(lines[index], in: document.bytes)
            let around = max(0, index - within)..<min(lines.count, index + within + 1)
            let count = around.filter { $0 != index && marked[$0] }.count
            output.append(rule.diagnostic(at: span, in: document, detail: "\(count) of the \(around.count - 1) lines around it are"))
        }
    }

    private func encloses(_ index: Int, _ marked: [Bool], eachSide: Int) -> Bool {
        let before = max(0, index - within)..<index
        let after = (index + 1)..<min(marked.count, index + within + 1)
        let flaggedBefore = before.filter { marked[$0] }.count, flaggedAfter = after.filter { marked[$0] }.count
        guard flaggedBefore >= eachSide, flaggedAfter >= eachSide, flaggedBefore + flaggedAfter >= minimumFlagged else { return false }
        let runBefore = index >= minimumRun && marked[(index - minimumRun)..<index].allSatisfy { $0 }
        let runAfter = index + minimumRun < marked.count && marked[(index + 1)...(index + minimumRun)].allSatisfy { $0 }
        return runBefore || runAfter
    }

    /// A finding in the blank space between lines (a line break) belongs to the next line.
    private func nearestLine(after offset: Int, in lines: [Range<Int>]) -> Int? {
        let index = lines.insertionIndex(of: offset)
        return index < lines.count ? index : nil
    }
}
