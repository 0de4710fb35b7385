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
