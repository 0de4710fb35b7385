/// The source line of a finding with a caret line under its span, as Clang prints it; a long
/// line is shown as a window around the span. Widths follow the terminal: East Asian wide
/// characters and most emoji take two cells, combining marks none.
struct SourceExcerpt {
    let document: Document
    let span: Range<Int>

    private static let context = 40
    private static let maximum = 100

    var text: String {
        let lines = document.lines
        let lineIndex = lines.lineIndex(of: span.lowerBound)
        let content = lines.contentRange(ofLine: lineIndex, in: document.bytes)
        let scalars = Array(document.text(in: content).unicodeScalars)
        let before = document.text(in: content.lowerBound..<min(span.lowerBound, content.upperBound)).unicodeScalars.count
        let inside = document.text(in: min(span.lowerBound, content.upperBound)..<min(span.upperBound, content.upperBound))
            .unicodeScalars.count

        var first = 0
        var last = scalars.count
        if scalars.count > Self.maximum {
            first = max(0, before - Self.context)
            last = min(scalars.count, max(before + inside, first) + Self.context)
        }
        var source = first > 0 ? "…" : ""
        var marker = first > 0 ? " " : ""
        for (index, scalar) in scalars[first..<last].enumerated() {
            let position = first + index
            let shown = Self.visible(scalar)
            source += shown
            let width = shown == String(scalar) ? Self.cells(scalar) : shown.unicodeScalars.count
            let fill = scalar == "\t" ? "\t" : String(repeating: " ", count: width)
            if position < before {
                marker += fill
            } else if position < before + max(inside, 1) {
                let cells = max(1, width)
                marker += position == before ? "^" + String(repeating: "~", count: cells - 1)
                    : String(repeating: "~", count: cells)
            }
        }
        if last < scalars.count { source += "…" }
        if before >= last { marker += "^" }
        return source + "\n" + Style.green(marker) + "\n"
    }

    // Spaces a terminal would not show are made visible, so a caret under them makes sense.
    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0xA0: "·"
        case 0x0D: "␍"
        case 0x00..<0x09, 0x0B..<0x20, 0x7F: "?"
        default: String(scalar)
        }
    }

    static func cells(_ scalar: Unicode.Scalar) -> Int {
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
            || scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value) {
            return 0
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
