/// `partialFingerprints.primaryLocationLineHash` in CodeQL's `<hex>:<n>` form: a hash of the
/// rule id and the finding's line with white space normalised, and which occurrence of that
/// pair in the file this is. Lines inserted above a finding do not change it, so an alert keeps
/// its identity across edits.
struct SarifFingerprints {
    let document: Document
    private var seen: [UInt64: Int] = [:]

    init(document: Document) {
        self.document = document
    }

    mutating func next(for diagnostic: Diagnostic) -> String {
        let lines = document.lines
        let line = lines.contentRange(ofLine: lines.lineIndex(of: diagnostic.range.lowerBound), in: document.bytes)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for byte in diagnostic.ruleID.utf8 { mix(byte) }
        mix(0)
        var pendingSpace = false
        for byte in document.bytes[line] {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                pendingSpace = true
                continue
            }
            if pendingSpace { mix(0x20) }
            pendingSpace = false
            mix(byte)
        }
        let occurrence = (seen[hash] ?? 0) + 1
        seen[hash] = occurrence
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ":\(occurrence)"
    }
}
