/// A polynomial hash of bytes (`h = h * B + byte`, modulo 2^64) that composes: the hash of two
/// pieces one after the other is computed from their hashes and the second one's length, without
/// reading a byte again. Word-level rules hash each word once (`WordIndex`) and build the hashes
/// of multi-word tokens ("air strikes", "airstrikes") from them.
///
/// Only ever a bucket key: every user confirms a match on the bytes or on a String, so a
/// collision costs time, never a wrong finding.
struct WordHash {
    /// An odd multiplier with well-mixed bits (MurmurHash3's), so that powers of it do not run
    /// to zero modulo 2^64; not the one `HashKeyTable` multiplies keys by.
    static let base: UInt64 = 0xFF51_AFD7_ED55_8CCD

    private(set) var value: UInt64

    /// A hash of nothing, or one to go on from.
    init(value: UInt64 = 0) { self.value = value }

    mutating func mix(_ byte: UInt8) {
        value = value &* Self.base &+ UInt64(byte) &+ 1
    }

    /// The hash of `bytes`, ASCII letters in lower case when `foldingASCII`.
    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes, foldingASCII: Bool) -> UInt64 {
        var hash = WordHash()
        for byte in bytes { hash.mix(foldingASCII ? byte.asciiLowercased : byte) }
        return hash.value
    }

    /// The hash of `first` followed by `second`, given `second`'s length in bytes.
    static func joined(_ first: UInt64, _ second: UInt64, secondLength: Int) -> UInt64 {
        first &* power(secondLength) &+ second
    }

    /// `base` to the `exponent`; words are short, so the common powers come from a table.
    static func power(_ exponent: Int) -> UInt64 {
        if exponent < powers.count { return powers[exponent] }
        var result = powers[powers.count - 1]
        for _ in (powers.count - 1)..<exponent { result = result &* base }
        return result
    }

    /// `base` to the powers 0 to 63, for a loop that joins many hashes: read once before it, a
    /// static table costs a `swift_once` call per access (1 % of compound-spacing's walk).
    static var powerTable: [UInt64] { powers }

    private static let powers: [UInt64] = {
        var table: [UInt64] = [1]
        for _ in 1..<64 { table.append(table[table.count - 1] &* base) }
        return table
    }()
}
