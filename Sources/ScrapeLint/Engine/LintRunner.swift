import Dispatch
import PCRE2
import Synchronization

/// Lints many inputs on several threads and hands back each one's result in input order, so
/// output is deterministic, with a bounded number of inputs in flight, so memory is too.
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

    /// The row of `--timings` for reading and indexing the documents, shared by all rules.
    public static let readingRow = "(reading and indexing)"

    /// One input's outcome: its report, or why it was not linted.
    public typealias Outcome = Result<DocumentReport, InputProblem>

    /// Calls `deliver` once per input, in the order of `inputs`, one call at a time (with more
    /// than one job, on the worker threads). Returns each rule's matching time summed over all
    /// threads when `measure` is on.
    @discardableResult
    public func run(_ inputs: [Job], deliver: (Outcome) -> Void) -> [String: Duration] {
        var iterator = inputs.makeIterator()
        return run(next: { iterator.next() }, deliver: deliver)
    }

    /// The same for inputs pulled one at a time (a JSON Lines corpus). Workers take the next
    /// input as soon as they are free, and results are delivered in input order as soon as the
    /// one due is done: no batch waits for its slowest document. At most `window` inputs are read
    /// ahead of the one due, so memory does not grow with the corpus.
    @discardableResult
    public func run(next: () -> Job?, deliver: (Outcome) -> Void) -> [String: Duration] {
        var local: [String: Duration]? = measure ? [:] : nil
        guard jobs > 1 else {
            let matcher = Matcher(limits: limits)
            while let job = next() { deliver(lintOne(job, with: matcher, timings: &local)) }
            return local ?? [:]
        }
        return withoutActuallyEscaping(next) { next in
            withoutActuallyEscaping(deliver) { deliver in
                runInParallel(next: UncheckedSendableBox(next), window: jobs * 16, deliver: UncheckedSendableBox(deliver))
            }
        }
    }

    /// The workers deliver too: the one that finishes the input due next delivers it and every
    /// outcome ready after it, one worker at a time. A calling thread that delivered woke for
    /// every document (2,900 context switches over 1,600 files, two jobs using 7 % more processor
    /// time than one).
    private func runInParallel(next: UncheckedSendableBox<() -> Job?>, window: Int,
                               deliver: UncheckedSendableBox<(Outcome) -> Void>) -> [String: Duration] {
        // The reader is called by one worker at a time; `done` is set when it runs dry.
        let reading = Mutex<(taken: Int, done: Bool)>((0, false))
        // Outcomes not delivered yet, the index due next, and whether a worker is delivering.
        let delivery = Mutex<(waiting: [Int: Outcome], due: Int, busy: Bool)>(([:], 0, false))
        let timings = Mutex<[String: Duration]>([:])
        let room = DispatchSemaphore(value: window)
        let workers = DispatchGroup()
        for _ in 0..<jobs {
            DispatchQueue.global(qos: .userInitiated).async(group: workers) {
                // Match data is per thread; the compiled rules in each engine are shared.
                let matcher = Matcher(limits: limits)
                var local: [String: Duration]? = measure ? [:] : nil
                while true {
                    room.wait()
                    let taken: (index: Int, job: Job)? = reading.withLock { state in
                        guard !state.done else { return nil }
                        guard let job = next.value() else {
                            state.done = true
                            return nil
                        }
                        state.taken += 1
                        return (state.taken - 1, job)
                    }
                    guard let taken else {
                        room.signal()
                        break
                    }
                    let outcome = lintOne(taken.job, with: matcher, timings: &local)
                    var due: Outcome? = delivery.withLock { state in
                        state.waiting[taken.index] = outcome
                        guard !state.busy, let due = state.waiting.removeValue(forKey: state.due) else { return nil }
                        state.busy = true
                        state.due += 1
                        return due
                    }
                    while let outcome = due {
                        deliver.value(outcome)
                        room.signal()
                        due = delivery.withLock { state in
                            guard let next = state.waiting.removeValue(forKey: state.due) else {
                                state.busy = false
                                return nil
                            }
                            state.due += 1
                            return next
                        }
                    }
                }
                if let local { timings.withLock { totals in for (id, time) in local { totals[id, default: Duration.zero] += time } } }
            }
        }
        workers.wait()
        return timings.withLock { $0 }
    }

    private func lintOne(_ job: Job, with matcher: Matcher, timings: inout [String: Duration]?) -> Outcome {
        let (input, engine) = (job.input, job.engine)
        let started = timings == nil ? nil : ContinuousClock.now
        let read = input.read()
        // Reading and indexing a document (lines, paragraphs, headings, words) is shared by the
        // rules; it has its own row, so that the table adds up to the run.
        if let started { timings?[Self.readingRow, default: .zero] += ContinuousClock.now - started }
        return read.map { document in
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

/// A value passed to worker threads that the caller promises to use from one thread at a time
/// (here: the input reader, called under a lock, and `deliver`, called by one worker at a time).
private struct UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
