import PCRE2
import Yams

/// Turns one rule file into a `Rule`, or into an error that names the file, the field and, for
/// a bad pattern, PCRE2's message and offset.
enum RuleParser {

    /// - Parameters:
    ///   - name: the file's path as shown in errors.
    ///   - family: the folder the file is in.
    ///   - expectedID: the file name without `.yml`.
    static func parse(yaml: String, name: String, family: String, expectedID: String) throws(RuleLoadError) -> Rule {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                throw RuleLoadError(file: name, message: "the file is empty")
            }
            root = node
        } catch let error as RuleLoadError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: name)
        } catch {
            throw RuleLoadError(file: name, message: "not valid YAML: \(error)")
        }
        var fields = try YAMLMapping(root, file: name, what: "a rule file")

        let id = try fields.requiredString("id")
        guard id == expectedID else {
            throw fields.error(at: "id", "'\(id)' must equal the file name '\(expectedID)'")
        }
        guard isKebabCase(id) else { throw fields.error(at: "id", "'\(id)' must be kebab-case") }
        let kindName = try fields.requiredString("kind")
        let severityName = try fields.requiredString("severity")
        guard let severity = Severity(rawValue: severityName) else {
            throw fields.error(at: "severity", "'\(severityName)' is not one of error, warning, note")
        }
        let messageSource = try fields.requiredString("message")
        let message: MessageTemplate
        do { message = try MessageTemplate(messageSource) } catch {
            throw fields.error(at: "message", "unknown placeholder '{\(error.placeholder)}' (use {match} or {expected})")
        }
        let description = try fields.requiredString("description")
        let enabled = try fields.bool("enabled") ?? true
        let safeFix = try fields.bool("safe-fix") ?? false
        let examples = try parseExamples(&fields)

        let kind: RuleKind
        switch kindName {
        case "pattern": kind = .pattern(try parsePattern(&fields))
        case "casing": kind = .casing(try parseCasing(&fields))
        case "balance": kind = .balance(try parseBalance(&fields))
        case "consistency": kind = .consistency(try parseConsistency(&fields))
        case "repetition": kind = .repetition(try parseRepetition(&fields))
        case "merge": kind = .merge(try parseMerge(&fields))
        case "line-score": kind = .lineScore(try parseLineScore(&fields))
        case "substitution": kind = .substitution(try parseSubstitution(&fields))
        case "block": kind = .block(try parseBlock(&fields))
        case "unused-suppression": kind = .unusedSuppression
        default:
            throw fields.error(at: "kind", "unknown kind '\(kindName)' (expected one of: \(RuleKind.names.joined(separator: ", ")))")
        }
        switch kind {
        case .pattern(let check) where message.usesExpected && check.fix == nil:
            throw fields.error(at: "message", "{expected} needs a fix that replaces text")
        case .pattern, .casing, .substitution, .unusedSuppression:
            if message.usesDetail { throw fields.error(at: "message", "{detail} is not given by the \(kindName) kind") }
        case .balance, .consistency, .repetition, .merge, .lineScore, .block:
            if message.usesExpected { throw fields.error(at: "message", "{expected} is not given by the \(kindName) kind") }
        }
        try fields.rejectUnknownKeys()
        return Rule(id: id, family: family, severity: severity, message: message, description: description,
                    kind: kind, enabledByDefault: enabled, safeFix: safeFix, examples: examples, source: name)
    }

    private static func parsePattern(_ fields: inout YAMLMapping) throws(RuleLoadError) -> PatternCheck {
        let pattern = try fields.string("pattern")
        let tokens = try fields.stringList("tokens")
        let ignoreCase = try fields.bool("ignore-case")
        let source: String
        switch (pattern, tokens) {
        case (let pattern?, nil):
            if ignoreCase != nil { throw fields.error(at: "ignore-case", "goes with 'tokens'; write (?i) in the pattern") }
            source = pattern
        case (nil, let tokens?):
            guard !tokens.isEmpty else { throw fields.error(at: "tokens", "must list at least one phrase") }
            source = PatternCheck.pattern(forPhrases: tokens.map(\.0), ignoreCase: ignoreCase ?? false)
        case (nil, nil): throw fields.missing("pattern' or 'tokens")
        case (_?, _?): throw fields.error(at: "tokens", "give either 'pattern' or 'tokens', not both")
        }
        let search = try compilePrefiltered(source, field: tokens == nil ? "pattern" : "tokens", in: &fields)
        let regex = search.regex

        var group = 0
        if let name = try fields.string("capture") {
            if let number = Int(name) { group = number } else if let number = regex.groupNumber(named: name) {
                group = number
            } else {
                throw fields.error(at: "capture", "the pattern has no group named '\(name)'")
            }
            guard group >= 0, group <= regex.captureCount else {
                throw fields.error(at: "capture", "the pattern has \(regex.captureCount) groups, not \(group)")
            }
        }
        let (exceptions, exceptionSources) = try parseExceptions(&fields)
        let fix = try parseFix(&fields, allowed: ["delete", "delete-line", "replace"])
        return PatternCheck(search: search, group: group, exceptions: exceptions, fix: fix, exceptionSources: exceptionSources)
    }

    /// `exceptions`: patterns of which one matching a finding's span whole drops it; one
    /// anchored alternation, with each item checked on its own so an error names its line.
    static func parseExceptions(_ fields: inout YAMLMapping) throws(RuleLoadError) -> (Regex?, [String]) {
        guard let list = try fields.stringList("exceptions"), !list.isEmpty else { return (nil, []) }
        for (item, node) in list {
            do { _ = try Regex(item) } catch {
                throw YAMLMapping.error(fields.file, node, "'exceptions': \(error)")
            }
        }
        let regex = try compile(list.map { "(?:\($0.0))" }.joined(separator: "|"), field: "exceptions", in: fields,
                                options: [.anchored, .endAnchored])
        return (regex, list.map(\.0))
    }

    private static func parseCasing(_ fields: inout YAMLMapping) throws(RuleLoadError) -> CasingCheck {
        guard let terms = try fields.stringList("terms") else { throw fields.missing("terms") }
        guard !terms.isEmpty else { throw fields.error(at: "terms", "must list at least one name") }
        var seen: [String: String] = [:]
        for (term, node) in terms {
            if let earlier = seen[CasingCheck.key(term)] {
                throw YAMLMapping.error(fields.file, node, "'terms': '\(term)' repeats '\(earlier)'")
            }
            seen[CasingCheck.key(term)] = term
        }
        do { return try CasingCheck(terms: terms.map(\.0)) } catch {
            throw fields.error(at: "terms", "\(error)")
        }
    }

    static func parseFix(_ fields: inout YAMLMapping, allowed: [String]) throws(RuleLoadError) -> FixAction? {
        let name = try fields.string("fix")
        let template = try fields.string("replace")
        if let name, !allowed.contains(name) {
            throw fields.error(at: "fix", "'\(name)' is not one of \(allowed.joined(separator: ", "))")
        }
        switch (name, template) {
        case (nil, nil): return nil
        case (nil, let template?), ("replace", let template?): return .replace(template: template)
        case ("replace", nil): throw fields.missing("replace")
        case ("delete", nil): return .delete
        case ("delete-line", nil): return .deleteLine
        case (let name?, nil):
            throw fields.error(at: "fix", "'\(name)' is not one of \(allowed.joined(separator: ", "))")
        case (_?, _?): throw fields.error(at: "replace", "goes only with 'fix: replace'")
        }
    }

    private static func parseExamples(_ fields: inout YAMLMapping) throws(RuleLoadError) -> RuleExamples {
        guard let node = fields.node("examples") else { return RuleExamples() }
        var examples = try YAMLMapping(node, file: fields.file, what: "'examples'")
        let match = try examples.stringList("match") ?? []
        let noMatch = try examples.stringList("no-match") ?? []
        try examples.rejectUnknownKeys()
        for (text, node) in match {
            do { _ = try MarkedExample(text) } catch {
                throw YAMLMapping.error(fields.file, node, "'examples.match': \(error)")
            }
        }
        return RuleExamples(match: match.map(\.0), noMatch: noMatch.map(\.0))
    }

    /// `source` and the rule's optional `requires` prefilter with its `requires-within` window;
    /// with a prefilter, `source` is compiled so that a search can be limited to a line or a
    /// token (`.offsetLimit`).
    static func compilePrefiltered(_ source: String, field: String, in fields: inout YAMLMapping) throws(RuleLoadError) -> PatternSearch {
        let within = try fields.string("requires-within")
        guard let requires = try fields.string("requires") else {
            if within != nil { throw fields.error(at: "requires-within", "goes with 'requires'") }
            return PatternSearch(regex: try compile(source, field: field, in: fields), requires: nil)
        }
        guard let window = PatternSearch.Window(rawValue: within ?? "line") else {
            throw fields.error(at: "requires-within", "'\(within!)' is not one of line, token")
        }
        return PatternSearch(regex: try compile(source, field: field, in: fields, options: .offsetLimit),
                             requires: try compile(requires, field: "requires", in: fields), window: window)
    }

    static func compile(_ source: String, field: String, in fields: YAMLMapping,
                        options: Regex.Options = []) throws(RuleLoadError) -> Regex {
        do { return try Regex(source, options: options) } catch {
            throw fields.error(at: field, "\(error)")
        }
    }

    private static func yamlError(_ error: YamlError, file: String) -> RuleLoadError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return RuleLoadError(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        default:
            return RuleLoadError(file: file, message: "not valid YAML: \(error)")
        }
    }

    private static func isKebabCase(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
