import PCRE2
import Yams

/// The fields of the kinds that keep state: balance, consistency, repetition, merge, line-score.
extension RuleParser {
    static func parseBalance(_ fields: inout YAMLMapping) throws(RuleLoadError) -> BalanceCheck {
        guard let pairs = try fields.choices("pairs", of: BalanceCheck.Family.self), !pairs.isEmpty else {
            throw fields.missing("pairs")
        }
        let problems = try fields.choices("report", of: BalanceCheck.Problem.self) ?? [.unclosed, .unopened]
        do { return try BalanceCheck(families: Set(pairs), problems: Set(problems)) } catch {
            throw fields.error(at: "pairs", "\(error)")
        }
    }

    static func parseConsistency(_ fields: inout YAMLMapping) throws(RuleLoadError) -> ConsistencyCheck {
        var variants: [ConsistencyCheck.Variant] = []
        for var item in try fields.mappingList("variants") ?? [] {
            let name = try item.requiredString("name")
            let regex = try compile(try item.requiredString("pattern"), field: "pattern", in: item)
            try item.rejectUnknownKeys()
            variants.append(ConsistencyCheck.Variant(name: name, regex: regex))
        }
        var tokens: [Regex] = []
        for (pattern, node) in try fields.stringList("tokens") ?? [] {
            do { tokens.append(try Regex(pattern)) } catch {
                throw YAMLMapping.error(fields.file, node, "'tokens': \(error)")
            }
        }
        var words: [WordShape] = []
        for var item in try fields.mappingList("words") ?? [] { words.append(try parseWordShape(&item)) }
        guard variants.isEmpty != (tokens.isEmpty && words.isEmpty) else {
            throw variants.isEmpty ? fields.missing("variants', 'tokens' or 'words")
                : fields.error(at: "variants", "give either 'variants' or 'tokens' and 'words', not both")
        }
        guard variants.isEmpty || variants.count >= 2 else { throw fields.error(at: "variants", "needs at least two variants") }
        let normalize = try fields.choices("normalize", of: ConsistencyCheck.Normalization.self) ?? []
        let distance = try fields.int("distance") ?? 0
        guard distance == 0 || distance == 1 else { throw fields.error(at: "distance", "must be 0 or 1") }
        let (exceptions, exceptionSources) = try parseExceptions(&fields)
        return ConsistencyCheck(
            variants: variants, tokens: tokens, words: words, normalize: Set(normalize), ignoreCase: try fields.bool("ignore-case") ?? false,
            distance: distance, minimumLength: try fields.int("min-length") ?? 5, exceptions: exceptions,
            exceptionSources: exceptionSources, skipHeadings: try fields.bool("skip-headings") ?? false)
    }

    /// One `words:` entry: `min-letters`, and optionally `capitalised`, `between`, `after`,
    /// `not-followed-by` (a class, or '' for nothing) and `overlap`.
    private static func parseWordShape(_ item: inout YAMLMapping) throws(RuleLoadError) -> WordShape {
        guard let letters = try item.intList("min-letters") else { throw item.missing("min-letters") }
        guard !letters.isEmpty, letters.allSatisfy({ $0 >= 1 }) else {
            throw item.error(at: "min-letters", "must list at least one number of letters, each 1 or more")
        }
        var shape = WordShape(minimumLetters: letters)
        shape.capitalised = try item.bool("capitalised") ?? false
        func characterTest(_ key: String) throws(RuleLoadError) -> CharacterTest? {
            guard let source = try item.string(key) else { return nil }
            do { return try CharacterTest(source) } catch { throw item.error(at: key, "\(error)") }
        }
        shape.between = try characterTest("between")
        shape.after = try characterTest("after")
        if let source = try item.string("not-followed-by") {
            if source.isEmpty {
                shape.notFollowedBy = .anything
            } else {
                do { shape.notFollowedBy = .character(try CharacterTest(source)) } catch { throw item.error(at: "not-followed-by", "\(error)") }
            }
        }
        shape.overlapping = try item.bool("overlap") ?? true
        try item.rejectUnknownKeys()
        return shape
    }

    static func parseRepetition(_ fields: inout YAMLMapping) throws(RuleLoadError) -> RepetitionCheck {
        guard let units = try fields.choices("units", of: RepetitionCheck.Unit.self), !units.isEmpty else {
            throw fields.missing("units")
        }
        // Larger units first, so a sentence inside a repeated paragraph is not reported again.
        let ordered = RepetitionCheck.Unit.allCases.filter(units.contains)
        let (exceptions, exceptionSources) = try parseExceptions(&fields)
        let fix = try parseFix(&fields, allowed: ["delete"])
        if fix != nil, ordered != [.word] {
            throw fields.error(at: "fix", "'delete' keeps one copy of a doubled word; it goes only with 'units: [word]'")
        }
        return RepetitionCheck(units: ordered, minimumLength: try fields.int("min-length") ?? 40, exceptions: exceptions,
                               exceptionSources: exceptionSources, fixesWords: fix != nil)
    }

    static func parseBlock(_ fields: inout YAMLMapping) throws(RuleLoadError) -> BlockCheck {
        let within = try fields.int("within") ?? 4
        let minimumFlagged = try fields.int("min-flagged") ?? within
        let minimumRun = try fields.int("min-run") ?? 2
        guard within >= 1 else { throw fields.error(at: "within", "must be at least 1") }
        guard (2...(2 * within)).contains(minimumFlagged) else {
            throw fields.error(at: "min-flagged", "must be between 2 and twice 'within' (\(2 * within))")
        }
        guard (1...within).contains(minimumRun) else { throw fields.error(at: "min-run", "must be between 1 and 'within' (\(within))") }
        let proseWords = try fields.int("prose-words") ?? 12
        guard proseWords >= 1 else { throw fields.error(at: "prose-words", "must be at least 1") }
        return BlockCheck(within: within, minimumFlagged: minimumFlagged, minimumRun: minimumRun, proseWords: proseWords)
    }

    static func parseMerge(_ fields: inout YAMLMapping) throws(RuleLoadError) -> MergeCheck {
        guard let items = try fields.mappingList("signals"), !items.isEmpty else { throw fields.missing("signals") }
        var signals: [MergeCheck.Signal] = []
        let stopWords = Set((try fields.stringList("stop-words") ?? []).map { $0.0.lowercased() })
        for var item in items {
            let name = try item.requiredString("name")
            let source: MergeCheck.Signal.Source
            if let pattern = try item.string("pattern") {
                let search = try compilePrefiltered(pattern, field: "pattern", in: &item)
                let group = try item.int("capture") ?? 0
                guard group <= search.regex.captureCount else {
                    throw item.error(at: "capture", "the pattern has \(search.regex.captureCount) groups")
                }
                source = .pattern(search, group: group)
            } else if let node = item.node("topic-shift") {
                var topic = try YAMLMapping(node, file: item.file, what: "'topic-shift'")
                guard let below = try topic.double("below") else { throw topic.missing("below") }
                source = .topicShift(TopicShift(window: try topic.int("window") ?? 200, below: below,
                                                minimumWords: try topic.int("min-words") ?? 40, stopWords: stopWords))
                try topic.rejectUnknownKeys()
            } else {
                throw item.missing("pattern' or 'topic-shift")
            }
            signals.append(MergeCheck.Signal(
                name: name, source: source, weight: try item.double("weight") ?? 1,
                reach: try item.int("reach"), maximumPerDocument: try item.int("max-per-document"),
                midTextOnly: try item.bool("mid-text") ?? false))
            try item.rejectUnknownKeys()
        }
        var shifts: [MergeCheck.Shift] = []
        for var item in try fields.mappingList("shifts") ?? [] {
            let name = try item.requiredString("name")
            let first = try compile(try item.requiredString("first"), field: "first", in: item)
            let second = try compile(try item.requiredString("second"), field: "second", in: item)
            shifts.append(MergeCheck.Shift(name: name, first: first, second: second, weight: try item.double("weight") ?? 0.5))
            try item.rejectUnknownKeys()
        }
        return MergeCheck(signals: signals, shifts: shifts, threshold: try fields.double("threshold") ?? 1,
                          window: try fields.int("window") ?? 80)
    }

    static func parseSubstitution(_ fields: inout YAMLMapping) throws(RuleLoadError) -> SubstitutionCheck {
        guard let node = fields.node("words") else { throw fields.missing("words") }
        guard let mapping = node.mapping, !mapping.isEmpty else {
            throw YAMLMapping.error(fields.file, node, "'words': must map each wrong word to its right form")
        }
        var words: [(String, String)] = []
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let wrong = key.scalar?.string, let right = value.scalar?.string, !wrong.isEmpty, !right.isEmpty else {
                throw YAMLMapping.error(fields.file, key, "'words': every entry must be 'wrong: right'")
            }
            guard seen.insert(wrong.lowercased()).inserted else {
                throw YAMLMapping.error(fields.file, key, "'words': '\(wrong)' is listed twice")
            }
            words.append((wrong, right))
        }
        do { return try SubstitutionCheck(words: words) } catch { throw fields.error(at: "words", "\(error)") }
    }

    static func parseLineScore(_ fields: inout YAMLMapping) throws(RuleLoadError) -> LineScoreCheck {
        guard let items = try fields.mappingList("signals"), !items.isEmpty else { throw fields.missing("signals") }
        var signals: [LineScoreCheck.Signal] = []
        for var item in items {
            let name = try item.requiredString("name")
            let weight = try item.double("weight") ?? 1
            var tests: [LineScoreCheck.Test] = []
            // `^` and `$` are the line's ends: each line is matched on its own.
            if let pattern = try item.string("pattern") {
                tests.append(.pattern(try compile(pattern, field: "pattern", in: item, options: .multiline)))
            }
            if let limit = try item.int("max-words") { tests.append(.maxWords(limit)) }
            if let limit = try item.int("min-words") { tests.append(.minWords(limit)) }
            if try item.bool("no-terminal-punctuation") == true { tests.append(.noTerminalPunctuation) }
            if let share = try item.double("stop-words-below") { tests.append(.stopWordsBelow(share)) }
            if let count = try item.int("first-lines") { tests.append(.firstLines(count)) }
            if let count = try item.int("last-lines") { tests.append(.lastLines(count)) }
            if let count = try item.int("repeated") { tests.append(.repeated(count)) }
            if let share = try item.double("letters-below") { tests.append(.lettersBelow(share)) }
            if let node = item.node("flagged-neighbours") {
                var context = try YAMLMapping(node, file: item.file, what: "'flagged-neighbours'")
                tests.append(.flaggedNeighbours(within: try context.int("within") ?? 3, share: try context.double("share") ?? 0.66))
                try context.rejectUnknownKeys()
            }
            try item.rejectUnknownKeys()
            guard !tests.isEmpty, tests.count == 1 || !tests.contains(where: \.isContextual) else {
                throw YAMLMapping.error(item.file, nil, "signal '\(name)' needs at least one test, and 'flagged-neighbours' stands alone")
                    .located(at: item.mark)
            }
            signals.append(LineScoreCheck.Signal(name: name, tests: tests, weight: weight))
        }
        let stopWords = Set((try fields.stringList("stop-words") ?? []).map { $0.0.lowercased() })
        guard let threshold = try fields.double("threshold") else { throw fields.missing("threshold") }
        return LineScoreCheck(signals: signals, threshold: threshold, stopWords: stopWords, stopWordHashes: .hashes(of: stopWords))
    }
}

extension RuleLoadError {
    func located(at mark: Yams.Mark?) -> RuleLoadError {
        RuleLoadError(file: file, line: mark?.line ?? line, column: mark?.column ?? column, message: message)
    }
}
