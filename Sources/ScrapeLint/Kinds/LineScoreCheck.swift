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
        let shapes = document.bytes.withUnsafeBufferPointer { bytes in lines.map { LineShape(bytes, line: $0) } }
        let repeats = document.bytes.withUnsafeBufferPointer { Self.repeats(of: lines, shapes, in: $0) }
        let hits = try patternHits(in: document, lines: lines, with: matcher)
        let context = LineContext(lines: lines, shapes: shapes, repeats: repeats, patternHits: hits)
        var state = Scores(count: lines.count)
        try document.bytes.withUnsafeBufferPointer { subject in
            // First the line's own signals, then those that look at how the neighbours scored.
            for index in lines.indices {
                for (number, signal) in signals.enumerated() where !signal.isContextual {
                    switch try holds(signal, line: index, context: context, subject: subject, matcher, stopWords: nil) {
                    case true?: state.add(number, signal.weight, to: index)
                    case false?: break
                    case nil: state.deferred[index].append(number)
                    }
                }
                if state.mayReachThreshold(index, signals: signals, threshold: threshold) {
                    try resolve(index, &state, context: context, subject: subject, matcher)
                }
            }
            // Exact: a line whose stop words were left uncounted cannot reach the threshold.
            let flagged = state.scores.map { $0 >= threshold }
            for index in lines.indices {
                for (number, signal) in signals.enumerated() {
                    guard case .flaggedNeighbours(let within, let share) = signal.tests.first else { continue }
                    // Inside a block, not at its edge: flagged lines on both sides, and the line
                    // itself not a clean sentence (a paragraph of prose between widgets stays prose).
                    let before = max(0, index - within)..<index, after = (index + 1)..<min(lines.count, index + within + 1)
                    guard before.contains(where: { flagged[$0] }), after.contains(where: { flagged[$0] }) else { continue }
                    // Whether it has a score of its own may turn on its stop words.
                    try resolve(index, &state, context: context, subject: subject, matcher)
                    guard state.scores[index] > 0 else { continue }
                    if Double(before.filter { flagged[$0] }.count + after.filter { flagged[$0] }.count) >= share * Double(before.count + after.count) {
                        state.scores[index] += signal.weight
                        state.firedByNeighbours[index].append(number)
                    }
                }
                if state.scores[index] >= threshold, !lines[index].isEmpty {
                    // The message names every signal that holds, the uncounted ones too.
                    try resolve(index, &state, context: context, subject: subject, matcher)
                    let names = (state.fired[index].sorted() + state.firedByNeighbours[index]).map { signals[$0].name }
                    output.append(rule.diagnostic(at: lines[index], in: document, detail: names.joined(separator: ", ")))
                }
            }
        }
    }

    /// Each line's score and the signals that hold for it (by their number), kept apart: those
    /// of the line itself, and those of its neighbours. A signal whose only unknown is the
    /// line's stop words waits in `deferred`: counting them is a second walk over the line, and
    /// most lines score below the threshold whatever they are.
    private struct Scores {
        var scores: [Double]
        var fired: [[Int]]
        var firedByNeighbours: [[Int]]
        var deferred: [[Int]]

        init(count: Int) {
            scores = Array(repeating: 0, count: count)
            fired = Array(repeating: [], count: count)
            firedByNeighbours = Array(repeating: [], count: count)
            deferred = Array(repeating: [], count: count)
        }

        mutating func add(_ signal: Int, _ weight: Double, to line: Int) {
            scores[line] += weight
            fired[line].append(signal)
        }

        /// Whether the deferred signals of `line` could bring it to the threshold (or lower its
        /// score: a weight below zero is weighed at once).
        func mayReachThreshold(_ line: Int, signals: [Signal], threshold: Double) -> Bool {
            guard !deferred[line].isEmpty else { return false }
            let weights = deferred[line].map { signals[$0].weight }
            return weights.contains { $0 < 0 } || scores[line] + weights.reduce(0, +) >= threshold
        }
    }

    /// Weighs the deferred signals of line `index`, counting its stop words.
    private func resolve(_ index: Int, _ state: inout Scores, context: LineContext, subject: UnsafeBufferPointer<UInt8>,
                         _ matcher: Matcher) throws {
        guard !state.deferred[index].isEmpty else { return }
        let stopWords = LineShape.stopWords(in: subject, line: context.lines[index], list: stopWordHashes)
        for number in state.deferred[index] where try holds(signals[number], line: index, context: context, subject: subject, matcher,
                                                          stopWords: stopWords) == true {
            state.add(number, signals[number].weight, to: index)
        }
        state.deferred[index] = []
    }

    /// Whether all of `signal`'s tests hold for the line; nil when that turns on its stop words
    /// and `stopWords` is nil.
    private func holds(_ signal: Signal, line index: Int, context: LineContext, subject: UnsafeBufferPointer<UInt8>,
                       _ matcher: Matcher, stopWords: Int?) throws -> Bool? {
        var unknown = false
        for test in signal.tests {
            guard let holds = try holds(test, line: index, context: context, subject: subject, matcher, stopWords: stopWords) else {
                unknown = true
                continue
            }
            if !holds { return false }
        }
        return unknown ? nil : true
    }

    /// What the line-level tests read besides the line itself.
    struct LineContext {
        let lines: [Range<Int>]
        let shapes: [LineShape]
        /// How many lines have each line's folded text, itself included.
        let repeats: [Int]
        /// For each pattern test (by its pattern), whether it matches on each line.
        let patternHits: [ObjectIdentifier: [Bool]]
    }

    /// How many lines have each line's folded text: by key, and by the folded text's hash only
    /// where lines share a key, which most lines do not.
    private static func repeats(of lines: [Range<Int>], _ shapes: [LineShape], in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var byKey = HashKeyTable<Int>(minimumCapacity: shapes.count)
        for shape in shapes { byKey[shape.key.hash, default: 0] += 1 }
        var repeats = shapes.map { byKey[$0.key.hash, default: 0] }
        let shared = repeats.indices.filter { repeats[$0] > 1 }
        guard !shared.isEmpty else { return repeats }
        let hashes = shared.map { LineShape.foldedHash(in: bytes, line: lines[$0]) }
        var byText = HashKeyTable<Int>(minimumCapacity: shared.count)
        for hash in hashes { byText[hash, default: 0] += 1 }
        for (index, hash) in zip(shared, hashes) { repeats[index] = byText[hash, default: 0] }
        return repeats
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
                       subject: UnsafeBufferPointer<UInt8>, _ matcher: Matcher, stopWords: Int?) throws -> Bool? {
        let (lines, shapes) = (context.lines, context.shapes)
        let shape = shapes[index]
        switch test {
        case .pattern(let regex): return context.patternHits[ObjectIdentifier(regex)]?[index] ?? false
        case .maxWords(let limit): return shape.words <= limit
        case .minWords(let limit): return shape.words >= limit
        case .noTerminalPunctuation: return !shape.endsSentence
        case .stopWordsBelow(let share):
            guard shape.words >= 3 else { return false }
            guard let stopWords else { return nil }
            return Double(stopWords) < share * Double(shape.words)
        case .firstLines(let count): return index < count
        case .lastLines(let count): return index >= lines.count - count
        case .repeated(let count): return context.repeats[index] >= count
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
