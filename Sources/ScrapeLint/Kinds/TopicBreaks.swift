/// The places where a topic-shift window may be cut: after a run of line breaks, after a
/// sentence end (`.`, `!` or `?`, a closing quote or bracket, spaces) when a capitalised word or
/// an opening quote follows, and where a lower-case letter or digit runs into a capitalised word
/// (`ideationBillions`). One walk over the bytes: as a PCRE2 pattern the last case was tried at
/// every byte, the largest cost of merge-boundary.
enum TopicBreaks {
    static func offsets(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var breaks: [Int] = []
        let end = bytes.count
        var offset = 0
        while offset < end {
            let byte = bytes[offset]
            // Most bytes start nothing: one table test passes them.
            guard starts[Int(byte)] else {
                offset += 1
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                var next = offset + 1
                while next < end, bytes[next] == 0x0A || bytes[next] == 0x0D { next += 1 }
                breaks.append(next)
                offset = next
                continue
            }
            if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                var next = offset + 1
                next = skipClosing(bytes, next)
                while next < end, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
                if startsCapitalisedWord(bytes, allowingQuote: true, at: next) { breaks.append(next) }
                offset += 1
                continue
            }
            // A capital after a lower-case letter or digit (`ideationBillions`).
            if offset > 0, isLowerOrDigit(bytes[offset - 1]), startsCapitalisedWord(bytes, allowingQuote: false, at: offset, lowerAfter: 2) {
                breaks.append(offset)
            }
            offset += 1
        }
        return breaks
    }

    /// The bytes where a break can be decided: line breaks, `.`, `!`, `?` and capitals.
    private static let starts: [Bool] = (0...255).map { byte in
        [0x0A, 0x0D, 0x2E, 0x21, 0x3F].contains(byte) || (0x41...0x5A).contains(byte)
    }

    /// Past one closing quote or bracket: `"`, `”` (E2 80 9D), `’` (E2 80 99), `)`.
    private static func skipClosing(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        guard offset < bytes.count else { return offset }
        if bytes[offset] == 0x22 || bytes[offset] == 0x29 { return offset + 1 }
        if offset + 2 < bytes.count, bytes[offset] == 0xE2, bytes[offset + 1] == 0x80,
           bytes[offset + 2] == 0x9D || bytes[offset + 2] == 0x99 { return offset + 3 }
        return offset
    }

    /// An upper-case ASCII letter followed by `lowerAfter` lower-case ones, optionally after an
    /// opening quote (`"` or `“`, E2 80 9C).
    private static func startsCapitalisedWord(_ bytes: UnsafeBufferPointer<UInt8>, allowingQuote: Bool, at start: Int,
                                              lowerAfter: Int = 1) -> Bool {
        var offset = start
        if allowingQuote, offset < bytes.count {
            if bytes[offset] == 0x22 { offset += 1 } else if offset + 2 < bytes.count, bytes[offset] == 0xE2,
                                                             bytes[offset + 1] == 0x80, bytes[offset + 2] == 0x9C { offset += 3 }
        }
        guard offset + lowerAfter < bytes.count, (0x41...0x5A).contains(bytes[offset]) else { return false }
        for next in 1...lowerAfter where !(0x61...0x7A).contains(bytes[offset + next]) { return false }
        return true
    }

    private static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }
}
