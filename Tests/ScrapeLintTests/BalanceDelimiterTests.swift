import PCRE2
import Testing
@testable import ScrapeLint

/// The balance kind finds its delimiters with a byte scan, 16 bytes at a time; it must find
/// exactly what the character class `delimiters` (the pattern it lists) finds in PCRE2.
@Suite struct BalanceDelimiterTests {
    private let checks: [BalanceCheck] = [
        try! BalanceCheck(families: [.doubleQuotes], problems: [.unclosed]),
        try! BalanceCheck(families: [.doubleQuotes, .singleQuotes], problems: [.unclosed]),
        try! BalanceCheck(families: [.parentheses, .brackets], problems: [.unclosed]),
        try! BalanceCheck(families: Set(BalanceCheck.Family.allCases), problems: [.unclosed]),
    ]

    private func byPattern(_ check: BalanceCheck, _ bytes: [UInt8]) throws -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        try bytes.withUnsafeBufferPointer { subject in
            try Matcher().forEachMatch(of: check.delimiters, in: subject) { match in
                ranges.append(match.range)
                return true
            }
        }
        return ranges
    }

    private func byScan(_ check: BalanceCheck, _ bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { check.delimiterRanges(in: $0) }
    }

    @Test func exactRangesAcrossTheSixteenByteSteps() {
        let text = Array("0123456789abcd“x” (a) [b] it’s ‘q’ \"s\"".utf8)
        // “ starts at byte 14, so its three bytes straddle the first 16-byte step.
        // The apostrophe of "it’s" is found too; the tracker tells it from a quote later.
        #expect(byScan(checks[3], text) == [14..<17, 18..<21, 22..<23, 24..<25, 26..<27, 28..<29, 32..<35, 37..<40,
                                            41..<44, 45..<46, 47..<48])
        #expect(byScan(checks[0], text) == [14..<17, 18..<21, 45..<46, 47..<48])
        #expect(byScan(checks[2], text) == [22..<23, 24..<25, 26..<27, 28..<29])
    }

    @Test func theScanFindsWhatThePatternFinds() throws {
        // Real text, and debris: curly quotes cut short or after stray bytes, at every offset
        // against the 16-byte steps.
        var texts = try devCorpusDocuments().map(\.document.bytes)
        let pieces: [[UInt8]] = [[0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x99], [0xE2, 0x80], [0xE2], [0x80, 0x9D], [0xF0, 0x9F],
                                 Array("a".utf8), Array("(".utf8), Array("]".utf8), Array("\"".utf8), Array("—".utf8)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            texts.append((0..<Int.random(in: 1...60, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! })
        }
        for check in checks {
            for bytes in texts {
                #expect(byScan(check, bytes) == (try byPattern(check, bytes)))
            }
        }
    }
}
