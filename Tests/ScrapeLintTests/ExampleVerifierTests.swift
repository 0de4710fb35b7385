import PCRE2
@testable import ScrapeLint
import Testing

/// The verifier must catch wrong spans, or the example tests over the rule library prove nothing.
@Suite struct ExampleVerifierTests {
    func rule(match: String, noMatch: String = "nothing here", fields: String = "pattern: 'b+'") throws -> Rule {
        try parseRule("""
            id: test-rule
            kind: pattern
            severity: warning
            message: "x"
            description: "d"
            \(fields)
            examples:
              match: ["\(match)"]
              no-match: ["\(noMatch)"]
            """)
    }

    @Test func correctSpansPassInEveryVariant() throws {
        #expect(ExampleVerifier.verify(try rule(match: "a⟦bb⟧a\\n⟦b⟧"), with: Matcher()).isEmpty)
    }

    @Test func aSpanOffByOneByteFails() throws {
        let failures = ExampleVerifier.verify(try rule(match: "a⟦bba⟧"), with: Matcher())
        #expect(failures.map(\.variant) == [.plain, .multibytePrefix, .crlf])
        #expect(failures[0].expected == [1..<4])
        #expect(failures[0].found == [1..<3])
        #expect(failures[0].description.contains("expected: \"a⟦bba⟧\""))
        #expect(failures[0].description.contains("found:    \"a⟦bb⟧a\""))
    }

    /// A prefilter that misses a match fails in every variant, naming its window.
    @Test(arguments: [
        // The prefilter never matches, so the prefiltered run finds nothing where the pattern
        // alone finds "b" (not on the last line, which is always searched).
        ("xy\\na⟦b⟧\\nz", "pattern: '(?<=a)b'\nrequires: 'ab(?=c)'", "'requires' misses a line the pattern matches on"),
        // The match "a b" starts in the token before the hit's ("b"), which alone is searched.
        ("x ⟦a b⟧ y", "pattern: 'a b'\nrequires: 'b'\nrequires-within: token", "'requires' misses a token the pattern matches in"),
    ])
    func aPrefilterThatMissesAMatchFails(match: String, fields: String, problem: String) throws {
        let failures = ExampleVerifier.verify(try rule(match: match, noMatch: "nothing", fields: fields), with: Matcher())
        #expect(failures.map(\.variant) == [.plain, .multibytePrefix, .crlf])
        #expect(failures.allSatisfy { $0.problem == problem })
    }

    @Test func aTokenWindowSearchesTheTokenOfEachHit() throws {
        // "end.Start" is one token; the hit (the full stop) is inside it, the match around it.
        let rule = try self.rule(match: "Ünï the end⟦.S⟧tart and more⟦.M⟧ore", noMatch: "end. Start",
                                 fields: "pattern: '(?<=\\p{Ll})\\.\\p{Lu}'\nrequires: '\\.'\nrequires-within: token")
        #expect(ExampleVerifier.verify(rule, with: Matcher()).isEmpty)
    }

    @Test func theLastLineIsSearchedWhateverThePrefilterSays() throws {
        let rule = try self.rule(match: "xy\\na⟦b⟧", noMatch: "nothing", fields: "pattern: '(?<=a)b'\nrequires: 'ab(?=c)'")
        #expect(ExampleVerifier.verify(rule, with: Matcher()).isEmpty)
    }

    @Test func aMissingSpanAndAFindingInANoMatchExampleFail() throws {
        #expect(ExampleVerifier.verify(try rule(match: "⟦b⟧ b"), with: Matcher()).count == 3)
        #expect(ExampleVerifier.verify(try rule(match: "⟦b⟧", noMatch: "abc"), with: Matcher()).count == 3)
    }

    @Test func theVariantsMoveSpansExactly() {
        let (prefixed, moved) = ExampleVerifier.Variant.multibytePrefix.apply("ab", [1..<2])
        #expect(prefixed == "“Ünïcödé” — 東京 😀\nab")
        #expect(moved == [35..<36])  // the prefix line is 34 bytes
        let (crlf, shifted) = ExampleVerifier.Variant.crlf.apply("a\nb\r\nc\n", [0..<1, 2..<3, 5..<6, 1..<2])
        #expect(crlf == "a\r\nb\r\nc\r\n")
        #expect(shifted == [0..<1, 3..<4, 6..<7, 1..<3])
    }

    @Test func markersAreParsedToByteSpans() throws {
        let example = try MarkedExample("“⟦x⟧” ⟦⟧é⟦😀⟧")
        #expect(example.text == "“x” é😀")
        #expect(example.spans == [3..<4, 8..<8, 10..<14])
        #expect(throws: MarkedExampleError.self) { try MarkedExample("⟦a") }
        #expect(throws: MarkedExampleError.self) { try MarkedExample("a⟧") }
        #expect(throws: MarkedExampleError.self) { try MarkedExample("⟦⟦a⟧⟧") }
    }

    @Test func aRuleWithoutExamplesFails() throws {
        let rule = try parseRule("""
            id: test-rule
            kind: pattern
            severity: note
            message: "x"
            description: "d"
            pattern: 'b'
            """)
        let failures = ExampleVerifier.verify(rule, with: Matcher())
        #expect(failures.count == 1)
        #expect(failures[0].problem == "needs at least one match and one no-match example")
    }
}
