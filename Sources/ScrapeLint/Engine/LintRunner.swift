import Dispatch
import PCRE2
import Synchronization

/// Lints many inputs on several threads and hands back each one's result in input order, a
/// batch at a time, so output is deterministic and memory stays bounded by the batch.
public struct LintRunner: Sendable {
    public let jobs: Int
    public let limits: Matcher.Limits
    /// With `--fix`: fix each document (with its own engine's rules) before its report is made;
    /// the ids or families of `--fix-only`, or nil for the safe fixes.
    public let fix: Bool
    public let fixOnly: [String]?
    /// Write fixed files back (not for `--dry-run`; standard input is never written).
    public let writeFixes: Bool
    /// Measure each rule's matching time (`--timings`).
    public let measure: Bool

    public init(jobs: Int, limits: Matcher.Limits = Matcher.Limits(), fix: Bool = false, fixOnly: [String]? = nil,
                writeFixes: Bool = false, measure: Bool = false) {
        self.measure = measure
        self.jobs = max(1, jobs)
        self.limits = limits
        self.fix = fix
        self.fixOnly = fixOnly
        self.writeFixes = writeFixes
    }

    /// One input and the engine (the rules of its configuration) it is linted with.
    public struct Job: Sendable {
        public let input: InputSource
        public let engine: Engine

        public init(input: InputSource, engine: Engine) {
            self.input = input
            self.engine = engine
        }
    }

    /// One input's outcome: its report, or why it was not linted.
    public typealias Outcome = Result<DocumentReport, InputProblem>

    /// Calls `deliver` once per input, in the order of `inputs`. Returns each rule's matching
    /// time summed over all threads when `measure` is on.
    @discardableResult
    public func run(_ inputs: [Job], deliver: (Outcome) -> Void) -> [String: Duration] {
        var iterator = inputs.makeIterator()
        return run(next: { iterator.next() }, deliver: deliver)
    }

    /// The same for inputs pulled one at a time (a JSON Lines corpus): only one batch of them is
    /// ever held, so memory does not grow with the corpus.
    @discardableResult
    public func run(next: () -> Job?, deliver: (Outcome) -> Void) -> [String: Duration] {
        let batchSize = jobs == 1 ? 1 : jobs * 16
        let timings = Mutex<[String: Duration]>([:])
        while true {
            var batch: [Job] = []
            while batch.count < batchSize, let job = next() { batch.append(job) }
            guard !batch.isEmpty else { break }
            for outcome in lint(batch, timings: timings) { deliver(outcome) }
        }
        return timings.withLock { $0 }
    }

    private func lint(_ batch: [Job], timings: borrowing Mutex<[String: Duration]>) -> [Outcome] {
        let results = Mutex<[Outcome?]>(Array(repeating: nil, count: batch.count))
        let next = Atomic<Int>(0)
        let workers = min(jobs, batch.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Match data is per thread; the compiled rules in `engine` are shared.
            let matcher = Matcher(limits: limits)
            var local: [String: Duration]? = measure ? [:] : nil
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < batch.count else { break }
                let outcome = lintOne(batch[index], with: matcher, timings: &local)
                results.withLock { $0[index] = outcome }
            }
            if let local { timings.withLock { totals in for (id, time) in local { totals[id, default: Duration.zero] += time } } }
        }
        return results.withLock { $0.map { $0! } }
    }

    private func lintOne(_ job: Job, with matcher: Matcher, timings: inout [String: Duration]?) -> Outcome {
        let (input, engine) = (job.input, job.engine)
        return input.read().map { document in
            guard fix else { return engine.lint(document, with: matcher, timings: &timings) }
            let fixer = Fixer(engine: engine, only: fixOnly)
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
