/// `partialFingerprints.primaryLocationLineHash` in CodeQL's `<hex>:<n>` form: the finding's
/// `LineFingerprint` and which occurrence of it in the file this is. Lines inserted above a
/// finding do not change it, so an alert keeps its identity across edits.
struct SarifFingerprints {
    private var lines: LineFingerprint
    private var seen: [UInt64: Int] = [:]

    init(document: Document) {
        lines = LineFingerprint(document: document)
    }

    mutating func next(for diagnostic: Diagnostic) -> String {
        let hash = lines.hash(of: diagnostic)
        let occurrence = (seen[hash] ?? 0) + 1
        seen[hash] = occurrence
        return LineFingerprint.hex(hash) + ":\(occurrence)"
    }
}
