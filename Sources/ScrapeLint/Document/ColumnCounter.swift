/// Counts columns in the unit a consumer wants, straight from UTF-8 bytes: no `String`, no
/// grapheme clusters, no `String.Index` arithmetic.
public enum ColumnCounter {
    /// Units of `unit` in `bytes[from..<to]`.
    public static func units(in bytes: [UInt8], from: Int, to: Int, unit: ColumnUnit) -> Int {
        switch unit {
        case .byte: max(0, min(to, bytes.count) - from)
        case .utf16: counts(in: bytes, from: from, to: to).utf16
        case .codepoint: counts(in: bytes, from: from, to: to).codepoints
        }
    }

    /// UTF-16 code units and code points in `bytes[from..<to]`, in one pass: a finding's position
    /// carries both. Sixteen ASCII bytes are sixteen of each, told by one vector comparison; a
    /// character beyond ASCII is one code point (two UTF-16 units from four bytes), an invalid byte
    /// one of each.
    public static func counts(in bytes: [UInt8], from: Int, to: Int) -> (utf16: Int, codepoints: Int) {
        let end = min(to, bytes.count)
        guard end > from else { return (0, 0) }
        return bytes.withUnsafeBufferPointer { buffer in
            var codepoints = 0, astral = 0, offset = from
            let high = SIMD16<UInt8>(repeating: 0x80)
            while offset < end {
                if offset + 16 <= end, let base = buffer.baseAddress {
                    let block = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
                    // The ASCII bytes before the first that is not, or all sixteen.
                    var beyond = LaneSet(block .>= high)
                    let ascii = beyond.popFirst() ?? 16
                    codepoints += ascii
                    offset += ascii
                    if ascii == 16 { continue }
                } else if buffer[offset] < 0x80 {
                    codepoints += 1
                    offset += 1
                    continue
                }
                let length = sequenceLength(buffer, at: offset, end: end)
                codepoints += 1
                if length == 4 { astral += 1 }
                offset += length
            }
            return (codepoints + astral, codepoints)
        }
    }

    /// The scalar whose UTF-8 sequence starts at `offset` and the sequence's length; nil and 1
    /// for an invalid byte. The one decoder of the project: positions stay byte offsets.
    static func scalar<Bytes: RandomAccessCollection>(in bytes: Bytes, at offset: Int, end: Int) -> (scalar: Unicode.Scalar?, length: Int)
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = sequenceLength(bytes, at: offset, end: end)
        var iterator = bytes[offset..<(offset + length)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return (scalar, length) }
        return (nil, length)
    }

    /// Whether a well-formed character of U+2000-U+203F (General Punctuation: spaces, dashes,
    /// curly quotes, the ellipsis) starts at `offset`: most of the characters beyond ASCII in
    /// English text, and none of them a letter, so the scans tell them without decoding.
    @inline(__always)
    static func isGeneralPunctuation(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> Bool {
        bytes[offset] == 0xE2 && offset + 2 < end && bytes[offset + 1] == 0x80 && bytes[offset + 2] & 0xC0 == 0x80
    }

    /// Length of the well-formed UTF-8 sequence at `offset`, or 1 for an invalid byte.
    static func sequenceLength<Bytes: RandomAccessCollection>(_ bytes: Bytes, at offset: Int, end: Int) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let lead = bytes[offset]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 1
        }
        guard offset + length <= end else { return 1 }
        for next in 1..<length where bytes[offset + next] & 0xC0 != 0x80 { return 1 }
        return length
    }
}
