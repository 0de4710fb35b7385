import PCRE2

/// A rule that could not finish on a document, e.g. a pattern that hit its match limit on a
/// hostile line. The rest of the run goes on; the run's exit status says it was incomplete.
public struct RuleFailure: Error, Sendable, Equatable {
    public let ruleID: String
    /// Where the failing match attempt started.
    public let offset: Int
    public let error: PCRE2Error

    public init(ruleID: String, offset: Int, error: PCRE2Error) {
        self.ruleID = ruleID
        self.offset = offset
        self.error = error
    }

    /// A lower-case fragment for the reporter.
    public var message: String {
        switch error {
        case .limitExceeded(let kind, _):
            "rule stopped: pattern hit the PCRE2 \(kind.rawValue); the rest of this document was not checked by it"
        default:
            "rule stopped: \(error.description)"
        }
    }
}
