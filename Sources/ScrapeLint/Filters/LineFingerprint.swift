/// A finding's identity that survives edits elsewhere in the file: a hash of its rule id and
/// of the text of its line with white space normalised. SARIF fingerprints and the baseline use
/// it, each adding an occurrence count.
enum LineFingerprint {
    static func hash(ruleID: String, _ diagnostic: Diagnostic, in document: Document) -> UInt64 {
        let lines = document.lines
        let line = lines.contentRange(ofLine: lines.lineIndex(of: diagnostic.range.lowerBound), in: document.bytes)
        var hash = FNV1a()
        for byte in ruleID.utf8 { hash.mix(byte) }
        hash.mix(0)
        var pendingSpace = false, started = false
        for byte in document.bytes[line] {
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
