/// The `repetition` kind: a paragraph, line or sentence that appears twice in one document, after
/// whitespace is normalised and case folded, reported at each later copy. Units are checked
/// largest first; a sentence inside a repeated paragraph is not reported again.
public struct RepetitionCheck: Sendable {
    enum Unit: String, Sendable, CaseIterable {
        case paragraph, sentence
    }

    let units: [Unit]
    /// Shorter units (in characters, after normalisation) are not compared.
    let minimumLength: Int

    func run(_ rule: Rule, on document: Document, into output: inout [Diagnostic]) {
        var reported: [Range<Int>] = []
        for unit in units {
            var seen: [String: Range<Int>] = [:]
            for range in spans(of: unit, in: document) {
                let key = Self.normalized(document.text(in: range))
                guard key.count >= minimumLength else { continue }
                guard let first = seen[key] else {
                    seen[key] = range
                    continue
                }
                if reported.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
                    continue
                }
                reported.append(range)
                let line = document.lines.lineIndex(of: first.lowerBound) + 1
                output.append(rule.diagnostic(
                    at: range, in: document, detail: "\(unit.rawValue) repeats line \(line)",
                    related: [RelatedLocation(range: first, message: "first copy")]))
            }
        }
    }

    private func spans(of unit: Unit, in document: Document) -> [Range<Int>] {
        switch unit {
        case .paragraph:
            return document.paragraphRanges.map { Self.trimmed($0, in: document.bytes) }
        case .sentence:
            return document.paragraphRanges.flatMap { SentenceSplitter.sentences(in: $0, of: document.bytes) }
        }
    }

    static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }
}
