import PCRE2

/// Runs a fixed list of rules over documents. Holds only immutable compiled rules, so one engine
/// serves every thread; each thread brings its own `Matcher`.
public struct Engine: Sendable {
    public let rules: [Rule]

    public init(rules: [Rule]) {
        self.rules = rules
    }

    /// Every finding of every rule in `document`, in report order.
    public func lint(_ document: Document, with matcher: Matcher) -> DocumentReport {
        var diagnostics: [Diagnostic] = []
        var failures: [RuleFailure] = []
        for rule in rules {
            do {
                try rule.check(document, with: matcher, into: &diagnostics)
            } catch {
                failures.append(error)
            }
        }
        diagnostics.sort(by: Diagnostic.inReportOrder)
        return DocumentReport(document: document, diagnostics: diagnostics, failures: failures)
    }
}

/// What linting one document found.
public struct DocumentReport: Sendable {
    public let document: Document
    /// Sorted by position, then rule id.
    public let diagnostics: [Diagnostic]
    /// Rules that could not finish on this document.
    public let failures: [RuleFailure]

    public init(document: Document, diagnostics: [Diagnostic], failures: [RuleFailure] = []) {
        self.document = document
        self.diagnostics = diagnostics
        self.failures = failures
    }
}
