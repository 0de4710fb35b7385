/// Builds one pattern for many literal words as a trie: `t(?:eh|hier)|r(?:ecieve)`. PCRE2 has no
/// multi-literal search, so a flat alternation of a hundred words tries every one at every
/// position; factored by prefix, a position is given up after its first character or two.
enum AlternationTrie {
    /// One word: its units (pattern fragments, usually one escaped character each) and what
    /// must follow its last unit (a lookahead that keeps it a whole word, or nothing).
    struct Word {
        let units: [String]
        let guardAfter: String
    }

    private final class Node {
        var children: [(key: String, unit: String, node: Node)] = []
        var guards: [String] = []
    }

    /// The pattern matching any of `words`, longest first at each branch. Units are grouped by
    /// `key` (lower-cased, for a case-insensitive pattern).
    static func pattern(for words: [Word]) -> String {
        let root = Node()
        for word in words {
            var node = root
            for unit in word.units {
                let key = unit.lowercased()
                if let child = node.children.first(where: { $0.key == key }) {
                    node = child.node
                } else {
                    let child = Node()
                    node.children.append((key, unit, child))
                    node = child
                }
            }
            if !node.guards.contains(word.guardAfter) { node.guards.append(word.guardAfter) }
        }
        return render(root)
    }

    private static func render(_ node: Node) -> String {
        var branches = node.children.sorted { $0.key < $1.key }.map { $0.unit + render($0.node) }
        // A word that ends here comes after the longer words that go on.
        branches += node.guards
        if branches.count == 1 { return branches[0] }
        return "(?:" + branches.joined(separator: "|") + ")"
    }

    /// One character as a literal pattern fragment.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII, !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
            return "\\x{\(String(scalar.value, radix: 16))}"
        }
        return String(scalar)
    }
}
