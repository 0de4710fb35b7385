/// The key of a paragraph's or sentence's text as repeated-text compares it (runs of white space
/// as one space, ASCII letters in lower case), made 16 bytes at a time: its bytes other than
/// white space, its words, and the sums of those bytes and of their squares, each byte with the
/// bit of the letter case set. Texts equal after normalising have equal keys; unequal ones almost
/// never do, and the rule compares the texts before it reports, so a shared key costs a
/// comparison, never a finding. The parts add up: a paragraph's key is the sum of its sentences'
/// (the splitter cuts only at white space), so each byte is read once. A hash of the normalised
/// text waited for a multiplication at every byte: most of the rule's time.
struct TextKey: Equatable {
    private(set) var bytes = 0
    private(set) var words = 0
    private(set) var sum: UInt64 = 0
    private(set) var squares: UInt64 = 0

    init() {}

    /// The key of `text[range]`.
    init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard let base = text.baseAddress, !range.isEmpty else { return }
        // The first byte alone, so that every step below has the byte before it in the range.
        add(text[range.lowerBound], after: 0x20)
        var offset = range.lowerBound + 1
        let caseBit = SIMD16<UInt8>(repeating: 0x20)
        while offset + 16 <= range.upperBound {
            let here = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
            let before = UnsafeRawPointer(base + offset - 1).loadUnaligned(as: SIMD16<UInt8>.self)
            let white = here.asciiSpaceLanes, whiteBefore = before.asciiSpaceLanes
            let folded = (here | caseBit).replacing(with: 0, where: white)
            bytes += 16 - LaneSet(white).count
            words += LaneSet(.!white .& whiteBefore).count
            // Sums by 64-bit words: a vector's widening and `wrappedSum()` compile to calls that
            // go lane by lane. The squares are taken of the even and odd bytes as 16-bit lanes
            // (255 squared fits), one vector multiplication each.
            let words = unsafeBitCast(folded, to: SIMD2<UInt64>.self)
            sum &+= Self.byteSum(words[0]) &+ Self.byteSum(words[1])
            let pairs = unsafeBitCast(folded, to: SIMD8<UInt16>.self)
            let even = pairs & SIMD8(repeating: 0x00FF), odd = pairs &>> SIMD8(repeating: 8)
            let evenSquares = unsafeBitCast(even &* even, to: SIMD2<UInt64>.self)
            let oddSquares = unsafeBitCast(odd &* odd, to: SIMD2<UInt64>.self)
            squares &+= Self.laneSum(evenSquares[0]) &+ Self.laneSum(evenSquares[1])
                &+ Self.laneSum(oddSquares[0]) &+ Self.laneSum(oddSquares[1])
            offset += 16
        }
        while offset < range.upperBound {
            add(text[offset], after: text[offset - 1])
            offset += 1
        }
    }

    /// The sum of the eight bytes of `word`.
    @inline(__always)
    private static func byteSum(_ word: UInt64) -> UInt64 {
        let pairs = (word & 0x00FF_00FF_00FF_00FF) &+ ((word &>> 8) & 0x00FF_00FF_00FF_00FF)
        return (pairs &* 0x0001_0001_0001_0001) &>> 48
    }

    /// The sum of the four 16-bit lanes of `word`.
    @inline(__always)
    private static func laneSum(_ word: UInt64) -> UInt64 {
        let halves = (word & 0x0000_FFFF_0000_FFFF) &+ ((word &>> 16) & 0x0000_FFFF_0000_FFFF)
        return (halves & 0xFFFF_FFFF) &+ (halves &>> 32)
    }

    private mutating func add(_ byte: UInt8, after previous: UInt8) {
        guard !byte.isASCIISpace else { return }
        bytes += 1
        if previous.isASCIISpace { words += 1 }
        let folded = UInt64(byte | 0x20)
        sum &+= folded
        squares &+= folded &* folded
    }

    /// The normalised text a key stands for: runs of white space as one space, ASCII letters in
    /// lower case, other bytes as they are (comparing copies needs equality, not a full Unicode
    /// case fold).
    static func normalized(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte.isASCIISpace {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            output.append(byte.asciiLowercased)
        }
        return output
    }

    /// The characters of the normalised text: its bytes and one space between each two words.
    var length: Int { bytes + max(words - 1, 0) }

    /// The parts mixed into one value, for a table.
    var hash: UInt64 {
        UInt64(bytes) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(words) &* 0xC2B2_AE3D_27D4_EB4F
            ^ sum &* 0x1656_67B1_9E37_79F9 ^ squares &* 0xD6E8_FEB8_6659_FD93
    }

    /// The key of two texts read one after the other, with white space between them.
    static func + (lhs: TextKey, rhs: TextKey) -> TextKey {
        var key = lhs
        key.bytes += rhs.bytes
        key.words += rhs.words
        key.sum &+= rhs.sum
        key.squares &+= rhs.squares
        return key
    }
}
