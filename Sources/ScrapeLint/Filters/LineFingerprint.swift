/// A finding's identity that survives edits elsewhere in the file: a hash of its rule id and
/// of the text of its line with white space normalised. SARIF fingerprints and the baseline use
/// it, each adding an occurrence count.
///
/// One value serves one document's findings and keeps each line's hash per rule: a line is read
/// once per rule, not once per finding. Read for every finding, a text of one long line (some
/// extractors join the paragraphs) with 40,000 findings took 31 s to write as SARIF.
struct LineFingerprint {
    let document: Document
    private var hashes: [LineAndRule: UInt64] = [:]

    private struct LineAndRule: Hashable {
        let line: Int
        let ruleID: String
    }

    init(document: Document) {
        self.document = document
    }

    /// The hash of `diagnostic`'s rule id and line.
    mutating func hash(of diagnostic: Diagnostic) -> UInt64 {
        let lines = document.lines
        let key = LineAndRule(line: lines.lineIndex(of: diagnostic.range.lowerBound), ruleID: diagnostic.ruleID)
        if let known = hashes[key] { return known }
        let made = Self.hash(ruleID: key.ruleID, line: lines.contentRange(ofLine: key.line, in: document.bytes), in: document.bytes)
        hashes[key] = made
        return made
    }

    private static func hash(ruleID: String, line: Range<Int>, in bytes: [UInt8]) -> UInt64 {
        var hash = FNV1a()
        for byte in ruleID.utf8 { hash.mix(byte) }
        hash.mix(0)
        var pendingSpace = false, started = false
        for byte in bytes[line] {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                pendingSpace = started
                continue
            }
            if pendingSpace { hash.mix(0x20) }
            pendingSpace = false
            started = true
            hash.mix(byte)
        }
        return hash.value
    }

    static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
