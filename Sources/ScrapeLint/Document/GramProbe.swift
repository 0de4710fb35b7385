extension GramSet {
    /// What one alternative of a `LiteralRequirement` asks of a text, in the set's terms: the
    /// grams of its literals of four bytes or more (normalized, as the set reads text), and the
    /// bytes of its shorter ones (raw): each ASCII byte that is not a letter, a space or a tab,
    /// and each pair of bytes inside one character. Letters and spaces say nothing: a caseless
    /// pattern matches either case, and `\h` any horizontal space.
    struct Probe: Sendable, Equatable {
        /// Gram hashes, sorted: the eight-byte windows of a long literal, the four-byte ones of
        /// a shorter one.
        private(set) var grams: [UInt64] = []
        /// ASCII bytes, as `GramSet` records them: bit n of `asciiLow` for byte n under 64.
        private(set) var asciiLow: UInt64 = 0
        private(set) var asciiHigh: UInt64 = 0
        /// Pairs of bytes of 0x80 and over, by the low seven bits of each.
        private(set) var pairs: [Int] = []

        /// All of `literals`: normalized ones of four bytes or more, raw shorter ones.
        init(literals: [[UInt8]]) {
            var grams = Set<UInt64>()
            for literal in literals {
                guard literal.count >= GramSet.length else {
                    addBytes(of: literal)
                    continue
                }
                let gram = literal.count >= GramSet.longLength ? GramSet.longLength : GramSet.length
                for end in gram...literal.count { grams.insert(GramSet.hash(of: literal[(end - gram)..<end])) }
            }
            self.grams = grams.sorted()
            pairs = Array(Set(pairs)).sorted()
        }

        /// Whether a literal under four bytes asks for anything (`ab` or ` ` does not).
        static func asksSomething(short literal: [UInt8]) -> Bool {
            let probe = Probe(literals: [literal])
            return probe.asciiLow | probe.asciiHigh != 0 || !probe.pairs.isEmpty
        }

        private mutating func addBytes(of literal: [UInt8]) {
            for (index, byte) in literal.enumerated() {
                if byte < 0x80 {
                    let isLetter = (byte | 0x20) &- 0x61 < 26
                    guard !isLetter, byte != 0x20, byte != 0x09 else { continue }
                    if byte < 64 { asciiLow |= 1 << UInt64(byte) } else { asciiHigh |= 1 << UInt64(byte - 64) }
                } else if byte & 0xC0 == 0x80, index > 0, literal[index - 1] >= 0x80 {
                    pairs.append(Int(literal[index - 1] & 0x7F) << 7 | Int(byte & 0x7F))
                }
            }
        }
    }
}
