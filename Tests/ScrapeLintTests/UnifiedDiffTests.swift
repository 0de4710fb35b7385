import Testing
@testable import ScrapeLint

/// A diff made by the linear walk alone (budget 0) or by the fewest changes turns the old text
/// into the new one when applied, on random texts edited as fixes edit them (a line changed,
/// deleted, inserted, a newline taken or given at the end) and full of repeated lines; and a diff
/// of a few changes is the standard library's.
@Suite struct UnifiedDiffTests {
    @Test func eitherWayTheDiffAppliesToTheNewText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b", "Two  spaces", "", "the end", "x"]
        var changed = 0
        for round in 0..<600 {
            let old = (0..<Int.random(in: 0...(round < 500 ? 30 : 400), using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            var new: [String] = []
            for line in old {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: new.append(line + "!")
                case 1: continue
                case 2: new += [line, pieces.randomElement(using: &generator)!]
                default: new.append(line)
                }
            }
            let oldText = Array((old.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")).utf8)
            let newText = Array((new.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")).utf8)
            for budget in [0, 20_000_000] {
                let diff = UnifiedDiff.make(old: oldText, new: newText, path: "t", budget: budget)
                #expect(Self.apply(diff, to: oldText) == newText, "\(budget) \(old) \(new)")
            }
            changed += UnifiedDiff.make(old: oldText, new: newText, path: "t", budget: 0).isEmpty ? 0 : 1
        }
        #expect(changed > 500)
        // Two lines fixed in place: the walk finds what the fewest changes are, and both print it.
        let old = Array("one\ntwo  spaces\nthree\nfour  spaces\nfive\n".utf8), new = Array("one\ntwo spaces\nthree\nfour spaces\nfive\n".utf8)
        #expect(UnifiedDiff.make(old: old, new: new, path: "t", budget: 0) == UnifiedDiff.make(old: old, new: new, path: "t"))
        #expect(UnifiedDiff.make(old: old, new: new, path: "t").contains("@@ -1,5 +1,5 @@\n one\n-two  spaces\n+two spaces\n three\n"))
    }

    /// The new text: `old` with each hunk's lines removed and inserted, read as `git apply` does.
    private static func apply(_ diff: String, to old: [UInt8]) -> [UInt8] {
        guard !diff.isEmpty else { return old }
        let oldLines = UnifiedDiff.lines(old)
        var output: [UnifiedDiff.Line] = [], next = 0
        var lastSide: Character = " "
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) where !line.isEmpty {
            let kind = line.first!, text = String(line.dropFirst())
            switch kind {
            case "@":
                // "@@ -start,count +start,count @@": copy the old lines before the hunk.
                let numbers = line.split(separator: " ")[1].dropFirst().split(separator: ",").compactMap { Int($0) }
                let start = numbers[1] == 0 ? numbers[0] : numbers[0] - 1
                output += oldLines[next..<start]
                next = start
            case " ":
                output.append(oldLines[next])
                next += 1
                lastSide = " "
            case "-":
                next += 1
                lastSide = "-"
            case "+":
                output.append(UnifiedDiff.Line(text: text, terminated: true))
                lastSide = "+"
            default:
                // "\ No newline at end of file": the line before it ends the text without one.
                if lastSide == "+" { output[output.count - 1] = UnifiedDiff.Line(text: output[output.count - 1].text, terminated: false) }
            }
        }
        output += oldLines[next...]
        return Array(output.map { $0.text + ($0.terminated ? "\n" : "") }.joined().utf8)
    }
}
