/// What a document's suppressions and findings name, indexed by rule id or family, so that
/// applying the suppressions costs lookups per finding and per directive. Each finding was tested
/// against each directive: a text of 20,000 `disable-next-line` comments and their findings took
/// minutes (`Suppressions.apply`).
///
/// A key is a rule id or a family as a directive writes it, or "" for a directive that names none
/// (every rule): a finding answers to its rule id, its family and "".
struct SuppressionIndex {
    /// Per key, the lines silenced and the union of the regions silenced (sorted, disjoint).
    private var silencedLines: [String: Set<Int>] = [:]
    private var silencedRegions: [String: [Range<Int>]] = [:]
    /// Per key, the lines that hold a finding answering to it, and the findings' spans (sorted by
    /// start, for `insertionIndex(of:)`).
    private var findingLines: [String: Set<Int>] = [:]
    private var findingSpans: [String: [Range<Int>]] = [:]

    /// - Parameter lines: each finding's 0-based line, in the order of `diagnostics`.
    init(directives: [Suppressions.Directive], diagnostics: [Diagnostic], lines: [Int], familyOf: [String: String]) {
        var regions: [String: [Range<Int>]] = [:]
        for directive in directives {
            for key in Self.keys(of: directive) {
                switch directive.scope {
                case .line(let line): silencedLines[key, default: []].insert(line)
                case .region(let region): if !region.isEmpty { regions[key, default: []].append(region) }
                }
            }
        }
        silencedRegions = regions.mapValues(Self.union)
        for (index, diagnostic) in diagnostics.enumerated() {
            for key in Self.keys(of: diagnostic, familyOf: familyOf) {
                findingLines[key, default: []].insert(lines[index])
                findingSpans[key, default: []].append(diagnostic.range)
            }
        }
        findingSpans = findingSpans.mapValues { $0.sorted { $0.lowerBound < $1.lowerBound } }
    }

    /// Whether a directive silences `diagnostic`, which starts on `line`.
    func silences(_ diagnostic: Diagnostic, onLine line: Int, familyOf: [String: String]) -> Bool {
        let offset = diagnostic.range.lowerBound
        return Self.keys(of: diagnostic, familyOf: familyOf).contains { key in
            if silencedLines[key]?.contains(line) == true { return true }
            guard let regions = silencedRegions[key] else { return false }
            let index = regions.insertionIndex(of: offset + 1) - 1
            return index >= 0 && regions[index].contains(offset)
        }
    }

    /// Whether `directive` covers one of the findings.
    func covers(anyOf directive: Suppressions.Directive) -> Bool {
        Self.keys(of: directive).contains { key in
            switch directive.scope {
            case .line(let line):
                return findingLines[key]?.contains(line) == true
            case .region(let region):
                guard let spans = findingSpans[key] else { return false }
                let first = spans.insertionIndex(of: region.lowerBound)
                return first < spans.count && spans[first].lowerBound < region.upperBound
            }
        }
    }

    private static func keys(of directive: Suppressions.Directive) -> [String] {
        directive.ids.isEmpty ? [""] : directive.ids
    }

    private static func keys(of diagnostic: Diagnostic, familyOf: [String: String]) -> [String] {
        [diagnostic.ruleID, ""] + (familyOf[diagnostic.ruleID].map { [$0] } ?? [])
    }

    /// `regions` as sorted disjoint ranges covering the same offsets.
    private static func union(_ regions: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for region in regions.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, region.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, region.upperBound)
            } else {
                merged.append(region)
            }
        }
        return merged
    }
}
