import PCRE2

/// The `merge` kind: places where one text turns into another. Each signal is a pattern whose
/// hits are candidate boundaries; hits within `window` bytes form one boundary, scored by the
/// weights of the distinct signals there plus any house-style `shifts` across it (a form used
/// only before and its rival only after). A boundary scoring at least `threshold` is one finding,
/// its message naming the signals.
public struct MergeCheck: Sendable {
    struct Signal: Sendable {
        enum Source: Sendable {
            /// A pattern, with its literals and `requires:` prefilter.
            case pattern(PatternSearch, group: Int)
            case topicShift(TopicShift)
        }

        let name: String
        let source: Source
        let weight: Double
        /// How far (bytes) a hit of this signal reaches to join a boundary found by the others:
        /// a vocabulary change is measured between sentences and may land a few away.
        let reach: Int?
        /// A signal that fires more often than this in one document describes the document (an
        /// extractor that drops every paragraph break) more than a boundary: its hits count half.
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
    /// For each topic-shift signal, the first signal whose profile it reads (itself, or an
    /// earlier one with the same window and stop words); decided once, not per document.
    private let profileSource: [Int?]

    init(signals: [Signal], shifts: [Shift], threshold: Double, window: Int) {
        self.signals = signals
        self.shifts = shifts
        self.threshold = threshold
        self.window = window
        profileSource = signals.map { signal in
            guard case .topicShift(let shift) = signal.source else { return nil }
            return signals.firstIndex { other in
                if case .topicShift(let earlier) = other.source { earlier.sharesProfile(with: shift) } else { false }
            }
        }
    }

    struct Hit {
        let range: Range<Int>
        let signal: Int
        var weight: Double
    }

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        let paragraphs = document.paragraphRanges
        let textStart = max(paragraphs.first?.upperBound ?? 0, WordCount.offset(afterWords: 30, in: document.bytes))
        var hits: [Hit] = []
        var profiles: [Int: TopicShift.Profile] = [:]
        try document.bytes.withUnsafeBufferPointer { subject in
            for (index, signal) in signals.enumerated() {
                var spans: [Range<Int>] = []
                switch signal.source {
                case .pattern(let search, let group):
                    try search.forEachMatch(in: document, subject: subject, with: matcher) { match in
                        if let span = match.range(ofGroup: group) { spans.append(span) }
                    }
                case .topicShift(let shift):
                    let source = profileSource[index] ?? index
                    let profile = profiles[source] ?? shift.profile(of: document)
                    profiles[source] = profile
                    spans = shift.boundaries(in: profile)
                }
                if signal.midTextOnly { spans.removeAll { $0.lowerBound < textStart } }
                let common = signal.maximumPerDocument.map { spans.count > $0 } ?? false
                hits += spans.map { Hit(range: $0, signal: index, weight: common ? signal.weight / 2 : signal.weight) }
            }
        }
        // The house-style forms are searched only when a boundary could reach the threshold with
        // them: most texts have none, and `[“”]` stops at every curly apostrophe on the way.
        let shiftWeights = shifts.reduce(0) { $0 + max(0, $1.weight) }
        var shiftPlaces: [(first: [Int], second: [Int])]?
        func places() throws -> [(first: [Int], second: [Int])] {
            if let shiftPlaces { return shiftPlaces }
            let found = try document.bytes.withUnsafeBufferPointer { subject in
                try shifts.map { (try Self.starts(of: $0.first, in: subject, matcher), try Self.starts(of: $0.second, in: subject, matcher)) }
            }
            shiftPlaces = found
            return found
        }
        // By place; at one place the longest span first, which the finding then covers.
        hits.sort { ($0.range.lowerBound, -$0.range.upperBound, $0.signal) < ($1.range.lowerBound, -$1.range.upperBound, $1.signal) }
        for var cluster in clusters(of: hits) {
            // Each signal counts once per boundary, at its strongest.
            var strongest: [Int: Double] = [:]
            for hit in cluster { strongest[hit.signal] = max(strongest[hit.signal] ?? 0, hit.weight) }
            var fired = strongest.sorted { $0.key < $1.key }.map { (signals[$0.key].name, $0.value) }
            let boundary = cluster[0].range.lowerBound
            // A boundary the shifts cannot lift to the threshold is not one; one that holds names
            // them too. (The margin only lets rounding through; the sum below decides.)
            guard fired.reduce(0, { $0 + $1.1 }) + shiftWeights + 1e-9 >= threshold else { continue }
            for (shift, places) in zip(shifts, try places()) where Self.shifts(places, at: boundary) {
                fired.append((shift.name, shift.weight))
            }
            guard fired.reduce(0, { $0 + $1.1 }) >= threshold else { continue }
            cluster.sort { ($0.range.lowerBound, -$0.range.upperBound) < ($1.range.lowerBound, -$1.range.upperBound) }
            output.append(rule.diagnostic(at: cluster[0].range, in: document, detail: fired.map(\.0).joined(separator: ", ")))
        }
    }

    /// Hits within `window` bytes of a cluster's first hit form one boundary; a hit of a signal
    /// with a `reach` then joins the nearest boundary within it, or stands alone.
    func clusters(of hits: [Hit]) -> [[Hit]] {
        var clusters: [[Hit]] = []
        for hit in hits where signals[hit.signal].reach == nil {
            if let first = clusters.last?.first, hit.range.lowerBound - first.range.lowerBound <= window {
                clusters[clusters.count - 1].append(hit)
            } else {
                clusters.append([hit])
            }
        }
        // Only a cluster that starts within the widest reach can be joined: clusters are kept by
        // stretches of that width, and a hit looks at its own and the two beside it (the nearest,
        // the first on a tie, as a search of every cluster found it). A search of every cluster
        // for each hit took time growing with the square of a long text's boundaries.
        let width = max(signals.compactMap(\.reach).max() ?? 1, 1)
        var byStretch: [Int: [Int]] = [:]
        for index in clusters.indices { byStretch[clusters[index][0].range.lowerBound / width, default: []].append(index) }
        for hit in hits {
            guard let reach = signals[hit.signal].reach else { continue }
            let start = hit.range.lowerBound, stretch = start / width
            var nearest: (distance: Int, index: Int)?
            for index in ((stretch - 1)...(stretch + 1)).flatMap({ byStretch[$0] ?? [] }) {
                let distance = abs(clusters[index][0].range.lowerBound - start)
                if nearest.map({ (distance, index) < ($0.distance, $0.index) }) ?? true { nearest = (distance, index) }
            }
            if let nearest, nearest.distance <= reach {
                clusters[nearest.index].append(hit)
            } else {
                byStretch[stretch, default: []].append(clusters.count)
                clusters.append([hit])
            }
        }
        return clusters
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
