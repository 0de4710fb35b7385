/// One match: the byte ranges of the whole match and of its groups in the subject.
public struct Match: Sendable, Equatable {
    /// Byte range of the whole match.
    public let range: Range<Int>
    /// Groups 1 and 2 are kept inline and only further ones in an array: a token pattern makes a
    /// match per word, and an array per match was a heap allocation per word.
    private let group1: Range<Int>?
    private let group2: Range<Int>?
    // Groups 3 and up; nil marks a group that did not take part.
    private let moreGroups: [Range<Int>?]
    private let groupCount: Int
    /// Which call of its matcher found it, so that `Matcher.expand` can tell whether the match
    /// data still holds it.
    let call: Int

    /// `group(n)` gives group n (1...groupCount), nil when it did not take part.
    init(range: Range<Int>, groupCount: Int, call: Int = 0, group: (Int) -> Range<Int>?) {
        self.range = range
        self.call = call
        self.groupCount = groupCount
        group1 = groupCount >= 1 ? group(1) : nil
        group2 = groupCount >= 2 ? group(2) : nil
        moreGroups = groupCount >= 3 ? (3...groupCount).map(group) : []
    }

    /// Byte range of capturing group `group`, or nil when the group did not take part or does not exist.
    public func range(ofGroup group: Int) -> Range<Int>? {
        switch group {
        case 0: range
        case 1: group1
        case 2: group2
        case 3...groupCount: moreGroups[group - 3]
        default: nil
        }
    }
}
