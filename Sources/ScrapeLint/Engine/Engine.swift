import PCRE2

/// Runs a fixed list of rules over documents. Holds only immutable compiled rules, so one engine
/// serves every thread; each thread brings its own `Matcher`.
public struct Engine: Sendable {
    public let rules: [Rule]
    private let familyOf: [String: String]

    public init(rules: [Rule]) {
        self.rules = rules
        familyOf = Dictionary(rules.map { ($0.id, $0.family) }, uniquingKeysWith: { first, _ in first })
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
        return DocumentReport(document: document, diagnostics: distinct(diagnostics), failures: failures)
    }

    /// In report order, with one finding per span and family: two rules of one family that
    /// flag the same text (a known name and its inconsistent casing) say one thing. The more
    /// severe one stays, then the first by rule id.
    private func distinct(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        struct Place: Hashable {
            let range: Range<Int>
            let family: String?
        }
        var best: [Place: Diagnostic] = [:]
        for diagnostic in diagnostics {
            let place = Place(range: diagnostic.range, family: familyOf[diagnostic.ruleID])
            if let kept = best[place], (kept.severity, diagnostic.ruleID) > (diagnostic.severity, kept.ruleID) { continue }
            best[place] = diagnostic
        }
        return best.values.sorted(by: Diagnostic.inReportOrder)
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
