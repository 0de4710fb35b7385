extension Document {
    /// The Unicode scalar that starts at `offset`, or nil at the end or on an invalid byte.
    public func scalar(at offset: Int) -> Unicode.Scalar? {
        guard offset >= 0, offset < bytes.count else { return nil }
        return ColumnCounter.scalar(in: bytes, at: offset, end: bytes.count).scalar
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
    var isLetterOrDigit: Bool { properties.isAlphabetic || properties.numericType != nil }
    var isSpaceLike: Bool { properties.isWhitespace }
}
