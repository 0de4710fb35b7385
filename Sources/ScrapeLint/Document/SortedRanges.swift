/// Binary searches over byte ranges kept sorted by lower bound and disjoint (headings, reported
/// spans), so that checking a place against them costs a logarithm, not a scan.
extension Array where Element == Range<Int> {
    /// The first index whose range starts at or after `offset` (where a range starting there goes).
    func insertionIndex(of offset: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the range that holds all of `range`, if one does.
    func indexOfRange(containing range: Range<Int>) -> Int? {
        let index = insertionIndex(of: range.lowerBound + 1) - 1
        guard index >= 0, self[index].lowerBound <= range.lowerBound, range.upperBound <= self[index].upperBound else { return nil }
        return index
    }

    /// The index of the range that contains `offset`, if one does.
    func indexOfRange(containing offset: Int) -> Int? {
        let index = insertionIndex(of: offset + 1) - 1
        return index >= 0 && self[index].contains(offset) ? index : nil
    }
}
