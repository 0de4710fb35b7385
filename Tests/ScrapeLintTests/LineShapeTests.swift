import Testing
@testable import ScrapeLint

/// The shape of a line as the line-score rule reads it: words, stop words, letters and
/// characters, closing punctuation.
@Suite struct LineShapeTests {
    private func shape(_ text: String, stopWords: [String] = []) -> LineShape {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { LineShape($0, line: 0..<bytes.count, stopWords: .hashes(of: stopWords)) }
    }

    @Test func countsWordsStopWordsLettersAndCharacters() {
        let line = shape("The “quick” fox — 42 times…", stopWords: ["the"])
        #expect(line.words == 6)
        #expect(line.stopWords == 1)
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
}
