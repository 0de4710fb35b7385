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
    private static let breakPattern = try! Regex("\\R++|(?<=[.!?])[\"”’)]?\\h++(?=[“\"]?\\p{Lu})|(?<=\\p{Ll}[.!?])(?=[“\"]?\\p{Lu}\\p{Ll})")

    /// The first word of the new text at each boundary.
    func boundaries(in document: Document, with matcher: Matcher) throws -> [Range<Int>] {
        var words: [(range: Range<Int>, word: String)] = []
        var breaks: [Int] = []
        try document.bytes.withUnsafeBufferPointer { subject in
            try matcher.forEachMatch(of: Self.wordPattern, in: subject) { match in
                let word = document.text(in: match.range).lowercased()
                if !stopWords.contains(word) { words.append((match.range, word)) }
                return true
            }
            try matcher.forEachMatch(of: Self.breakPattern, in: subject) { match in
                breaks.append(match.range.upperBound)
                return true
            }
        }
        var dips: [(similarity: Double, index: Int)] = []
        var wordIndex = 0
        for offset in breaks {
            while wordIndex < words.count, words[wordIndex].range.lowerBound < offset { wordIndex += 1 }
            let before = max(0, wordIndex - window), after = min(words.count, wordIndex + window)
            guard wordIndex - before >= minimumWords, after - wordIndex >= minimumWords else { continue }
            let similarity = Self.cosine(words[before..<wordIndex].map(\.word), words[wordIndex..<after].map(\.word))
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

    static func cosine(_ lhs: [String], _ rhs: [String]) -> Double {
        var left: [String: Int] = [:], right: [String: Int] = [:]
        for word in lhs { left[word, default: 0] += 1 }
        for word in rhs { right[word, default: 0] += 1 }
        var dot = 0
        for (word, count) in left { dot += count * (right[word] ?? 0) }
        let norms = (left.values.reduce(0) { $0 + $1 * $1 }, right.values.reduce(0) { $0 + $1 * $1 })
        guard norms.0 > 0, norms.1 > 0 else { return 1 }
        return Double(dot) / (Double(norms.0).squareRoot() * Double(norms.1).squareRoot())
    }
}
