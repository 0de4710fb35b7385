import Synchronization

/// An index of a document made the first time a rule asks for it, then kept: a run of rules
/// that read no words (a family on its own, a pre-commit check of one rule) does not pay for
/// the word index, and the rules that do share one. A document is linted on one thread at a
/// time; the lock only makes the sharing safe to state.
final class LazyIndex<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The index, made now if no one asked before.
    var index: Value {
        value.withLock { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
