/// The `words:` tokens of a consistency rule, read off the document's word index: every run of
/// whole words of a plain shape (`WordShape.isPlain`; `[2, 3]`: a word of two letters or more,
/// one space, a word of three or more), with the hashes of its key and its form. A long text has a candidate at every word
/// for every shape, so the walk reads the index through buffers (`WordIndex.withBuffers`),
/// without a bounds check or a copy per word, and hashes a one-word token once when its key and
/// form are the same.
extension ConsistencyCheck {
    typealias Token = (range: Range<Int>, key: UInt64, form: UInt64)

    static func wordTokens(_ shape: [Int], in index: WordIndex, subject: UnsafeBufferPointer<UInt8>, headings: HeadingLines?,
                           folding: Bool, removeSpaces: Bool, ignoreCase: Bool, into tokens: inout [Token]) {
        let width = shape.count
        guard width > 0, index.count >= width else { return }
        // One word: the key is the form when both fold case alike (there is no space to remove).
        let sameHashes = folding == ignoreCase && (width == 1 || !removeSpaces)
        // Tokens of one shape come in text order, so the headings are walked, not searched.
        var inHeading = headings?.cursor
        let powers = WordHash.powerTable
        index.withBuffers { ranges, letters, folded in
            /// `WordHash` of runs `first...last` with one space between each two, from the runs'
            /// own hashes; 0 when folding a run that is not all ASCII letters.
            func hash(_ first: Int, _ last: Int, lowercase: Bool, removeSpaces: Bool) -> UInt64 {
                var hash: UInt64 = 0
                for run in first...last {
                    if lowercase, Int(letters[run]) != ranges[run].count { return 0 }
                    if run != first, !removeSpaces {
                        var space = WordHash(value: hash)
                        space.mix(0x20)
                        hash = space.value
                    }
                    let word = lowercase ? folded[run] : WordHash.hash(subject[ranges[run]], foldingASCII: false)
                    let length = ranges[run].count
                    // `WordHash.joined`, with the powers read before the walk.
                    hash = hash &* (length < powers.count ? powers[length] : WordHash.power(length)) &+ word
                }
                return hash
            }
            // Two words (compound-spacing's "air strikes"), the most candidates by far, without
            // the loops over the shape's width.
            if width == 2 {
                let (least, leastSecond) = (shape[0], shape[1])
                for first in 0..<(ranges.count - 1) {
                    let one = ranges[first], two = ranges[first + 1]
                    guard Int(letters[first]) >= least, Int(letters[first + 1]) >= leastSecond,
                          two.lowerBound == one.upperBound + 1, subject[one.upperBound] == 0x20 else { continue }
                    if one.lowerBound > 0, subject[one.lowerBound - 1] == 0x2D { continue }
                    if two.upperBound < subject.count, subject[two.upperBound] == 0x2D { continue }
                    if inHeading?.contains(one.lowerBound) == true { continue }
                    // Caseless key and form of two ASCII words (compound-spacing's), joined from
                    // the words' hashes here: `hash` would read each word's letters twice over.
                    if folding, ignoreCase, Int(letters[first]) == one.count, Int(letters[first + 1]) == two.count {
                        let power = two.count < powers.count ? powers[two.count] : WordHash.power(two.count)
                        let spaced = (folded[first] &* WordHash.base &+ 0x21) &* power &+ folded[first + 1]
                        let key = removeSpaces ? folded[first] &* power &+ folded[first + 1] : spaced
                        tokens.append((one.lowerBound..<two.upperBound, key, spaced))
                        continue
                    }
                    let key = hash(first, first + 1, lowercase: folding, removeSpaces: removeSpaces)
                    tokens.append((one.lowerBound..<two.upperBound, key,
                                   sameHashes ? key : hash(first, first + 1, lowercase: ignoreCase, removeSpaces: false)))
                }
                return
            }
            candidates: for first in 0...(ranges.count - width) {
                let last = first + width - 1
                for offset in 0..<width where Int(letters[first + offset]) < shape[offset] { continue candidates }
                // One space (U+0020) between each two words, and no hyphen at either end.
                for run in first..<last where ranges[run + 1].lowerBound != ranges[run].upperBound + 1
                    || subject[ranges[run].upperBound] != 0x20 {
                    continue candidates
                }
                let start = ranges[first].lowerBound, end = ranges[last].upperBound
                if start > 0, subject[start - 1] == 0x2D { continue }
                if end < subject.count, subject[end] == 0x2D { continue }
                if inHeading?.contains(start) == true { continue }
                let key = hash(first, last, lowercase: folding, removeSpaces: removeSpaces)
                tokens.append((start..<end, key, sameHashes ? key : hash(first, last, lowercase: ignoreCase, removeSpaces: false)))
            }
        }
    }
}
