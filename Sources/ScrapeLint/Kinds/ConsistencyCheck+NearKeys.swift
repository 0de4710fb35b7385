/// Near-identical spellings (`distance: 1`): keys one inner edit apart are one group.
extension ConsistencyCheck {
    /// The key hashes that may be one inner edit from another key: those that share the hash of
    /// a one-character deletion with another key, or whose deletion is another key. Computed on
    /// bytes, without a String, so that only these tokens (a few in a hundred) become Strings for
    /// `mergeNearKeys`; a hash of 0 (a key with non-ASCII letters, when folding) is always one.
    static func nearKeyCandidates(_ tokens: [(range: Range<Int>, key: UInt64)], in subject: UnsafeBufferPointer<UInt8>,
                                  folding: Bool, removeSpaces: Bool, removeHyphens: Bool) -> HashKeyTable<Bool> {
        var candidates = HashKeyTable<Bool>()
        var keys = HashKeyTable<Range<Int>>(minimumCapacity: tokens.count / 4)
        for token in tokens where keys[token.key] == nil { keys[token.key] = token.range }
        var byDeletion = HashKeyTable<UInt64>(minimumCapacity: tokens.count / 2)  // the first key, or 0 once shared
        var deletionsOf: [(key: UInt64, deletions: [UInt64])] = []
        for token in tokens where token.key != 0 {
            guard let range = keys[token.key], range == token.range else { continue }  // each key once
            var bytes: [UInt8] = []
            for byte in subject[range] {
                if removeSpaces, byte == 0x20 { continue }
                if removeHyphens, byte == 0x2D { continue }
                bytes.append(folding ? byte.asciiLowercased : byte)
            }
            let deletions = deletionHashes(of: bytes)
            deletionsOf.append((token.key, deletions))
            for deletion in deletions {
                if let first = byDeletion[deletion], first != token.key {
                    byDeletion[deletion] = 0
                } else if byDeletion[deletion] == nil {
                    byDeletion[deletion] = token.key
                }
            }
        }
        for token in tokens where token.key == 0 { candidates[0] = true }
        for (key, deletions) in deletionsOf {
            for deletion in deletions {
                if byDeletion[deletion] == 0 || keys[deletion] != nil {
                    candidates[key] = true
                    if keys[deletion] != nil { candidates[deletion] = true }
                }
            }
        }
        return candidates
    }

    /// `WordHash` of `bytes` without each inner character (not the first or the last) in turn,
    /// comparable with the keys' hashes.
    private static func deletionHashes(of bytes: [UInt8]) -> [UInt64] {
        var starts: [Int] = []
        var offset = 0
        while offset < bytes.count {
            starts.append(offset)
            offset += ColumnCounter.sequenceLength(bytes, at: offset, end: bytes.count)
        }
        guard starts.count >= 3 else { return [] }
        return (1..<(starts.count - 1)).map { index in
            var hash = WordHash()
            for byte in bytes[..<starts[index]] { hash.mix(byte) }
            for byte in bytes[starts[index + 1]...] { hash.mix(byte) }
            return hash.value
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
