import Foundation
import Glibc

/// Replaces a file's contents so that at every moment it holds either the old bytes or the new:
/// a temporary file in the same folder, written and synced, takes the original's permissions and
/// owner, then is renamed over it. A symlink is followed and its target rewritten; a file that
/// cannot be written is an error that names it, and nothing is touched.
public enum AtomicFileWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public static func replaceContents(of path: String, with bytes: [UInt8]) throws(WriteError) {
        guard let resolved = realpath(path, nil) else { throw WriteError(path: path, reason: "cannot resolve: \(errorText())") }
        let target = String(cString: resolved)
        free(resolved)
        var status = stat()
        guard stat(target, &status) == 0 else { throw WriteError(path: path, reason: "cannot stat: \(errorText())") }
        // Marked read-only (no owner write bit) counts even for root, who may write anything.
        guard access(target, W_OK) == 0, status.st_mode & S_IWUSR != 0 else {
            throw WriteError(path: path, reason: "read-only file, not fixed")
        }

        let folder = (target as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (target as NSString).lastPathComponent + ".scrapelint-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, status.st_mode & 0o7777)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: "cannot create a temporary file beside it: \(errorText())") }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, failure == nil {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno != EINTR { failure = "cannot write: \(errorText())" }
                } else {
                    offset += written
                }
            }
        }
        if failure == nil {
            fchmod(descriptor, status.st_mode & 0o7777)
            _ = fchown(descriptor, status.st_uid, status.st_gid)  // only root may; the mode is kept anyway
            if fsync(descriptor) != 0 { failure = "cannot sync: \(errorText())" }
        }
        close(descriptor)
        if failure == nil, rename(temporary, target) != 0 { failure = "cannot replace: \(errorText())" }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
        // The rename is durable once the folder is synced.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
