@testable import ScrapeLint
import Testing

/// The filter in front of stop-word and phrase tables: never "absent" for a hash it holds.
@Suite struct HashFilterTests {
    @Test func holdsEveryHashItWasGivenAndLetsFewOthersThrough() {
        let words = ["the", "and", "because", "between", "islamic state", "github"]
        let filter = HashFilter(words.map { WordHash.hash($0.utf8, foldingASCII: true) })
        #expect(words.allSatisfy { filter.mayContain(WordHash.hash($0.utf8, foldingASCII: true)) })
        // Six hashes set at most six of 4,096 bits: nearly every other word is told absent.
        let others = (0..<10_000).map { WordHash.hash("word\($0)".utf8, foldingASCII: true) }
        #expect(others.filter(filter.mayContain).count < 100)
    }
}
