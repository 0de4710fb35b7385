import PCRE2

/// The `words:` tokens of a shape that is not plain (`WordShape`): a capitalised first word,
/// a given character before the token, between its words or not after it, no overlap. Such a
/// shape stands for a token pattern (` (?<=[\p{Ll},;] )(\p{Lu}\p{Ll}++[ \x{A0}]\p{L}++)`) and
/// finds what the pattern finds, which PCRE2 tried at every space of the text; here a word in
/// lower case is passed over at its first byte. Its few tokens are hashed from their bytes, as
/// a pattern's matches are (`ConsistencyCheck.hash`). It is a loop of its own, beside the plain
/// walk (`wordTokens`), on purpose: one loop with the options made compound-spacing's walk, which
/// has a token at every word, 41 -> 46 ms on the dev files.
extension ConsistencyCheck {
    static func shapedTokens(_ shape: WordShape, in index: WordIndex, subject: UnsafeBufferPointer<UInt8>, headings: HeadingLines?,
                             folding: Bool, removeSpaces: Bool, removeHyphens: Bool, ignoreCase: Bool, matcher: Matcher,
                             into tokens: inout [Token]) throws {
        let minimum = shape.minimumLetters, width = minimum.count
        guard width > 0, index.count >= width else { return }
        // Read once: a field of `shape` read in the loop copied the shape, and retained its
        // tests, at every word.
        let capitalised = shape.capitalised, between = shape.between, after = shape.after, overlapping = shape.overlapping
        let (hyphenMayFollow, follower): (Bool, CharacterTest?) = switch shape.notFollowedBy {
        case .hyphen: (false, nil)
        case .character(let test): (true, test)
        case .anything: (true, nil)
        }
        var inHeading = headings?.cursor
        var lastEnd = 0
        try index.withBuffers { ranges, letters, _ in
            try minimum.withUnsafeBufferPointer { minimum in
                candidates: for first in 0...(ranges.count - width) {
                    let start = ranges[first].lowerBound
                    // Most words start in lower case: one byte says no. Then the letter counts,
                    // before reading a capitalised word's letters (most are short: The, In, He).
                    if capitalised, subject[start] &- 0x61 < 26 { continue }
                    for offset in 0..<width where Int(letters[first + offset]) < minimum[offset] { continue candidates }
                    if capitalised, !WordShape.isCapitalised(ranges[first], in: subject) { continue }
                    let last = first + width - 1
                    // One space (or one character of `between`) between each two words.
                    for run in first..<last {
                        let gap = ranges[run].upperBound..<ranges[run + 1].lowerBound
                        // Optional chaining, not `if let`: a bound copy retained the test's regex
                        // and table at every word, a shared count that two workers contend for.
                        if between != nil {
                            guard ColumnCounter.sequenceLength(subject, at: gap.lowerBound, end: subject.count) == gap.count,
                                  try between?.matches(at: gap.lowerBound, in: subject, matcher) == true
                            else { continue candidates }
                        } else if gap.count != 1 || subject[gap.lowerBound] != 0x20 {
                            continue candidates
                        }
                    }
                    let end = ranges[last].upperBound
                    if after != nil {
                        guard start >= 2, subject[start - 1] == 0x20, try after?.matches(endingAt: start - 1, in: subject, matcher) == true else { continue }
                    } else if start > 0, subject[start - 1] == 0x2D {
                        continue
                    }
                    if end < subject.count {
                        if !hyphenMayFollow, subject[end] == 0x2D { continue }
                        if try follower?.matches(at: end, in: subject, matcher) == true { continue }
                    }
                    // A token that would start inside the one before is none, as a pattern's next
                    // match starts after the last; a token in a heading still counts for that.
                    if !overlapping {
                        guard start >= lastEnd else { continue }
                        lastEnd = end
                    }
                    if inHeading?.contains(start) == true { continue }
                    let bytes = subject[start..<end]
                    tokens.append((start..<end, hash(bytes, lowercase: folding, removeSpaces: removeSpaces, removeHyphens: removeHyphens),
                                   hash(bytes, lowercase: ignoreCase, removeSpaces: false, removeHyphens: false)))
                }
            }
        }
    }
}
