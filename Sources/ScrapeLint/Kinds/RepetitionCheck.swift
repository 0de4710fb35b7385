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
        // Sorted and disjoint: paragraphs come first and in order, and a sentence is reported
        // only outside them, so a binary search finds the one that could contain a span.
        var reported: [Range<Int>] = []
        for unit in units {
            // Keyed by a hash of the normalised text, made without copying it; a hash shared by
            // two different texts is told apart by comparing them.
            var seen = HashKeyTable<[Range<Int>]>(minimumCapacity: 1024)
            for range in spans(of: unit, in: document) {
                let (hash, length) = Self.normalizedHash(document.bytes[range])
                guard length >= minimumLength else { continue }
                guard let candidates = seen[hash],
                      let first = candidates.first(where: { Self.normalized(document.bytes[$0]) == Self.normalized(document.bytes[range]) })
                else {
                    seen[hash, default: []].append(range)
                    continue
                }
                if reported.indexOfRange(containing: range) != nil { continue }
                reported.insert(range, at: reported.insertionIndex(of: range.lowerBound))
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

    /// FNV-1a of `normalized(bytes)` and its length, without making it.
    static func normalizedHash(_ bytes: ArraySlice<UInt8>) -> (UInt64, Int) {
        var hash = FNV1a()
        var length = 0, pendingSpace = false
        for byte in bytes {
            if byte.isASCIISpace {
                pendingSpace = length > 0
                continue
            }
            if pendingSpace {
                hash.mix(0x20)
                length += 1
            }
            pendingSpace = false
            hash.mix(byte.asciiLowercased)
            length += 1
        }
        return (hash.value, length)
    }

    /// Runs of white space as one space, ASCII letters in lower case; other bytes as they are
    /// (comparing copies needs equality, not a full Unicode case fold).
    static func normalized(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte.isASCIISpace {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            output.append(byte.asciiLowercased)
        }
        return output
    }
}
