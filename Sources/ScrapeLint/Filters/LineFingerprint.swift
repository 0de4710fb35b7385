/// A finding's identity that survives edits elsewhere in the file: a hash of its rule id and
/// of the text of its line with white space normalised. SARIF fingerprints and the baseline use
/// it, each adding an occurrence count.
enum LineFingerprint {
    static func hash(ruleID: String, _ diagnostic: Diagnostic, in document: Document) -> UInt64 {
        let lines = document.lines
        let line = lines.contentRange(ofLine: lines.lineIndex(of: diagnostic.range.lowerBound), in: document.bytes)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for byte in ruleID.utf8 { mix(byte) }
        mix(0)
        var pendingSpace = false, started = false
        for byte in document.bytes[line] {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                pendingSpace = started
                continue
            }
            if pendingSpace { mix(0x20) }
            pendingSpace = false
            started = true
            mix(byte)
        }
        return hash
    }

    static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
