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
    /// `stopWords` hashed once, not once per document: they open each document's vocabulary,
    /// with no id, so one probe per word both drops a stop word and numbers a content word.
    private let stopHashes: [UInt64]

    init(window: Int, below: Double, minimumWords: Int, stopWords: Set<String>) {
        self.window = window
        self.below = below
        self.minimumWords = minimumWords
        self.stopWords = stopWords
        // The word index's hash, which the document's words come with.
        stopHashes = stopWords.map { WordHash.hash($0.utf8, foldingASCII: true) }
    }

    /// The similarity of the two sides at every break of `document`, which every topic-shift
    /// signal with the same window and stop words shares (only its `below` differs).
    struct Profile {
        let words: [Range<Int>]
        /// Each break with both windows full: the index of the first word after it, and the
        /// cosine similarity of the words before and after.
        let similarities: [(index: Int, similarity: Double)]
    }

    /// Whether `other` reads the same profile as this one.
    func sharesProfile(with other: TopicShift) -> Bool {
        window == other.window && minimumWords == other.minimumWords && stopWords == other.stopWords
    }

    func profile(of document: Document) -> Profile {
        // Two windows of content words need text; four bytes a word is a floor, so a shorter
        // document cannot have a boundary and is not read.
        guard document.bytes.count >= 2 * minimumWords * 5 else { return Profile(words: [], similarities: []) }
        var words: [Range<Int>] = []
        var ids: [Int] = []
        // Words are told apart by their hash (ASCII case folded): no String per word.
        // At most one content word in ten bytes of text, fewer distinct in a long one.
        var vocabulary = HashKeyTable<Int>(forAtMost: document.bytes.count / 10 + stopHashes.count)
        for stopWord in stopHashes { vocabulary[stopWord] = -1 }
        var contentWords = 0
        let index = document.words
        words.reserveCapacity(index.count / 2)
        ids.reserveCapacity(index.count / 2)
        for run in 0..<index.count where index.letters[run] >= 4 {
            let id = vocabulary.value(of: index.foldedHashes[run], insertingIfAbsent: contentWords)
            guard id >= 0 else { continue }  // a stop word
            if id == contentWords { contentWords += 1 }
            words.append(index.ranges[run])
            ids.append(id)
        }
        let breaks = document.bytes.withUnsafeBufferPointer { TopicBreaks.offsets(in: $0) }
        var windows = SlidingWindows(vocabularySize: contentWords)
        var similarities: [(index: Int, similarity: Double)] = []
        var wordIndex = 0
        for offset in breaks {
            while wordIndex < words.count, words[wordIndex].lowerBound < offset { wordIndex += 1 }
            let before = max(0, wordIndex - window), after = min(words.count, wordIndex + window)
            guard wordIndex - before >= minimumWords, after - wordIndex >= minimumWords else { continue }
            windows.move(to: before..<wordIndex, after: wordIndex..<after, ids: ids)
            similarities.append((wordIndex, windows.cosine))
        }
        return Profile(words: words, similarities: similarities)
    }

    /// The first word of the new text at each boundary: the lowest point of each dip below
    /// `below`; other low points within half a window belong to it.
    func boundaries(in profile: Profile) -> [Range<Int>] {
        let dips = profile.similarities.filter { $0.similarity < below }
        // Under two words of window nothing is near enough to stand in for a dip: each is one.
        let reach = window / 2
        guard reach > 0 else { return dips.map(\.index).sorted().map { profile.words[$0] } }
        // Chosen dips stand `reach` words apart at least, so a stretch of `reach` words holds one
        // at most: a dip looks at its own stretch and the two beside it. Compared with every dip
        // chosen before it, a text of thousands of dips (a word list, one word a line) took time
        // growing with their square. The stretches, read in order, hold the choice sorted.
        var chosenIn = [Int?](repeating: nil, count: profile.words.count / reach + 2)
        for dip in dips.sorted(by: { ($0.similarity, $0.index) < ($1.similarity, $1.index) }) {
            let stretch = dip.index / reach
            if (max(stretch - 1, 0)...(stretch + 1)).contains(where: { chosenIn[$0].map { abs($0 - dip.index) < reach } ?? false }) {
                continue
            }
            chosenIn[stretch] = dip.index
        }
        return chosenIn.compactMap { $0.map { profile.words[$0] } }
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
