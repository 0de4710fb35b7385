/// Which four-byte sequences a document contains, each hashed to one of 2^18 bits (32 KB). Made
/// in one pass over the bytes, it answers "can this text contain `cookie policy`?" for every
/// rule at once: a document that lacks a quadgram of each of a pattern's required literals
/// (`LiteralRequirement`) is never searched for it. Four bytes, not three: a trigram such as
/// "ie " or "oki" turns up in most articles, so a long phrase of common words would look present.
///
/// The text is read `normalized`: ASCII letters in lower case, so that one set serves caseless
/// patterns; the long s and the Kelvin sign as `s` and `k`, which is how PCRE2 matches them
/// caseless; every run of horizontal space as one space, so that `using\h+this\h+site` needs
/// "using this site" whatever the spaces. Literals are normalized the same way.
///
/// A hash collision (or a quadgram left by a byte that a later one replaced) only makes a
/// quadgram look present, so "absent" is always right and "present" is a maybe: skipping stays
/// exact.
struct QuadgramSet: Sendable {
    static let slotCount = 1 << 18
    /// The bytes in one gram.
    static let length = 4
    private var bits: [UInt64]

    init(_ bytes: [UInt8]) {
        var bits = [UInt64](repeating: 0, count: Self.slotCount / 64)
        bits.withUnsafeMutableBufferPointer { bits in
            bytes.withUnsafeBufferPointer { bytes in
                // The last bytes of the normalized text, newest lowest.
                var history: UInt64 = 0
                for byte in bytes {
                    if byte &- 0x41 < 26 {
                        history = history &<< 8 | UInt64(byte | 0x20)
                    } else if byte == 0x20 || byte == 0x09 {
                        guard history & 0xFF != 0x20 else { continue }
                        history = history &<< 8 | 0x20
                    } else if byte < 0x80 {
                        history = history &<< 8 | UInt64(byte)
                    } else {
                        let step = Self.step(byte, after: UInt32(truncatingIfNeeded: history))
                        history = history &>> (8 * UInt64(step.drop))
                        guard let added = step.add else { continue }
                        history = history &<< 8 | UInt64(added)
                    }
                    let slot = Self.slot(ofWindow: UInt32(truncatingIfNeeded: history))
                    bits[slot &>> 6] |= 1 &<< UInt64(slot & 63)
                }
            }
        }
        self.bits = bits
    }

    /// What reading `byte` does to the normalized text whose last bytes are `history`: drop
    /// that many bytes, then add one (none when a space run goes on). ASCII letters are folded
    /// and spaces joined by the caller's fast path; this is the same rule for every byte.
    private static func step(_ byte: UInt8, after history: UInt32) -> (drop: Int, add: UInt8?) {
        if byte &- 0x41 < 26 { return (0, byte | 0x20) }
        if byte == 0x20 || byte == 0x09 { return (0, history & 0xFF == 0x20 ? nil : 0x20) }
        if byte == 0xBF, history & 0xFF == 0xC5 { return (1, 0x73) }  // U+017F long s
        if byte == 0xAA, history & 0xFFFF == 0xE284 { return (2, 0x6B) }  // U+212A Kelvin sign
        // The rest of PCRE2's `\h`: U+00A0, U+1680, U+180E, U+2000-200A, U+202F, U+205F, U+3000.
        let previous = history & 0xFF, two = history & 0xFFFF
        let lead = byte == 0xA0 && previous == 0xC2 ? 1
            : (byte == 0x80 && two == 0xE19A) || (byte == 0x8E && two == 0xE1A0) || (byte >= 0x80 && byte <= 0x8A && two == 0xE280)
                || (byte == 0xAF && two == 0xE280) || (byte == 0x9F && two == 0xE281) || (byte == 0x80 && two == 0xE380) ? 2 : 0
        guard lead > 0 else { return (0, byte) }
        return (lead, (history &>> (8 * UInt32(lead))) & 0xFF == 0x20 ? nil : 0x20)
    }

    /// `bytes` as the set reads text (see the type's summary), for literals.
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var history: UInt32 = 0
        for byte in bytes {
            let step = step(byte, after: history)
            output.removeLast(step.drop)
            history = history &>> (8 * UInt32(step.drop))
            if let added = step.add {
                output.append(added)
                history = history &<< 8 | UInt32(added)
            }
        }
        return output
    }

    /// The bit of four bytes of normalized text.
    static func slot(of gram: ArraySlice<UInt8>) -> Int {
        slot(ofWindow: gram.reduce(0) { $0 << 8 | UInt32($1) })
    }

    /// Fibonacci hashing: the top 18 bits of the product, well mixed for keys that differ in
    /// their low bytes only.
    @inline(__always)
    private static func slot(ofWindow window: UInt32) -> Int {
        Int(truncatingIfNeeded: (window &* 0x9E37_79B1) &>> 14)
    }

    /// Whether, for one of `alternatives` (`LiteralRequirement.slots`), every bit is set: the
    /// text may contain that alternative's literals. False only when it surely does not.
    func mayContain(any alternatives: [[Int]]) -> Bool {
        bits.withUnsafeBufferPointer { bits in
            alternatives.contains { slots in slots.allSatisfy { bits[$0 &>> 6] & (1 &<< UInt64($0 & 63)) != 0 } }
        }
    }
}
