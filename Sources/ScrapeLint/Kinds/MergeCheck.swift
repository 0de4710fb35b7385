import PCRE2

/// The `merge` kind: places where one text turns into another. Each signal is a pattern whose
/// hits are candidate boundaries; hits within `window` bytes form one boundary, scored by the
/// weights of the distinct signals there plus any house-style `shifts` across it (a form used
/// only before and its rival only after). A boundary scoring at least `threshold` is one finding,
/// its message naming the signals.
public struct MergeCheck: Sendable {
    struct Signal: Sendable {
        enum Source: Sendable {
            case pattern(Regex, group: Int)
            case topicShift(TopicShift)
        }

        let name: String
        let source: Source
        let weight: Double
        /// A signal that fires more often than this in one document describes the document (an
        /// extractor that drops every paragraph break), not a boundary: its hits are ignored.
        let maximumPerDocument: Int?
        /// Hits in the first paragraph or the first 30 words are not boundaries: a headline and
        /// a dateline open a text.
        let midTextOnly: Bool
    }

    struct Shift: Sendable {
        let name: String
        let first: Regex
        let second: Regex
        let weight: Double
    }

    let signals: [Signal]
    let shifts: [Shift]
    let threshold: Double
    let window: Int

    struct Hit {
        let range: Range<Int>
        let signal: Int
    }

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        let paragraphs = document.paragraphRanges
        let textStart = max(paragraphs.first?.upperBound ?? 0, Self.offset(afterWords: 30, in: document.bytes))
        var hits: [Hit] = []
        var shiftPlaces: [(first: [Int], second: [Int])] = []
        try document.bytes.withUnsafeBufferPointer { subject in
            for (index, signal) in signals.enumerated() {
                var spans: [Range<Int>] = []
                switch signal.source {
                case .pattern(let regex, let group):
                    try matcher.forEachMatch(of: regex, in: subject) { match in
                        if let span = match.range(ofGroup: group) { spans.append(span) }
                        return true
                    }
                case .topicShift(let shift):
                    spans = try shift.boundaries(in: document, with: matcher)
                }
                if signal.midTextOnly { spans.removeAll { $0.lowerBound < textStart } }
                if let limit = signal.maximumPerDocument, spans.count > limit { continue }
                hits += spans.map { Hit(range: $0, signal: index) }
            }
            for shift in shifts {
                shiftPlaces.append((try Self.starts(of: shift.first, in: subject, matcher),
                                    try Self.starts(of: shift.second, in: subject, matcher)))
            }
        }
        // By place; at one place the longest span first, which the finding then covers.
        hits.sort { ($0.range.lowerBound, -$0.range.upperBound, $0.signal) < ($1.range.lowerBound, -$1.range.upperBound, $1.signal) }
        var index = 0
        while index < hits.count {
            var cluster = [hits[index]]
            index += 1
            while index < hits.count, hits[index].range.lowerBound - cluster[0].range.lowerBound <= window {
                cluster.append(hits[index])
                index += 1
            }
            var fired = Array(Set(cluster.map(\.signal))).sorted().map { (signals[$0].name, signals[$0].weight) }
            let boundary = cluster[0].range.lowerBound
            for (shift, places) in zip(shifts, shiftPlaces) where Self.shifts(places, at: boundary) {
                fired.append((shift.name, shift.weight))
            }
            guard fired.reduce(0, { $0 + $1.1 }) >= threshold else { continue }
            let span = cluster[0].range.lowerBound..<max(cluster[0].range.upperBound, cluster[0].range.lowerBound)
            output.append(rule.diagnostic(at: span, in: document, detail: fired.map(\.0).joined(separator: ", ")))
        }
    }

    static func offset(afterWords count: Int, in bytes: [UInt8]) -> Int {
        var words = 0, inWord = false
        for (offset, byte) in bytes.enumerated() {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space && !inWord {
                if words == count { return offset }
                words += 1
            }
            inWord = !space
        }
        return bytes.count
    }

    private static func starts(of regex: Regex, in subject: UnsafeBufferPointer<UInt8>, _ matcher: Matcher) throws -> [Int] {
        var starts: [Int] = []
        try matcher.forEachMatch(of: regex, in: subject) { match in
            starts.append(match.range.lowerBound)
            return true
        }
        return starts
    }

    /// One form only before `boundary` and the other only after it, either way round.
    static func shifts(_ places: (first: [Int], second: [Int]), at boundary: Int) -> Bool {
        let firstBefore = places.first.contains { $0 < boundary }, firstAfter = places.first.contains { $0 >= boundary }
        let secondBefore = places.second.contains { $0 < boundary }, secondAfter = places.second.contains { $0 >= boundary }
        return (firstBefore && !firstAfter && secondAfter && !secondBefore)
            || (secondBefore && !secondAfter && firstAfter && !firstBefore)
    }
}
