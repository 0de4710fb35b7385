import Testing
@testable import ScrapeLint

@Suite struct WordIndexTests {
    @Test func indexesEveryRunOfLettersAtItsByteRangeWithItsLetterCount() {
        // "“Ünïcödé”" puts a 3-byte quote before a 7-letter, 11-byte word: offsets are bytes.
        let document = Document(path: "t", text: "“Ünïcödé” Air\u{A0}strikes, 東京 x1y")
        let words = document.words
        #expect(words.ranges == [3..<14, 18..<21, 23..<30, 32..<38, 39..<40, 41..<42])
        #expect(words.letters == [7, 3, 7, 2, 1, 1])
        #expect((0..<words.count).map(words.isASCII) == [false, true, true, false, true, true])
        #expect(words.foldedHashes[1] == WordHash.hash("air".utf8, foldingASCII: false))
        #expect(words.foldedHashes[1] == WordHash.hash("AIR".utf8, foldingASCII: true))
        #expect(words.foldedHashes[0] == WordHash.hash("Ünïcödé".utf8, foldingASCII: true))
        #expect(words.foldedHashes[0] != WordHash.hash("ünïcödé".utf8, foldingASCII: true))
    }

    @Test func findsRunsOfLettersCountedInCharactersNotBytes() {
        // "Ünïcödé" is 7 letters in 11 bytes; "東京" 2 letters; digits, NBSP, curly quotes, a dash
        // and the emoji split runs; ª and µ are letters; the last run ends the text.
        let text = "“Ünïcödé” — 東京 😀 abc1defg\u{A0}hij–ªµ"
        let words = Document(path: "t", text: text).words
        #expect(words.ranges.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) } == ["Ünïcödé", "東京", "abc", "defg", "hij", "ªµ"])
        #expect(words.letters == [7, 2, 3, 4, 3, 2])
    }

    @Test func invalidBytesEndARunAndNeverCrash() {
        // A stray continuation byte, a truncated sequence, and E2 80 cut off at the very end.
        let bytes = Array("word".utf8) + [0xFF, 0xC3] + Array("more".utf8) + [0x80] + Array("é".utf8) + [0xE2, 0x80]
        let words = WordIndex(bytes)
        #expect(words.ranges == [0..<4, 6..<10, 11..<13])
        #expect(words.letters == [4, 4, 1])
    }

    @Test func hashesComposeAsIfTheBytesWereReadInOneGo() {
        let air = WordHash.hash("air".utf8, foldingASCII: true), strikes = WordHash.hash("strikes".utf8, foldingASCII: true)
        #expect(WordHash.joined(air, strikes, secondLength: 7) == WordHash.hash("AirStrikes".utf8, foldingASCII: true))
        var spaced = WordHash(value: air)
        spaced.mix(0x20)
        #expect(WordHash.joined(spaced.value, strikes, secondLength: 7) == WordHash.hash("air strikes".utf8, foldingASCII: false))
        // Past the table of powers, and a word of 70 letters against its two halves.
        let long = String(repeating: "ab", count: 35)
        let half = WordHash.hash(long.prefix(35).utf8, foldingASCII: false)
        #expect(WordHash.joined(0, WordHash.hash(long.utf8, foldingASCII: false), secondLength: 70) == WordHash.hash(long.utf8, foldingASCII: false))
        #expect(WordHash.joined(WordHash.hash(long.utf8, foldingASCII: false), half, secondLength: 35)
            == WordHash.hash((long + long.prefix(35)).utf8, foldingASCII: false))
        #expect(WordHash.power(70) == (0..<70).reduce(UInt64(1)) { product, _ in product &* WordHash.base })
    }
}
