import PCRE2
import Testing
@testable import ScrapeLint

/// The literals read from a pattern: exactly what every match must contain, never more.
@Suite struct LiteralExtractorTests {
    /// The alternatives as strings, each a list of literals.
    private func literals(_ pattern: String, caseless: Bool = false) -> [[String]]? {
        LiteralExtractor.requirement(of: pattern, caseless: caseless).alternatives?.map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test func aPhraseWithSpacesIsOneLiteralInLowerCase() {
        #expect(literals(#"(?i)\bWe\h+use\h+cookies\b"#) == [["we use cookies"]])
        #expect(literals(#"Tips\h++and more"#) == [["tips and more"]])
        // `\h*` is one space or none; the text is read with every run of space as one space.
        #expect(Set(literals(#"photo\h*:"#) ?? []) == [["photo:"], ["photo :"]])
    }

    @Test func branchesAreAlternatives() {
        #expect(literals("photo|image|credit") == [["photo"], ["image"], ["credit"]])
        // One short branch can match anywhere, so the pattern needs nothing known.
        #expect(literals("photo|ago") == nil)
    }

    @Test func fixedGroupsJoinTheLiteralAroundThem() {
        #expect(Set(literals(#"by\h+continuing\h+to\h+(?:use|browse)\h+this site"#) ?? [])
            == [["by continuing to use this site"], ["by continuing to browse this site"]])
        // Optional parts are one string more each: the empty one.
        #expect(Set(literals(#"min(?:ute)?s?\h++read"#) ?? [])
            == [["min read"], ["mins read"], ["minute read"], ["minutes read"]])
        #expect(Set(literals("colou?r") ?? []) == [["color"], ["colour"]])
    }

    @Test func aStringThatHoldsAnotherIsLeftOut() {
        // Whatever holds "photo credit" holds "credit".
        #expect(Set(literals(#"(?:photo\h+)?credit:"#) ?? []) == [["credit:"]])
    }

    @Test func repeatsAndClassesEndALiteral() {
        #expect(literals("abcd+efgh") == [["abcd", "defgh"]])
        #expect(literals("abcd*efgh") == [["efgh"]])
        #expect(literals("abcd{0,3}efgh") == [["efgh"]])
        #expect(literals("abcd{2}efgh") == [["abcd", "defgh"]])
        #expect(literals(#"[abcd]efgh\d+ijkl"#) == [["efgh", "ijkl"]])
        #expect(literals(#"[]x]efgh"#) == [["efgh"]])
        #expect(literals(#"[\]x[:alpha:]]efgh"#) == [["efgh"]])
        #expect(literals(#"\p{Lu}\p{Ll}+word"#) == [["word"]])
        #expect(literals(#"\pLword"#) == [["word"]])
        // A bare \N is any character but a newline, taking nothing after it.
        #expect(literals(#"\N|abcd"#) == nil)
        #expect(literals(#"\N*+abcd\N{U+41}efgh"#) == [["abcd", "efgh"]])
        #expect(literals(#"(abcd)\g{1}efgh\k<n>ijkl\g-1mnop"#) == [["abcd", "efgh", "ijkl", "mnop"]])
        #expect(literals(#"(?:abcd)+efgh"#) == [["abcd", "efgh"]])
        #expect(literals(#"(?:abcd)*efgh"#) == [["efgh"]])
    }

    /// A short literal is kept raw when it holds a byte other than a letter or a space; a class
    /// of a few characters needs one of them.
    @Test func shortLiteralsAndSmallClassesOfRareCharacters() {
        #expect(literals(#"[{}=<>@]"#) == [["<"], ["="], [">"], ["@"], ["{"], ["}"]])
        #expect(literals(#"[\x{01}-\x{03}]"#) == [["\u{01}"], ["\u{02}"], ["\u{03}"]])
        #expect(literals(#"(?m);\h*+$"#) == [[";"]])
        #expect(literals(#"\x{200B}|[\x{FEFF}\]]|\x{200B}"#) == [["\u{200B}"], ["]"], ["\u{FEFF}"]])
        #expect(literals("[é{]") == [["{"], ["é"]])
        // A letter, a space or a class escape in the class: any text may hold it.
        for pattern in [#"[{a]"#, #"[^{]"#, #"[\d{]"#, #"[{\h]"#, "(?i)[é{]", #"[[:punct:]{]"#, #"[\x{01}-\x{7F}]"#, "a|{", #"\h"#] {
            #expect(literals(pattern) == nil, "\(pattern)")
        }
        // Two requirements that would make too many alternatives together: the long literals
        // stay, not the punctuation that every text has.
        let phrases = (0..<40).map { "phrase \($0) here" }.joined(separator: "|")
        #expect(literals("[.,;:!?]\\h*+(?:\(phrases))")?.count == 40)
    }

    @Test func assertionsMatchNoTextSoTheLiteralGoesOn() {
        #expect(literals(#"(?<=x)abcd"#) == [["abcd"]])
        #expect(literals(#"(?m)^abc\bdef$"#) == [["abcdef"]])
        #expect(literals(#"ab(?!x)cd\Kef"#) == [["abcdef"]])
    }

    @Test func escapesAreReadAsTheirCharacters() {
        #expect(literals(#"\Qa.b*c\E+"#) == [["a.b*c"]])
        #expect(literals(#"\x41bc\x{263A}"#) == [["abc☺"]])
        #expect(literals(#"a\x{a0}bcd"#) == [["a bcd"]])  // NBSP read as a space
        #expect(literals(#"\(c\) 2024"#) == [["(c) 2024"]])
    }

    @Test func caselessNonASCIILettersEndALiteral() {
        // Under (?i) "é" also matches "É", other bytes: only what is around it is certain.
        #expect(literals("(?i)café au lait") == [[" au lait"]])
        #expect(literals("café au lait") == [["café au lait"]])
        #expect(literals("café au lait", caseless: true) == [[" au lait"]])
        // An option inside a group holds to the group's end, in later branches too.
        #expect(literals("(?:(?i)wxyz|défg)") == nil)
        #expect(Set(literals("(?:wxyz|défg)") ?? []) == [["wxyz"], ["défg"]])
        #expect(literals("(?:(?i)abcd)wxyzé") == [["abcdwxyzé"]])
    }

    @Test func whatItCannotReadNeedsNothing() {
        for pattern in [#"(?(1)abcd|efgh)"#, #"(?x) abcd"#, #"abcd(*ACCEPT)efgh"#, #"(?R)abcd"#, #"(?P<n>abcd)"#,
                        #"(*pla:abcd)efgh"#, #"\yabcd"#, "abcd[efg", "abcd)", "(abcd"] {
            #expect(literals(pattern) == nil, "\(pattern)")
        }
        let many = (0..<200).map { "word\($0)" }.joined(separator: "|")
        #expect(literals(many) == nil)
    }

    /// The fact the extractor relies on for `(?i)`: among all non-ASCII characters, only the
    /// long s and the Kelvin sign match an ASCII letter caseless, and `GramSet` reads both
    /// as that letter.
    @Test func onlyTwoNonASCIICharactersMatchASCIILettersCaseless() throws {
        var text: [UInt8] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            text += Array(String(scalar).utf8)
        }
        let regex = try Regex("(?i)[a-z]")
        var found: [String] = []
        try text.withUnsafeBufferPointer { subject in
            try Matcher().forEachMatch(of: regex, in: subject) { match in
                found.append(String(decoding: subject[match.range], as: UTF8.self))
                return true
            }
        }
        #expect(found == ["\u{17F}", "\u{212A}"])
        #expect(GramSet.normalized(Array("\u{212A}\u{17F}".utf8)) == Array("ks".utf8))
    }
}
