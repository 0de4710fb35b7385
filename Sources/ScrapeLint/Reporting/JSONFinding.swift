/// One finding as the `json` and `jsonl` formats write it. Field names and meaning are
/// documented in the README ("JSON output") and pinned by tests.
public struct JSONFinding: Codable, Sendable, Equatable {
    public let path: String
    public let ruleId: String
    public let family: String
    public let severity: String
    public let message: String
    public let start: FindingPosition
    public let end: FindingPosition
    public let text: String
    public let fix: JSONFix?
    public let related: [JSONRelated]

    public struct JSONFix: Codable, Sendable, Equatable {
        /// Byte offsets of the text to replace, and what to put there.
        public let start: Int
        public let end: Int
        public let replacement: String
    }

    public struct JSONRelated: Codable, Sendable, Equatable {
        public let start: FindingPosition
        public let end: FindingPosition
        public let message: String
    }

    init(_ diagnostic: Diagnostic, family: String, converter: PositionConverter) {
        let document = converter.document
        path = document.path
        ruleId = diagnostic.ruleID
        self.family = family
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
        start = converter.position(of: diagnostic.range.lowerBound)
        end = converter.position(of: diagnostic.range.upperBound)
        text = document.text(in: diagnostic.range)
        fix = diagnostic.fix.map {
            JSONFix(start: $0.range.lowerBound, end: $0.range.upperBound, replacement: String(decoding: $0.replacement, as: UTF8.self))
        }
        related = diagnostic.related.map {
            JSONRelated(start: converter.position(of: $0.range.lowerBound), end: converter.position(of: $0.range.upperBound), message: $0.message)
        }
    }
}

/// A rule that could not finish on a document, in JSON.
public struct JSONRuleFailure: Codable, Sendable, Equatable {
    public let path: String
    public let ruleId: String
    public let message: String
    public let position: FindingPosition
}

extension JSONFinding {
    /// The finding as one `JSONEncoder` line would write it (`JSONLineWriter`), keys sorted;
    /// each part writes itself, as each encodes itself.
    func write(into writer: inout JSONLineWriter) {
        writer.object { writer in
            writer.key("end"); end.write(into: &writer)
            writer.key("family"); writer.value(family)
            if let fix { writer.key("fix"); fix.write(into: &writer) }
            writer.key("message"); writer.value(message)
            writer.key("path"); writer.value(path)
            writer.key("related"); writer.array(related) { writer, related in related.write(into: &writer) }
            writer.key("ruleId"); writer.value(ruleId)
            writer.key("severity"); writer.value(severity)
            writer.key("start"); start.write(into: &writer)
            writer.key("text"); writer.value(text)
        }
    }
}

extension JSONFinding.JSONFix {
    func write(into writer: inout JSONLineWriter) {
        writer.object { writer in
            writer.key("end"); writer.value(end)
            writer.key("replacement"); writer.value(replacement)
            writer.key("start"); writer.value(start)
        }
    }
}

extension JSONFinding.JSONRelated {
    func write(into writer: inout JSONLineWriter) {
        writer.object { writer in
            writer.key("end"); end.write(into: &writer)
            writer.key("message"); writer.value(message)
            writer.key("start"); start.write(into: &writer)
        }
    }
}

extension FindingPosition {
    func write(into writer: inout JSONLineWriter) {
        writer.object { writer in
            writer.key("byte"); writer.value(byte)
            writer.key("codepointOffset"); writer.value(codepointOffset)
            writer.key("column"); column.write(into: &writer)
            writer.key("line"); writer.value(line)
            writer.key("utf16Offset"); writer.value(utf16Offset)
        }
    }
}

extension FindingPosition.Columns {
    func write(into writer: inout JSONLineWriter) {
        writer.object { writer in
            writer.key("byte"); writer.value(byte)
            writer.key("codepoint"); writer.value(codepoint)
            writer.key("utf16"); writer.value(utf16)
        }
    }
}
