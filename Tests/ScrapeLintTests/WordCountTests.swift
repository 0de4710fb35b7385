import Testing
@testable import ScrapeLint

/// Word counts as a word counter makes them, and the early stop the heading test relies on.
@Suite struct WordCountTests {
    @Test func wordsAreRunsOfNonSpaceBytes() {
        #expect(WordCount.count(Array("  one\ttwo\r\nthree  ".utf8)) == 3)
        #expect(WordCount.count(Array("".utf8)) == 0)
        #expect(WordCount.count(Array("“Quoted,” she said — twice.".utf8)) == 5)
    }

    @Test func aWholeTextCountsAsByteByByte() {
        // The sixteen-byte steps against the byte-by-byte count (a slice takes that path), on
        // texts of every length around the block size, white space of each kind and bytes
        // beyond ASCII at block edges.
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x20], [0x09], [0x0A], [0x0D], [0x0B], [0x61], [0x2E], Array("é".utf8), Array("\u{A0}".utf8), [0xFF]]
        for length in 0..<80 {
            for _ in 0..<40 {
                var text: [UInt8] = []
                while text.count < length { text += pieces.randomElement(using: &generator)! }
                #expect(WordCount.count(text) == WordCount.count(text[...], limit: .max))
            }
        }
    }

    @Test func aLimitStopsOneWordPastIt() {
        let line = Array((1...40).map { "w\($0)" }.joined(separator: " ").utf8)
        #expect(WordCount.count(line, limit: 12) == 13)
        #expect(WordCount.count(line.prefix(38), limit: 12) == 12)  // "w1 w2 ... w12": twelve words, not more
        #expect(WordCount.count(line, limit: 40) == 40)
        #expect(WordCount.count(line, limit: 39) == 40)
        // A heading of exactly twelve words is one; thirteen is not.
        #expect(HeadingLines.isHeading(ArraySlice((1...12).map { "w\($0)" }.joined(separator: " ").utf8)))
        #expect(!HeadingLines.isHeading(ArraySlice((1...13).map { "w\($0)" }.joined(separator: " ").utf8)))
    }
}
