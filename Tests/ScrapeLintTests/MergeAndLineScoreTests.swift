import PCRE2
@testable import ScrapeLint
import Testing

@Suite struct MergeAndLineScoreTests {
    func rule(_ kind: String, _ fields: String) throws -> Rule { try kindRule(kind, fields, severity: "error") }

    func found(_ rule: Rule, _ text: String) throws -> [Diagnostic] { try diagnostics(of: rule, in: text) }

    @Test func signalsAtOnePlaceAddUpAndAreNamed() throws {
        let merge = try rule("merge", """
            threshold: 1.0
            window: 10
            signals:
              - {name: join, pattern: '\\.(?=X)', weight: 0.6}
              - {name: capital x, pattern: 'X', weight: 0.5}
              - {name: lone y, pattern: 'Y', weight: 0.6}
            """)
        let findings = try found(merge, "a.Xb and then later Y")
        #expect(findings.map(\.range) == [1..<2])
        #expect(findings.map(\.message) == ["join, capital x"])
    }

    @Test func aStyleShiftAddsItsWeightAtABoundary() throws {
        let fields = """
            threshold: 1.0
            signals:
              - {name: break, pattern: '\\|', weight: 0.7}
            shifts:
              - {name: curly to straight, first: '“', second: '"', weight: 0.4}
            """
        let merge = try rule("merge", fields)
        #expect(try found(merge, "“a” “b” | \"c\" \"d\"").map(\.message) == ["break, curly to straight"])
        #expect(try found(merge, "“a” \"b\" | \"c\" “d”").isEmpty)
    }

    @Test func aSignalThatRepeatsTooOftenCountsHalf() throws {
        let merge = try rule("merge", """
            threshold: 1.0
            window: 2
            signals:
              - {name: join, pattern: '\\.(?=[A-Z])', weight: 1.0, max-per-document: 2}
            """)
        #expect(try found(merge, "a.B and c.D").count == 2)
        #expect(try found(merge, "a.B and c.D and e.F").isEmpty)
    }

    @Test func vocabularyChangeMarksWhereTheSecondTextStarts() throws {
        let shift = TopicShift(window: 60, below: 0.05, minimumWords: 20, stopWords: [])
        let first = Array(repeating: "The harbour pilots guided tankers through narrow channels near Rotterdam docks.", count: 8)
        let second = Array(repeating: "Bakers knead sourdough loaves before dawn while ovens warm slowly.", count: 8)
        let text = (first + second).joined(separator: " ")
        let boundaries = shift.boundaries(in: shift.profile(of: Document(path: "t", text: text)))
        let start = Array((first.joined(separator: " ") + " ").utf8).count
        #expect(boundaries == [start..<(start + 6)])  // "Bakers"
        #expect(shift.boundaries(in: shift.profile(of: Document(path: "t", text: first.joined(separator: " ")))).isEmpty)
    }

    /// The lowest dip of each stretch is chosen as the old pairwise test chose it (every dip
    /// against every dip chosen before it), on random profiles with dips close together, ties
    /// and windows from 1 to 9 words.
    @Test func boundariesPickTheDipsThePairwiseTestPicked() {
        var generator = SystemRandomNumberGenerator()
        var chosen = 0
        for _ in 0..<3000 {
            let window = Int.random(in: 1...9, using: &generator)
            let shift = TopicShift(window: window, below: 0.5, minimumWords: 1, stopWords: [])
            let words = (0..<Int.random(in: 1...80, using: &generator)).map { $0..<($0 + 1) }
            let breaks = words.indices.filter { _ in Bool.random(using: &generator) }
            let similarities = breaks.map { ($0, Double(Int.random(in: 0...8, using: &generator)) / 10) }
            let profile = TopicShift.Profile(words: words, similarities: similarities)
            var expected: [Int] = []
            for dip in similarities.filter({ $0.1 < 0.5 }).sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) })
            where !expected.contains(where: { abs($0 - dip.0) < window / 2 }) {
                expected.append(dip.0)
            }
            #expect(shift.boundaries(in: profile) == expected.sorted().map { words[$0] }, "\(window) \(similarities)")
            chosen += expected.count
        }
        #expect(chosen > 10_000)
    }

    /// Hits with a reach join the cluster a search of every cluster found (the nearest start, the
    /// first cluster on a tie), on random hits of signals without a reach and with reaches of 0
    /// to 40 bytes, many at equal distances.
    @Test func reachingHitsJoinTheClustersASearchOfEveryClusterFound() {
        var generator = SystemRandomNumberGenerator()
        let reaches: [Int?] = [nil, nil, 0, 7, 40]
        let signals = reaches.enumerated().map { index, reach in
            MergeCheck.Signal(name: "s\(index)", source: .topicShift(TopicShift(window: 2, below: 0, minimumWords: 1, stopWords: [])),
                              weight: 1, reach: reach, maximumPerDocument: nil, midTextOnly: false)
        }
        let merge = MergeCheck(signals: signals, shifts: [], threshold: 1, window: 5)
        var joined = 0
        for _ in 0..<2000 {
            let hits = (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                let start = 2 * Int.random(in: 0...200, using: &generator)
                return MergeCheck.Hit(range: start..<(start + 1), signal: Int.random(in: 0..<signals.count, using: &generator), weight: 1)
            }.sorted { $0.range.lowerBound < $1.range.lowerBound }
            var expected: [[MergeCheck.Hit]] = []
            for hit in hits where reaches[hit.signal] == nil {
                if let first = expected.last?.first, hit.range.lowerBound - first.range.lowerBound <= 5 {
                    expected[expected.count - 1].append(hit)
                } else {
                    expected.append([hit])
                }
            }
            for hit in hits {
                guard let reach = reaches[hit.signal] else { continue }
                let distance = { (cluster: Int) in abs(expected[cluster][0].range.lowerBound - hit.range.lowerBound) }
                if let nearest = expected.indices.min(by: { distance($0) < distance($1) }), distance(nearest) <= reach {
                    expected[nearest].append(hit)
                    joined += 1
                } else {
                    expected.append([hit])
                }
            }
            let clusters = merge.clusters(of: hits)
            #expect(clusters.map { $0.map(\.range) } == expected.map { $0.map(\.range) })
            #expect(clusters.map { $0.map(\.signal) } == expected.map { $0.map(\.signal) })
        }
        #expect(joined > 5_000)
    }

    @Test func slidingWindowsAgreeWithADirectCount() {
        var generator = SystemRandomNumberGenerator()
        let ids = (0..<400).map { _ in Int.random(in: 0..<30, using: &generator) }
        var windows = SlidingWindows(vocabularySize: 30)
        for boundary in stride(from: 50, to: 350, by: 7) {
            let before = (boundary - 50)..<boundary, after = boundary..<(boundary + 50)
            windows.move(to: before, after: after, ids: ids)
            var left = Array(repeating: 0, count: 30), right = Array(repeating: 0, count: 30)
            for index in before { left[ids[index]] += 1 }
            for index in after { right[ids[index]] += 1 }
            let dot = zip(left, right).map { $0 * $1 }.reduce(0, +)
            let norms = (left.map { $0 * $0 }.reduce(0, +), right.map { $0 * $0 }.reduce(0, +))
            let direct = Double(dot) / (Double(norms.0).squareRoot() * Double(norms.1).squareRoot())
            #expect(abs(windows.cosine - direct) < 1e-12)
        }
    }

    @Test func lineScoreAddsSignalsAndReadsTheNeighbours() throws {
        let score = try rule("line-score", """
            threshold: 1.0
            signals:
              - {name: rating, pattern: '^\\d\\.\\d$', weight: 1.0}
              - {name: short, max-words: 3, no-terminal-punctuation: true, weight: 0.4}
              - {name: repeats, repeated: 2, weight: 0.4}
              - {name: in a block, flagged-neighbours: {within: 2, share: 0.5}, weight: 1.0}
            """)
        let text = "A full sentence of prose opens the page.\n4.5\nBurger place\n4.2\nA full sentence of prose ends the page.\nBar\nBar"
        let findings = try found(score, text)
        #expect(findings.map { Document(path: "t", text: text).text(in: $0.range) } == ["4.5", "Burger place", "4.2"])
        #expect(findings.map(\.message) == ["rating, short", "short, in a block", "rating, short"])
    }

    /// Stop words are counted only where they can change the outcome, and then they count as if
    /// counted everywhere: where the stop-word signal brings a line to the threshold, where it
    /// gives a line between flagged ones a score of its own, and in the names of a line flagged
    /// by its neighbours, in the order of the signals.
    @Test func stopWordsCountWhereverTheyCanChangeTheOutcome() throws {
        let score = try rule("line-score", """
            threshold: 1.0
            signals:
              - {name: rating, pattern: '^\\d\\.\\d$', weight: 1.0}
              - {name: few stop words, stop-words-below: 0.3, weight: 0.2}
              - {name: short, max-words: 4, no-terminal-punctuation: true, weight: 0.3}
              - {name: digits, letters-below: 0.5, weight: 0.5}
              - {name: in a block, flagged-neighbours: {within: 1, share: 1.0}, weight: 1.0}
            stop-words: [the, of, a]
            """)
        // Apples: flagged by its neighbours, its stop words counted for the message; Red: its
        // stop words give it a score of its own between two flagged lines; The rest: counted, and
        // not few; 12 34: the stop words bring it to the threshold.
        let text = "4.5\nApples pears plums\n4.2\nRed green blue yellow orange purple.\n4.0\nThe rest of a day\n3.9\n12 34 56 78"
        let findings = try found(score, text)
        let document = Document(path: "t", text: text)
        #expect(findings.map { document.text(in: $0.range) }
            == ["4.5", "Apples pears plums", "4.2", "Red green blue yellow orange purple.", "4.0", "3.9", "12 34 56 78"])
        #expect(findings.map(\.message) == ["rating, short, digits", "few stop words, short, in a block", "rating, short, digits",
                                            "few stop words, in a block", "rating, short, digits", "rating, short, digits",
                                            "few stop words, short, digits"])
    }

    /// A line whose own signals sum below zero still gets its stop words counted between flagged
    /// lines: with them it has a score of its own (-0.5 + 0.8), as if they had been counted first.
    @Test func stopWordsCountBetweenFlaggedLinesWhateverTheScoreSoFar() throws {
        let score = try rule("line-score", """
            threshold: 1.0
            signals:
              - {name: rating, pattern: '^\\d\\.\\d$', weight: 1.0}
              - {name: few stop words, stop-words-below: 0.3, weight: 0.8}
              - {name: long, min-words: 3, weight: -0.5}
              - {name: in a block, flagged-neighbours: {within: 1, share: 1.0}, weight: 1.0}
            stop-words: [the, of, a]
            """)
        let text = "4.5\nRed green blue yellow orange purple.\n4.2"
        let findings = try found(score, text)
        #expect(findings.map(\.message) == ["rating", "few stop words, long, in a block", "rating"])
    }

    /// Lines repeat when they are equal after folding case and runs of white space; the same
    /// words in another order (one key of bytes and sums, another text) do not.
    @Test func repeatedLinesAreEqualAfterFoldingNotAnagrams() throws {
        let score = try rule("line-score", """
            threshold: 1.0
            signals:
              - {name: repeats, repeated: 2, weight: 1.0}
            """)
        let text = "Dog  and cat\nA line of prose between them.\ndog and\tCAT\ncat and dog\nAnd dog cat"
        let document = Document(path: "t", text: text)
        #expect(try found(score, text).map { document.text(in: $0.range) } == ["Dog  and cat", "dog and\tCAT"])
    }

    @Test func oneFindingPerPlaceAndFamily() throws {
        func patternRule(_ id: String, _ family: String, _ pattern: String, _ severity: String) throws -> Rule {
            try parseRule("""
                id: \(id)
                kind: pattern
                severity: \(severity)
                message: "\(id)"
                description: "d"
                pattern: '\(pattern)'
                """, id: id, family: family)
        }
        let engine = Engine(rules: [
            try patternRule("line-rule", "boilerplate", "(?m)^Share this:$", "warning"),
            try patternRule("word-rule", "boilerplate", "Share", "warning"),
            try patternRule("same-span-note", "boilerplate", "Share", "note"),
            try patternRule("other-family", "spacing", "(?m)^Share this:$", "note"),
        ])
        let report = engine.lint(Document(path: "t", text: "Share this:"), with: Matcher())
        #expect(report.diagnostics.map(\.ruleID) == ["other-family", "word-rule"])
    }
}
