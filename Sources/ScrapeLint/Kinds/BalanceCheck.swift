import PCRE2

/// The `balance` kind: paired delimiters per paragraph (a line of extractor output). Reports an
/// opener that its paragraph does not close, a closer with no opener, and double quotes nested in
/// double quotes. Knows the newspaper convention: a quotation running over several paragraphs
/// leaves each open and reopens it at the start of the next; only the last one closes.
public struct BalanceCheck: Sendable {
    enum Family: String, Sendable, CaseIterable {
        case doubleQuotes = "double-quotes"
        case singleQuotes = "single-quotes"
        case parentheses
        case brackets

        var isQuote: Bool { self == .doubleQuotes || self == .singleQuotes }

        /// The family's place in `allCases`, for state kept per family in an array.
        var ordinal: Int {
            switch self {
            case .doubleQuotes: 0
            case .singleQuotes: 1
            case .parentheses: 2
            case .brackets: 3
            }
        }
    }

    /// A value for each family, kept in an array: the tracker reads and writes it for every
    /// delimiter, where a dictionary hashed the family each time.
    struct PerFamily<Value> {
        private var values: [Value]

        init(_ value: Value) { values = Array(repeating: value, count: Family.allCases.count) }

        subscript(family: Family) -> Value {
            get { values[family.ordinal] }
            set { values[family.ordinal] = newValue }
        }
    }

    enum Problem: String, Sendable, CaseIterable {
        case unclosed, unopened, nested
    }

    let families: Set<Family>
    let problems: Set<Problem>
    /// The families' characters as a pattern, for listing (`rules --patterns`); the text is
    /// searched by `delimiterRanges`, which finds the same.
    let delimiters: Regex
    /// The ASCII delimiters of the families, by byte.
    private let asciiDelimiters: [Bool]
    /// The bytes a delimiter can start with: the ASCII ones, and E2 for curly quotes.
    private let firstBytes: [UInt8]

    init(families: Set<Family>, problems: Set<Problem>) throws(PCRE2Error) {
        self.families = families
        self.problems = problems
        var characters = ""
        if families.contains(.doubleQuotes) { characters += "“”\"" }
        if families.contains(.singleQuotes) { characters += "‘’" }
        if families.contains(.parentheses) { characters += "()" }
        if families.contains(.brackets) { characters += "\\[\\]" }
        delimiters = try Regex("[\(characters)]")
        let ascii = (0...255).map { byte in
            byte < 0x80 && characters.unicodeScalars.contains { $0 != "\\" && $0.value == UInt32(byte) }
        }
        asciiDelimiters = ascii
        let quotes = families.contains(.doubleQuotes) || families.contains(.singleQuotes)
        firstBytes = (0..<128).filter { ascii[$0] }.map(UInt8.init) + (quotes ? [0xE2] : [])
    }

    /// Where the families' characters are, in text order: one pass over the bytes, 16 at a
    /// time where none of them is a delimiter's first byte. A PCRE2 search made a call per
    /// delimiter (the apostrophes of a text are thousands), about three times the time. Curly
    /// quotes are E2 80 98/99/9C/9D in UTF-8, and E2 never continues another character, so an
    /// invalid byte nearby changes nothing.
    func delimiterRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let double = families.contains(.doubleQuotes), single = families.contains(.singleQuotes)
        var ranges: [Range<Int>] = []
        guard let base = bytes.baseAddress else { return ranges }
        asciiDelimiters.withUnsafeBufferPointer { ascii in
            var offset = 0
            let end = bytes.count
            while offset < end {
                if offset + 16 <= end {
                    let chunk = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
                    var hits = SIMDMask<SIMD16<Int8>>(repeating: false)
                    for byte in firstBytes { hits .|= chunk .== SIMD16(repeating: byte) }
                    if LaneSet(hits).isEmpty {
                        offset += 16
                        continue
                    }
                }
                let stop = min(offset + 16, end)
                while offset < stop {
                    let byte = bytes[offset]
                    if ascii[Int(byte)] {
                        ranges.append(offset..<(offset + 1))
                    } else if byte == 0xE2, offset + 2 < end, bytes[offset + 1] == 0x80 {
                        let last = bytes[offset + 2]
                        if (double && (last == 0x9C || last == 0x9D)) || (single && (last == 0x98 || last == 0x99)) {
                            ranges.append(offset..<(offset + 3))
                            offset += 3
                            continue
                        }
                    }
                    offset += 1
                }
            }
        }
        return ranges
    }

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic]) throws {
        let events = document.bytes.withUnsafeBufferPointer { subject in
            delimiterRanges(in: subject).compactMap { DelimiterEvent(at: $0, in: document) }
        }
        var tracker = BalanceTracker(document: document)
        var next = 0
        for paragraph in document.paragraphRanges {
            // Events are in text order; those before the paragraph (none: blank lines hold no
            // delimiter) are passed over.
            while next < events.count, events[next].range.lowerBound < paragraph.lowerBound { next += 1 }
            let start = next
            while next < events.count, events[next].range.lowerBound < paragraph.upperBound { next += 1 }
            tracker.process(paragraph: paragraph, events: events[start..<next])
        }
        tracker.finish()
        for finding in tracker.findings where problems.contains(finding.problem) {
            output.append(rule.diagnostic(at: finding.range, in: document, detail: finding.detail, related: finding.related))
        }
    }
}

/// One delimiter, classified as opener or closer by its neighbours; nil for apostrophes, inch
/// marks, list markers (`a)`) and smileys, which are not delimiters.
struct DelimiterEvent {
    let range: Range<Int>
    let family: BalanceCheck.Family
    let opens: Bool
    /// `a)` or `12)`: a list marker when no parenthesis is open, else a closer.
    var mayBeListMarker = false

    init?(at range: Range<Int>, in document: Document) {
        guard let character = document.scalar(at: range.lowerBound) else { return nil }
        let before = document.scalar(before: range.lowerBound)
        let after = document.scalar(at: range.upperBound)
        self.range = range
        switch character {
        case "“": (family, opens) = (.doubleQuotes, true)
        case "”": (family, opens) = (.doubleQuotes, false)
        case "\"":
            family = .doubleQuotes
            let spaceBefore = before.map { $0.isSpaceLike || "([{—–-/“‘".unicodeScalars.contains($0) } ?? true
            let spaceAfter = after.map { $0.isSpaceLike || ".,;:!?)]}…—–-”’".unicodeScalars.contains($0) } ?? true
            // 5" and 5"-long are inches; 1645", closes a quotation.
            if before?.isNumeric == true, after.map({ $0.isSpaceLike || $0.isLetterOrDigit || $0 == "-" }) ?? true {
                return nil
            }
            if spaceBefore && !spaceAfter { opens = true } else if !spaceBefore && spaceAfter { opens = false } else { return nil }
        case "‘":
            if after?.isNumeric == true { return nil }  // ‘90s
            (family, opens) = (.singleQuotes, true)
        case "’":
            if before?.isLetterOrDigit == true && after?.isLetterOrDigit == true { return nil }  // it’s
            if after?.isNumeric == true { return nil }  // ’90s
            (family, opens) = (.singleQuotes, false)
        case "(", "[":
            (family, opens) = (character == "(" ? .parentheses : .brackets, true)
        case ")", "]":
            family = character == ")" ? .parentheses : .brackets
            opens = false
            if Self.isSmiley(closerAt: range.lowerBound, in: document) { return nil }
            mayBeListMarker = Self.isListMarker(closerAt: range.lowerBound, in: document)
        default:
            return nil
        }
    }

    private static func isSmiley(closerAt offset: Int, in document: Document) -> Bool {
        offset > 0 && (document.bytes[offset - 1] == UInt8(ascii: ":") || document.bytes[offset - 1] == UInt8(ascii: ";"))
    }

    // `a)`, `12)`, `iv)` at the start of a line or after a space.
    private static func isListMarker(closerAt offset: Int, in document: Document) -> Bool {
        let bytes = document.bytes
        guard offset > 0 else { return false }
        var start = offset
        while start > 0, offset - start < 4, bytes[start - 1].isASCIIAlphanumeric { start -= 1 }
        guard start < offset, offset - start <= 3 else { return false }
        return start == 0 || bytes[start - 1] == 0x20 || bytes[start - 1] == 0x0A || bytes[start - 1] == 0x09
    }
}

extension UInt8 {
    var isASCIIAlphanumeric: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}
