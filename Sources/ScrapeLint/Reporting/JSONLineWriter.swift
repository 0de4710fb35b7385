/// JSON written straight into bytes, for the outputs with a line per finding or per document
/// (`jsonl`, `summary`), which a corpus run writes hundreds of thousands of. `JSONEncoder` took
/// about 18 µs a finding, as long as linting the text it was found in: `--format jsonl` ran in
/// 850 ms where compiler-style output took about 500 (the dev corpus twice, one job; now 577).
///
/// It writes what `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`, byte for
/// byte, which `JSONLineWriterTests` checks against it: keys as the caller gives them (in sorted
/// order), `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\u00xx`, everything
/// else as it is; a whole number in a `Double` without a fraction.
struct JSONLineWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the object or array being written has no member yet (no comma before the next).
    private var isFirst = true

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// Ends a line of JSON Lines.
    mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// An object whose members `body` writes, each with `key` first, in sorted order.
    mutating func object(_ body: (inout JSONLineWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        let outer = isFirst
        isFirst = true
        body(&self)
        isFirst = outer
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array of `elements`, each written by `body`.
    mutating func array<Elements: Sequence>(_ elements: Elements, _ body: (inout JSONLineWriter, Elements.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for element in elements {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            body(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The next member's key (a plain ASCII name, which needs no escaping).
    mutating func key(_ name: StaticString) {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// A member's key that is data (a family name), escaped like any string.
    mutating func key(_ name: String) {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
        value(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func value(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole.
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                escape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func value(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[start...])
        }
    }

    /// A finite number: whole ones as integers (`1`, not `1.0`), as `JSONEncoder` writes them.
    mutating func value(_ number: Double) {
        if number == number.rounded(), abs(number) < 1e15 {
            value(Int(number))
        } else {
            bytes.append(contentsOf: number.description.utf8)
        }
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hex = { (digit: UInt8) in digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10 }
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex(byte >> 4), hex(byte & 0x0F)])
        }
    }
}
