import PCRE2

/// One rule, as its YAML file describes it: what it finds, how it reports, how it fixes, and
/// the examples that document and test it. A class, though immutable: a rule is handed around
/// for every document, and a struct of this many fields costs a retain and a release per field
/// at each hand (a fifth of the time of a short document went to that).
public final class Rule: Sendable {
    /// Kebab-case id, equal to the file name, stable forever.
    public let id: String
    /// The folder the rule file is in (`boilerplate`, `spacing`, ...).
    public let family: String
    public let severity: Severity
    public let message: MessageTemplate
    public let description: String
    public let kind: RuleKind
    /// False for opt-in rules, which run only when enabled by name or family.
    public let enabledByDefault: Bool
    /// `--fix` applies this rule's fixes (others only when named with `--fix-only`).
    public let safeFix: Bool
    public let examples: RuleExamples
    /// Where the rule came from: a path, or `builtin:` plus its path in `Rules/`.
    public let source: String

    init(id: String, family: String, severity: Severity, message: MessageTemplate, description: String, kind: RuleKind,
         enabledByDefault: Bool, safeFix: Bool, examples: RuleExamples, source: String) {
        self.id = id
        self.family = family
        self.severity = severity
        self.message = message
        self.description = description
        self.kind = kind
        self.enabledByDefault = enabledByDefault
        self.safeFix = safeFix
        self.examples = examples
        self.source = source
    }

    /// Runs the rule over `document`, appending findings in match order.
    /// - Throws: `RuleFailure` when a pattern hits a resource limit.
    public func check(_ document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws(RuleFailure) {
        do {
            switch kind {
            case .pattern(let check): try check.run(self, on: document, with: matcher, into: &output)
            case .casing(let check): try check.run(self, on: document, with: matcher, into: &output)
            case .balance(let check): try check.run(self, on: document, with: matcher, into: &output)
            case .consistency(let check): try check.run(self, on: document, with: matcher, into: &output)
            case .repetition(let check): try check.run(self, on: document, with: matcher, into: &output)
            case .merge(let check): try check.run(self, on: document, with: matcher, into: &output)
            case .lineScore(let check): try check.run(self, on: document, with: matcher, into: &output)
            case .substitution(let check): try check.run(self, on: document, with: matcher, into: &output)
            case .block:
                // A block rule reads the findings of the other rules of its family, which only the
                // engine has: it runs it after them (`Engine.lint`). Alone it finds nothing.
                break
            case .unusedSuppression:
                // On its own (as in its examples) every directive suppresses nothing.
                for directive in try Suppressions(document: document, matcher: matcher).directives {
                    output.append(diagnostic(at: directive.range, in: document))
                }
            }
        } catch let error as PCRE2Error {
            throw RuleFailure(ruleID: id, offset: matcher.lastAttemptOffset, error: error)
        } catch {
            throw RuleFailure(ruleID: id, offset: matcher.lastAttemptOffset, error: .match(code: 0, message: "\(error)"))
        }
    }

    /// A finding of this rule at `span`, its message rendered.
    func diagnostic(at span: Range<Int>, in document: Document, fix: Fix? = nil, detail: String = "",
                    related: [RelatedLocation] = []) -> Diagnostic {
        let expected = fix.map { String(decoding: $0.replacement, as: UTF8.self) }
        let text = message.render(match: document.text(in: span), expected: expected, detail: detail)
        return Diagnostic(ruleID: id, severity: severity, message: text, range: span, fix: fix, related: related)
    }
}
