import Foundation
import Yams

/// One `.scrapelint.yml`, as written: every value with the place it came from, so that errors
/// and `scrapelint config print` can point at it.
public struct ConfigFile: Sendable {
    /// Where a value was set: `file:line:col`.
    public struct Origin: Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let column: Int
        public var description: String { "\(file):\(line):\(column)" }
    }

    public struct Setting<Value: Sendable>: Sendable {
        public let value: Value
        public let origin: Origin
    }

    /// What the file says about one rule.
    public struct RuleSetting: Sendable {
        public var enabled: Bool?
        public var severity: Severity?
        /// Extra canonical names (`casing`), words (`substitution`), exceptions (`pattern`, `consistency`).
        public var terms: [String] = []
        public var words: [(String, String)] = []
        public var exceptions: [String] = []
        public let origin: Origin
    }

    public struct Override: Sendable {
        public let files: [String]
        public let rules: [String: RuleSetting]
        public let origin: Origin
    }

    public let path: String
    /// The file named by `extends` (an array only to break the value type's recursion).
    public var extends: [ConfigFile] = []
    public var rules: [String: RuleSetting] = [:]
    public var families: [String: Setting<Bool>] = [:]
    public var include: Setting<[String]>?
    public var exclude: Setting<[String]>?
    public var ruleFolders: Setting<[String]>?
    public var failOn: Setting<Severity>?
    public var columnUnit: Setting<ColumnUnit>?
    public var overrides: [Override] = []

    /// The folder the file is in; globs and rule folders are relative to it.
    public var folder: String { (path as NSString).deletingLastPathComponent }

    /// The chain from the outermost `extends` to this file, the order in which they apply.
    public var chain: [ConfigFile] { extends.flatMap(\.chain) + [self] }
}
