import Foundation
import Yams

/// Reads `.scrapelint.yml` files. Unknown keys, unknown rule ids or families and wrong types are
/// errors at the key (`file:line:col: error: ...`), never a silent fallback to defaults.
public enum ConfigParser {
    /// Parses the file at `path`, following `extends`. `known` holds the rule ids and families
    /// that may be named (the built-in ones and those of rule folders).
    /// With `known` nil, rule ids and families are not checked (to read `rule-folders` first).
    public static func load(_ path: String, known: (ids: Set<String>, families: Set<String>)?, seen: Set<String> = []) throws(RuleLoadError) -> ConfigFile {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !seen.contains(absolute) else { throw RuleLoadError(file: path, message: "'extends' goes round in a circle") }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw RuleLoadError(file: path, message: "cannot read the configuration file")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return ConfigFile(path: path) }
            root = node
        } catch {
            throw RuleLoadError(file: path, message: "not valid YAML: \(error)")
        }
        var fields = try YAMLMapping(root, file: path, what: "a configuration file")
        var config = ConfigFile(path: path)
        func origin(_ node: Node?) -> ConfigFile.Origin {
            ConfigFile.Origin(file: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
        }
        if let extends = try fields.string("extends") {
            let target = extends.hasPrefix("/") ? extends : config.folder.isEmpty ? extends : config.folder + "/" + extends
            config.extends = [try load(target, known: known, seen: seen.union([absolute]))]
        }
        if let node = fields.node("rules") {
            config.rules = try ruleSettings(node, file: path, known: known?.ids, origin: origin)
        }
        if let node = fields.node("families") {
            guard let mapping = node.mapping else { throw YAMLMapping.error(path, node, "'families': must map families to on or off") }
            for (key, value) in mapping {
                let name = key.scalar?.string ?? ""
                guard known?.families.contains(name) ?? true else { throw YAMLMapping.error(path, key, "unknown family '\(name)'") }
                guard let on = switchValue(value) else { throw YAMLMapping.error(path, value, "'\(name)': must be on or off") }
                config.families[name] = .init(value: on, origin: origin(key))
            }
        }
        for key in ["include", "exclude", "rule-folders"] {
            guard let list = try fields.stringList(key) else { continue }
            let setting = ConfigFile.Setting(value: list.map(\.0), origin: origin(fields.node(key)))
            switch key {
            case "include": config.include = setting
            case "exclude": config.exclude = setting
            default: config.ruleFolders = setting
            }
        }
        if let name = try fields.string("fail-on") {
            guard let severity = Severity(rawValue: name) else { throw fields.error(at: "fail-on", "'\(name)' is not one of error, warning, note") }
            config.failOn = .init(value: severity, origin: origin(fields.node("fail-on")))
        }
        if let name = try fields.string("column-unit") {
            guard let unit = ColumnUnit(rawValue: name) else { throw fields.error(at: "column-unit", "'\(name)' is not one of byte, utf16, codepoint") }
            config.columnUnit = .init(value: unit, origin: origin(fields.node("column-unit")))
        }
        if let node = fields.node("overrides") {
            guard let sequence = node.sequence else { throw YAMLMapping.error(path, node, "'overrides': must be a list") }
            for item in sequence {
                var entry = try YAMLMapping(item, file: path, what: "every override")
                guard let files = try entry.stringList("files"), !files.isEmpty else { throw entry.missing("files") }
                guard let rulesNode = entry.node("rules") else { throw entry.missing("rules") }
                let rules = try ruleSettings(rulesNode, file: path, known: known?.ids, origin: origin)
                try entry.rejectUnknownKeys()
                config.overrides.append(.init(files: files.map(\.0), rules: rules, origin: origin(item)))
            }
        }
        try fields.rejectUnknownKeys()
        return config
    }

    /// `rule-id: off | on | error | warning | note | {severity, enabled, terms, words, exceptions}`.
    private static func ruleSettings(_ node: Node, file: String, known: Set<String>?,
                                     origin: (Node?) -> ConfigFile.Origin) throws(RuleLoadError) -> [String: ConfigFile.RuleSetting] {
        guard let mapping = node.mapping else { throw YAMLMapping.error(file, node, "'rules': must map rule ids to settings") }
        var settings: [String: ConfigFile.RuleSetting] = [:]
        for (key, value) in mapping {
            let id = key.scalar?.string ?? ""
            guard known?.contains(id) ?? true else { throw YAMLMapping.error(file, key, "unknown rule '\(id)'") }
            var setting = ConfigFile.RuleSetting(origin: origin(key))
            if let scalar = value.scalar {
                if let on = switchValue(value) { setting.enabled = on } else if let severity = Severity(rawValue: scalar.string) {
                    setting.severity = severity
                    setting.enabled = true
                } else {
                    throw YAMLMapping.error(file, value, "'\(id)': must be off, on, a severity or a mapping")
                }
            } else {
                var fields = try YAMLMapping(value, file: file, what: "'\(id)'")
                setting.enabled = try fields.bool("enabled")
                if let name = try fields.string("severity") {
                    guard let severity = Severity(rawValue: name) else { throw fields.error(at: "severity", "'\(name)' is not one of error, warning, note") }
                    setting.severity = severity
                }
                setting.terms = (try fields.stringList("terms") ?? []).map(\.0)
                setting.exceptions = (try fields.stringList("exceptions") ?? []).map(\.0)
                if let words = fields.node("words") {
                    guard let pairs = words.mapping else { throw YAMLMapping.error(file, words, "'words': must map wrong words to right ones") }
                    setting.words = pairs.compactMap { pair in pair.key.scalar.flatMap { key in pair.value.scalar.map { (key.string, $0.string) } } }
                }
                try fields.rejectUnknownKeys()
            }
            settings[id] = setting
        }
        return settings
    }

    private static func switchValue(_ node: Node) -> Bool? {
        switch node.scalar?.string {
        case "on", "true": true
        case "off", "false": false
        default: nil
        }
    }
}
