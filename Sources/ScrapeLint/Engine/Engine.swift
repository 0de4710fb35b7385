import PCRE2

/// Runs a fixed list of rules over documents. Holds only immutable compiled rules, so one engine
/// serves every thread; each thread brings its own `Matcher`.
public struct Engine: Sendable {
    public let rules: [Rule]
    /// Whether `<!-- scrapelint-... -->` comments in the text silence findings.
    public let inlineConfig: Bool
    private let familyOf: [String: String]
    /// The rules sorted once by when they run: the ones that read the text, the block rules
    /// that read their findings, and the unused-suppression rule, if on. Sorting them per
    /// document copied every rule and its kind (a retain per field), which was a fifth of the
    /// time of a short document.
    private let textRules: [Rule]
    private let blockRules: [(rule: Rule, check: BlockCheck)]
    private let unusedRule: Rule?

    public init(rules: [Rule], inlineConfig: Bool = true) {
        self.rules = rules
        self.inlineConfig = inlineConfig
        familyOf = Dictionary(rules.map { ($0.id, $0.family) }, uniquingKeysWith: { first, _ in first })
        var textRules: [Rule] = [], blockRules: [(rule: Rule, check: BlockCheck)] = [], unusedRule: Rule?
        for rule in rules {
            switch rule.kind {
            case .unusedSuppression: unusedRule = rule
            case .block(let check): blockRules.append((rule, check))
            default: textRules.append(rule)
            }
        }
        self.textRules = textRules
        self.blockRules = blockRules
        self.unusedRule = unusedRule
    }

    /// Every finding of every rule in `document`, in report order.
    public func lint(_ document: Document, with matcher: Matcher) -> DocumentReport {
        var unused: [String: Duration]?
        return lint(document, with: matcher, timings: &unused)
    }

    /// The same, adding each rule's matching time to `timings` when it is not nil (`--timings`).
    public func lint(_ document: Document, with matcher: Matcher, timings: inout [String: Duration]?) -> DocumentReport {
        var diagnostics: [Diagnostic] = []
        var failures: [RuleFailure] = []
        for index in textRules.indices {
            let start = timings == nil ? nil : ContinuousClock.now
            let indexing = timings == nil ? .zero : document.indexingDuration
            do {
                try textRules[index].check(document, with: matcher, into: &diagnostics)
            } catch {
                failures.append(error)
            }
            if let start {
                // An index the rule was the first to ask for is the documents' cost, not the rule's.
                let built = document.indexingDuration - indexing
                timings?[textRules[index].id, default: .zero] += ContinuousClock.now - start - built
                timings?[LintRunner.readingRow, default: .zero] += built
            }
        }
        // Block rules read what the others of their family found, so they come after them.
        for (rule, check) in blockRules {
            let start = timings == nil ? nil : ContinuousClock.now
            let flagged = diagnostics.filter { familyOf[$0.ruleID] == rule.family }.map(\.range)
            check.run(rule, on: document, flagged: flagged, into: &diagnostics)
            if let start { timings?[rule.id, default: .zero] += ContinuousClock.now - start }
        }
        // Reading the inline directives serves every rule; its time is the unused-suppression
        // rule's row, or a row of its own when that rule is off.
        let start = timings == nil ? nil : ContinuousClock.now
        if inlineConfig, document.bytes.count >= 20, let suppressions = try? Suppressions(document: document, matcher: matcher),
           !suppressions.directives.isEmpty {
            let (kept, unused) = suppressions.apply(to: diagnostics, in: document, familyOf: familyOf)
            diagnostics = kept
            if let unusedRule {
                diagnostics += unused.map { unusedRule.diagnostic(at: $0, in: document) }
            }
        }
        if let start, inlineConfig { timings?[unusedRule?.id ?? "(inline suppressions)", default: .zero] += ContinuousClock.now - start }
        return DocumentReport(document: document, diagnostics: distinct(diagnostics), failures: failures)
    }

    /// In report order, with one finding per place and family: two rules of one family that
    /// flag the same text (a known name and its inconsistent casing, a boilerplate phrase and a
    /// boilerplate line) say one thing. Of two equal spans the more severe stays, then the first
    /// by rule id; of a span and one inside it, the one inside, which says more precisely where.
    private func distinct(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var kept: [Diagnostic] = []
        for (_, group) in Dictionary(grouping: diagnostics, by: { familyOf[$0.ruleID] ?? $0.ruleID }) {
            let ordered = group.sorted { lhs, rhs in
                if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
                if lhs.range.upperBound != rhs.range.upperBound { return lhs.range.upperBound > rhs.range.upperBound }
                return (lhs.severity, rhs.ruleID) > (rhs.severity, lhs.ruleID)
            }
            var dropped = Array(repeating: false, count: ordered.count)
            var open: [Int] = []  // indices of spans that may still contain later ones
            for (index, diagnostic) in ordered.enumerated() {
                while let last = open.last, ordered[last].range.upperBound <= diagnostic.range.lowerBound,
                      !(ordered[last].range.isEmpty && ordered[last].range.lowerBound == diagnostic.range.lowerBound) {
                    open.removeLast()
                }
                if let last = open.last, ordered[last].range == diagnostic.range {
                    dropped[index] = true
                    continue
                }
                for container in open where ordered[container].range.upperBound >= diagnostic.range.upperBound {
                    dropped[container] = true
                }
                open.append(index)
            }
            kept += ordered.indices.filter { !dropped[$0] }.map { ordered[$0] }
        }
        return kept.sorted(by: Diagnostic.inReportOrder)
    }
}

/// What linting one document found.
public struct DocumentReport: Sendable {
    public let document: Document
    /// Sorted by position, then rule id.
    public let diagnostics: [Diagnostic]
    /// Rules that could not finish on this document.
    public let failures: [RuleFailure]
    /// With `--fix`: what was fixed before this report was made (of the fixed text).
    public var fix: FixResult?

    public init(document: Document, diagnostics: [Diagnostic], failures: [RuleFailure] = [], fix: FixResult? = nil) {
        self.document = document
        self.diagnostics = diagnostics
        self.failures = failures
        self.fix = fix
    }
}

/// What `--fix` did to one document.
public struct FixResult: Sendable {
    /// The text before the fixes (without a BOM).
    public let original: [UInt8]
    public let applied: Int
    /// Why the fixed text could not be written, if it could not.
    public let writeError: String?
}
