/// A unified diff of two texts, line by line, with three lines of context, as `diff -u` and
/// `git apply` read it. The line matching is the standard library's (`difference(from:)`).
public enum UnifiedDiff {
    public static func make(old: [UInt8], new: [UInt8], path: String) -> String {
        let oldLines = lines(old), newLines = lines(new)
        let difference = newLines.difference(from: oldLines)
        guard !difference.isEmpty else { return "" }
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
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

    struct Line: Hashable {
        let text: String
        let terminated: Bool
    }

    private static func lines(_ bytes: [UInt8]) -> [Line] {
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
