import Synchronization

/// An index of a document made the first time a rule asks for it, then kept: a run of rules
/// that read no words (a family on its own, a pre-commit check of one rule) does not pay for
/// the word index, and the rules that do share one. A document is linted on one thread at a
/// time; the lock only makes the sharing safe to state.
final class LazyIndex<Value: Sendable>: Sendable {
    private let state = Mutex<(value: Value?, duration: Duration)>((nil, .zero))
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The index, made now if no one asked before.
    var index: Value {
        state.withLock { state in
            if let value = state.value { return value }
            let clock = ContinuousClock(), started = clock.now
            let made = make()
            state = (made, clock.now - started)
            return made
        }
    }

    /// How long making the index took, or zero while it is not made: `--timings` counts it as
    /// reading and indexing, not as the time of the rule that happened to ask first.
    var duration: Duration { state.withLock { $0.duration } }
}
