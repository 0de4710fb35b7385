import Glibc


/// The start offset of every line of a UTF-8 text. Lines end at LF or CRLF (a lone CR is not a
/// line end: it is an artifact for a rule to report).
public struct LineIndex: Sendable {
    /// Byte offset where each line starts; the first is 0.
    public let starts: [Int]
    private let byteCount: Int

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while let newline = memchrOffset(buffer, 0x0A, from: offset) {
                starts.append(newline + 1)
                offset = newline + 1
            }
        }
        self.starts = starts
        byteCount = bytes.count
    }

    /// Number of lines; a text ending in a newline has an empty last line that counts.
    public var count: Int { starts.count }

    /// 0-based index of the line that holds `offset` (an offset at a line's end belongs to it).
    public func lineIndex(of offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Byte range of line `index` (0-based), without its LF or CRLF.
    public func contentRange(ofLine index: Int, in bytes: [UInt8]) -> Range<Int> {
        let start = starts[index]
        let hasNextLine = index + 1 < starts.count
        var end = hasNextLine ? starts[index + 1] - 1 : byteCount
        if hasNextLine, end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// 1-based line and column of `offset`, the column counted in `unit`. Invalid UTF-8 bytes
    /// count as one unit each, like U+FFFD would.
    public func location(of offset: Int, in bytes: [UInt8], unit: ColumnUnit) -> SourceLocation {
        let line = lineIndex(of: offset)
        let units = ColumnCounter.units(in: bytes, from: starts[line], to: offset, unit: unit)
        return SourceLocation(line: line + 1, column: units + 1)
    }
}

private func memchrOffset(_ buffer: UnsafeBufferPointer<UInt8>, _ byte: UInt8, from: Int) -> Int? {
    guard from < buffer.count, let base = buffer.baseAddress else { return nil }
    guard let found = memchr(base + from, Int32(byte), buffer.count - from) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
}
