import Testing
@testable import ScrapeLint

@Suite struct HashKeyTableTests {
    @Test func keepsEveryKeyThroughGrowthIncludingZeroAndCollidingSlots() {
        var table = HashKeyTable<Int>(minimumCapacity: 2)
        // Keys that differ only in high bits land near each other; the largest is a key like any other.
        let keys: [UInt64] = [.max] + (1...5_000).map { UInt64($0) << 40 } + (1...5_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        for (index, key) in keys.enumerated() { table[key] = index }
        #expect(table.count == keys.count)
        #expect(keys.enumerated().allSatisfy { table[$0.element] == $0.offset })
        #expect(table[12_345] == nil && !table.contains(7))
        table[.max] = -1
        table[keys[10], default: 0] += 100
        #expect(table[.max] == -1 && table[keys[10]] == 110 && table.count == keys.count)
        // The key that marks free slots inside the table (0) is a key too.
        #expect(table[0] == nil && !table.contains(0))
        table[0] = 7
        #expect(table[0] == 7 && table.contains(0) && table.count == keys.count + 1)
        table[0] = 8
        #expect(table[0] == 8 && table.count == keys.count + 1)
        // One probe to read or insert: an existing value wins; the sentinel key works the same.
        var ids = HashKeyTable<Int>()
        #expect(ids.value(of: 42, insertingIfAbsent: 0) == 0 && ids.value(of: 42, insertingIfAbsent: 9) == 0)
        #expect(ids.value(of: 0, insertingIfAbsent: 1) == 1 && ids.value(of: 0, insertingIfAbsent: 2) == 1)
        for key in 1...100 { _ = ids.value(of: UInt64(key) << 40, insertingIfAbsent: key) }
        #expect(ids.count == 102 && ids[UInt64(77) << 40] == 77 && ids[42] == 0)
        #expect(HashKeyTable<Bool>.hashes(of: ["The", "and"]).contains(FNV1a.hash("the".utf8)))
    }

    @Test func aTableForALongTextsWordsStartsAtTheLimitAndGrowsAsKeysCome() {
        let limit = HashKeyTable<Int>.initialKeysLimit
        // An article's words fit the first table; a long text's count does not size it.
        #expect(HashKeyTable<Int>(forAtMost: 1_000).capacity == 2_048)
        #expect(HashKeyTable<Int>(forAtMost: limit).capacity == 2 * limit)
        #expect(HashKeyTable<UInt64>(forAtMost: 14_000_000).capacity == 2 * limit)
        var table = HashKeyTable<Int>(forAtMost: 14_000_000)
        let keys = (1...(3 * limit)).map { UInt64($0) &* 0xD6E8_FEB8_6659_FD93 }
        for (index, key) in keys.enumerated() { table[key] = index }
        #expect(table.count == keys.count && table.capacity == 8 * limit)
        #expect(keys.enumerated().allSatisfy { table[$0.element] == $0.offset })
    }
}
