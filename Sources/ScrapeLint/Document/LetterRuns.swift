/// Runs of letters (`\p{L}+` in a pattern) found by walking the bytes: ASCII letters by a table
/// test, other characters decoded and asked for their General Category. A word-level signal that
/// asked PCRE2 for every word paid a match call per word, the largest cost of a document.
enum LetterRuns {
    /// Calls `body` with the byte range and the number of letters of every run of at least
    /// `minimumLetters` letters.
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, minimumLetters: Int, _ body: (Range<Int>, Int) -> Void) {
        var offset = 0, runStart = -1, letters = 0
        let end = bytes.count
        while offset < end {
            let byte = bytes[offset]
            var isLetter: Bool, length = 1
            if byte < 0x80 {
                isLetter = (byte | 0x20) &- 0x61 < 26
            } else {
                let decoded = ColumnCounter.scalar(in: bytes, at: offset, end: end)
                length = decoded.length
                isLetter = decoded.scalar?.properties.isLetter ?? false
            }
            if isLetter {
                if runStart < 0 { runStart = offset; letters = 0 }
                letters += 1
            } else if runStart >= 0 {
                if letters >= minimumLetters { body(runStart..<offset, letters) }
                runStart = -1
            }
            offset += length
        }
        if runStart >= 0, letters >= minimumLetters { body(runStart..<end, letters) }
    }
}

extension Unicode.Scalar.Properties {
    /// General Category L (Lu, Ll, Lt, Lm, Lo), as `\p{L}` means it.
    var isLetter: Bool {
        switch generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
