import Synchronization

/// A value made the first time it is asked for, then kept: an index of a document (a run of
/// rules that read no words, a family on its own, a pre-commit check of one rule, does not pay
/// for the word index, and the rules that do share one), or what a rule reads from its pattern
/// only when a text needs it. The lock makes the sharing between threads safe.
final class LazyIndex<Value: Sendable>: Sendable {
    private let state = Mutex<(value: Value?, duration: Duration)>((nil, .zero))
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value, made now if no one asked before.
    var index: Value {
        state.withLock { state in
            if let value = state.value { return value }
            let clock = ContinuousClock(), started = clock.now
            let made = make()
            state = (made, clock.now - started)
            return made
        }
    }

    /// The value if someone asked for it before, without making it.
    var indexIfMade: Value? { state.withLock { $0.value } }

    /// How long making the value took, or zero while it is not made: `--timings` counts a
    /// document's index as reading and indexing, not as the time of the rule that asked first.
    var duration: Duration { state.withLock { $0.duration } }
}
