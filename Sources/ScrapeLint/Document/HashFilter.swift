/// A set of 64-bit hashes as 4,096 bits, one per hash (its top twelve bits), for lookups that
/// almost always miss: a word is checked against the stop words or the first words of phrases
/// by one bit test, and only a word whose bit is set is looked up in the table that knows.
/// "Absent" is certain; "present" is a maybe (about one word in ten of a few hundred hashes).
struct HashFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    init(_ hashes: some Sequence<UInt64>) {
        for hash in hashes { bits[Int(hash >> 58)] |= 1 << ((hash >> 52) & 63) }
    }

    /// False when `hash` is surely not one of the set's.
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        bits[Int(hash >> 58)] & (1 << ((hash >> 52) & 63)) != 0
    }
}
