/// The source line of a finding with a caret line under its span, as Clang prints it; a long
/// line is shown as a window around the span. Widths follow the terminal: East Asian wide
/// characters and most emoji take two cells, combining marks none.
///
/// One value serves a document's findings in turn and keeps the last line it read, decoded, with
/// the character at each of its bytes: decoded again for each finding, a text of one long line
/// (some extractors join the paragraphs) with 40,000 findings took 88 s to print in colour.
struct SourceExcerpt {
    let document: Document
    private var line: (index: Int, scalars: [Unicode.Scalar], scalarAt: [Int]?)?

    private static let context = 40
    private static let maximum = 100

    init(document: Document) {
        self.document = document
    }

    /// The excerpt of `span`'s line, the caret line under it, each ending in a newline.
    mutating func text(of span: Range<Int>) -> String {
        let (scalars, before, inside) = characters(of: span)

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

    /// The characters of `span`'s line, and how many of them come before the span and in it (the
    /// span cut at the line's end), as decoding the text before the span and the span would count.
    mutating func characters(of span: Range<Int>) -> (line: [Unicode.Scalar], before: Int, inside: Int) {
        let lines = document.lines
        let lineIndex = lines.lineIndex(of: span.lowerBound)
        let content = lines.contentRange(ofLine: lineIndex, in: document.bytes)
        let current = line?.index == lineIndex ? line! : Self.read(content, index: lineIndex, of: document)
        line = current
        let lower = min(span.lowerBound, content.upperBound), upper = min(span.upperBound, content.upperBound)
        if let scalarAt = current.scalarAt, Self.startsCharacter(lower, in: document.bytes), Self.startsCharacter(upper, in: document.bytes) {
            let before = scalarAt[lower - content.lowerBound]
            return (current.scalars, before, scalarAt[upper - content.lowerBound] - before)
        }
        // Not valid UTF-8, or cut inside a character: decoded as the text the span starts.
        return (current.scalars, document.text(in: content.lowerBound..<lower).unicodeScalars.count,
                document.text(in: lower..<upper).unicodeScalars.count)
    }

    /// The line's characters; for valid UTF-8, also how many come before each byte (and its end).
    private static func read(_ content: Range<Int>, index: Int, of document: Document)
        -> (index: Int, scalars: [Unicode.Scalar], scalarAt: [Int]?) {
        let scalars = Array(document.text(in: content).unicodeScalars)
        guard String(validating: document.bytes[content], as: UTF8.self) != nil else { return (index, scalars, nil) }
        var scalarAt: [Int] = []
        scalarAt.reserveCapacity(content.count + 1)
        for (position, scalar) in scalars.enumerated() {
            for _ in 0..<scalar.utf8.count { scalarAt.append(position) }
        }
        scalarAt.append(scalars.count)
        return (index, scalars, scalarAt)
    }

    /// Whether `offset` is not inside a character's bytes (a continuation byte).
    private static func startsCharacter(_ offset: Int, in bytes: [UInt8]) -> Bool {
        offset >= bytes.count || bytes[offset] & 0xC0 != 0x80
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
