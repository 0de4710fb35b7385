import Dispatch
import PCRE2
import Synchronization

/// Lints many inputs on several threads and hands back each one's result in input order, a
/// batch at a time, so output is deterministic and memory stays bounded by the batch.
public struct LintRunner: Sendable {
    public let engine: Engine
    public let jobs: Int
    public let limits: Matcher.Limits
    /// With `--fix`: fixes each document before its report is made.
    public let fixer: Fixer?
    /// Write fixed files back (not for `--dry-run`; standard input is never written).
    public let writeFixes: Bool

    public init(engine: Engine, jobs: Int, limits: Matcher.Limits = Matcher.Limits(), fixer: Fixer? = nil, writeFixes: Bool = false) {
        self.engine = engine
        self.jobs = max(1, jobs)
        self.limits = limits
        self.fixer = fixer
        self.writeFixes = writeFixes
    }

    /// One input's outcome: its report, or why it was not linted.
    public typealias Outcome = Result<DocumentReport, InputProblem>

    /// Calls `deliver` once per input, in the order of `inputs`.
    public func run(_ inputs: [InputSource], deliver: (Outcome) -> Void) {
        let batchSize = jobs == 1 ? 1 : jobs * 16
        var start = 0
        while start < inputs.count {
            let batch = Array(inputs[start..<min(start + batchSize, inputs.count)])
            for outcome in lint(batch) { deliver(outcome) }
            start += batch.count
        }
    }

    private func lint(_ batch: [InputSource]) -> [Outcome] {
        let results = Mutex<[Outcome?]>(Array(repeating: nil, count: batch.count))
        let next = Atomic<Int>(0)
        let workers = min(jobs, batch.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Match data is per thread; the compiled rules in `engine` are shared.
            let matcher = Matcher(limits: limits)
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < batch.count else { return }
                let outcome = lintOne(batch[index], with: matcher)
                results.withLock { $0[index] = outcome }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    private func lintOne(_ input: InputSource, with matcher: Matcher) -> Outcome {
        input.read().map { document in
            guard let fixer else { return engine.lint(document, with: matcher) }
            let (fixed, applied) = fixer.fix(document, with: matcher)
            var writeError: String?
            if applied > 0, writeFixes, case .file(let path) = input {
                do { try AtomicFileWriter.replaceContents(of: path, with: fixed.fileBytes) } catch { writeError = "\(error)" }
            }
            // A file that could not be written is reported as it is on disk.
            var report = engine.lint(writeError == nil ? fixed : document, with: matcher)
            report.fix = FixResult(original: document.bytes, applied: writeError == nil ? applied : 0, writeError: writeError)
            return report
        }
    }
}
