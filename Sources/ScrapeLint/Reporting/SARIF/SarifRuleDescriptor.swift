/// A rule as SARIF's `reportingDescriptor`: its description for the dashboard, help with an
/// example in Markdown, its default level and its family as a tag.
enum SarifRuleDescriptor {
    static func make(_ rule: Rule) -> SarifLog.ReportingDescriptor {
        let description = rule.description.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingTrailingSpace
        var help = description
        var markdown = "**\(rule.id)** (\(rule.family), \(rule.kind.name))\n\n\(description)"
        if let example = rule.examples.match.first {
            help += "\n\nExample: " + MessageTemplate.visible(example, limit: 200)
            markdown += "\n\nExample (the reported span in ⟦ ⟧):\n\n```\n\(example)\n```"
        }
        return SarifLog.ReportingDescriptor(
            id: rule.id, name: name(rule.id), shortDescription: .init(text: RuleDocumentation.summary(of: description)),
            fullDescription: .init(text: description), help: .init(text: help, markdown: markdown),
            defaultConfiguration: .init(level: SarifReporter.level(rule.severity)),
            properties: .init(tags: [rule.family]))
    }

    /// `boilerplate-comment-prompt` as `BoilerplateCommentPrompt`.
    static func name(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
