import Testing
@testable import ScrapeLint

@Suite struct LetterRunsTests {
    private func runs(_ text: String, minimum: Int) -> [String] {
        let bytes = Array(text.utf8)
        var found: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            LetterRuns.forEach(in: buffer, minimumLetters: minimum) { run, _ in found.append(String(decoding: bytes[run], as: UTF8.self)) }
        }
        return found
    }

    @Test func findsRunsOfLettersCountedInCharactersNotBytes() {
        // "Ünïcödé" is 7 letters in 11 bytes; "東京" 2 letters; digits, NBSP, curly quotes and the
        // combining-free emoji split runs; the last run ends the text.
        #expect(runs("“Ünïcödé” — 東京 😀 abc1defg\u{A0}hij", minimum: 1) == ["Ünïcödé", "東京", "abc", "defg", "hij"])
        #expect(runs("“Ünïcödé” — 東京 😀 abc1defg\u{A0}hij", minimum: 4) == ["Ünïcödé", "defg"])
    }

    @Test func invalidBytesEndARunAndNeverCrash() {
        var bytes = Array("word".utf8) + [0xFF, 0xC3] + Array("more".utf8)
        bytes.append(0xE2)
        var found: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            LetterRuns.forEach(in: buffer, minimumLetters: 1) { run, _ in found.append(run) }
        }
        #expect(found == [0..<4, 6..<10])
    }
}

@Suite struct SortedRangesTests {
    @Test func findsTheRangeHoldingAnOffsetOrASpan() {
        let ranges = [2..<5, 8..<12, 20..<21]
        #expect(ranges.insertionIndex(of: 0) == 0)
        #expect(ranges.insertionIndex(of: 8) == 1)
        #expect(ranges.insertionIndex(of: 9) == 2)
        #expect(ranges.insertionIndex(of: 30) == 3)
        #expect(ranges.indexOfRange(containing: 2) == 0)
        #expect(ranges.indexOfRange(containing: 5) == nil)
        #expect(ranges.indexOfRange(containing: 11) == 1)
        #expect(ranges.indexOfRange(containing: 8..<12) == 1)
        #expect(ranges.indexOfRange(containing: 9..<10) == 1)
        #expect(ranges.indexOfRange(containing: 7..<10) == nil)
        #expect(ranges.indexOfRange(containing: 11..<13) == nil)
        #expect([Range<Int>]().indexOfRange(containing: 3) == nil)
    }
}
