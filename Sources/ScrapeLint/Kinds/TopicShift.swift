import PCRE2

/// A merge signal without a pattern: the vocabulary before a line or sentence break and the one
/// after it barely overlap (cosine similarity of content-word counts over `window` words on each
/// side), as where two unrelated articles meet. Within one article even distant sections share
/// their topic words. The lowest point of each dip is the boundary.
struct TopicShift: Sendable {
    let window: Int
    let below: Double
    /// Both sides need this many content words, or nothing is said.
    let minimumWords: Int
    let stopWords: Set<String>

    private static let wordPattern = try! Regex("\\p{L}{4,}+")
    // Line breaks, sentence breaks with or without their space, and words run together.
    private static let breakPattern = try! Regex(
        "\\R++|(?<=[.!?])[\"”’)]?\\h*+(?=[“\"]?\\p{Lu}\\p{Ll})|(?<=[\\p{Ll}\\p{N}])(?=\\p{Lu}\\p{Ll}{2,})")

    /// The first word of the new text at each boundary.
    func boundaries(in document: Document, with matcher: Matcher) throws -> [Range<Int>] {
        // Two windows of content words need text; four bytes a word is a floor, so a shorter
        // document cannot have a boundary and is not read.
        guard document.bytes.count >= 2 * minimumWords * 5 else { return [] }
        var words: [(range: Range<Int>, id: Int)] = []
        // Words are told apart by a hash of their lower-cased bytes: no String per word.
        var vocabulary: [UInt64: Int] = [:]
        var breaks: [Int] = []
        let stopHashes = Set(stopWords.map { FNV1a.hash($0.utf8) })
        try document.bytes.withUnsafeBufferPointer { subject in
            try matcher.forEachMatch(of: Self.wordPattern, in: subject) { match in
                let word = FNV1a.hash(subject[match.range])
                if !stopHashes.contains(word) {
                    let id = vocabulary[word] ?? vocabulary.count
                    vocabulary[word] = id
                    words.append((match.range, id))
                }
                return true
            }
            try matcher.forEachMatch(of: Self.breakPattern, in: subject) { match in
                breaks.append(match.range.upperBound)
                return true
            }
        }
        var windows = SlidingWindows(vocabularySize: vocabulary.count)
        let ids = words.map(\.id)
        var dips: [(similarity: Double, index: Int)] = []
        var wordIndex = 0
        for offset in breaks {
            while wordIndex < words.count, words[wordIndex].range.lowerBound < offset { wordIndex += 1 }
            let before = max(0, wordIndex - window), after = min(words.count, wordIndex + window)
            guard wordIndex - before >= minimumWords, after - wordIndex >= minimumWords else { continue }
            windows.move(to: before..<wordIndex, after: wordIndex..<after, ids: ids)
            let similarity = windows.cosine
            if similarity < below { dips.append((similarity, wordIndex)) }
        }
        // The deepest point of each dip; others within half a window belong to it.
        var chosen: [Int] = []
        for dip in dips.sorted(by: { ($0.similarity, $0.index) < ($1.similarity, $1.index) })
        where !chosen.contains(where: { abs($0 - dip.index) < window / 2 }) {
            chosen.append(dip.index)
        }
        return chosen.sorted().map { words[$0].range }
    }
}

/// Word counts of the windows before and after a moving boundary, with their dot product and
/// norms kept up to date word by word, so each boundary costs only the words it moves over.
struct SlidingWindows {
    private var before: [Int]
    private var after: [Int]
    private var beforeRange = 0..<0
    private var afterRange = 0..<0
    private var dot = 0
    private var beforeNorm = 0
    private var afterNorm = 0

    init(vocabularySize: Int) {
        before = Array(repeating: 0, count: vocabularySize)
        after = Array(repeating: 0, count: vocabularySize)
    }

    var cosine: Double {
        guard beforeNorm > 0, afterNorm > 0 else { return 1 }
        return Double(dot) / (Double(beforeNorm).squareRoot() * Double(afterNorm).squareRoot())
    }

    /// Sets the windows to the words of `newBefore` and `newAfter`, which only move forward.
    mutating func move(to newBefore: Range<Int>, after newAfter: Range<Int>, ids: [Int]) {
        if newBefore.lowerBound >= beforeRange.upperBound || newAfter.lowerBound >= afterRange.upperBound {
            // Too far for sliding: start over.
            for index in beforeRange { change(ids[index], inBefore: true, by: -1) }
            for index in afterRange { change(ids[index], inBefore: false, by: -1) }
            beforeRange = newBefore.lowerBound..<newBefore.lowerBound
            afterRange = newAfter.lowerBound..<newAfter.lowerBound
        }
        for index in beforeRange.lowerBound..<newBefore.lowerBound { change(ids[index], inBefore: true, by: -1) }
        for index in max(beforeRange.upperBound, newBefore.lowerBound)..<newBefore.upperBound { change(ids[index], inBefore: true, by: 1) }
        for index in afterRange.lowerBound..<newAfter.lowerBound { change(ids[index], inBefore: false, by: -1) }
        for index in max(afterRange.upperBound, newAfter.lowerBound)..<newAfter.upperBound { change(ids[index], inBefore: false, by: 1) }
        beforeRange = newBefore
        afterRange = newAfter
    }

    private mutating func change(_ id: Int, inBefore: Bool, by delta: Int) {
        if inBefore {
            dot += delta * after[id]
            beforeNorm += delta * (2 * before[id] + delta)
            before[id] += delta
        } else {
            dot += delta * before[id]
            afterNorm += delta * (2 * after[id] + delta)
            after[id] += delta
        }
    }
}
