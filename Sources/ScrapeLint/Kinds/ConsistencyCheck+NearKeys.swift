/// Near-identical spellings (`distance: 1`): keys one inner edit apart are one group.
extension ConsistencyCheck {
    /// The key hashes that may be one inner edit from another key: those that share the hash of
    /// a one-character deletion with another key, or whose deletion is another key. Computed on
    /// bytes, without a String, so that only these tokens (a few in a hundred) become Strings for
    /// `mergeNearKeys`; a hash of 0 (a key with non-ASCII letters, when folding) is always one,
    /// and so is a key near one.
    static func nearKeyCandidates(_ tokens: [(range: Range<Int>, key: UInt64)], in subject: UnsafeBufferPointer<UInt8>,
                                  folding: Bool, removeSpaces: Bool, removeHyphens: Bool) -> HashKeyTable<Bool> {
        var candidates = HashKeyTable<Bool>()
        var bytes: [UInt8] = [], prefixes: [UInt64] = [], suffixes: [UInt64] = [], starts: [Int] = []
        func normalize(_ range: Range<Int>) {
            bytes.removeAll(keepingCapacity: true)
            for byte in subject[range] {
                if removeSpaces, byte == 0x20 { continue }
                if removeHyphens, byte == 0x2D { continue }
                bytes.append(folding ? byte.asciiLowercased : byte)
            }
        }
        // A key with letters beyond ASCII hashes to 0 (their case does not fold byte by byte);
        // near spellings read it by its bytes, so that "Zürich" meets "Zurich" and "Erdoğan"
        // "Erdogan", the transliterations this is for.
        let near = tokens.map { token -> (range: Range<Int>, key: UInt64) in
            guard token.key == 0 else { return token }
            normalize(token.range)
            return (token.range, WordHash.hash(bytes, foldingASCII: false))
        }
        var keys = HashKeyTable<Range<Int>>(forAtMost: near.count)
        for token in near where keys[token.key] == nil { keys[token.key] = token.range }
        var byDeletion = HashKeyTable<UInt64>(forAtMost: keys.count * 8)  // the first key, or 0 once shared
        // Each key's deletions, one after the other in `deletions`; buffers reused from key to key.
        var deletionsOf: [(key: UInt64, deletions: Range<Int>)] = []
        var deletions: [UInt64] = []
        // Two keys one inner edit apart begin and end alike: a key alone with its first and last
        // byte (most names) has no near key, and its deletions are not made.
        let ends = { (range: Range<Int>) -> UInt64 in
            let first = Self.normalizedByte(in: subject, range, fromEnd: false, removeSpaces: removeSpaces, removeHyphens: removeHyphens)
            let last = Self.normalizedByte(in: subject, range, fromEnd: true, removeSpaces: removeSpaces, removeHyphens: removeHyphens)
            let fold = { (byte: UInt8) in UInt64(folding ? byte.asciiLowercased : byte) }
            return fold(first) << 8 | fold(last) | 1 << 16
        }
        var keysByEnds = HashKeyTable<Int>(forAtMost: keys.count)
        for token in near where keys[token.key] == token.range { keysByEnds[ends(token.range), default: 0] += 1 }
        for token in near {
            guard let range = keys[token.key], range == token.range else { continue }  // each key once
            guard keysByEnds[ends(range), default: 0] > 1 else { continue }
            normalize(range)
            let first = deletions.count
            deletionHashes(of: bytes, into: &deletions, prefixes: &prefixes, suffixes: &suffixes, starts: &starts)
            deletionsOf.append((token.key, first..<deletions.count))
            for deletion in deletions[first...] {
                if let earlier = byDeletion[deletion] {
                    if earlier != token.key { byDeletion[deletion] = 0 }
                } else {
                    byDeletion[deletion] = token.key
                }
            }
        }
        for token in tokens where token.key == 0 { candidates[0] = true }
        for (key, range) in deletionsOf {
            for deletion in deletions[range] {
                let isKey = keys.contains(deletion)
                if isKey || byDeletion[deletion] == 0 {
                    candidates[key] = true
                    if isKey { candidates[deletion] = true }
                }
            }
        }
        return candidates
    }

    /// The first (or last) byte of `range` that the key keeps (not a removed space or hyphen),
    /// or 0 when there is none.
    private static func normalizedByte(in subject: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fromEnd: Bool,
                                       removeSpaces: Bool, removeHyphens: Bool) -> UInt8 {
        var offset = fromEnd ? range.upperBound - 1 : range.lowerBound
        while range.contains(offset) {
            let byte = subject[offset]
            offset += fromEnd ? -1 : 1
            if removeSpaces, byte == 0x20 { continue }
            if removeHyphens, byte == 0x2D { continue }
            return byte
        }
        return 0
    }

    /// Appends to `output` the `WordHash` of `bytes` without each inner character (not the first
    /// or the last) in turn, comparable with the keys' hashes. Each is joined from the hash of
    /// the bytes before the character and of those after it, so a word costs a pass each way,
    /// not a pass per character.
    private static func deletionHashes(of bytes: [UInt8], into output: inout [UInt64], prefixes: inout [UInt64],
                                       suffixes: inout [UInt64], starts: inout [Int]) {
        starts.removeAll(keepingCapacity: true)
        var offset = 0
        while offset < bytes.count {
            starts.append(offset)
            offset += ColumnCounter.sequenceLength(bytes, at: offset, end: bytes.count)
        }
        guard starts.count >= 3 else { return }
        let count = bytes.count
        prefixes.removeAll(keepingCapacity: true)
        var hash = WordHash()
        prefixes.append(hash.value)
        for byte in bytes {
            hash.mix(byte)
            prefixes.append(hash.value)
        }
        // suffixes[k]: the hash of bytes[k...]; each byte weighs base^(bytes after it).
        suffixes.removeAll(keepingCapacity: true)
        suffixes.append(contentsOf: repeatElement(0, count: count + 1))
        var weight: UInt64 = 1
        for index in stride(from: count - 1, through: 0, by: -1) {
            suffixes[index] = (UInt64(bytes[index]) &+ 1) &* weight &+ suffixes[index + 1]
            weight = weight &* WordHash.base
        }
        for index in 1..<(starts.count - 1) {
            let after = starts[index + 1]
            output.append(WordHash.joined(prefixes[starts[index]], suffixes[after], secondLength: count - after))
        }
    }

    /// Joins groups whose keys are one edit apart inside the word (not the first or last letter,
    /// so `Syria`/`Syrian` and `Trump`/`Trumps` stay apart). Candidates come from deleting one
    /// inner letter (two keys one substitution apart share a deletion; one insertion apart, the
    /// shorter is a deletion of the longer), so the cost grows with the number of keys, not its
    /// square.
    static func mergeNearKeys(_ groups: [String: [Occurrence]], minimumLength: Int) -> [String: [Occurrence]] {
        let keys = groups.keys.filter { $0.count >= minimumLength }.sorted()
        var byDeletion: [String: [String]] = [:]
        for key in keys {
            let scalars = Array(key.unicodeScalars)
            for index in 1..<(scalars.count - 1) {
                var shorter = scalars
                shorter.remove(at: index)
                byDeletion[String(String.UnicodeScalarView(shorter)), default: []].append(key)
            }
        }
        var parent: [String: String] = [:]
        func root(_ key: String) -> String {
            var key = key
            while let next = parent[key], next != key { key = next }
            return key
        }
        func join(_ lhs: String, _ rhs: String) {
            guard lhs != rhs, EditDistance.isOneInnerEdit(lhs, rhs) else { return }
            let (a, b) = (root(lhs), root(rhs))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        for (deletion, sources) in byDeletion {
            for (index, lhs) in sources.enumerated() {
                for rhs in sources[(index + 1)...] { join(lhs, rhs) }
            }
            if groups[deletion] != nil, deletion.count >= minimumLength {
                for key in sources { join(deletion, key) }
            }
        }
        var merged: [String: [Occurrence]] = [:]
        for (key, occurrences) in groups { merged[root(key), default: []] += occurrences }
        return merged
    }
}
