/// The text of `scrapelint rules` and `scrapelint rules explain`: a rule file is its own
/// documentation.
public enum RuleDocumentation {
    /// One line per rule: id, kind, severity, family and the first sentence of its description.
    public static func list(_ rules: [Rule], selected: Set<String>) -> String {
        let idWidth = rules.map(\.id.count).max() ?? 0
        return rules.map { rule in
            let state = selected.contains(rule.id) ? " " : "-"
            let columns = [
                state + " " + rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0),
                rule.kind.name.padding(toLength: RuleKind.names.map(\.count).max()!, withPad: " ", startingAt: 0),
                rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0),
                summary(of: rule.description),
            ]
            return columns.joined(separator: " ") + "\n"
        }.joined()
    }

    /// The whole description, the message, the fix and every example with its marked spans.
    public static func explain(_ rule: Rule) -> String {
        var text = "\(rule.id) (\(rule.family), \(rule.kind.name), \(rule.severity.rawValue)"
        text += rule.enabledByDefault ? ")\n" : ", off unless enabled)\n"
        text += "source: \(rule.source)\n\n"
        text += rule.description.trimmingTrailingSpace + "\n\n"
        text += "message: \(rule.message.source)\n"
        if let fix = fixDescription(rule) { text += "fix: \(fix)" + (rule.safeFix ? " (safe: --fix applies it)" : " (--fix-only \(rule.id) applies it)") + "\n" }
        for pattern in rule.kind.patterns { text += "pattern: \(pattern)\n" }
        if case .consistency(let check) = rule.kind {
            for shape in check.words { text += "words: \(shape.description)\n" }
        }
        if case .pattern(let check) = rule.kind {
            // Rule authors ask why a rule is slow: one with literals skips most texts unread.
            // One text under 8 KB linted alone is searched whole: reading the literals would cost more.
            let alone = "; a text under \(PatternSearch.minimumReadingSize / 1024) KB linted alone, whole"
            text += "searched in: " + (check.search.literals.alternatives.map { "texts that contain " + describe($0) + alone } ?? "every text")
                + "\n"
            if let requires = check.search.requires {
                let window = check.search.window.rawValue
                let searches = PatternSearch.searches(for: requires)
                text += "then only in the \(window)s that 'requires' hits"
                text += searches.count == 1 ? "\n" : " (in a corpus or a text over \(PatternSearch.minimumSplitSize / 1024) KB, searched as "
                    + "\(searches.count): " + searches.map(\.source).joined(separator: "  ") + ")\n"
            }
        }
        if !rule.examples.match.isEmpty {
            text += "\nreported (⟦ ⟧ marks each span):\n"
            for example in rule.examples.match { text += "  \(MessageTemplate.visible(example, limit: 400))\n" }
        }
        if !rule.examples.noMatch.isEmpty {
            text += "\nnot reported:\n"
            for example in rule.examples.noMatch { text += "  \(MessageTemplate.visible(example, limit: 400))\n" }
        }
        return text
    }

    static func summary(of description: String) -> String {
        let flat = description.split(whereSeparator: \.isNewline).joined(separator: " ")
        if let end = flat.range(of: ". ") { return String(flat[..<end.lowerBound]) }
        return flat.hasSuffix(".") ? String(flat.dropLast()) : flat
    }

    /// `"use" and "cookies", or "cookie"`: the literals, ASCII letters in lower case.
    private static func describe(_ alternatives: [[[UInt8]]]) -> String {
        alternatives.map { literals in
            literals.map { "\"" + MessageTemplate.visible(String(decoding: $0, as: UTF8.self)) + "\"" }.joined(separator: " and ")
        }.joined(separator: ", or ")
    }

    private static func fixDescription(_ rule: Rule) -> String? {
        switch rule.kind {
        case .casing: return "replace with the canonical form"
        case .substitution: return "replace with the right word, in the same case"
        case .balance, .consistency, .repetition, .merge, .lineScore, .block: return nil
        case .unusedSuppression: return nil
        case .pattern(let check):
            switch check.fix {
            case nil: return nil
            case .delete: return "delete the span"
            case .deleteLine: return "delete the line"
            case .replace(let template): return "replace the match with \"\(MessageTemplate.visible(template))\""
            case .text(let bytes): return "replace with \"\(String(decoding: bytes, as: UTF8.self))\""
            }
        }
    }
}

extension String {
    var trimmingTrailingSpace: String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
