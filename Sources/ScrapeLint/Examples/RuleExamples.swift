/// A rule's examples: texts it must report (spans marked `⟦…⟧`) and texts it must leave alone.
public struct RuleExamples: Sendable {
    public let match: [String]
    public let noMatch: [String]

    public init(match: [String] = [], noMatch: [String] = []) {
        self.match = match
        self.noMatch = noMatch
    }

    public var isEmpty: Bool { match.isEmpty && noMatch.isEmpty }
}

/// An example text with its markers taken out and the spans they marked, as byte offsets.
public struct MarkedExample: Sendable, Equatable {
    public let text: String
    public let spans: [Range<Int>]

    /// Parses `marked`; nested, unclosed or stray markers are an error.
    public init(_ marked: String) throws(MarkedExampleError) {
        var text: [UInt8] = []
        var spans: [Range<Int>] = []
        var openAt: Int?
        // Scalars, not Characters: a marker must not merge with a combining mark after it.
        for scalar in marked.unicodeScalars {
            switch scalar {
            case "⟦":
                guard openAt == nil else { throw .nested }
                openAt = text.count
            case "⟧":
                guard let start = openAt else { throw .strayClose }
                spans.append(start..<text.count)
                openAt = nil
            default:
                text.append(contentsOf: String(scalar).utf8)
            }
        }
        guard openAt == nil else { throw .unclosed }
        self.text = String(decoding: text, as: UTF8.self)
        self.spans = spans
    }
}

public enum MarkedExampleError: Error, CustomStringConvertible {
    case nested, unclosed, strayClose

    public var description: String {
        switch self {
        case .nested: "span markers ⟦ ⟧ cannot nest"
        case .unclosed: "a ⟦ has no closing ⟧"
        case .strayClose: "a ⟧ has no opening ⟦"
        }
    }
}
