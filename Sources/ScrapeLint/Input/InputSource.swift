import Foundation

/// One thing to lint: a file, or standard input under a name.
public enum InputSource: Sendable, Equatable {
    case file(String)
    case standardInput(name: String)
    /// A text already read, under a name.
    case text(name: String, bytes: [UInt8])
    /// A line of a JSON Lines corpus, parsed when it is read.
    case record(JSONRecord)
    /// A record that could not be read, to be reported in its place.
    case problem(InputProblem)

    /// The path shown in diagnostics.
    public var displayPath: String {
        switch self {
        case .file(let path): path
        case .standardInput(let name), .text(let name, _): name
        case .problem(let problem): problem.path
        case .record(let record): record.lineName
        }
    }

    /// Reads the bytes. Text with a NUL byte in its first 8 KiB is taken for binary, as git and
    /// ripgrep do, and not linted.
    public func read() -> Result<Document, InputProblem> {
        let read: [UInt8]?
        switch self {
        case .file(let path): read = Self.contents(of: path)
        case .standardInput: read = [UInt8](FileHandle(fileDescriptor: 0, closeOnDealloc: false).readDataToEndOfFile())
        case .text(let name, let bytes): return .success(Document(path: name, bytes: bytes))
        case .problem(let problem): return .failure(problem)
        case .record(let record): return record.document()
        }
        guard let bytes = read else { return .failure(.unreadable(path: displayPath, reason: Self.reason(forUnreadable: displayPath))) }
        let isBinary = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, min(buffer.count, 8192)) != nil } ?? false
        }
        if isBinary { return .failure(.binary(path: displayPath)) }
        return .success(Document(path: displayPath, bytes: bytes))
    }

    /// The bytes of the file at `path` by `open` and `read` straight into the array, or nil when
    /// it cannot be read (a folder fails at the first read). Foundation's reader made a `Data`,
    /// then a copy, with a file-attributes lookup on the way: a cost per file of a corpus.
    private static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        // The size is a hint: a file that grows while read, or a special file that says 0, is
        // read to its end all the same.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size) + 1) { buffer, count in
            count = readAll(descriptor, into: buffer, failed: &failed)
        }
        var full = bytes.count == Int(status.st_size) + 1
        while full, !failed {
            let more = [UInt8](unsafeUninitializedCapacity: 65_536) { buffer, count in
                count = readAll(descriptor, into: buffer, failed: &failed)
            }
            bytes += more
            full = more.count == 65_536
        }
        return failed ? nil : bytes
    }

    /// Reads until `buffer` is full or the file ends; the number of bytes read.
    private static func readAll(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, failed: inout Bool) -> Int {
        var total = 0
        while total < buffer.count {
            let got = Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
            if got < 0, errno == EINTR { continue }
            if got < 0 { failed = true }
            if got <= 0 { break }
            total += got
        }
        return total
    }

    private static func reason(forUnreadable path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file or directory" }
        if isDirectory.boolValue { return "is a directory" }
        return "permission denied or not readable"
    }
}

/// An input that was not linted.
public enum InputProblem: Error, Sendable, Equatable {
    /// Skipped on purpose: a NUL byte says it is not text.
    case binary(path: String)
    /// Missing, a folder where a file was expected, or not readable.
    case unreadable(path: String, reason: String)

    public var path: String {
        switch self {
        case .binary(let path), .unreadable(let path, _): path
        }
    }
}
