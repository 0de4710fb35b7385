/// One match: the byte ranges of the whole match and of its groups in the subject.
public struct Match: Sendable, Equatable {
    /// Byte range of the whole match.
    public let range: Range<Int>
    // Index 0 is the whole match; nil marks a group that did not take part.
    let groups: [Range<Int>?]

    /// Byte range of capturing group `group`, or nil when the group did not take part or does not exist.
    public func range(ofGroup group: Int) -> Range<Int>? {
        group >= 0 && group < groups.count ? groups[group] : nil
    }
}
