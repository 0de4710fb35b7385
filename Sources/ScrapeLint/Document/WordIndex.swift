/// The words of a document, found once and read by every word-level rule: each run of letters
/// (`\p{L}++`), with its number of letters and its hashes. Before, each such rule walked the
/// bytes and hashed the words itself (consistency tokens, topic words), which was most of their
/// cost.
struct WordIndex: Sendable {
    /// Byte range of each run of letters, in text order.
    let ranges: [Range<Int>]
    /// Letters (not bytes) in each run; a run is ASCII when this equals its byte count.
    let letters: [Int32]
    /// `WordHash` of each run as written.
    let exactHashes: [UInt64]
    /// `WordHash` of each run with ASCII letters in lower case.
    let foldedHashes: [UInt64]

    init(_ bytes: [UInt8]) {
        var ranges: [Range<Int>] = [], letters: [Int32] = [], exact: [UInt64] = [], folded: [UInt64] = []
        // About one word in six bytes of prose.
        let expected = bytes.count / 6
        ranges.reserveCapacity(expected)
        letters.reserveCapacity(expected)
        exact.reserveCapacity(expected)
        folded.reserveCapacity(expected)
        bytes.withUnsafeBufferPointer { subject in
            LetterRuns.forEach(in: subject, minimumLetters: 1) { range, count in
                var exactHash = WordHash(), foldedHash = WordHash()
                for byte in subject[range] {
                    exactHash.mix(byte)
                    foldedHash.mix(byte.asciiLowercased)
                }
                ranges.append(range)
                letters.append(Int32(truncatingIfNeeded: count))
                exact.append(exactHash.value)
                folded.append(foldedHash.value)
            }
        }
        self.ranges = ranges
        self.letters = letters
        exactHashes = exact
        foldedHashes = folded
    }

    var count: Int { ranges.count }

    /// Whether run `index` is all ASCII letters.
    func isASCII(_ index: Int) -> Bool { Int(letters[index]) == ranges[index].count }
}
