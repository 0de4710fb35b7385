import PCRE2

/// Whether one character belongs to a class written as a PCRE2 pattern (`[\p{Ll},;:]`, `-`,
/// `\w`), for the word shapes of consistency rules (`WordShape`), which ask it of the characters
/// around thousands of words a text: the answers for ASCII are worked out once, and only other
/// characters go to PCRE2.
struct CharacterTest: Sendable {
    /// The class as written in the rule.
    let source: String
    private let regex: Regex
    /// The answer for each ASCII byte.
    private let ascii: [Bool]

    /// - Throws: `PCRE2Error` when `source` does not compile, with the offset in `source`.
    init(_ source: String) throws(PCRE2Error) {
        self.source = source
        // Anchored at both ends at compile time, so that a whole-range test runs on the JIT.
        let regex: Regex
        do { regex = try Regex("(?:" + source + ")", options: [.anchored, .endAnchored]) } catch {
            guard case .compile(let message, let offset) = error else { throw error }
            throw .compile(message: message, offset: min(max(0, offset - 3), source.utf8.count))
        }
        let matcher = Matcher()
        var ascii: [Bool] = []
        for byte in UInt8(0)..<0x80 {
            let answer = [byte].withUnsafeBufferPointer { subject in
                (try? matcher.matchesWhole(regex, in: subject, range: 0..<1)) ?? false
            }
            ascii.append(answer)
        }
        self.regex = regex
        self.ascii = ascii
    }

    /// Whether the character that starts at `offset` is in the class (an invalid byte is not).
    func matches(at offset: Int, in subject: UnsafeBufferPointer<UInt8>, _ matcher: Matcher) throws -> Bool {
        let byte = subject[offset]
        if byte < 0x80 { return ascii[Int(byte)] }
        let length = ColumnCounter.sequenceLength(subject, at: offset, end: subject.count)
        return try matcher.matchesWhole(regex, in: subject, range: offset..<(offset + length))
    }

    /// Whether the character that ends right before `end` is in the class: read back over the
    /// continuation bytes of one UTF-8 sequence; a byte that ends no well-formed one is not.
    func matches(endingAt end: Int, in subject: UnsafeBufferPointer<UInt8>, _ matcher: Matcher) throws -> Bool {
        var start = end - 1
        if subject[start] < 0x80 { return ascii[Int(subject[start])] }
        while start > max(0, end - 4), subject[start] & 0xC0 == 0x80 { start -= 1 }
        guard ColumnCounter.sequenceLength(subject, at: start, end: subject.count) == end - start else { return false }
        return try matcher.matchesWhole(regex, in: subject, range: start..<end)
    }
}
