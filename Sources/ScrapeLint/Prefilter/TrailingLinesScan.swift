/// Where to search for `pattern`, the break before a text's trailing short lines (the prefilter of
/// truncation-ends-mid-sentence): a hit is a line break after which every line holds six words
/// at most, up to the end. PCRE2 can only search forward, so it tried every line break of the
/// text, reading a few words after each (6 ms on the dev files, the costliest prefilter left).
/// No hit can come before a line whose first seven words stand before any line break, so the
/// search starts at the last such line, found by reading lines back from the end: in most texts
/// the last paragraph. PCRE2 still decides every hit; this only says where none can be.
enum TrailingLinesScan {
    /// The pattern this scan stands for, as a rule's `requires` writes it.
    static let pattern = #"[\r\n](?:(?<=\r)\n)?(?:(?:\h*+\S++){0,6}+\h*+(?:\R|\z))*+(*SKIP)\z"#

    /// How many lines are read back at most: a text of short lines (a list, a menu) is searched
    /// from `start` as PCRE2 would.
    static let maximumLines = 256

    /// The start of the last line with seven words, if it is after `start`; else `start`.
    static func searchStart(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var lineEnd = bytes.count
        for _ in 0..<maximumLines {
            let feed = lastLineFeed(in: base, before: lineEnd)
            let lineStart = feed.map { $0 + 1 } ?? 0
            guard lineStart > start else { return start }
            if hasSevenWords(bytes, from: lineStart) { return lineStart }
            guard let feed else { return start }
            lineEnd = feed
        }
        return start
    }

    /// The offset of the last line feed before `end`, 16 bytes a step: a text may be one line
    /// of 70 KB (some extractors join the paragraphs).
    private static func lastLineFeed(in base: UnsafePointer<UInt8>, before end: Int) -> Int? {
        var offset = end
        let feed = SIMD16<UInt8>(repeating: 0x0A)
        while offset >= 16 {
            if let lane = LaneSet(UnsafeRawPointer(base + offset - 16).loadUnaligned(as: SIMD16<UInt8>.self) .== feed).last {
                return offset - 16 + lane
            }
            offset -= 16
        }
        while offset > 0 {
            offset -= 1
            if base[offset] == 0x0A { return offset }
        }
        return nil
    }

    /// Whether seven words stand from `start` before the next line break of `\R`'s (LF, CR, VT,
    /// FF, U+0085, U+2028, U+2029). A word here is a run of bytes other than space and tab that
    /// holds a visible ASCII character: each is at least one `\S++` of the pattern's (a run of
    /// NBSP alone, which `\h` takes for space, is not counted), so seven are too many for a
    /// line the pattern passes over, and no hit can come before it.
    private static func hasSevenWords(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var words = 0, inWord = false, visible = false
        var offset = start
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case 0x20, 0x09:
                if inWord, visible {
                    words += 1
                    if words == 7 { return true }
                }
                inWord = false
                visible = false
                offset += 1
                continue
            case 0x0A, 0x0B, 0x0C, 0x0D:
                return false
            case 0xC2 where offset + 1 < bytes.count && bytes[offset + 1] == 0x85:
                return false
            case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
                return false
            default:
                break
            }
            inWord = true
            if byte > 0x20, byte < 0x7F { visible = true }
            offset += 1
        }
        return false
    }
}
