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
        /// The same line (white space and case folded) occurs at least this many times.
        case repeated(Int)
        /// Letters make up less than this share of the line's characters (numbers, symbols).
        case lettersBelow(Double)
        /// At least `share` of the `within` non-blank lines on each side score at or over the
        /// threshold without this signal, with one at least on each side, and the line has some
        /// signal of its own: it sits inside a block of boilerplate (a menu, a widget, a list of
        /// related links), as jusText judges a block by its neighbours.
        case flaggedNeighbours(within: Int, share: Double)
    }

    /// Holds for a line when all its tests do.
    struct Signal: Sendable {
        let name: String
        let tests: [Test]
        let weight: Double

        var isContextual: Bool { tests.contains(where: \.isContextual) }
    }

    let signals: [Signal]
    let threshold: Double
    let stopWords: Set<String>

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        let lines = document.paragraphRanges.map { RepetitionCheck.trimmed($0, in: document.bytes) }
        let shapes = lines.map { LineShape(document.bytes[$0], stopWords: stopWords) }
        var counts: [String: Int] = [:]
        for shape in shapes { counts[shape.folded, default: 0] += 1 }
        let context = LineContext(lines: lines, shapes: shapes, counts: counts)
        // First the line's own signals, then those that look at how the neighbours scored.
        var scores = Array(repeating: 0.0, count: lines.count)
        var fired = Array(repeating: [String](), count: lines.count)
        try document.bytes.withUnsafeBufferPointer { subject in
            for index in lines.indices {
                for signal in signals where !signal.isContextual {
                    if try signal.tests.allSatisfy({ try holds($0, line: index, context: context, subject: subject, matcher) }) {
                        scores[index] += signal.weight
                        fired[index].append(signal.name)
                    }
                }
            }
        }
        let flagged = scores.map { $0 >= threshold }
        for index in lines.indices {
            for signal in signals {
                guard case .flaggedNeighbours(let within, let share) = signal.tests.first else { continue }
                // Inside a block, not at its edge: flagged lines on both sides, and the line
                // itself not a clean sentence (a paragraph of prose between widgets stays prose).
                let before = max(0, index - within)..<index, after = (index + 1)..<min(lines.count, index + within + 1)
                guard scores[index] > 0, before.contains(where: { flagged[$0] }), after.contains(where: { flagged[$0] }) else { continue }
                if Double(before.filter { flagged[$0] }.count + after.filter { flagged[$0] }.count) >= share * Double(before.count + after.count) {
                    scores[index] += signal.weight
                    fired[index].append(signal.name)
                }
            }
            if scores[index] >= threshold, !lines[index].isEmpty {
                output.append(rule.diagnostic(at: lines[index], in: document, detail: fired[index].joined(separator: ", ")))
            }
        }
    }

    /// What the line-level tests read besides the line itself.
    struct LineContext {
        let lines: [Range<Int>]
        let shapes: [LineShape]
        let counts: [String: Int]
    }

    private func holds(_ test: Test, line index: Int, context: LineContext,
                       subject: UnsafeBufferPointer<UInt8>, _ matcher: Matcher) throws -> Bool {
        let (lines, shapes) = (context.lines, context.shapes)
        let shape = shapes[index]
        switch test {
        case .pattern(let regex): return try matcher.firstMatch(of: regex, in: subject, range: lines[index]) != nil
        case .maxWords(let limit): return shape.words <= limit
        case .minWords(let limit): return shape.words >= limit
        case .noTerminalPunctuation: return !shape.endsSentence
        case .stopWordsBelow(let share): return shape.words >= 3 && Double(shape.stopWords) < share * Double(shape.words)
        case .firstLines(let count): return index < count
        case .lastLines(let count): return index >= lines.count - count
        case .repeated(let count): return context.counts[shape.folded, default: 0] >= count
        case .lettersBelow(let share): return Double(shape.letters) < share * Double(max(shape.characters, 1))
        case .flaggedNeighbours: return false
        }
    }
}

extension LineScoreCheck.Test {
    var isContextual: Bool {
        if case .flaggedNeighbours = self { return true }
        return false
    }
}

/// Word count, stop words and closing punctuation of one line.
struct LineShape {
    let words: Int
    let stopWords: Int
    let endsSentence: Bool
    let letters: Int
    let characters: Int
    /// The line folded for counting repeats: lower case, single spaces.
    let folded: String

    init(_ line: ArraySlice<UInt8>, stopWords list: Set<String>) {
        let text = String(decoding: line, as: UTF8.self)
        let scalars = text.unicodeScalars.filter { !$0.properties.isWhitespace }
        characters = scalars.count
        letters = scalars.filter(\.properties.isAlphabetic).count
        let tokens = text.split(whereSeparator: { $0.isWhitespace })
        words = tokens.count
        folded = tokens.joined(separator: " ").lowercased()
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
