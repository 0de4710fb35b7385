import PCRE2

/// Runs a fixed list of rules over documents. Holds only immutable compiled rules, so one engine
/// serves every thread; each thread brings its own `Matcher`.
public struct Engine: Sendable {
    public let rules: [Rule]
    /// Whether `<!-- scrapelint-... -->` comments in the text silence findings.
    public let inlineConfig: Bool
    private let familyOf: [String: String]
    /// Each rule id's rank among the ids (sorted) and its family's number: the integer keys the
    /// findings are ordered by (`distinct`), numbered once, not per document.
    private let order: [String: (rule: Int, family: Int)]
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
        var order: [String: (rule: Int, family: Int)] = [:], families: [String: Int] = [:]
        for (rank, id) in familyOf.keys.sorted().enumerated() {
            let family = familyOf[id]!
            if families[family] == nil { families[family] = families.count }
            order[id] = (rank, families[family]!)
        }
        self.order = order
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

    /// Reads every pattern's literals and splits every prefilter now, as a text of 8 KB or more
    /// would: for a run over many texts (a folder, a JSON Lines corpus), whose short texts then
    /// skip the rules whose literals they lack. A run over a few texts does not call it (reading
    /// takes 5-7 ms).
    public func prepareForCorpus() {
        for rule in rules {
            for search in rule.kind.patternSearches { search.prepare() }
        }
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
        guard diagnostics.count > 1 else { return diagnostics }
        // The sorts compare integers and move indices (`order`), where grouping by family String
        // and sorting the findings themselves (a copy retains each of their references) was 2 %
        // of a run. Every finding comes from one of the engine's rules (an id it did not number
        // would sort last, in a family of its own).
        let keys = diagnostics.map { diagnostic in
            let order = self.order[diagnostic.ruleID] ?? (rule: Int.max, family: Int.max)
            return SortKey(family: order.family, range: diagnostic.range, severity: diagnostic.severity, rule: order.rule)
        }
        let ordered = keys.indices.sorted { lhs, rhs in
            let left = keys[lhs], right = keys[rhs]
            if left.family != right.family { return left.family < right.family }
            if left.range.lowerBound != right.range.lowerBound { return left.range.lowerBound < right.range.lowerBound }
            if left.range.upperBound != right.range.upperBound { return left.range.upperBound > right.range.upperBound }
            if left.severity != right.severity { return left.severity > right.severity }
            return (left.rule, lhs) < (right.rule, rhs)
        }
        var dropped = Array(repeating: false, count: keys.count)
        var open: [Int] = []  // spans of the family that may still contain later ones
        for (position, index) in ordered.enumerated() {
            let range = keys[index].range
            if position > 0, keys[ordered[position - 1]].family != keys[index].family { open.removeAll(keepingCapacity: true) }
            while let last = open.last, keys[last].range.upperBound <= range.lowerBound,
                  !(keys[last].range.isEmpty && keys[last].range.lowerBound == range.lowerBound) {
                open.removeLast()
            }
            if let last = open.last, keys[last].range == range {
                dropped[index] = true
                continue
            }
            for container in open where keys[container].range.upperBound >= range.upperBound {
                dropped[container] = true
            }
            open.append(index)
        }
        // Report order (`Diagnostic.inReportOrder`): position, rule id, end.
        let kept = keys.indices.filter { !dropped[$0] }.sorted { lhs, rhs in
            let left = keys[lhs], right = keys[rhs]
            if left.range.lowerBound != right.range.lowerBound { return left.range.lowerBound < right.range.lowerBound }
            if left.rule != right.rule { return left.rule < right.rule }
            return left.range.upperBound < right.range.upperBound
        }
        return kept.map { diagnostics[$0] }
    }

    /// What `distinct` orders a finding by.
    private struct SortKey {
        let family: Int
        let range: Range<Int>
        let severity: Severity
        /// The rank of the rule id among the engine's ids, which orders as the ids do.
        let rule: Int
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
