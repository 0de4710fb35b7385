/// Which four- and eight-byte sequences a document contains, each hashed to one bit of a table
/// sized to the text (`bitsPerByte`). Made in one pass over the bytes, it answers "can this text
/// contain `cookie policy`?" for every rule at once: a document that lacks a gram of each of a
/// pattern's required literals (`LiteralRequirement`) is never searched for it. A literal of
/// eight bytes or more is looked up by its eight-byte windows, a shorter one by its four-byte
/// ones. Four bytes, not three: a trigram such as "ie " or "oki" turns up in most articles. Eight
/// for long literals: every quadgram of "sign up to" turns up in articles that never say it
/// ("sign", "ign " from "design", "n up" from "in up"), and a rule with a hundred phrases passed
/// on almost every article by one phrase or another; their eight-byte windows almost never do.
///
/// The text is read `normalized`: ASCII letters in lower case, so that one set serves caseless
/// patterns; the long s and the Kelvin sign as `s` and `k`, which is how PCRE2 matches them
/// caseless; every run of horizontal space as one space, so that `using\h+this\h+site` needs
/// "using this site" whatever the spaces. Literals are normalized the same way.
///
/// A hash collision (or a gram left by a byte that a later one replaced) only makes a gram look
/// present, so "absent" is always right and "present" is a maybe: skipping stays exact.
///
/// Rare characters are told by a second, exact record of the raw bytes: which ASCII bytes occur
/// and which pairs of bytes of 0x80 and over stand in a row (the bytes inside one character). A control character, `{`, a
/// zero-width space or an ideographic space is too short for a gram, yet most texts lack it: a
/// pattern that needs one (`[\x{01}-\x{08}]`, `[{}=<>@]`) skips them (`Probe`).
struct GramSet: Sendable, Equatable {
    /// The bytes in one gram.
    static let length = 4
    /// The bytes in one long gram.
    static let longLength = 8
    /// Two grams a byte: at most one bit in eight is set, so a literal of a few grams looks
    /// present by chance almost never, and a short text clears a small table (a fixed 32 KB
    /// made indexing a 2 KB text cost more than the searches it saved).
    static let bitsPerByte = 16
    private static let smallestBits = 12, largestBits = 24
    private var bits: [UInt64]
    /// 64 less the number of bits of a slot: a gram's slot is the top bits of its hash.
    private let shift: UInt64
    /// The ASCII bytes seen: bit n of `asciiLow` for byte n under 64, of `asciiHigh` for n - 64
    /// (upper-case letters, space and tab among them, though nothing asks for those).
    private let asciiLow: UInt64, asciiHigh: UInt64
    /// Two bytes of 0x80 and over in a row, by the low seven bits of each: 2^14 bits.
    private var pairs: [UInt64]

    /// - Parameter blockSteps: read runs of plain ASCII sixteen bytes a step (`BlockReader`); off
    ///   only in tests, which check that both readings make the same set.
    init(_ bytes: [UInt8], blockSteps: Bool = true) {
        var logBits = Self.smallestBits
        while logBits < Self.largestBits, 1 << logBits < bytes.count * Self.bitsPerByte { logBits += 1 }
        let shift = UInt64(64 - logBits)
        var bits = [UInt64](repeating: 0, count: (1 << logBits) / 64)
        var pairs = [UInt64](repeating: 0, count: (1 << 14) / 64)
        var seen = [Bool](repeating: false, count: 256)
        bits.withUnsafeMutableBufferPointer { bits in
            pairs.withUnsafeMutableBufferPointer { pairs in
                seen.withUnsafeMutableBufferPointer { seen in
                    bytes.withUnsafeBufferPointer { Self.read($0, shift: shift, into: bits, pairs: pairs, seen: seen, blockSteps: blockSteps) }
                }
            }
        }
        self.bits = bits
        self.shift = shift
        self.pairs = pairs
        asciiLow = (0..<64).reduce(0) { $0 | (seen[$1] ? 1 << UInt64($1) : 0) }
        asciiHigh = (0..<64).reduce(0) { $0 | (seen[64 + $1] ? 1 << UInt64($1) : 0) }
    }

    /// The one pass over the text: its grams into `bits`, the pairs of bytes beyond ASCII into
    /// `pairs`, every byte into `seen`.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, shift: UInt64, into bits: UnsafeMutableBufferPointer<UInt64>,
                             pairs: UnsafeMutableBufferPointer<UInt64>, seen: UnsafeMutableBufferPointer<Bool>, blockSteps: Bool) {
        reading.withUnsafeBufferPointer { reading in
            special.withUnsafeBufferPointer { special in
                // The last eight bytes of the normalized text, newest lowest, and the eight
                // before them, which a dropped byte brings back into the window.
                var history: UInt64 = 0, older: UInt64 = 0
                var previous: UInt8 = 0
                var index = 0
                let blocks = BlockReader()
                while index < bytes.count {
                    if blockSteps, index + 16 <= bytes.count,
                       blocks.read(at: index, of: bytes, shift: shift, into: bits, seen: seen, history: &history, older: &older) {
                        previous = bytes[index + 15]
                        index += 16
                        continue
                    }
                    let byte = bytes[index]
                    index += 1
                    let prior = previous
                    previous = byte
                    // A store and table reads, not a test per kind of byte: letters, spaces and
                    // punctuation follow each other unpredictably, and the mispredicted branches
                    // (and `step` for every byte beyond ASCII) were most of the loop's time.
                    seen[Int(byte)] = true
                    var added = reading[Int(byte)]
                    if added < 0x80 {
                        if added == 0x20, history & 0xFF == 0x20 { continue }  // a run of space goes on
                    } else {
                        // An ASCII byte before it stands for the byte 0x80 above it: a pair that
                        // valid UTF-8 never holds, so a check of a character's own bytes is exact.
                        let pair = Int(prior & 0x7F) &<< 7 | Int(byte & 0x7F)
                        pairs[pair &>> 6] |= 1 &<< UInt64(pair & 63)
                        // The last byte of a character that `step` reads otherwise, after the
                        // byte before it there: the raw byte before is the one the window ends with.
                        if special[Int(byte)] & special[Int(prior)] &>> 8 != 0 {
                            let step = Self.step(byte, after: UInt32(truncatingIfNeeded: history))
                            if step.drop > 0 {
                                let dropped = 8 * UInt64(step.drop)
                                history = history &>> dropped | older &<< (64 - dropped)
                                older = older &>> dropped
                            }
                            guard let next = step.add else { continue }
                            added = next
                        }
                    }
                    older = older &<< 8 | history &>> 56
                    history = history &<< 8 | UInt64(added)
                    let slot = Int(truncatingIfNeeded: Self.hash(ofWindow: UInt32(truncatingIfNeeded: history)) &>> shift)
                    bits[slot &>> 6] |= 1 &<< UInt64(slot & 63)
                    let longSlot = Int(truncatingIfNeeded: Self.hash(ofLongWindow: history) &>> shift)
                    bits[longSlot &>> 6] |= 1 &<< UInt64(longSlot & 63)
                }
            }
        }
    }

    /// Reads sixteen bytes at a time when they need none of the byte-by-byte reading's cases:
    /// all ASCII, no tab, no space after a space (the one before them included). Prose is mostly
    /// such blocks, and each byte then costs its grams, not a table read and two branches. The
    /// vectors are made once a text: made in the step, the compiler wrote them a byte at a time.
    private struct BlockReader {
        let high = SIMD16<UInt8>(repeating: 0x80), tab = SIMD16<UInt8>(repeating: 0x09), space = SIMD16<UInt8>(repeating: 0x20)
        let capitalA = SIMD16<UInt8>(repeating: 0x41), alphabet = SIMD16<UInt8>(repeating: 26)

        /// Reads the block at `offset`, or returns false having read nothing.
        @inline(__always)
        func read(at offset: Int, of bytes: UnsafeBufferPointer<UInt8>, shift: UInt64, into bits: UnsafeMutableBufferPointer<UInt64>,
                  seen: UnsafeMutableBufferPointer<Bool>, history: inout UInt64, older: inout UInt64) -> Bool {
            let raw = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: SIMD16<UInt8>.self)
            guard LaneSet((raw .>= high) .| (raw .== tab)).isEmpty,
                  LaneSet(raw .== space).followingOwnLanes(firstFollowsOne: history & 0xFF == 0x20).isEmpty else { return false }
            let lowered = raw.replacing(with: raw | space, where: (raw &- capitalA) .< alphabet)
            let words = unsafeBitCast(lowered, to: SIMD2<UInt64>.self), rawWords = unsafeBitCast(raw, to: SIMD2<UInt64>.self)
            for half in 0..<2 {
                let word = words[half], rawWord = rawWords[half]
                for lane in 0..<8 {
                    let position = UInt64(8 * lane)
                    seen[Int(truncatingIfNeeded: (rawWord &>> position) & 0xFF)] = true
                    history = history &<< 8 | (word &>> position) & 0xFF
                    let slot = Int(truncatingIfNeeded: GramSet.hash(ofWindow: UInt32(truncatingIfNeeded: history)) &>> shift)
                    bits[slot &>> 6] |= 1 &<< UInt64(slot & 63)
                    let longSlot = Int(truncatingIfNeeded: GramSet.hash(ofLongWindow: history) &>> shift)
                    bits[longSlot &>> 6] |= 1 &<< UInt64(longSlot & 63)
                }
            }
            // Sixteen bytes fill both windows: the first eight, newest lowest, are the older ones.
            older = words[0].byteSwapped
            return true
        }
    }

    /// Each byte as the loop reads it when it is ASCII (upper-case letters in lower case, a tab
    /// as a space); a byte of 0x80 or over as it is, for `step`.
    private static let reading: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        return byte == 0x09 ? 0x20 : byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// For each byte, bits of the characters `step` changes (the long s, the Kelvin sign and the
    /// spaces of `\h` beyond ASCII): in the low eight, those it can end; in the next eight, those
    /// whose last byte it can stand just before. Their last two bytes: C2 A0, C5 BF, (E2) 84 AA,
    /// (E1) 9A 80, (E1) A0 8E, (E2) 80 80-8A and AF, (E3) 80 80, (E2) 81 9F.
    private static let special: [UInt16] = {
        let characters: [(before: UInt8, last: ClosedRange<UInt8>)] = [
            (0xC2, 0xA0...0xA0), (0xC5, 0xBF...0xBF), (0x84, 0xAA...0xAA), (0x9A, 0x80...0x80), (0xA0, 0x8E...0x8E),
            (0x80, 0x80...0x8A), (0x80, 0xAF...0xAF), (0x81, 0x9F...0x9F),
        ]
        return (0...255).map { (value: Int) -> UInt16 in
            var bits: UInt16 = 0
            for (bit, character) in characters.enumerated() {
                if character.last.contains(UInt8(value)) { bits |= 1 << UInt16(bit) }
                if character.before == UInt8(value) { bits |= 1 << UInt16(bit + 8) }
            }
            return bits
        }
    }()

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

    /// The hash of a gram of normalized text, four or eight bytes (`length`, `longLength`).
    static func hash(of gram: ArraySlice<UInt8>) -> UInt64 {
        precondition(gram.count == length || gram.count == longLength, "a gram is 4 or 8 bytes")
        return gram.count == longLength ? hash(ofLongWindow: gram.reduce(0) { $0 << 8 | UInt64($1) })
            : hash(ofWindow: gram.reduce(0) { $0 << 8 | UInt32($1) })
    }

    /// Fibonacci hashing: the top bits of the product depend on every byte of the window. The
    /// two lengths multiply by different constants, so that a four-byte window does not stand for
    /// an eight-byte one with four zero bytes.
    @inline(__always)
    private static func hash(ofWindow window: UInt32) -> UInt64 {
        UInt64(window) &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always)
    private static func hash(ofLongWindow window: UInt64) -> UInt64 {
        window &* 0xD6E8_FEB8_6659_FD93
    }

    /// Whether, for one of `alternatives` (`LiteralRequirement.probes`), everything it asks
    /// for is there: the text may contain that alternative's literals. False only when it surely
    /// does not.
    func mayContain(any alternatives: [Probe]) -> Bool {
        bits.withUnsafeBufferPointer { bits in
            alternatives.contains { probe in
                asciiLow & probe.asciiLow == probe.asciiLow && asciiHigh & probe.asciiHigh == probe.asciiHigh
                    && probe.pairs.allSatisfy { pairs[$0 &>> 6] & (1 &<< UInt64($0 & 63)) != 0 }
                    && probe.grams.allSatisfy { hash in
                        let slot = Int(truncatingIfNeeded: hash &>> shift)
                        return bits[slot &>> 6] & (1 &<< UInt64(slot & 63)) != 0
                    }
            }
        }
    }
}
