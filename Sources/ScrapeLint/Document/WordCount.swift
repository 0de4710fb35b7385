/// Words as a word counter counts them: runs of bytes other than ASCII white space.
public enum WordCount {
    /// The words of a whole text, sixteen bytes a step: a word starts at each byte other than
    /// white space after one that is (or at the start). The summary counts every document's
    /// words on the thread that writes the output in order; byte by byte, that was 2 ns a byte.
    public static func count(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
            var words = bytes[0].isASCIISpace ? 0 : 1
            var offset = 1
            while offset + 16 <= bytes.count {
                let here = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
                let before = UnsafeRawPointer(base + offset - 1).loadUnaligned(as: SIMD16<UInt8>.self)
                words += LaneSet(.!here.asciiSpaceLanes .& before.asciiSpaceLanes).count
                offset += 16
            }
            while offset < bytes.count {
                if !bytes[offset].isASCIISpace, bytes[offset - 1].isASCIISpace { words += 1 }
                offset += 1
            }
            return words
        }
    }

    /// The words of `bytes`, or `limit + 1` once there are more than `limit`: a test such as
    /// "at most twelve words" need not read the rest of a long line.
    public static func count<Bytes: Sequence<UInt8>>(_ bytes: Bytes, limit: Int = .max) -> Int {
        var words = 0, inWord = false
        for byte in bytes {
            let space = byte.isASCIISpace
            if !space && !inWord {
                if words == limit { return limit + 1 }
                words += 1
            }
            inWord = !space
        }
        return words
    }

    /// The offset where word number `count` (0-based) starts, or the end of `bytes`.
    public static func offset(afterWords count: Int, in bytes: [UInt8]) -> Int {
        var words = 0, inWord = false
        for (offset, byte) in bytes.enumerated() {
            let space = byte.isASCIISpace
            if !space && !inWord {
                if words == count { return offset }
                words += 1
            }
            inWord = !space
        }
        return bytes.count
    }
}

extension SIMD16 where Scalar == UInt8 {
    /// The lanes that hold white space as `UInt8.isASCIISpace` says (space, tab, LF, CR): where
    /// the word count and `TextKey` split words, sixteen bytes a step.
    var asciiSpaceLanes: SIMDMask<SIMD16<Int8>> {
        @inline(__always) get {
            (self .== SIMD16(repeating: 0x20)) .| (self .== SIMD16(repeating: 0x09)) .| (self .== SIMD16(repeating: 0x0A))
                .| (self .== SIMD16(repeating: 0x0D))
        }
    }
}
