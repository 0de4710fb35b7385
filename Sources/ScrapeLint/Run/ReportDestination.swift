import Foundation
import Glibc

/// Where the report goes: standard output as it comes, or a file that appears whole when the
/// run ends (written to a temporary file beside it, then renamed), so a reader never sees half a
/// SARIF file.
final class ReportDestination {
    private let stream: OutputStream
    private let path: String?
    private let temporaryPath: String?

    init(path: String?, standardOutput: OutputStream) throws {
        self.path = path
        guard let path else {
            stream = standardOutput
            temporaryPath = nil
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DestinationError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        stream = OutputStream(descriptor: descriptor)
        temporaryPath = temporary
    }

    func write(_ text: String) { stream.write(text) }

    /// Makes the file appear under its name (no-op for standard output).
    func commit() throws {
        guard let path, let temporaryPath else { return }
        fsync(stream.descriptor)
        close(stream.descriptor)
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw DestinationError(message: "cannot write \(path): \(reason)")
        }
    }

    struct DestinationError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
