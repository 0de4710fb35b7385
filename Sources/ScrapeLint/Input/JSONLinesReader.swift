import Foundation
import Glibc

/// Reads a JSON Lines corpus (the export of Scrapy feeds, trafilatura and web-corpus pipelines)
/// one record at a time, so memory holds one batch of records, never the file. Each record
/// becomes a document named `FILE#ID` (or `FILE:LINE` without an id field); a line that is not
/// JSON, lacks the text field or holds no string there is a problem named by its line.
public final class JSONLinesReader {
    public let path: String
    public let textField: String
    public let idField: String?
    private let file: UnsafeMutablePointer<FILE>
    private let ownsFile: Bool
    private var lineNumber = 0
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0

    /// - Parameter path: a file, or `-` for standard input.
    public init(path: String, textField: String, idField: String?) throws {
        self.path = path
        self.textField = textField
        self.idField = idField
        if path == "-" {
            file = fdopen(dup(0), "r")
            ownsFile = true
        } else {
            guard let opened = fopen(path, "r") else {
                throw InputProblem.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            file = opened
            ownsFile = true
        }
    }

    deinit {
        if ownsFile { fclose(file) }
        free(buffer)
    }

    /// The next record, or nil at the end of the file; the worker that lints it parses it.
    public func next() -> InputSource? {
        while true {
            let length = getline(&buffer, &capacity, file)
            guard length >= 0, let buffer else { return nil }
            lineNumber += 1
            var bytes = UnsafeRawBufferPointer(start: buffer, count: length)
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }  // blank lines are no records
            return .record(JSONRecord(file: path == "-" ? "<stdin>" : path, line: lineNumber, json: Data(bytes),
                                      textField: textField, idField: idField))
        }
    }
}
