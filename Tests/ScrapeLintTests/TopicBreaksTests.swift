import Testing
@testable import ScrapeLint

@Suite struct TopicBreaksTests {
    private func breaks(_ text: String) -> [Int] {
        Array(text.utf8).withUnsafeBufferPointer { TopicBreaks.offsets(in: $0) }
    }

    @Test func breaksAfterLineBreaksSentenceEndsAndWordsRunTogether() {
        // After "\n\n" (10), before "Then" (22), before “We (35: the quote belongs to the new
        // sentence), at "Billions" in "ideationBillions" (53) and at "Reports" after "2024" (69).
        let text = "Line one\n\nIt is done. Then \"it.” “We go. ideationBillions of 2024Reports"
        #expect(breaks(text) == [10, 22, 35, 53, 69])
        // As the pattern it replaced: an abbreviation before a capitalised word breaks ("Army",
        // 16), so does "iPhone" (26); a lower-case word after a full stop and a capital with one
        // lower-case letter after it ("McDo.") do not.
        #expect(breaks("e.g. this, U.S. Army, an iPhone and McDo.") == [16, 26])
    }
}
