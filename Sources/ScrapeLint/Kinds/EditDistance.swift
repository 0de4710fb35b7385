/// Near-identical spellings for `consistency` with `distance: 1`.
enum EditDistance {
    /// Whether `lhs` and `rhs` differ by one substitution, insertion or deletion that keeps the
    /// first and the last letter: a spelling variant (`Baghouz`/`Baghuz`), not an ending
    /// (`Syria`/`Syrian`).
    static func isOneInnerEdit(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
        guard abs(a.count - b.count) <= 1, a != b, a.first == b.first, a.last == b.last else { return false }
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        // What is left between the common prefix and suffix is the edit.
        return a.count - prefix - suffix <= 1 && b.count - prefix - suffix <= 1
    }
}
