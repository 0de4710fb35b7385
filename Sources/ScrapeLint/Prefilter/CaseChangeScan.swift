import PCRE2

/// Finds `(?<=[\p{Ll}\p{N}])\p{Lu}`, an upper-case letter right after a lower-case letter or a
/// digit (`villageThe`, `2016The`, `iPhone`), 16 bytes at a time. PCRE2 cannot skip ahead for a
/// pattern that starts with a class of upper-case letters and every non-ASCII lead byte: it
/// tried every capital and curly quote of the text (11 ms on the dev files, the costliest
/// prefilter). Here two vectors, the bytes and the bytes before them, give the ASCII pairs
/// exactly; a place where either side is not ASCII is asked of PCRE2 itself, after a cheap
/// test has passed over what cannot be one (a lower-case accented letter, a curly quote).
///
/// The same scan finds `(?<=\p{N})\p{Lu}`, a capital after a digit only (`2016The`), with
/// `afterLowercase` off: a number run into a headline, where PCRE2 tried every digit of a text
/// for `[0-9](?=\p{Lu}\p{Ll})` (6-7 ms of merge-boundary on the dev files twice).
enum CaseChangeScan {
    /// The pattern this scan stands for, as a rule's `requires` writes it.
    static let pattern = #"(?<=[\p{Ll}\p{N}])\p{Lu}"#
    /// The same after a digit (`\p{N}`) only.
    static let afterNumberPattern = #"(?<=\p{N})\p{Lu}"#

    /// The `afterLowercase` mode that `pattern` written exactly so stands for; nil for any other.
    static func afterLowercase(forPattern pattern: String) -> Bool? {
        switch pattern {
        case Self.pattern: true
        case afterNumberPattern: false
        default: nil
        }
    }

    /// The offset of the first upper-case letter at or after `start` that follows a digit or,
    /// when `afterLowercase`, a lower-case letter; nil when there is none. `regex` is the pattern,
    /// compiled, for the non-ASCII places.
    static func firstHit(in subject: UnsafeBufferPointer<UInt8>, from start: Int, regex: Regex, afterLowercase: Bool,
                         _ matcher: Matcher) throws -> Int? {
        guard let base = subject.baseAddress else { return nil }
        let end = subject.count
        var offset = max(start, 1)  // the letter needs a character before it
        let a = SIMD16<UInt8>(repeating: 0x61), zero = SIMD16<UInt8>(repeating: 0x30), capitalA = SIMD16<UInt8>(repeating: 0x41)
        // Without lower-case letters before, no byte is one: `a` as the start of an empty range.
        let lowerCount = SIMD16<UInt8>(repeating: afterLowercase ? 26 : 0)
        let letters = SIMD16<UInt8>(repeating: 26), digits = SIMD16<UInt8>(repeating: 10)
        let high = SIMD16<UInt8>(repeating: 0x80), lead = SIMD16<UInt8>(repeating: 0xC0)
        while offset + 16 <= end {
            let before = UnsafeRawPointer(base + offset - 1).loadUnaligned(as: SIMD16<UInt8>.self)
            let here = UnsafeRawPointer(base + offset).loadUnaligned(as: SIMD16<UInt8>.self)
            let upper = (here &- capitalA) .< letters
            let ascii = upper .& (((before &- a) .< lowerCount) .| ((before &- zero) .< digits))
            // Not ASCII on one side: a capital after a non-ASCII character, or a lead byte.
            let other = (upper .& (before .>= high)) .| (here .>= lead)
            var candidates = LaneSet(ascii .| other)
            let exact = LaneSet(ascii)
            while let lane = candidates.popFirst() {
                if exact.contains(lane) { return offset + lane }
                if try isCaseChange(at: offset + lane, in: subject, regex: regex, afterLowercase: afterLowercase, matcher) { return offset + lane }
            }
            offset += 16
        }
        while offset < end {
            let byte = subject[offset], previous = subject[offset - 1]
            if byte &- 0x41 < 26, (afterLowercase && previous &- 0x61 < 26) || previous &- 0x30 < 10 { return offset }
            if (byte &- 0x41 < 26 && previous >= 0x80) || byte >= 0xC0,
               try isCaseChange(at: offset, in: subject, regex: regex, afterLowercase: afterLowercase, matcher) {
                return offset
            }
            offset += 1
        }
        return nil
    }

    /// Whether the character at `offset` (a non-ASCII one, or a capital after one) starts a
    /// match. What cannot is passed over without PCRE2: a character that is not an upper-case
    /// letter by Swift's Unicode data (newer than PCRE2's, and a letter's case does not change
    /// between versions), one after an ASCII character that is neither a digit nor (when
    /// `afterLowercase`) a lower-case letter, and U+0080-U+00BF and U+2000-U+203F, which hold no
    /// letter.
    private static func isCaseChange(at offset: Int, in subject: UnsafeBufferPointer<UInt8>, regex: Regex, afterLowercase: Bool,
                                     _ matcher: Matcher) throws -> Bool {
        let byte = subject[offset], previous = subject[offset - 1]
        if previous < 0x80, !((afterLowercase && previous &- 0x61 < 26) || previous &- 0x30 < 10) { return false }
        if byte >= 0x80 {
            if byte == 0xC2 { return false }
            if byte == 0xE2, offset + 1 < subject.count, subject[offset + 1] == 0x80 { return false }
            let decoded = ColumnCounter.scalar(in: subject, at: offset, end: subject.count)
            guard decoded.scalar?.properties.generalCategory == .uppercaseLetter else { return false }
            return try matcher.matchesWhole(regex, in: subject, range: offset..<(offset + decoded.length))
        }
        return try matcher.matchesWhole(regex, in: subject, range: offset..<(offset + 1))
    }
}
