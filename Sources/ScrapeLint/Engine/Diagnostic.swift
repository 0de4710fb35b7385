/// One finding: a rule, a byte range in a document, a message and maybe a fix.
public struct Diagnostic: Sendable, Equatable {
    public let ruleID: String
    public let severity: Severity
    public let message: String
    /// Byte offsets in `Document.bytes`.
    public let range: Range<Int>
    public let fix: Fix?
    /// Other places the finding points at: the majority spelling, the opener of a quotation.
    public let related: [RelatedLocation]

    public init(ruleID: String, severity: Severity, message: String, range: Range<Int>, fix: Fix? = nil,
                related: [RelatedLocation] = []) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.range = range
        self.fix = fix
        self.related = related
    }

    /// The order of output: position, then rule id, then end.
    public static func inReportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.range.upperBound < rhs.range.upperBound
    }
}

/// A change that repairs a finding: replace `range` (byte offsets) with `replacement`.
public struct Fix: Sendable, Equatable {
    public let range: Range<Int>
    public let replacement: [UInt8]

    public init(range: Range<Int>, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }
}

/// A place a finding refers to, with what it is.
public struct RelatedLocation: Sendable, Equatable {
    public let range: Range<Int>
    public let message: String

    public init(range: Range<Int>, message: String) {
        self.range = range
        self.message = message
    }
}
