/// Word count, letters and closing punctuation of one line, read from its bytes 16 at a time;
/// its stop words and the hash of its folded text on demand (`stopWords(in:line:list:)`,
/// `foldedHash(in:line:)`), since few lines need them.
struct LineShape {
    let words: Int
    let endsSentence: Bool
    let letters: Int
    let characters: Int
    /// The key of the line folded for counting repeats (lower case, single spaces): lines with
    /// one folded text share it, and a line whose key no other line has is not repeated.
    let key: TextKey

    init(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) {
        key = TextKey(bytes, line)
        words = key.words
        // ASCII letters and other bytes but white space, 16 a step; characters beyond ASCII are
        // decoded and asked their Unicode properties, in the lines that have them.
        var letters = 0, characters = 0, offset = line.lowerBound, beyondASCII = false
        if let base = bytes.baseAddress {
            let a = SIMD16<UInt8>(repeating: 0x61), caseBit = SIMD16<UInt8>(repeating: 0x20), alphabet = SIMD16<UInt8>(repeating: 26)
            let high = SIMD16<UInt8>(repeating: 0x80)
            let space = SIMD16<UInt8>(repeating: 0x20), tab = SIMD16<UInt8>(repeating: 0x09), carriage = SIMD16<UInt8>(repeating: 0x0D)
            var seen = SIMD16<UInt8>()
            while offset + 16 <= line.upperBound {
                let here = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
                let visible = (here .< high) .& .!((here .== space) .| (here .== tab) .| (here .== carriage))
                letters += LaneSet(((here | caseBit) &- a) .< alphabet).count
                characters += LaneSet(visible).count
                seen |= here
                offset += 16
            }
            beyondASCII = !LaneSet(seen .>= high).isEmpty
        }
        for index in offset..<line.upperBound {
            let byte = bytes[index]
            if byte >= 0x80 {
                beyondASCII = true
            } else if byte != 0x20, byte != 0x09, byte != 0x0D {
                characters += 1
                if (byte | 0x20) &- 0x61 < 26 { letters += 1 }
            }
        }
        if beyondASCII {
            offset = line.lowerBound
            while offset < line.upperBound {
                guard bytes[offset] >= 0x80 else {
                    offset += 1
                    continue
                }
                // U+2000-U+203F are never letters, and spaces only at U+2000-U+200A, U+2028, U+2029
                // and U+202F: told without a lookup of Unicode properties.
                if ColumnCounter.isGeneralPunctuation(bytes, at: offset, end: line.upperBound) {
                    let last = bytes[offset + 2]
                    if !(last <= 0x8A || last == 0xA8 || last == 0xA9 || last == 0xAF) { characters += 1 }
                    offset += 3
                    continue
                }
                // Decoded in place: no String per character on the hot path.
                let (scalar, length) = ColumnCounter.scalar(in: bytes, at: offset, end: line.upperBound)
                if let scalar, !scalar.properties.isWhitespace {
                    characters += 1
                    if scalar.properties.isAlphabetic { letters += 1 }
                }
                offset += length
            }
        }
        self.letters = letters
        self.characters = characters
        var end = line.upperBound
        while end > line.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        endsSentence = end > line.lowerBound && Self.endsSentence(bytes[line.lowerBound..<end])
    }

    /// `FNV1a` of the line folded (lower case, single spaces), for telling apart the lines that
    /// share a key; two lines with the same hash count as one (a collision of 64-bit hashes
    /// between two lines of one text is not a practical concern).
    static func foldedHash(in bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> UInt64 {
        FNV1a.hash(TextKey.normalized(bytes[line]), foldingASCII: false)
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
