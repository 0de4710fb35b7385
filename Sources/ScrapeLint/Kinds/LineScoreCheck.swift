import PCRE2

/// The `line-score` kind: boilerplate that no phrase list names. Every non-blank line gets the
/// summed weights of the signals that hold for it; a line at or over `threshold` is a finding,
/// its message naming the signals. The idea of jusText and the web-corpus filters, on text alone.
public struct LineScoreCheck: Sendable {
    enum Test: Sendable {
        /// The pattern matches somewhere in the line.
        case pattern(Regex)
        /// The line has at most this many words.
        case maxWords(Int)
        /// The line has at least this many words.
        case minWords(Int)
        /// The line does not end in `.`, `!`, `?`, `:`, `;`, `,`, `…` or a closing quote.
        case noTerminalPunctuation
        /// Fewer than this share of the line's words are stop words (lines of 3 words or more).
        case stopWordsBelow(Double)
        /// The line is one of the first (or last) this many non-blank lines.
        case firstLines(Int)
        case lastLines(Int)
        /// The nearest non-blank line before and the one after are both short (at most this
        /// many words) and lack closing punctuation: the line is inside a menu or a list of links.
        case shortNeighbours(Int)
    }

    struct Signal: Sendable {
        let name: String
        let test: Test
        let weight: Double
    }

    let signals: [Signal]
    let threshold: Double
    let stopWords: Set<String>

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        let lines = document.paragraphRanges.map { RepetitionCheck.trimmed($0, in: document.bytes) }
        let shapes = lines.map { LineShape(document.bytes[$0], stopWords: stopWords) }
        try document.bytes.withUnsafeBufferPointer { subject in
            for (index, line) in lines.enumerated() {
                var fired: [String] = []
                var score = 0.0
                for signal in signals where try holds(signal.test, line: index, lines: lines, shapes: shapes, subject: subject, matcher) {
                    fired.append(signal.name)
                    score += signal.weight
                }
                if score >= threshold, !line.isEmpty {
                    output.append(rule.diagnostic(at: line, in: document, detail: fired.joined(separator: ", ")))
                }
            }
        }
    }

    private func holds(_ test: Test, line index: Int, lines: [Range<Int>], shapes: [LineShape],
                       subject: UnsafeBufferPointer<UInt8>, _ matcher: Matcher) throws -> Bool {
        let shape = shapes[index]
        switch test {
        case .pattern(let regex): return try matcher.firstMatch(of: regex, in: subject, range: lines[index]) != nil
        case .maxWords(let limit): return shape.words <= limit
        case .minWords(let limit): return shape.words >= limit
        case .noTerminalPunctuation: return !shape.endsSentence
        case .stopWordsBelow(let share): return shape.words >= 3 && Double(shape.stopWords) < share * Double(shape.words)
        case .firstLines(let count): return index < count
        case .lastLines(let count): return index >= lines.count - count
        case .shortNeighbours(let limit):
            func short(_ neighbour: Int) -> Bool {
                shapes.indices.contains(neighbour) && shapes[neighbour].words <= limit && !shapes[neighbour].endsSentence
            }
            return short(index - 1) && short(index + 1)
        }
    }
}

/// Word count, stop words and closing punctuation of one line.
struct LineShape {
    let words: Int
    let stopWords: Int
    let endsSentence: Bool

    init(_ line: ArraySlice<UInt8>, stopWords list: Set<String>) {
        let text = String(decoding: line, as: UTF8.self)
        let tokens = text.split(whereSeparator: { $0.isWhitespace })
        words = tokens.count
        stopWords = list.isEmpty ? 0 : tokens.filter { list.contains($0.lowercased().trimmingCharacters(in: Self.punctuation)) }.count
        let last = text.unicodeScalars.last { !$0.properties.isWhitespace }
        endsSentence = last.map { ".!?:;,…”\"’')".unicodeScalars.contains($0) } ?? false
    }

    private static let punctuation = Set(".,;:!?\"'“”‘’()[]…".unicodeScalars)
}

extension StringProtocol {
    func trimmingCharacters(in set: Set<Unicode.Scalar>) -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
