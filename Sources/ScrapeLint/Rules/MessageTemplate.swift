/// A rule's message with placeholders: `{match}` (the reported text), `{expected}` (the text
/// the fix would put there) and `{detail}` (what the rule's kind says about this finding).
public struct MessageTemplate: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case text(String)
        case match
        case expected
        case detail
    }

    let segments: [Segment]
    /// The template as written in the rule file.
    public let source: String

    /// Parses `source`; an unknown `{name}` is an error, so a typo never reaches the output.
    init(_ source: String) throws(MessageTemplateError) {
        self.source = source
        var segments: [Segment] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            let placeholder: Segment
            switch name {
            case "match": placeholder = .match
            case "expected": placeholder = .expected
            case "detail": placeholder = .detail
            default: throw MessageTemplateError(placeholder: String(name))
            }
            if open > rest.startIndex { segments.append(.text(String(rest[..<open]))) }
            segments.append(placeholder)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        self.segments = segments
    }

    var usesExpected: Bool { segments.contains(.expected) }
    var usesDetail: Bool { segments.contains(.detail) }

    /// The message for one finding; inserted texts are shown on one line and shortened.
    func render(match: String, expected: String?, detail: String = "") -> String {
        var output = ""
        for segment in segments {
            switch segment {
            case .text(let text): output += text
            case .match: output += Self.visible(match)
            case .expected: output += Self.visible(expected ?? "")
            case .detail: output += detail
            }
        }
        return output
    }

    /// Line breaks, tabs and other invisible characters written as escapes, long text cut.
    static func visible(_ text: String, limit: Int = 60) -> String {
        var output = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                output += "…"
                break
            }
            switch scalar.value {
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x00..<0x20, 0x7F, 0xA0, 0x200B...0x200F, 0x2028, 0x2029, 0xFEFF:
                output += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: output.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return output
    }
}

struct MessageTemplateError: Error {
    let placeholder: String
}
