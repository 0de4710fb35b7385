import PCRE2
@testable import ScrapeLint
import Testing

/// The kinds that keep state across a document, on texts made for each behaviour.
@Suite struct StatefulKindTests {
    func rule(_ kind: String, _ fields: String, message: String = "{detail}") throws -> Rule {
        try kindRule(kind, fields, message: message)
    }

    func found(_ rule: Rule, _ text: String) throws -> [Diagnostic] { try diagnostics(of: rule, in: text) }

    // MARK: balance

    @Test func quotationOverSeveralParagraphsIsBalanced() throws {
        let quotes = try rule("balance", "pairs: [double-quotes, single-quotes]\nreport: [unclosed, unopened, nested]")
        #expect(try found(quotes, "“One.\n“Two.\n“Three.”\nAfter.").isEmpty)
        let unclosed = try found(quotes, "“One.\nTwo.")
        #expect(unclosed.map(\.range) == [0..<3])
        #expect(unclosed.first?.message == "quotation mark opened here is not closed in its paragraph, and the next paragraph does not reopen it")
        #expect(try found(quotes, "One.\n“Two.").first?.message == "quotation mark opened here is never closed")
        #expect(try found(quotes, "One.”").map(\.range) == [4..<7])
    }

    @Test func aSecondCloserAfterAReopenedQuotationMeansNestedQuotes() throws {
        let nested = try rule("balance", "pairs: [double-quotes]\nreport: [unclosed, unopened, nested]")
        // As in the seed: the reopening quote of paragraph 2 was a quotation inside the first.
        let text = "“First report. “Inner,” he said.\n“Second inner,” she added. The end.”"
        let findings = try found(nested, text)
        #expect(findings.count == 1)
        #expect(findings[0].range == 0..<3)
        #expect(findings[0].message == "double quotes nested inside this quotation (a quote within a quote takes single quotes); it closes on line 2")
        let closer = Array(text.utf8).count - 3
        #expect(findings[0].related == [RelatedLocation(range: closer..<(closer + 3), message: "the quotation closes here")])
    }

    @Test func straightQuotesApostrophesInchesAndListMarkers() throws {
        let all = try rule("balance", "pairs: [double-quotes, single-quotes, parentheses, brackets]")
        #expect(try found(all, "He said \"go\" and left; it’s the Joneses’ 5\" screen from the ’90s.").isEmpty)
        #expect(try found(all, "a) first b) second (week 0) and (week 8), [1] done").isEmpty)
        #expect(try found(all, "He said \"go and left.").map(\.range) == [8..<9])
        #expect(try found(all, "the (SDF said so").map(\.range) == [4..<5])
    }

    // MARK: consistency

    @Test func minorityVariantIsReportedAtEachPlaceWithTheMajorityRelated() throws {
        let styles = try rule("consistency", """
            variants:
              - {name: curly, pattern: '’'}
              - {name: straight, pattern: "'"}
            """)
        let findings = try found(styles, "it's one's own, it’s here, and it's there")
        #expect(findings.map(\.range) == [18..<21])
        #expect(findings[0].message == "curly here, straight elsewhere (3 times, first on line 1)")
        #expect(findings[0].related == [RelatedLocation(range: 2..<3, message: "the form used most")])
    }

    /// A variant counts only outside headings when they are skipped: a text whose second style
    /// is in a heading alone writes one way; three styles, two of them present, still compare.
    @Test func variantsCompareOnlyWhereTwoOccur() throws {
        let styles = try rule("consistency", """
            variants:
              - {name: curly, pattern: '’'}
              - {name: straight, pattern: "'"}
              - {name: grave, pattern: '`'}
            skip-headings: true
            """)
        #expect(try found(styles, "Don't Stop\nIt’s here, and it’s there, as one’s own.").isEmpty)
        #expect(try found(styles, "It’s here, and it’s there, as one’s own.").isEmpty)
        let mixed = try found(styles, "Don't Stop\nIt’s here, and it’s there, as one's own.")
        #expect(mixed.map(\.message) == ["straight here, curly elsewhere (2 times, first on line 2)"])
    }

    @Test func onATieTheFormSeenLaterIsReported() throws {
        let casing = try rule("consistency", "tokens: ['\\b\\p{L}+ \\p{L}+\\b']\nnormalize: [lowercase]")
        let findings = try found(casing, "Islamic State, Islamic state")
        #expect(findings.map(\.range) == [15..<28])
        #expect(findings[0].message == "'Islamic State' elsewhere (once, first on line 1)")
    }

    @Test func wordTokensAreWholeWordsWithOneSpaceAndNoHyphenAtTheirEnds() throws {
        let spacing = try rule("consistency", "words:\n  - min-letters: [2, 3]\n  - min-letters: [5]\nnormalize: [lowercase, remove-spaces]\nignore-case: true")
        // "air strikes" twice, "airstrikes" once: the closed form is reported. "air  strikes"
        // (two spaces), "fair strikes"/"air strikesx" (other words) and "anti-air strikes" and
        // "air strikes-led" (hyphenated) are no tokens of the open form.
        let text = "Air strikes, air strikes. airstrikes; air  strikes fair strikes anti-air strikes air strikes-led"
        let findings = try found(spacing, text)
        #expect(findings.map(\.range) == [26..<36])
        #expect(findings[0].message == "'Air strikes' elsewhere (2 times, first on line 1)")
        #expect(try found(spacing, "airstrikes and air  strikes, anti-air strikes").isEmpty)
    }

    @Test func wordTokensKeepTheirCaseWhenAsked() throws {
        // Without `lowercase` and `ignore-case`, "Airstrikes" groups with "Air strikes" only, and
        // "air strikes" is a form of another key; the hashes of words as written are used.
        let spacing = try rule("consistency", "words:\n  - min-letters: [2, 3]\n  - min-letters: [5]\nnormalize: [remove-spaces]")
        let findings = try found(spacing, "Air strikes, Air strikes, Airstrikes, air strikes, air strikes")
        #expect(findings.map(\.range) == [26..<36])
        #expect(try found(spacing, "Air strikes, airstrikes").isEmpty)
    }

    @Test func wordTokensNeedLetterCounts() {
        let header = "id: test-rule\nkind: consistency\nseverity: warning\nmessage: \"{detail}\"\ndescription: \"d\"\n"
        #expect(loadError(header + "words:\n  - {}\n")?.contains("missing required field 'min-letters'") == true)
        #expect(loadError(header + "words:\n  - min-letters: [2, 0]\n")?.contains("'min-letters': must list at least one number of letters, each 1 or more") == true)
        #expect(loadError(header + "words:\n  - min-letters: [two]\n")?.contains("'min-letters': must be a whole number") == true)
    }

    @Test func nearSpellingsNeedAnInnerEdit() {
        #expect(EditDistance.isOneInnerEdit("Baghouz", "Baghuz"))
        #expect(EditDistance.isOneInnerEdit("Hussein", "Hussain"))
        #expect(!EditDistance.isOneInnerEdit("Syria", "Syrian"))
        #expect(!EditDistance.isOneInnerEdit("Trump", "Trumps"))
        // One inner edit too; the rule keeps such words apart by reading only mid-sentence capitals.
        #expect(EditDistance.isOneInnerEdit("Where", "Were"))
        #expect(!EditDistance.isOneInnerEdit("Baghouz", "Baghouz"))
        #expect(!EditDistance.isOneInnerEdit("Stephen", "Steven"))
    }

    /// Near spellings are found among keys that begin and end alike, whatever else the text
    /// holds: one substitution, one deletion, with spaces and hyphens taken out of the key, and
    /// keys of letters beyond ASCII, also against ASCII ones; keys alone with their first and
    /// last letters are not.
    @Test func nearSpellingsAreFoundAmongKeysThatBeginAndEndAlike() throws {
        let variants = try rule("consistency", """
            tokens: ['\\b\\p{Lu}[\\p{L}-]++(?: \\p{Lu}\\p{L}++)?']
            normalize: [lowercase, remove-spaces, remove-hyphens]
            distance: 1
            min-length: 5
            """)
        let text = "Baghouz, Ankara, Baghuz, Mosul, Al-Qaim, Al Qaem, Berlin, Berlim, Damascus, Damaskus, Kiev, Kyiv, Zürich, Zürch"
        let document = Document(path: "t", text: text)
        #expect(try found(variants, text).map { document.text(in: $0.range) } == ["Baghuz", "Al Qaem", "Damaskus", "Zürch"])
        // A transliteration: one spelling with a letter beyond ASCII, the other without.
        let names = "Erdoğan spoke, then Erdogan left, and Erdoğan came back to Zürich or Zurich."
        let named = Document(path: "t", text: names)
        #expect(try found(variants, names).map { named.text(in: $0.range) } == ["Erdogan", "Zurich"])
    }

    // MARK: repetition

    @Test func repeatedParagraphIsReportedOnceAndItsSentencesNotAgain() throws {
        let repeats = try rule("repetition", "units: [paragraph, sentence]\nmin-length: 20")
        let paragraph = "The strikes went on for days. Nobody left the camp."
        let text = paragraph + "\nOther text here.\n" + paragraph.uppercased().lowercased() + "\nThe strikes went on for days."
        let findings = try found(repeats, text)
        let second = Array(paragraph.utf8).count + 18
        #expect(findings.map(\.range.lowerBound) == [second, second + Array(paragraph.utf8).count + 1])
        #expect(findings.map(\.message) == ["paragraph repeats line 1", "sentence repeats line 1"])
    }

    /// Lines that share a key without being copies (the same bytes in another order) are not
    /// reported; a later copy of each, byte for byte or after normalising, names its own first.
    @Test func textsSharingAKeyAreToldApartAndEachCopyFindsItsFirst() throws {
        let repeats = try rule("repetition", "units: [paragraph]\nmin-length: 10")
        let lines = ["Page 12 of 31 of the list", "Page 21 of 13 of the list", "Page 31 of 12 of the list",
                     "page  21 of 13 OF the list", "Page 12 of 31 of the list", "Page 13 of 21 of the list"]
        let text = lines.joined(separator: "\n")
        let keys = Array(text.utf8).withUnsafeBufferPointer { bytes in
            Document(path: "t", text: text).paragraphRanges.map { TextKey(bytes, $0).hash }
        }
        #expect(Set(keys).count == 1)
        let findings = try found(repeats, text)
        let document = Document(path: "t", text: text)
        #expect(findings.map { document.location(of: $0.range.lowerBound, unit: .byte).line } == [4, 5])
        #expect(findings.map(\.message) == ["paragraph repeats line 2", "paragraph repeats line 1"])
    }

    // MARK: substitution and tries

    @Test func substitutionKeepsCaseAndWordBoundaries() throws {
        let typos = try rule("substitution", "words: {teh: the, '&amp;': '&'}", message: "'{match}' to '{expected}'")
        let findings = try found(typos, "Teh end, TEH END, tehran, AT&amp;T")
        #expect(findings.map(\.range) == [0..<3, 9..<12, 28..<33])
        #expect(findings.map { String(decoding: $0.fix!.replacement, as: UTF8.self) } == ["The", "THE", "&"])
    }

    @Test func trieMatchesExactlyTheWordsOfAFlatAlternation() throws {
        let words = ["receive", "recieve", "recieved", "re", "teh", "the", "then", "a.b", "ab"]
        let trie = try Regex("(?i)(?:" + AlternationTrie.pattern(for: words.map {
            AlternationTrie.Word(units: $0.unicodeScalars.map(AlternationTrie.escape), guardAfter: "(?!\\p{L})")
        }) + ")")
        let flat = try Regex("(?i)(?:" + words.sorted { $0.count > $1.count }.map { PatternCheck.literal($0) + "(?!\\p{L})" }.joined(separator: "|") + ")")
        let text = "I recieved then re a.b ab axb teh theme the receive RE Then"
        var results: [[Range<Int>]] = []
        for regex in [trie, flat] {
            var ranges: [Range<Int>] = []
            try Array(text.utf8).withUnsafeBufferPointer { subject in
                try Matcher().forEachMatch(of: regex, in: subject) { ranges.append($0.range); return true }
            }
            results.append(ranges)
        }
        #expect(results[0] == results[1])
        #expect(results[0].count == 10)
    }
}
