/// Word count, letters and closing punctuation of one line, read from its bytes; its stop words
/// on demand (`stopWords(in:line:list:)`), since few lines need them.
struct LineShape {
    let words: Int
    let endsSentence: Bool
    let letters: Int
    let characters: Int
    /// `FNV1a` of the line folded for counting repeats (lower case, single spaces); two lines
    /// with the same hash count as one (a collision of 64-bit hashes between two lines of one
    /// text is not a practical concern).
    let foldedHash: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) {
        var words = 0, letters = 0, characters = 0
        var folded = FNV1a()
        var lastFolded: UInt8 = 0x20  // no space at the start
        var pendingSpace = false
        var inToken = false
        var offset = line.lowerBound
        while offset < line.upperBound {
            let byte = bytes[offset]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                if inToken {
                    words += 1
                    inToken = false
                }
                if lastFolded != 0x20 { pendingSpace = true }
                offset += 1
                continue
            }
            inToken = true
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
                offset += 1
            } else {
                // Decoded in place: no String per character on the hot path.
                let (scalar, length) = ColumnCounter.scalar(in: bytes, at: offset, end: line.upperBound)
                if let scalar, !scalar.properties.isWhitespace {
                    characters += 1
                    if scalar.properties.isAlphabetic { letters += 1 }
                }
                for index in offset..<(offset + length) { folded.mix(bytes[index]) }
                lastFolded = bytes[offset + length - 1]
                offset += length
            }
        }
        if inToken { words += 1 }
        self.words = words
        self.letters = letters
        self.characters = characters
        foldedHash = folded.value
        var end = line.upperBound
        while end > line.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        endsSentence = end > line.lowerBound && Self.endsSentence(bytes[line.lowerBound..<end])
    }

    /// The words of `line` that are in `list` (`FNV1a` hashes of the stop words in lower case),
    /// each looked up without the punctuation around it: from its first byte that is not
    /// punctuation to its last, ASCII letters folded.
    static func stopWords(in bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, list: HashKeyTable<Bool>) -> Int {
        guard list.count > 0 else { return 0 }
        var stopWords = 0
        var tokenHash = FNV1a(), bareHash = FNV1a(), inToken = false, tokenStarted = false
        for offset in line {
            let byte = bytes[offset]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                if inToken, list.contains(bareHash.value) { stopWords += 1 }
                inToken = false
                continue
            }
            if !inToken {
                inToken = true
                tokenHash = FNV1a()
                bareHash = FNV1a()
                tokenStarted = false
            }
            // A byte of a character beyond ASCII is never punctuation.
            if byte >= 0x80 || !isPunctuation(byte) {
                tokenStarted = true
                tokenHash.mix(byte.asciiLowercased)
                bareHash = tokenHash
            } else if tokenStarted {
                tokenHash.mix(byte)
            }
        }
        if inToken, list.contains(bareHash.value) { stopWords += 1 }
        return stopWords
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
