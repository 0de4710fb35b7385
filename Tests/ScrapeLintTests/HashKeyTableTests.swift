import Testing
@testable import ScrapeLint

@Suite struct HashKeyTableTests {
    @Test func keepsEveryKeyThroughGrowthIncludingZeroAndCollidingSlots() {
        var table = HashKeyTable<Int>(minimumCapacity: 2)
        // Keys that differ only in high bits land near each other; 0 is a key like any other.
        let keys: [UInt64] = [0] + (1...5_000).map { UInt64($0) << 40 } + (1...5_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        for (index, key) in keys.enumerated() { table[key] = index }
        #expect(table.count == keys.count)
        #expect(keys.enumerated().allSatisfy { table[$0.element] == $0.offset })
        #expect(table[12_345] == nil && !table.contains(7))
        table[0] = -1
        table[keys[10], default: 0] += 100
        #expect(table[0] == -1 && table[keys[10]] == 110 && table.count == keys.count)
        // The key that marks free slots inside the table is a key too.
        table[.max] = 7
        #expect(table[.max] == 7 && table.contains(.max) && table.count == keys.count + 1)
        table[.max] = 8
        #expect(table[.max] == 8 && table.count == keys.count + 1)
        #expect(HashKeyTable<Bool>.hashes(of: ["The", "and"]).contains(FNV1a.hash("the".utf8)))
    }
}
