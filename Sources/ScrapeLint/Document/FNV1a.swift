/// The 64-bit FNV-1a hash, the one place it is written: token keys, stop words, topic words,
/// repeated paragraphs and line fingerprints hash bytes with it instead of making Strings.
public struct FNV1a {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// The hash of `bytes`, ASCII letters in lower case when `foldingASCII`.
    public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes, foldingASCII: Bool = true) -> UInt64 {
        var hash = FNV1a()
        for byte in bytes { hash.mix(foldingASCII ? byte.asciiLowercased : byte) }
        return hash.value
    }
}

extension UInt8 {
    /// `A`–`Z` as `a`–`z`; every other byte as it is.
    var asciiLowercased: UInt8 { (0x41...0x5A).contains(self) ? self | 0x20 : self }

    /// Space, tab, CR or LF.
    var isASCIISpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}

/// Words as a word counter counts them: runs of bytes other than ASCII white space.
public enum WordCount {
    /// The words of `bytes`, or `limit + 1` once there are more than `limit`: a test such as
    /// "at most twelve words" need not read the rest of a long line.
    public static func count<Bytes: Sequence<UInt8>>(_ bytes: Bytes, limit: Int = .max) -> Int {
        var words = 0, inWord = false
        for byte in bytes {
            let space = byte.isASCIISpace
            if !space && !inWord {
                if words == limit { return limit + 1 }
                words += 1
            }
            inWord = !space
        }
        return words
    }

    /// The offset where word number `count` (0-based) starts, or the end of `bytes`.
    public static func offset(afterWords count: Int, in bytes: [UInt8]) -> Int {
        var words = 0, inWord = false
        for (offset, byte) in bytes.enumerated() {
            let space = byte.isASCIISpace
            if !space && !inWord {
                if words == count { return offset }
                words += 1
            }
            inWord = !space
        }
        return bytes.count
    }
}
