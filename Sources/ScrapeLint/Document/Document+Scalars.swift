extension Document {
    /// The Unicode scalar that starts at `offset`, or nil at the end or on an invalid byte.
    public func scalar(at offset: Int) -> Unicode.Scalar? {
        guard offset >= 0, offset < bytes.count else { return nil }
        return ColumnCounter.scalar(in: bytes, at: offset, end: bytes.count).scalar
    }

    /// `range` without the spaces and tabs at its ends (and a CR at its end): a line's text.
    static func trimmed<Bytes: RandomAccessCollection<UInt8>>(_ range: Range<Int>, in bytes: Bytes) -> Range<Int> where Bytes.Index == Int {
        var start = range.lowerBound, end = range.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The Unicode scalar that ends at `offset`, or nil at the start or on an invalid byte.
    public func scalar(before offset: Int) -> Unicode.Scalar? {
        guard offset > 0, offset <= bytes.count else { return nil }
        var start = offset - 1
        while start > 0, offset - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let scalar = scalar(at: start),
              start + ColumnCounter.sequenceLength(bytes, at: start, end: bytes.count) == offset
        else { return nil }
        return scalar
    }

}

extension Unicode.Scalar {
    // ASCII, most neighbours of a delimiter or a word, is answered without a lookup of Unicode
    // properties: its letters are the only alphabetic characters, its digits the only numeric
    // ones, and tab to carriage return and space its only white space.
    var isLetterOrDigit: Bool {
        guard isASCII else { return properties.isAlphabetic || properties.numericType != nil }
        let byte = UInt8(value)
        return (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
    }

    var isSpaceLike: Bool {
        guard isASCII else { return properties.isWhitespace }
        return value == 0x20 || (0x09...0x0D).contains(value)
    }

    /// Whether it has a numeric type (a digit, a fraction, a Roman numeral...).
    var isNumeric: Bool {
        guard isASCII else { return properties.numericType != nil }
        return value &- 0x30 < 10
    }
}
