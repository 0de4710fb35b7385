/// A unified diff of two texts, line by line, with three lines of context, as `diff -u` and
/// `git apply` read it. The line matching is the standard library's (`difference(from:)`, the
/// fewest lines removed and inserted), unless that would take long: see `changes`.
public enum UnifiedDiff {
    public static func make(old: [UInt8], new: [UInt8], path: String) -> String {
        make(old: old, new: new, path: path, budget: 20_000_000)
    }

    /// - Parameter budget: see `changes`; tests set it to 0 to check the walk's diffs alone.
    static func make(old: [UInt8], new: [UInt8], path: String, budget: Int) -> String {
        let oldLines = lines(old), newLines = lines(new)
        let (removed, inserted) = changes(from: oldLines, to: newLines, budget: budget)
        guard !removed.isEmpty || !inserted.isEmpty else { return "" }
        // The edit script: (kind, old index, new index).
        var script: [(Character, Int, Int)] = []
        var i = 0, j = 0
        while i < oldLines.count || j < newLines.count {
            if i < oldLines.count, removed.contains(i) {
                script.append(("-", i, j)); i += 1
            } else if j < newLines.count, inserted.contains(j) {
                script.append(("+", i, j)); j += 1
            } else {
                script.append((" ", i, j)); i += 1; j += 1
            }
        }
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        var index = 0
        while index < script.count {
            guard script[index].0 != " " else { index += 1; continue }
            var start = max(0, index - 3), end = index
            // Extend over changes separated by at most six unchanged lines.
            while end < script.count {
                if script[end].0 != " " { end += 1; continue }
                var run = end
                while run < script.count, script[run].0 == " " { run += 1 }
                if run < script.count, run - end <= 6 { end = run } else { end = min(script.count, end + 3); break }
            }
            start = max(0, start)
            let hunk = script[start..<end]
            let oldCount = hunk.filter { $0.0 != "+" }.count, newCount = hunk.filter { $0.0 != "-" }.count
            let oldStart = hunk.first.map { $0.1 + (oldCount == 0 ? 0 : 1) } ?? 0
            let newStart = hunk.first.map { $0.2 + (newCount == 0 ? 0 : 1) } ?? 0
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for (kind, oldIndex, newIndex) in hunk {
                let line = kind == "+" ? newLines[newIndex] : oldLines[oldIndex]
                output += String(kind) + line.text + (line.terminated ? "\n" : "\n\\ No newline at end of file\n")
            }
            index = end
        }
        return output
    }

    /// The lines of `old` removed and of `new` inserted. The standard library's matching takes
    /// time that grows with the lines times the lines changed, and `--fix` changes lines all
    /// through a text: 20,000 fixed lines took 15 s, 200,000 more than minutes. So the changes are
    /// first found by walking both texts, each difference ended at the nearest line they share
    /// again (a changed line, a deleted one, one inserted), which takes time with the text; the
    /// fewest changes are then looked for only when that costs less than `budget` steps of the
    /// line matching (it takes as many as the lines times the changes, at most), so that a diff
    /// of a few fixes is the one it always was.
    static func changes(from oldLines: [Line], to newLines: [Line], budget: Int) -> (removed: Set<Int>, inserted: Set<Int>) {
        // Lines as numbers, one per distinct line: where no line is shared nearby, the walk
        // compares a few thousand pairs per line, which integers make cheap.
        var numbers: [Line: Int] = [:]
        let number = { (line: Line) -> Int in
            if let known = numbers[line] { return known }
            numbers[line] = numbers.count
            return numbers.count - 1
        }
        let old = oldLines.map(number), new = newLines.map(number)
        var removed = Set<Int>(), inserted = Set<Int>()
        var i = 0, j = 0
        walk: while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                i += 1
                j += 1
                continue
            }
            // The nearest shared line within `walkReach` lines on either side, the fewest apart.
            let reach = walkReach
            for distance in 1...(2 * reach) {
                for skipped in max(0, distance - reach)...min(distance, reach) {
                    let oldIndex = i + skipped, newIndex = j + distance - skipped
                    guard oldIndex <= old.count, newIndex <= new.count else { continue }
                    // Both ends of the texts also meet: what is left of either is all changed.
                    if oldIndex == old.count && newIndex == new.count || oldIndex < old.count && newIndex < new.count && old[oldIndex] == new[newIndex] {
                        removed.formUnion(i..<oldIndex)
                        inserted.formUnion(j..<newIndex)
                        (i, j) = (oldIndex, newIndex)
                        continue walk
                    }
                }
            }
            // None near: this line of each is changed.
            if i < old.count { removed.insert(i); i += 1 }
            if j < new.count { inserted.insert(j); j += 1 }
        }
        guard (old.count + new.count) * (removed.count + inserted.count) <= budget else { return (removed, inserted) }
        removed.removeAll()
        inserted.removeAll()
        for change in newLines.difference(from: oldLines) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        return (removed, inserted)
    }

    /// How far the walk looks for a line both texts share again, on either side: a fix changes a
    /// line or deletes one, so a few lines find it; a block without one is marked changed.
    private static let walkReach = 32

    struct Line: Hashable {
        let text: String
        let terminated: Bool
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(Line(text: String(decoding: bytes[start..<offset], as: UTF8.self), terminated: true))
            start = offset + 1
        }
        if start < bytes.count { result.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), terminated: false)) }
        return result
    }
}
