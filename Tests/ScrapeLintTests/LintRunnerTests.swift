import Glibc
import PCRE2
import Testing
@testable import ScrapeLint

/// The runner delivers in input order whatever finishes first, one delivery at a time, and reads
/// inputs one at a time.
@Suite struct LintRunnerTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsComeInInputOrderAndTheReaderIsNeverCalledTwiceAtOnce(jobs: Int) throws {
        let engine = Engine(rules: try RuleSet.builtInRules())
        // Long documents among short ones, so that later inputs finish first.
        let texts = (0..<150).map { index in
            String(repeating: "Post a Comment\nThe pass stays closed. ", count: index % 7 == 0 ? 400 : 1) + "doc \(index)"
        }
        var read = 0, inside = false, overlapped = false, delivering = false, deliveriesOverlapped = false
        var delivered: [String] = []
        LintRunner(jobs: jobs).run(next: {
            if inside { overlapped = true }
            inside = true
            defer { inside = false }
            guard read < texts.count else { return nil }
            read += 1
            return LintRunner.Job(input: .text(name: "t\(read - 1)", bytes: Array(texts[read - 1].utf8)), engine: engine)
        }, deliver: { outcome in
            if delivering { deliveriesOverlapped = true }
            delivering = true
            defer { delivering = false }
            // Slow, as writing to a pipe read slowly is: two deliveries at once would overlap.
            usleep(300)
            if case .success(let report) = outcome { delivered.append(report.document.path) }
        })
        #expect(delivered == (0..<150).map { "t\($0)" })
        #expect(!overlapped)
        #expect(!deliveriesOverlapped)
        #expect(read == 150)
    }
}
