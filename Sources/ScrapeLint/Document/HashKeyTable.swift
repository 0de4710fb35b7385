/// A map from 64-bit hashes (of a word, a line, a key) to values, by open addressing.
/// The keys are hashes already, so they are used as they are: Swift's `Dictionary` would hash
/// each again with SipHash, a large part of the cost of word-level rules that look up every word.
struct HashKeyTable<Value: HashTableValue> {
    /// Marks a free slot, so that a probe reads only keys; the one real key equal to it is
    /// kept aside in `emptyKeyValue`. Zero, so that a new table of plain values is cleared
    /// memory.
    private static var emptyKey: UInt64 { 0 }

    /// A key and its value side by side: a probe that finds the key has its value in the same
    /// cache line (with keys and values in two arrays, a lookup in a large table missed twice).
    /// A free slot holds `Value.vacant`, not an optional: a `UInt64?` made each slot 24 bytes,
    /// not 16, and a table of a long text's tokens a third larger to clear and to read.
    fileprivate struct Slot {
        var key: UInt64
        var value: Value
    }

    private var slots: [Slot]
    private var emptyKeyValue: Value?
    private var mask: Int
    /// 64 less the number of bits of a slot index.
    private var shift: UInt64
    private(set) var count = 0
    /// The slots, free or not: twice the keys the table holds before it grows.
    var capacity: Int { slots.count }

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = Self.vacantSlots(capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// A table for at most `count` keys, such as one for each word of a text, where a long text
    /// holds far fewer distinct ones: sized for all of them up to `initialKeysLimit`, grown from
    /// there. Sized for every word, an 84 MB text's tables were a gigabyte cleared and never
    /// filled, most of that run's time spent in the kernel handing out pages.
    init(forAtMost count: Int) {
        self.init(minimumCapacity: Swift.min(count, Self.initialKeysLimit))
    }

    /// 32,768 keys (a 1 MB table of 16-byte slots, which a level-2 cache holds): more than any
    /// article's words, so that no article's table ever grows.
    static var initialKeysLimit: Int { 1 << 15 }

    subscript(key: UInt64) -> Value? {
        get {
            if key == Self.emptyKey { return emptyKeyValue }
            let slot = find(key)
            return slots[slot].key == key ? slots[slot].value : nil
        }
        set {
            guard let newValue else { return }  // removal is not needed by its users
            if key == Self.emptyKey {
                if emptyKeyValue == nil { count += 1 }
                emptyKeyValue = newValue
                return
            }
            let slot = find(key)
            if slots[slot].key == key {
                slots[slot].value = newValue
                return
            }
            insert(key, newValue, at: slot)
        }
    }

    /// The value of `key`, or `value` stored and returned when there is none: one probe where a
    /// read and then a write took two.
    mutating func value(of key: UInt64, insertingIfAbsent value: @autoclosure () -> Value) -> Value {
        if key == Self.emptyKey {
            if let stored = emptyKeyValue { return stored }
            let made = value()
            self[key] = made
            return made
        }
        let slot = find(key)
        if slots[slot].key == key { return slots[slot].value }
        let made = value()
        insert(key, made, at: slot)
        return made
    }

    /// Fills the free `slot` that `find(key)` gave, growing the table when half full.
    private mutating func insert(_ key: UInt64, _ value: Value, at slot: Int) {
        slots[slot] = Slot(key: key, value: value)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    func contains(_ key: UInt64) -> Bool {
        if key == Self.emptyKey { return emptyKeyValue != nil }
        return slots[find(key)].key == key
    }

    subscript(key: UInt64, default fallback: @autoclosure () -> Value) -> Value {
        get { self[key] ?? fallback() }
        set { self[key] = newValue }
    }

    /// The slot holding `key`, or the free slot where it would go.
    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        // Fibonacci hashing: the top bits of the product depend on every bit of the key, where
        // the low bits of an FNV-1a or polynomial hash alone spread short keys poorly.
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot].key != key, slots[slot].key != Self.emptyKey { slot = (slot + 1) & mask }
        return slot
    }

    /// The hashes of `words` (FNV-1a, ASCII folded, unless another `hash` is given), to look the
    /// words of a text up without a String.
    static func hashes(of words: some Sequence<String>, hash: (String) -> UInt64 = { FNV1a.hash($0.utf8) }) -> HashKeyTable<Bool>
    where Value == Bool {
        var table = HashKeyTable<Bool>()
        for word in words { table[hash(word)] = true }
        return table
    }

    /// `count` free slots. For plain values whose free mark is zero bits (all but arrays), one
    /// `memset` of cleared memory: storing slot by slot was 1 % of a run (the tables of a long
    /// text's tokens are tens of kilobytes).
    private static func vacantSlots(_ count: Int) -> [Slot] {
        let vacant = Slot(key: emptyKey, value: .vacant)
        guard _isPOD(Slot.self), withUnsafeBytes(of: vacant, { $0.allSatisfy { $0 == 0 } }) else {
            return Array(repeating: vacant, count: count)
        }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).initializeMemory(as: UInt8.self, repeating: 0)
            initialized = count
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Self.vacantSlots(old.count * 2)
        mask = slots.count - 1
        shift -= 1
        for entry in old where entry.key != Self.emptyKey { slots[find(entry.key)] = entry }
    }
}

extension HashKeyTable: Sendable where Value: Sendable {}
extension HashKeyTable.Slot: Sendable where Value: Sendable {}

/// What a free slot of a `HashKeyTable` holds: zero bits for the plain types.
protocol HashTableValue {
    static var vacant: Self { get }
}

extension Bool: HashTableValue { static var vacant: Bool { false } }
extension Int: HashTableValue { static var vacant: Int { 0 } }
extension UInt64: HashTableValue { static var vacant: UInt64 { 0 } }
extension Range: HashTableValue where Bound == Int { static var vacant: Range<Int> { 0..<0 } }
extension Array: HashTableValue { static var vacant: [Element] { [] } }
