/// The lanes of a 16-byte vector comparison that hold, read as two 64-bit words (each lane 0x00
/// or 0xFF), for the scans that step 16 bytes at a time. Swift's `any(_:)` and `all(_:)` on a
/// mask compile to calls of a generic reduction per step (perf showed `SIMD.max()` as a function
/// of its own), and a loop over a mask's lanes tests each lane: together they cost the scans most
/// of their gain (the topic breaks read 0.94 ns a byte with them, 1.01 byte by byte, 0.56 with
/// this). Here they are two ORs, a population count and a count of trailing zeros.
struct LaneSet {
    private var low: UInt64
    private var high: UInt64

    @inline(__always)
    init(_ mask: SIMDMask<SIMD16<Int8>>) {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        low = words[0]
        high = words[1]
    }

    var isEmpty: Bool {
        @inline(__always) get { low | high == 0 }
    }

    /// How many lanes hold.
    var count: Int {
        @inline(__always) get { (low.nonzeroBitCount + high.nonzeroBitCount) / 8 }
    }

    /// Whether `lane` holds.
    @inline(__always)
    func contains(_ lane: Int) -> Bool {
        (lane < 8 ? low >> UInt64(lane * 8) : high >> UInt64((lane - 8) * 8)) & 1 != 0
    }

    /// The lanes that hold right after a lane that holds; lane 0 when `firstFollowsOne` (the byte
    /// before the vector was one). Two equal bytes in a row, a run of spaces, in one step.
    @inline(__always)
    func followingOwnLanes(firstFollowsOne: Bool) -> LaneSet {
        var following = self
        following.low &= low &<< 8 | (firstFollowsOne ? 0xFF : 0)
        following.high &= high &<< 8 | low &>> 56
        return following
    }

    /// The first lane that holds, taken out of the set; nil when none does.
    @inline(__always)
    mutating func popFirst() -> Int? {
        if low != 0 {
            let lane = low.trailingZeroBitCount / 8
            low &= ~(0xFF << UInt64(lane * 8))
            return lane
        }
        guard high != 0 else { return nil }
        let lane = high.trailingZeroBitCount / 8
        high &= ~(0xFF << UInt64(lane * 8))
        return 8 + lane
    }

    /// The last lane that holds, or nil.
    var last: Int? {
        @inline(__always) get {
            if high != 0 { return 15 - high.leadingZeroBitCount / 8 }
            return low != 0 ? 7 - low.leadingZeroBitCount / 8 : nil
        }
    }
}
