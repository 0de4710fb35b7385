/// A rule file that cannot be used, with the place in it: `file:line:col: error: message`.
public struct RuleLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): error: \(message)"
    }
}

/// Every error found while loading a set of rule files, so that one run shows them all.
public struct RuleLoadErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [RuleLoadError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
