import Yams

/// Reads the fields of one YAML mapping, remembers which keys were read, and turns every problem
/// into a `RuleLoadError` that points at the key or value in the file.
struct YAMLMapping {
    let file: String
    let mark: Mark?
    private let entries: [(key: String, keyNode: Node, value: Node)]
    private var used: Set<String> = []

    init(_ node: Node, file: String, what: String) throws(RuleLoadError) {
        self.file = file
        mark = node.mark
        guard let mapping = node.mapping else {
            throw RuleLoadError(file: file, line: node.mark?.line, column: node.mark?.column,
                                message: "\(what) must be a mapping of keys to values")
        }
        var entries: [(String, Node, Node)] = []
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw RuleLoadError(file: file, line: key.mark?.line, column: key.mark?.column,
                                    message: "keys must be plain strings")
            }
            guard seen.insert(name).inserted else {
                throw Self.error(file, key, "duplicate key '\(name)'")
            }
            entries.append((name, key, value))
        }
        self.entries = entries
    }

    static func error(_ file: String, _ node: Node?, _ message: String) -> RuleLoadError {
        RuleLoadError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    /// The value node of `key`, marking the key as read.
    mutating func node(_ key: String) -> Node? {
        used.insert(key)
        return entries.first { $0.key == key }?.value
    }

    func error(at key: String, _ message: String) -> RuleLoadError {
        let node = entries.first { $0.key == key }?.value
        return Self.error(file, node, "'\(key)': \(message)")
    }

    func missing(_ key: String) -> RuleLoadError {
        RuleLoadError(file: file, line: mark?.line, column: mark?.column,
                      message: "missing required field '\(key)'")
    }

    mutating func string(_ key: String) throws(RuleLoadError) -> String? {
        guard let node = node(key) else { return nil }
        guard let scalar = node.scalar else { throw error(at: key, "must be a string") }
        return scalar.string
    }

    mutating func requiredString(_ key: String) throws(RuleLoadError) -> String {
        guard let value = try string(key) else { throw missing(key) }
        guard !value.isEmpty else { throw error(at: key, "must not be empty") }
        return value
    }

    mutating func bool(_ key: String) throws(RuleLoadError) -> Bool? {
        guard let text = try string(key) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw error(at: key, "must be true or false")
        }
    }

    mutating func int(_ key: String) throws(RuleLoadError) -> Int? {
        guard let text = try string(key) else { return nil }
        guard let value = Int(text) else { throw error(at: key, "must be a whole number") }
        return value
    }

    /// A list of whole numbers (`[2, 3]`).
    mutating func intList(_ key: String) throws(RuleLoadError) -> [Int]? {
        guard let node = node(key) else { return nil }
        guard let items = node.sequence else { throw error(at: key, "must be a list of whole numbers") }
        var values: [Int] = []
        for item in items {
            guard let text = item.scalar?.string, let value = Int(text) else { throw Self.error(file, item, "'\(key)': must be a whole number") }
            values.append(value)
        }
        return values
    }

    mutating func double(_ key: String) throws(RuleLoadError) -> Double? {
        guard let text = try string(key) else { return nil }
        guard let value = Double(text) else { throw error(at: key, "must be a number") }
        return value
    }

    /// A list of mappings, each read with its own `YAMLMapping`.
    mutating func mappingList(_ key: String) throws(RuleLoadError) -> [YAMLMapping]? {
        guard let node = node(key) else { return nil }
        guard let sequence = node.sequence else { throw error(at: key, "must be a list") }
        var items: [YAMLMapping] = []
        for item in sequence { items.append(try YAMLMapping(item, file: file, what: "every item of '\(key)'")) }
        return items
    }

    /// A list of names, each one of `allowed`.
    mutating func choices<Choice: RawRepresentable>(_ key: String, of type: Choice.Type) throws(RuleLoadError) -> [Choice]?
    where Choice.RawValue == String, Choice: CaseIterable {
        guard let items = try stringList(key) else { return nil }
        var choices: [Choice] = []
        for (name, node) in items {
            guard let choice = Choice(rawValue: name) else {
                let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
                throw Self.error(file, node, "'\(key)': '\(name)' is not one of \(allowed)")
            }
            choices.append(choice)
        }
        return choices
    }

    /// A list of strings, each with its node (for errors that point at one item).
    mutating func stringList(_ key: String) throws(RuleLoadError) -> [(String, Node)]? {
        guard let node = node(key) else { return nil }
        guard let sequence = node.sequence else { throw error(at: key, "must be a list of strings") }
        var items: [(String, Node)] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                throw Self.error(file, item, "'\(key)': every item must be a string")
            }
            items.append((scalar.string, item))
        }
        return items
    }

    /// Fails on the first key that no reader asked for: a typo must not be silently ignored.
    /// Call after reading every allowed key: those are what the message lists as expected.
    func rejectUnknownKeys() throws(RuleLoadError) {
        for entry in entries where !used.contains(entry.key) {
            let allowed = used.sorted().joined(separator: ", ")
            throw Self.error(file, entry.keyNode, "unknown key '\(entry.key)' (expected one of: \(allowed))")
        }
    }
}
