import Foundation

/// One thing to lint: a file, or standard input under a name.
public enum InputSource: Sendable, Equatable {
    case file(String)
    case standardInput(name: String)
    /// A record of a JSON Lines corpus, its text already read.
    case text(name: String, bytes: [UInt8])
    /// A record that could not be read, to be reported in its place.
    case problem(InputProblem)

    /// The path shown in diagnostics.
    public var displayPath: String {
        switch self {
        case .file(let path): path
        case .standardInput(let name), .text(let name, _): name
        case .problem(let problem): problem.path
        }
    }

    /// Reads the bytes. Text with a NUL byte in its first 8 KiB is taken for binary, as git and
    /// ripgrep do, and not linted.
    public func read() -> Result<Document, InputProblem> {
        let data: Data?
        switch self {
        case .file(let path): data = FileManager.default.contents(atPath: path)
        case .standardInput: data = FileHandle(fileDescriptor: 0, closeOnDealloc: false).readDataToEndOfFile()
        case .text(let name, let bytes): return .success(Document(path: name, bytes: bytes))
        case .problem(let problem): return .failure(problem)
        }
        guard let data else { return .failure(.unreadable(path: displayPath, reason: Self.reason(forUnreadable: displayPath))) }
        let bytes = [UInt8](data)
        if bytes.prefix(8192).contains(0) { return .failure(.binary(path: displayPath)) }
        return .success(Document(path: displayPath, bytes: bytes))
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
