/// The places where a topic-shift window may be cut: after a run of line breaks, after a
/// sentence end (`.`, `!` or `?`, a closing quote or bracket, spaces) when a capitalised word or
/// an opening quote follows, and where a lower-case letter or digit runs into a capitalised word
/// (`ideationBillions`). One walk over the bytes: as a PCRE2 pattern the last case was tried at
/// every byte, the largest cost of merge-boundary.
enum TopicBreaks {
    static func offsets(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var breaks: [Int] = []
        let end = bytes.count
        guard let base = bytes.baseAddress, end > 0 else { return breaks }
        var offset = step(bytes, at: 0, into: &breaks)
        // Sixteen bytes a step: the bytes and the bytes before them tell the few places that
        // can decide a break (a line break, `.`, `!`, `?`, a capital after a lower-case letter
        // or a digit); a capital after a space, most of them, is passed over unread.
        let newline = SIMD16<UInt8>(repeating: 0x0A), carriage = SIMD16<UInt8>(repeating: 0x0D)
        let stop = SIMD16<UInt8>(repeating: 0x2E), bang = SIMD16<UInt8>(repeating: 0x21), question = SIMD16<UInt8>(repeating: 0x3F)
        let a = SIMD16<UInt8>(repeating: 0x61), zero = SIMD16<UInt8>(repeating: 0x30), capitalA = SIMD16<UInt8>(repeating: 0x41)
        let letters = SIMD16<UInt8>(repeating: 26), digits = SIMD16<UInt8>(repeating: 10)
        while offset >= 1, offset + 16 <= end {
            let chunk = offset
            let here = UnsafeRawPointer(base + chunk).loadUnaligned(as: SIMD16<UInt8>.self)
            let before = UnsafeRawPointer(base + chunk - 1).loadUnaligned(as: SIMD16<UInt8>.self)
            let ends = (here .== newline) .| (here .== carriage) .| (here .== stop) .| (here .== bang) .| (here .== question)
            let runTogether = ((here &- capitalA) .< letters) .& (((before &- a) .< letters) .| ((before &- zero) .< digits))
            var candidates = LaneSet(ends .| runTogether)
            // A lane inside a run of line breaks just read is passed over.
            while let lane = candidates.popFirst() {
                if chunk + lane >= offset { offset = step(bytes, at: chunk + lane, into: &breaks) }
            }
            offset = max(offset, chunk + 16)
        }
        while offset < end { offset = step(bytes, at: offset, into: &breaks) }
        return breaks
    }

    /// Decides whether a break follows from the byte at `offset`; the offset to go on from.
    @inline(__always)
    private static func step(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, into breaks: inout [Int]) -> Int {
        let byte = bytes[offset], end = bytes.count
        // Most bytes start nothing: one table test passes them.
        guard starts[Int(byte)] else { return offset + 1 }
        if byte == 0x0A || byte == 0x0D {
            var next = offset + 1
            while next < end, bytes[next] == 0x0A || bytes[next] == 0x0D { next += 1 }
            breaks.append(next)
            return next
        }
        if byte == 0x2E || byte == 0x21 || byte == 0x3F {
            var next = skipClosing(bytes, offset + 1)
            while next < end, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
            if startsCapitalisedWord(bytes, allowingQuote: true, at: next) { breaks.append(next) }
            return offset + 1
        }
        // A capital after a lower-case letter or digit (`ideationBillions`).
        if offset > 0, isLowerOrDigit(bytes[offset - 1]), startsCapitalisedWord(bytes, allowingQuote: false, at: offset, lowerAfter: 2) {
            breaks.append(offset)
        }
        return offset + 1
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
