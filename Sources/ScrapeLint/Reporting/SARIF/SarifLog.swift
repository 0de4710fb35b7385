/// The parts of SARIF 2.1.0 that scrapelint writes, as `Codable` types (the schema's names).
public struct SarifLog: Codable, Sendable {
    public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public var version = "2.1.0"
    public var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    public struct Run: Codable, Sendable {
        public var tool: Tool
        public var invocations: [Invocation]
        public var originalUriBaseIds: [String: ArtifactLocation]
        public var columnKind: String
        public var results: [Result]
    }

    public struct Tool: Codable, Sendable {
        public var driver: Driver
    }

    public struct Driver: Codable, Sendable {
        public var name: String
        public var version: String
        public var semanticVersion: String
        public var informationUri: String
        public var rules: [ReportingDescriptor]
    }

    public struct ReportingDescriptor: Codable, Sendable {
        public var id: String
        public var name: String
        public var shortDescription: Message
        public var fullDescription: Message
        public var help: MultiformatMessage
        public var defaultConfiguration: Configuration
        public var properties: Properties

        public struct Configuration: Codable, Sendable {
            public var level: String
        }

        public struct Properties: Codable, Sendable {
            public var tags: [String]
        }
    }

    public struct Message: Codable, Sendable {
        public var text: String
    }

    public struct MultiformatMessage: Codable, Sendable {
        public var text: String
        public var markdown: String
    }

    public struct Result: Codable, Sendable {
        public var ruleId: String
        public var ruleIndex: Int
        public var level: String
        public var message: Message
        public var locations: [Location]
        public var partialFingerprints: [String: String]
        public var relatedLocations: [Location]?
        public var fixes: [Fix]?
    }

    public struct Location: Codable, Sendable {
        public var id: Int?
        public var physicalLocation: PhysicalLocation
        public var message: Message?
    }

    public struct PhysicalLocation: Codable, Sendable {
        public var artifactLocation: ArtifactLocation
        public var region: Region
    }

    public struct ArtifactLocation: Codable, Sendable {
        public var uri: String
        public var uriBaseId: String?
    }

    public struct Region: Codable, Sendable {
        public var startLine: Int
        public var startColumn: Int
        public var endLine: Int
        public var endColumn: Int
        public var charOffset: Int
        public var charLength: Int
        public var snippet: Message?
    }

    public struct Fix: Codable, Sendable {
        public var description: Message
        public var artifactChanges: [ArtifactChange]
    }

    public struct ArtifactChange: Codable, Sendable {
        public var artifactLocation: ArtifactLocation
        public var replacements: [Replacement]
    }

    public struct Replacement: Codable, Sendable {
        public var deletedRegion: Region
        public var insertedContent: Message
    }

    public struct Invocation: Codable, Sendable {
        public var executionSuccessful: Bool
        public var exitCode: Int32
        public var toolExecutionNotifications: [Notification]
    }

    public struct Notification: Codable, Sendable {
        public var level: String
        public var message: Message
        public var locations: [Location]
        public var associatedRule: RuleReference?
    }

    public struct RuleReference: Codable, Sendable {
        public var id: String
        public var index: Int?
    }
}
