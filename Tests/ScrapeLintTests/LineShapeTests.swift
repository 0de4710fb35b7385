import Testing
@testable import ScrapeLint

/// The shape of a line as the line-score rule reads it: words, stop words, letters and
/// characters, closing punctuation.
@Suite struct LineShapeTests {
    private func shape(_ text: String) -> LineShape {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { LineShape($0, line: 0..<bytes.count) }
    }

    private func stopWords(_ text: String, _ list: [String]) -> Int {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { LineShape.stopWords(in: $0, line: 0..<bytes.count, list: .hashes(of: list)) }
    }

    @Test func countsWordsStopWordsLettersAndCharacters() {
        let line = shape("The “quick” fox — 42 times…")
        #expect(line.words == 6)
        #expect(stopWords("The “quick” fox — 42 times…", ["the"]) == 1)
        #expect(line.letters == 16)
        #expect(line.characters == 22)  // everything but the five spaces
        #expect(line.endsSentence)  // the ellipsis
        #expect(shape("He said “no”").endsSentence)
        #expect(!shape("The quick fox — 42").endsSentence)
    }

    /// Characters beyond ASCII are decoded and asked their Unicode properties: a non-breaking
    /// space is white space, a curly quote a character, an accented letter a letter.
    @Test func readsCharactersBeyondASCIIByTheirProperties() {
        let line = shape("a\u{A0}b\u{E9} \u{201C}x\u{2009}y")
        #expect(line.characters == 6)
        #expect(line.letters == 5)
        #expect(line.words == 2)  // only ASCII white space splits words
    }

    /// A stop word is looked up without the ASCII punctuation around it, in any ASCII case;
    /// punctuation inside it stays, and a character beyond ASCII is never punctuation (‘the’
    /// is not "the").
    @Test func stopWordsAreLookedUpWithoutThePunctuationAroundThem() {
        let list = ["the", "of", "it's", "été"]
        #expect(stopWords("(The) \"of,\" THE. ...the... it's It's. ‘the’ été", list) == 7)
        #expect(stopWords("th.e o'f them often (théa) Été", list) == 0)
        #expect(stopWords("the\tof\rthe", list) == 3)
        #expect(stopWords("the of", []) == 0)
    }

    /// Counted 16 bytes at a time, the same as character by character: on random lines of ASCII
    /// and other letters, digits, punctuation, spaces, tabs, NBSP and an emoji, at every length.
    @Test func theStepsCountWhatCharacterByCharacterCounts() {
        let pieces = ["a", "Z", "7", ".", " ", "\t", "\r", "\u{A0}", "é", "Ω", "“", "—", "😀", "\u{2003}", "word", "\u{200A}", "\u{200B}",
                      "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "…", "\u{203F}", "\u{2040}", "\u{3000}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let line = shape(text)
            let scalars = text.unicodeScalars
            let ascii = { (scalar: Unicode.Scalar) in scalar.isASCII }
            let separators: Set<Unicode.Scalar> = [" ", "\t", "\r"]
            #expect(line.letters == scalars.filter { ascii($0) ? ("a"..."z").contains($0) || ("A"..."Z").contains($0) : $0.properties.isAlphabetic }.count)
            #expect(line.characters == scalars.filter { ascii($0) ? !separators.contains($0) : !$0.properties.isWhitespace }.count)
            #expect(line.words == text.unicodeScalars.split { separators.contains($0) }.count, "\(text)")
        }
    }

    /// U+2000-U+203F are told from their bytes, not their properties: each of them, alone and
    /// between letters, counts as `isWhitespace` and `isAlphabetic` say.
    @Test func generalPunctuationIsCountedAsItsPropertiesSay() {
        for value in 0x2000...0x203F {
            let scalar = Unicode.Scalar(value)!
            let line = shape("a\(scalar)b")
            #expect(line.characters == (scalar.properties.isWhitespace ? 2 : 3), "U+\(String(value, radix: 16))")
            #expect(line.letters == 2 + (scalar.properties.isAlphabetic ? 1 : 0), "U+\(String(value, radix: 16))")
        }
    }
}
