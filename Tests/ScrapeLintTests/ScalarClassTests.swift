import Testing
@testable import ScrapeLint

/// The letter, digit and space tests answer ASCII without Unicode properties: the same answers
/// as the properties give, for every ASCII character and a few beyond.
@Suite struct ScalarClassTests {
    @Test func asciiAnswersAreThePropertiesAnswers() {
        let beyond: [Unicode.Scalar] = ["é", "\u{A0}", "\u{2003}", "²", "½", "Ⅻ", "٣", "“", "\u{85}"]
        for scalar in (0..<128).compactMap(Unicode.Scalar.init) + beyond {
            let properties = scalar.properties
            #expect(scalar.isLetterOrDigit == (properties.isAlphabetic || properties.numericType != nil), "U+\(String(scalar.value, radix: 16))")
            #expect(scalar.isSpaceLike == properties.isWhitespace, "U+\(String(scalar.value, radix: 16))")
            #expect(scalar.isNumeric == (properties.numericType != nil), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
