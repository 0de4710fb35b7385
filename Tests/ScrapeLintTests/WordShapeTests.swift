import PCRE2
@testable import ScrapeLint
import Testing

/// Word shapes that stand for token patterns (`capitalised`, `after`, `between`,
/// `not-followed-by`, `overlap`): exact tokens on made texts, load errors, and the built-in rules'
/// shapes finding on the dev corpus what their former token patterns found.
@Suite struct WordShapeTests {
    private func tokens(_ shape: WordShape, _ text: String) throws -> [String] {
        let document = Document(path: "t", text: text)
        var found: [ConsistencyCheck.Token] = []
        try document.bytes.withUnsafeBufferPointer { subject in
            try ConsistencyCheck.shapedTokens(shape, in: document.words, subject: subject, headings: nil, folding: true, removeSpaces: false,
                                              removeHyphens: false, ignoreCase: false, matcher: Matcher(), into: &found)
        }
        return found.map { document.text(in: $0.range) }
    }

    private func shape(_ letters: [Int], after: String? = nil, between: String? = nil, notFollowedBy: WordShape.Follower = .hyphen,
                       overlapping: Bool = true) throws -> WordShape {
        var shape = WordShape(minimumLetters: letters)
        shape.capitalised = true
        shape.after = try after.map { try CharacterTest($0) }
        shape.between = try between.map { try CharacterTest($0) }
        shape.notFollowedBy = notFollowedBy
        shape.overlapping = overlapping
        return shape
    }

    @Test func aCapitalisedWordIsOneCapitalThenLowerCaseLetters() throws {
        let names = try shape([5])
        #expect(try tokens(names, "Berlin McDonald ÉLODIE Élodie berlin Bo Ärger") == ["Berlin", "Élodie", "Ärger"])
    }

    @Test func afterIsTheCharacterBeforeOneSpace() throws {
        let midSentence = try shape([5], after: #"[\p{Ll},;:]"#)
        #expect(try tokens(midSentence, "in Berlin, Paris; Vienna. Prague é Lisbon  Madrid\u{A0}Dublin") == ["Berlin", "Paris", "Vienna", "Lisbon"])
        #expect(try tokens(midSentence, "Berlin was first") == [])  // nothing before it
    }

    @Test func whatMayFollowAToken() throws {
        let text = "in Berlin-based and Munich2 and Hamburg."
        #expect(try tokens(shape([5], after: "[a-z]"), text) == ["Munich", "Hamburg"])  // no hyphen after (the default)
        #expect(try tokens(shape([5], after: "[a-z]", notFollowedBy: .character(CharacterTest(#"\w"#))), text) == ["Berlin", "Hamburg"])
        #expect(try tokens(shape([5], after: "[a-z]", notFollowedBy: .anything), text) == ["Berlin", "Munich", "Hamburg"])
    }

    @Test func betweenAndOverlap() throws {
        let text = "in Islamic State Fighters said"
        let consuming = try shape([2, 1], after: #"[\p{Ll},;]"#, notFollowedBy: .anything, overlapping: false)
        #expect(try tokens(consuming, text) == ["Islamic State", "Fighters said"])
        let overlapping = try shape([2, 1], after: #"[\p{Ll},;]"#, notFollowedBy: .anything)
        #expect(try tokens(overlapping, text) == ["Islamic State", "State Fighters", "Fighters said"])
        // A no-break space joins words only when `between` allows it.
        let spaced = "in Islamic\u{A0}State Fighters said"
        #expect(try tokens(consuming, spaced) == ["Fighters said"])
        let joined = try shape([2, 1], after: #"[\p{Ll},;]"#, between: #"[ \x{A0}]"#, notFollowedBy: .anything, overlapping: false)
        #expect(try tokens(joined, spaced) == ["Islamic\u{A0}State", "Fighters said"])
    }

    @Test func aBrokenClassNamesItsField() {
        let header = "id: test-rule\nkind: consistency\nseverity: warning\nmessage: \"{detail}\"\ndescription: \"d\"\n"
        let error = loadError(header + "words:\n  - min-letters: [5]\n    after: '[a-z'\n")
        #expect(error?.contains("'after':") == true && error?.contains("offset 4") == true, "\(error ?? "")")
        #expect(loadError(header + "words:\n  - min-letters: [5]\n    capital: true\n")?.contains("unknown key 'capital' (expected one of: ") == true)
    }

    /// The two built-in rules written with shapes find, in every dev corpus text and in their
    /// examples after a multi-byte prefix, exactly the tokens of the patterns they replaced.
    @Test func builtInShapesFindWhatTheirPatternsFound() throws {
        let replaced = [
            "consistency-spelling-variant": (#" (?<=[\p{Ll},;:] )\K\p{Lu}\p{Ll}{4,}+\b"#, 0),
            "casing-inconsistent-name": (#" (?<=[\p{Ll},;] )(\p{Lu}\p{Ll}++[ \x{A0}]\p{L}++)"#, 1),
        ]
        let rules = try RuleSet.builtInRules().filter { replaced[$0.id] != nil }
        #expect(rules.count == 2)
        let texts = try devCorpusDocuments().map(\.document)
            + rules.flatMap { $0.examples.match.map { Document(path: "e", text: "Ünïcödé “x” " + $0.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")) } }
        let matcher = Matcher()
        var compared = 0
        for rule in rules {
            guard case .consistency(let check) = rule.kind, let shape = check.words.first else { Issue.record("\(rule.id)"); continue }
            let (source, group) = replaced[rule.id]!
            let regex = try Regex(source)
            for document in texts {
                var found: [ConsistencyCheck.Token] = []
                var expected: [Range<Int>] = []
                try document.bytes.withUnsafeBufferPointer { subject in
                    try ConsistencyCheck.shapedTokens(shape, in: document.words, subject: subject, headings: nil, folding: true,
                                                      removeSpaces: false, removeHyphens: false, ignoreCase: false, matcher: matcher, into: &found)
                    try matcher.forEachMatch(of: regex, in: subject) { match in
                        expected.append(match.range(ofGroup: group) ?? match.range)
                        return true
                    }
                }
                #expect(found.map(\.range) == expected, "\(rule.id) \(document.path)")
                compared += expected.count
            }
        }
        #expect(compared > 50_000)
    }
}
