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
        document.bytes.withUnsafeBufferPointer { bytes in
            for unit in units {
                // Keyed by a hash of the normalised text, made without copying it, holding the first
                // span with that hash; a copy is confirmed by comparing the texts. Two different texts
                // with one hash (not seen in practice with 64 bits) are kept apart in `sharedHashes`.
                let spans = spans(of: unit, in: document, bytes)
                var seen = HashKeyTable<Range<Int>>(minimumCapacity: spans.count)
                var sharedHashes: [UInt64: [Range<Int>]] = [:]
                for range in spans {
                    let (hash, length) = Self.normalizedHash(bytes[range])
                    guard length >= minimumLength else { continue }
                    guard let earlier = seen[hash] else {
                        seen[hash] = range
                        continue
                    }
                    let isCopy = { (other: Range<Int>) in Self.normalized(bytes[other]) == Self.normalized(bytes[range]) }
                    let first: Range<Int>
                    if isCopy(earlier) {
                        first = earlier
                    } else if let other = sharedHashes[hash]?.first(where: isCopy) {
                        first = other
                    } else {
                        sharedHashes[hash, default: []].append(range)
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
    }

    private func spans(of unit: Unit, in document: Document, _ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        switch unit {
        case .paragraph:
            return document.paragraphRanges.map { Document.trimmed($0, in: document.bytes) }
        case .sentence:
            return document.paragraphRanges.flatMap { SentenceSplitter.sentences(in: $0, of: bytes) }
        }
    }

    /// FNV-1a of `normalized(bytes)` and its length, without making it.
    static func normalizedHash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (UInt64, Int) {
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
    static func normalized(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
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
