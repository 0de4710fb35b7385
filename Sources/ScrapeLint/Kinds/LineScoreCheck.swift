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
    /// `stopWords` hashed once, not once per document.
    let stopWordHashes: HashKeyTable<Bool>

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        let lines = document.paragraphRanges.map { Document.trimmed($0, in: document.bytes) }
        let shapes = document.bytes.withUnsafeBufferPointer { bytes in
            lines.map { LineShape(bytes, line: $0, stopWords: stopWordHashes) }
        }
        var counts = HashKeyTable<Int>(minimumCapacity: shapes.count)
        for shape in shapes { counts[shape.foldedHash, default: 0] += 1 }
        let hits = try patternHits(in: document, lines: lines, with: matcher)
        let context = LineContext(lines: lines, shapes: shapes, counts: counts, patternHits: hits)
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
        let counts: HashKeyTable<Int>
        /// For each pattern test (by its pattern), whether it matches on each line.
        let patternHits: [ObjectIdentifier: [Bool]]
    }

    /// The lines each pattern test matches on, from one search of the whole text per pattern
    /// (compiled multi-line, so `^` and `$` are line ends) instead of a search per line.
    private func patternHits(in document: Document, lines: [Range<Int>], with matcher: Matcher) throws -> [ObjectIdentifier: [Bool]] {
        var hits: [ObjectIdentifier: [Bool]] = [:]
        let regexes = signals.flatMap(\.tests).compactMap { test -> Regex? in if case .pattern(let regex) = test { regex } else { nil } }
        guard !regexes.isEmpty else { return hits }
        // Non-blank lines are the scored lines, in order: a document line maps to one of them.
        var scoredLine = Array(repeating: -1, count: document.lines.count)
        for (index, line) in lines.enumerated() { scoredLine[document.lines.lineIndex(of: line.lowerBound)] = index }
        try document.bytes.withUnsafeBufferPointer { subject in
            for regex in regexes where hits[ObjectIdentifier(regex)] == nil {
                var matched = Array(repeating: false, count: lines.count)
                try matcher.forEachMatch(of: regex, in: subject) { match in
                    let index = scoredLine[document.lines.lineIndex(of: match.range.lowerBound)]
                    if index >= 0 { matched[index] = true }
                    return true
                }
                hits[ObjectIdentifier(regex)] = matched
            }
        }
        return hits
    }

    private func holds(_ test: Test, line index: Int, context: LineContext,
                       subject: UnsafeBufferPointer<UInt8>, _ matcher: Matcher) throws -> Bool {
        let (lines, shapes) = (context.lines, context.shapes)
        let shape = shapes[index]
        switch test {
        case .pattern(let regex): return context.patternHits[ObjectIdentifier(regex)]?[index] ?? false
        case .maxWords(let limit): return shape.words <= limit
        case .minWords(let limit): return shape.words >= limit
        case .noTerminalPunctuation: return !shape.endsSentence
        case .stopWordsBelow(let share): return shape.words >= 3 && Double(shape.stopWords) < share * Double(shape.words)
        case .firstLines(let count): return index < count
        case .lastLines(let count): return index >= lines.count - count
        case .repeated(let count): return context.counts[shape.foldedHash, default: 0] >= count
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

/// Word count, stop words, letters and closing punctuation of one line, read from its bytes.
struct LineShape {
    let words: Int
    let stopWords: Int
    let endsSentence: Bool
    let letters: Int
    let characters: Int
    /// `FNV1a` of the line folded for counting repeats (lower case, single spaces); two lines
    /// with the same hash count as one (a collision of 64-bit hashes between two lines of one
    /// text is not a practical concern).
    let foldedHash: UInt64

    /// - Parameter list: `FNV1a` hashes of the stop words in lower case.
    init(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, stopWords list: HashKeyTable<Bool>) {
        var words = 0, stopWords = 0, letters = 0, characters = 0
        var folded = FNV1a()
        var lastFolded: UInt8 = 0x20  // no space at the start
        var pendingSpace = false
        var inToken = false
        // The token is looked up without the punctuation around it: its hash starts at the first
        // byte that is not punctuation and is taken as it was after the last such byte.
        var tokenHash = FNV1a(), bareHash = FNV1a(), tokenStarted = false
        let checkStopWords = list.count > 0
        var offset = line.lowerBound
        while offset < line.upperBound {
            let byte = bytes[offset]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                if inToken {
                    words += 1
                    if checkStopWords, list.contains(bareHash.value) { stopWords += 1 }
                    inToken = false
                }
                if lastFolded != 0x20 { pendingSpace = true }
                offset += 1
                continue
            }
            if !inToken {
                inToken = true
                tokenHash = FNV1a()
                bareHash = FNV1a()
                tokenStarted = false
            }
            // A space between two words is folded in only when the next word comes (so not at the end).
            if pendingSpace {
                folded.mix(0x20)
                pendingSpace = false
            }
            if byte < 0x80 {
                characters += 1
                if (byte | 0x20) &- 0x61 < 26 { letters += 1 }
                let lower = byte.asciiLowercased
                folded.mix(lower)
                lastFolded = lower
                if !Self.isPunctuation(byte) {
                    tokenStarted = true
                    tokenHash.mix(lower)
                    bareHash = tokenHash
                } else if tokenStarted {
                    tokenHash.mix(lower)
                }
                offset += 1
            } else {
                // Decoded in place: no String per character on the hot path.
                let (scalar, length) = ColumnCounter.scalar(in: bytes, at: offset, end: line.upperBound)
                if let scalar, !scalar.properties.isWhitespace {
                    characters += 1
                    if scalar.properties.isAlphabetic { letters += 1 }
                }
                tokenStarted = true
                for index in offset..<(offset + length) {
                    folded.mix(bytes[index])
                    tokenHash.mix(bytes[index])
                }
                bareHash = tokenHash
                lastFolded = bytes[offset + length - 1]
                offset += length
            }
        }
        if inToken {
            words += 1
            if checkStopWords, list.contains(bareHash.value) { stopWords += 1 }
        }
        self.words = words
        self.stopWords = stopWords
        self.letters = letters
        self.characters = characters
        foldedHash = folded.value
        var end = line.upperBound
        while end > line.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        endsSentence = end > line.lowerBound && Self.endsSentence(bytes[line.lowerBound..<end])
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D: true
        default: false
        }
    }

    /// `.!?:;,)"'` or a closing curly quote (” ’) or an ellipsis (…) at the end.
    private static func endsSentence(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if ".!?:;,\"')".utf8.contains(line[line.endIndex - 1]) { return true }
        guard line.count >= 3 else { return false }
        let tail = Array(line.suffix(3))
        return tail[0] == 0xE2 && tail[1] == 0x80 && [0x9D, 0x99, 0xA6].contains(tail[2])
    }
}
