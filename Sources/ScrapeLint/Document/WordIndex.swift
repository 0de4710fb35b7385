/// The words of a document, found once and read by every word-level rule: each run of letters
/// (`\p{L}++`: ASCII letters by a byte test, other characters decoded and asked for their General
/// Category), with its number of letters and its hash (ASCII case folded: every built-in rule
/// compares words without case; one that does not hashes the few words it needs itself). Before, each such rule walked the bytes
/// and hashed the words itself (consistency tokens, topic words), which was most of their cost.
struct WordIndex: Sendable {
    /// Byte range of each run of letters, in text order.
    let ranges: [Range<Int>]
    /// Letters (not bytes) in each run; a run is ASCII when this equals its byte count.
    let letters: [Int32]
    /// `WordHash` of each run with ASCII letters in lower case.
    let foldedHashes: [UInt64]

    init(_ bytes: [UInt8]) {
        var ranges: [Range<Int>] = [], letters: [Int32] = [], folded: [UInt64] = []
        // About one word in six bytes of prose.
        let expected = bytes.count / 6
        ranges.reserveCapacity(expected)
        letters.reserveCapacity(expected)
        folded.reserveCapacity(expected)
        bytes.withUnsafeBufferPointer { subject in
            let end = subject.count
            var offset = 0
            while offset < end {
                var length = Self.letterLength(subject, at: offset)
                guard length > 0 else {
                    offset += max(-length, 1)
                    continue
                }
                let start = offset
                var count: Int32 = 0
                var foldedHash = WordHash()
                repeat {
                    if length == 1 {
                        foldedHash.mix(subject[offset] | 0x20)  // an ASCII letter
                    } else {
                        for byte in subject[offset..<(offset + length)] { foldedHash.mix(byte) }
                    }
                    count += 1
                    offset += length
                    length = offset < end ? Self.letterLength(subject, at: offset) : 0
                } while length > 0
                ranges.append(start..<offset)
                letters.append(count)
                folded.append(foldedHash.value)
                if length < 0 { offset -= length }
            }
        }
        self.ranges = ranges
        self.letters = letters
        foldedHashes = folded
    }

    var count: Int { ranges.count }

    /// The three columns as buffers, for a walk over every word with no bounds check per read.
    func withBuffers<Result>(
        _ body: (UnsafeBufferPointer<Range<Int>>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt64>) throws -> Result
    ) rethrows -> Result {
        try ranges.withUnsafeBufferPointer { ranges in
            try letters.withUnsafeBufferPointer { letters in
                try foldedHashes.withUnsafeBufferPointer { folded in try body(ranges, letters, folded) }
            }
        }
    }

    /// Whether run `index` is all ASCII letters.
    func isASCII(_ index: Int) -> Bool { Int(letters[index]) == ranges[index].count }

    /// The byte length of the letter at `offset`, or minus the length of the character there
    /// when it is not a letter (an invalid byte counts as one).
    @inline(__always)
    private static func letterLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let byte = bytes[offset]
        if byte < 0x80 { return (byte | 0x20) &- 0x61 < 26 ? 1 : -1 }
        // U+2000–U+203F (spaces, dashes, curly quotes, the ellipsis) hold no letter: most of the
        // non-ASCII characters of English text, told without decoding.
        if ColumnCounter.isGeneralPunctuation(bytes, at: offset, end: bytes.count) { return -3 }
        let decoded = ColumnCounter.scalar(in: bytes, at: offset, end: bytes.count)
        return decoded.scalar?.properties.isLetter == true ? decoded.length : -decoded.length
    }
}

extension Unicode.Scalar.Properties {
    /// General Category L (Lu, Ll, Lt, Lm, Lo), as `\p{L}` means it.
    var isLetter: Bool {
        switch generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
