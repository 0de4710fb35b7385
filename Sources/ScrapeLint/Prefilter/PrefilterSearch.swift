import PCRE2

/// One search that stands for a `requires` prefilter or one of its branches: a pattern, two
/// equal ASCII bytes (`'  '`, `,,`), or a capital after a lower-case letter or digit
/// (`CaseChangeScan.pattern`), which vector scans find 16 bytes at a time; or the break before
/// a text's trailing short lines (`TrailingLinesScan.pattern`), searched from the last long
/// line. PCRE2's JIT looks for a pattern's first character and, when the pattern starts with two
/// different ones, for the pair; two equal ones it finds by stopping at every first one (on
/// prose, a search for two spaces stopped every six bytes: 8 ms on the dev files where `qz` takes
/// 0.2), and a class of capitals and lead bytes by testing every byte.
enum PrefilterSearch: Sendable {
    case pattern(Regex)
    case doubledByte(UInt8)
    case caseChange(Regex, afterLowercase: Bool)
    case trailingLines(Regex)

    /// `pattern` as a search: a doubled byte when it is exactly two equal ASCII characters
    /// other than letters (a letter could be caseless), written plain or escaped; the case-change
    /// scan or the trailing-lines search when it is exactly their pattern, without options.
    init(_ pattern: Regex) {
        if pattern.options.isEmpty, let afterLowercase = CaseChangeScan.afterLowercase(forPattern: pattern.pattern) {
            self = .caseChange(pattern, afterLowercase: afterLowercase)
            return
        }
        if pattern.pattern == TrailingLinesScan.pattern, pattern.options.isEmpty {
            self = .trailingLines(pattern)
            return
        }
        self = Self.doubledByte(in: pattern.pattern).map { .doubledByte($0) } ?? .pattern(pattern)
    }

    private static func doubledByte(in source: String) -> UInt8? {
        let bytes = Array(source.utf8)
        let escaped: Bool
        switch bytes.count {
        case 2: escaped = false
        case 4 where bytes[0] == 0x5C && bytes[2] == 0x5C: escaped = true  // `\.\.`
        default: return nil
        }
        let byte = bytes[bytes.count - 1]
        guard bytes[bytes.count / 2 - 1] == byte, byte < 0x80, byte != 0x0A, byte != 0x0D,
              !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A), !(byte >= 0x30 && byte <= 0x39) else { return nil }
        // Plain, only a character that means itself; escaped, only punctuation (`\d` is a class).
        if escaped { return byte == 0x20 || byte.isPunctuationForEscape ? byte : nil }
        return Array("\\^$.|?*+()[]{}".utf8).contains(byte) ? nil : byte
    }

    /// Where the first hit at or after `start` begins, or nil.
    func firstHit(in subject: UnsafeBufferPointer<UInt8>, from start: Int, _ matcher: Matcher) throws -> Int? {
        switch self {
        case .pattern(let regex):
            return try matcher.firstMatch(of: regex, in: subject, range: start..<subject.count)?.range.lowerBound
        case .doubledByte(let byte):
            return Self.firstPair(of: byte, in: subject, from: start)
        case .caseChange(let regex, let afterLowercase):
            return try CaseChangeScan.firstHit(in: subject, from: start, regex: regex, afterLowercase: afterLowercase, matcher)
        case .trailingLines(let regex):
            let from = TrailingLinesScan.searchStart(in: subject, from: start)
            return try matcher.firstMatch(of: regex, in: subject, range: from..<subject.count)?.range.lowerBound
        }
    }

    /// Whether a hit here says that every later line is one too: the break before a text's
    /// trailing short lines is followed only by line breaks that are such breaks themselves.
    var hitsRunToTheEnd: Bool {
        if case .trailingLines = self { return true }
        return false
    }

    /// What every hit needs in a text.
    var literals: LiteralRequirement {
        switch self {
        case .pattern(let regex), .trailingLines(let regex): LiteralExtractor.requirement(of: regex)
        case .doubledByte(let byte): .anyLiteral(of: [[byte, byte]])
        case .caseChange: .anything
        }
    }

    /// The pattern as written, or the two bytes.
    var source: String {
        switch self {
        case .pattern(let regex), .caseChange(let regex, _), .trailingLines(let regex): regex.pattern
        case .doubledByte(let byte): String(decoding: [byte, byte], as: UTF8.self)
        }
    }

    /// The first offset at or after `start` where `byte` stands twice in a row.
    static func firstPair(of byte: UInt8, in subject: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = subject.baseAddress else { return nil }
        let end = subject.count
        var offset = start
        // Made once: built inside the loop, the sixteen copies were written a byte at a time.
        let copies = SIMD16<UInt8>(repeating: byte)
        // Each step compares 16 bytes with their 16 successors; the 17th byte read is in bounds.
        while offset + 17 <= end {
            let here = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
            let next = UnsafeRawPointer(base + offset + 1).loadUnaligned(as: SIMD16<UInt8>.self)
            var pairs = LaneSet((here .== copies) .& (next .== copies))
            if let lane = pairs.popFirst() { return offset + lane }
            offset += 16
        }
        while offset + 1 < end {
            if subject[offset] == byte, subject[offset + 1] == byte { return offset }
            offset += 1
        }
        return nil
    }
}

private extension UInt8 {
    /// ASCII punctuation, which a backslash leaves meaning itself.
    var isPunctuationForEscape: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self) || (0x5B...0x60).contains(self) || (0x7B...0x7E).contains(self)
    }
}
