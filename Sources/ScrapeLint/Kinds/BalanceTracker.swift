/// The state of `balance` across the paragraphs of one document.
struct BalanceTracker {
    struct Opener {
        let range: Range<Int>
        /// The opening quote at the start of a continued paragraph, which reopens a quotation.
        let reopens: Bool
    }

    struct Finding {
        let problem: BalanceCheck.Problem
        let range: Range<Int>
        let detail: String
        let related: [RelatedLocation]
    }

    let document: Document
    private(set) var findings: [Finding] = []
    private var stacks = BalanceCheck.PerFamily<[Opener]>([])
    /// Quotations that hold quotes of their own kind, with where each closes (if it does).
    private var nested: [Int: (opener: Range<Int>, closer: Range<Int>?)] = [:]

    init(document: Document) {
        self.document = document
    }

    mutating func process(paragraph: Range<Int>, events: ArraySlice<DelimiterEvent>) {
        // Most paragraphs hold no delimiter of the rule and follow none left open.
        if events.isEmpty, BalanceCheck.Family.allCases.allSatisfy({ stacks[$0].isEmpty }) { return }
        var events = events
        // A quotation left open by the previous paragraph goes on only if this one reopens it.
        for family in BalanceCheck.Family.allCases where family.isQuote && !stacks[family].isEmpty {
            if let first = events.first, first.family == family, first.opens, startsParagraph(first, paragraph) {
                stacks[family] = stacks[family].filter { !$0.reopens } + [Opener(range: first.range, reopens: true)]
                events = events.dropFirst()
            } else {
                reportUnclosed(family, detail: "is not closed in its paragraph, and the next paragraph does not reopen it")
            }
        }
        // A closing quote after the reopening quote was closed: the reopening quote was really a
        // quotation nested inside the continued one, and this closes the continued one.
        var closedThroughReopen = BalanceCheck.PerFamily<Range<Int>?>(nil)
        for event in events {
            var stack = stacks[event.family]
            if event.mayBeListMarker, stack.isEmpty { continue }
            // Taken out, so that `stack` holds the array's one reference and grows in place: left
            // in, every opener copied the whole stack, and a paragraph of thousands of unclosed
            // quotes (a page's markup run together) took time growing with their square.
            stacks[event.family] = []
            if event.opens {
                if event.family == .doubleQuotes, let outer = stack.first(where: { !$0.reopens }) ?? stack.first {
                    markNested(outer: outer.range, closer: nil)
                }
                stack.append(Opener(range: event.range, reopens: false))
            } else if let top = stack.popLast() {
                if top.reopens, let outer = stack.popLast() {
                    closedThroughReopen[event.family] = outer.range
                }
            } else if let outer = closedThroughReopen[event.family] {
                closedThroughReopen[event.family] = nil
                markNested(outer: outer, closer: event.range)
            } else if event.family == .singleQuotes {
                // With no single quotation open, ’ is an apostrophe (the Joneses’ car).
            } else {
                findings.append(Finding(problem: .unopened, range: event.range,
                                        detail: "closing \(noun(event.family)) with no opening one in its paragraph", related: []))
            }
            stacks[event.family] = stack
        }
        for family in BalanceCheck.Family.allCases where !family.isQuote {
            reportUnclosed(family, detail: "is not closed in its paragraph")
        }
    }

    mutating func finish() {
        for family in BalanceCheck.Family.allCases {
            reportUnclosed(family, detail: "is never closed")
        }
        for (_, quotation) in nested.sorted(by: { $0.key < $1.key }) {
            var detail = "double quotes nested inside this quotation (a quote within a quote takes single quotes)"
            var related: [RelatedLocation] = []
            if let closer = quotation.closer {
                detail += "; it closes on line \(document.lines.lineIndex(of: closer.lowerBound) + 1)"
                related.append(RelatedLocation(range: closer, message: "the quotation closes here"))
            }
            findings.append(Finding(problem: .nested, range: quotation.opener, detail: detail, related: related))
        }
    }

    private mutating func markNested(outer: Range<Int>, closer: Range<Int>?) {
        let previous = nested[outer.lowerBound]?.closer
        nested[outer.lowerBound] = (outer, closer ?? previous)
    }

    private mutating func reportUnclosed(_ family: BalanceCheck.Family, detail: String) {
        for opener in stacks[family] where !opener.reopens {
            findings.append(Finding(problem: .unclosed, range: opener.range,
                                    detail: "\(noun(family)) opened here \(detail)", related: []))
        }
        stacks[family] = []
    }

    private func startsParagraph(_ event: DelimiterEvent, _ paragraph: Range<Int>) -> Bool {
        var offset = paragraph.lowerBound
        while offset < event.range.lowerBound, let scalar = document.scalar(at: offset), scalar.isSpaceLike {
            offset += String(scalar).utf8.count
        }
        return offset == event.range.lowerBound
    }

    private func noun(_ family: BalanceCheck.Family) -> String {
        switch family {
        case .doubleQuotes: "quotation mark"
        case .singleQuotes: "single quotation mark"
        case .parentheses: "parenthesis"
        case .brackets: "bracket"
        }
    }
}
