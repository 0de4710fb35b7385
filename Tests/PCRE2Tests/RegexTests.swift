import PCRE2
import Testing

/// Runs `pattern` over `text` and returns every match as byte ranges.
func allMatches(_ pattern: String, _ text: String, matcher: Matcher = Matcher()) throws -> [Range<Int>] {
    let regex = try Regex(pattern)
    var found: [Range<Int>] = []
    try Array(text.utf8).withUnsafeBufferPointer { subject in
        try matcher.forEachMatch(of: regex, in: subject) { match in
            found.append(match.range)
            return true
        }
    }
    return found
}

@Suite struct RegexTests {
    @Test func findsEveryMatchInOrder() throws {
        #expect(try allMatches("a+", "aa b aaa a") == [0..<2, 5..<8, 9..<10])
    }

    @Test func aStartLimitStopsMatchesStartingAfterItButNotLookingPastIt() throws {
        let regex = try Regex("foo(?= bar)", options: .offsetLimit)
        let matcher = Matcher()
        var found: [Range<Int>] = []
        try Array("foo bar\nfoo bar".utf8).withUnsafeBufferPointer { subject in
            // Limit 0: only a match starting at 0, which may read " bar" past the limit.
            try matcher.forEachMatch(of: regex, in: subject, startLimit: 0) { found.append($0.range); return true }
            #expect(found == [0..<3])
            found = []
            try matcher.forEachMatch(of: regex, in: subject, range: 1..<subject.count, startLimit: 7) { found.append($0.range); return true }
            #expect(found.isEmpty)
            // The limit is lifted afterwards.
            try matcher.forEachMatch(of: regex, in: subject) { found.append($0.range); return true }
            #expect(found == [0..<3, 8..<11])
        }
    }

    @Test func emptyMatchesAreFoundOncePerPositionAndAdvanceByCharacter() throws {
        // pcre2demo's loop: an empty match at every position, characters stepped whole.
        #expect(try allMatches("x*", "ab") == [0..<0, 1..<1, 2..<2])
        // "é" is two bytes: no empty match may land between them.
        #expect(try allMatches("x*", "é") == [0..<0, 2..<2])
        // After an empty match a non-empty one at the same place is still found.
        #expect(try allMatches("(?=b)|b", "ab") == [1..<1, 1..<2])
    }

    @Test func emptyMatchesNeverLandInsideACRLF() throws {
        #expect(try allMatches("(?m)^", "a\r\n\r\nb") == [0..<0, 3..<3, 5..<5])
        #expect(try allMatches("x*", "a\r\nb") == [0..<0, 1..<1, 3..<3, 4..<4])
    }

    @Test func crlfCountsAsOneLineEnd() throws {
        #expect(try allMatches("(?m)^\\w+$", "one\r\ntwo\nthree") == [0..<3, 5..<8, 9..<14])
        #expect(try allMatches("(?m)$", "a\r\nb") == [1..<1, 4..<4])
    }

    @Test func capturesAndNamedGroups() throws {
        let regex = try Regex("(?<word>\\p{L}+)(:)?(\\d+)")
        #expect(regex.captureCount == 3)
        #expect(regex.groupNumber(named: "word") == 1)
        #expect(regex.groupNumber(named: "nope") == nil)
        let match = try Array("march36 and x:1".utf8).withUnsafeBufferPointer {
            try Matcher().firstMatch(of: regex, in: $0)
        }
        #expect(match?.range == 0..<7)
        #expect(match?.range(ofGroup: 1) == 0..<5)
        #expect(match?.range(ofGroup: 2) == nil)  // did not take part
        #expect(match?.range(ofGroup: 3) == 5..<7)
        #expect(match?.range(ofGroup: 9) == nil)  // no such group
    }

    @Test func moreGroupsThanTheDefaultMatchDataHolds() throws {
        let pattern = String(repeating: "(a)", count: 20)
        let regex = try Regex(pattern)
        let match = try Array(String(repeating: "a", count: 20).utf8).withUnsafeBufferPointer {
            try Matcher().firstMatch(of: regex, in: $0)
        }
        #expect(match?.range(ofGroup: 20) == 19..<20)
    }

    @Test func compileErrorsCarryMessageAndOffset() {
        #expect(throws: PCRE2Error.compile(message: "missing closing parenthesis", offset: 4)) {
            try Regex("(abc")
        }
        #expect(throws: PCRE2Error.compile(message: "quantifier does not follow a repeatable item", offset: 3)) {
            try Regex("ab|*")
        }
        do {
            _ = try Regex("ab(?<=x+)c")
            Issue.record("a variable-length lookbehind compiled")
        } catch {
            guard case .compile(let message, let offset) = error else { Issue.record("\(error)"); return }
            #expect(message == "lookbehind assertion is not fixed length")
            #expect(offset == 2)
        }
    }

    @Test func invalidUTF8NeverCrashesAndValidPartsStillMatch() throws {
        // A lone continuation byte, a truncated sequence and an overlong encoding.
        let bytes: [UInt8] = Array("ok ".utf8) + [0x80, 0xE2, 0x80] + Array(" fine ".utf8) + [0xC0, 0xAF] + Array("end".utf8)
        let regex = try Regex("\\p{L}+")
        var found: [Range<Int>] = []
        try bytes.withUnsafeBufferPointer { subject in
            try Matcher().forEachMatch(of: regex, in: subject) { match in
                found.append(match.range)
                return true
            }
        }
        #expect(found == [0..<2, 7..<11, 14..<17])
        // Empty matches step over invalid bytes one at a time.
        let empty = try Regex("x*")
        var count = 0
        try bytes.withUnsafeBufferPointer { subject in
            try Matcher().forEachMatch(of: empty, in: subject) { _ in count += 1; return true }
        }
        #expect(count > 0)
    }

    @Test func lookbehindSeesTextBeforeTheRange() throws {
        let regex = try Regex("(?<=a)b")
        var found: [Range<Int>] = []
        try Array("abab".utf8).withUnsafeBufferPointer { subject in
            try Matcher().forEachMatch(of: regex, in: subject, range: 1..<4) { found.append($0.range); return true }
        }
        #expect(found == [1..<2, 3..<4])
    }

    @Test func catastrophicBacktrackingHitsTheMatchLimit() throws {
        let regex = try Regex("^(\\w+\\s?)*$")
        let hostile = Array((String(repeating: "ab", count: 2_000) + "!").utf8)
        #expect {
            try hostile.withUnsafeBufferPointer { subject in
                try Matcher(limits: .init(match: 100_000)).forEachMatch(of: regex, in: subject) { _ in true }
            }
        } throws: { error in
            guard case PCRE2Error.limitExceeded = error else { return false }
            return true
        }
    }

    @Test func theMatchLimitGrowsWithTheSubjectSoLinearScansFinish() throws {
        // A lazy scan costs a step per byte: 500 KB is far over a fixed limit of 100,000 steps,
        // but linear, so the limit of ten steps a byte lets it finish (with no match).
        let regex = try Regex("\\N*?zzz")
        let subject = Array(String(repeating: "a", count: 500_000).utf8)
        let match = try subject.withUnsafeBufferPointer { try Matcher(limits: .init(match: 100_000)).firstMatch(of: regex, in: $0) }
        #expect(match == nil)
    }

    @Test func jitIsUsedWhenAvailable() throws {
        #expect(try Regex("abc").isJITCompiled == Regex.jitAvailable)
    }

    @Test func replacementTemplatesExpandAgainstTheMatch() throws {
        let regex = try Regex("(\\p{L}+)([:.,])(?=\\d)")
        let subject = Array("last march:36".utf8)
        let expanded = try subject.withUnsafeBufferPointer { buffer -> [UInt8] in
            let matcher = Matcher()
            let match = try #require(try matcher.firstMatch(of: regex, in: buffer))
            return try matcher.expand(template: "$1$2 ", for: match, of: regex, in: buffer)
        }
        #expect(String(decoding: expanded, as: UTF8.self) == "march: ")
    }

    @Test func caselessOptionAndUnicodeCaseFolding() throws {
        let regex = try Regex("straße", options: [.caseless])
        let found = try Array("STRASSE Straße".utf8).withUnsafeBufferPointer { try Matcher().firstMatch(of: regex, in: $0) }
        #expect(found?.range == 8..<15)
    }

    @Test func aKnownStartIsOneCodeUnitACaselessLetterOrALineStart() throws {
        for pattern in ["copyright", "(?i)copyright", "©", #"\(c\)"#, "(?m)^abc"] {
            #expect(try Regex(pattern).hasKnownStart, "\(pattern)")
        }
        for pattern in ["[abc]x", "a|b", #"(?i)©|\(c\)"#, #"\p{Lu}"#, "(?i)©"] {
            #expect(try !Regex(pattern).hasKnownStart, "\(pattern)")
        }
    }
}
