import Foundation
import Glibc

/// Finds the configuration of each linted file: `--config` if given, else the nearest
/// `.scrapelint.yml` walking up from the file's folder. Files are read once and kept.
public final class ConfigResolver {
    public static let fileName = ".scrapelint.yml"

    private let explicit: ConfigFile?
    private let known: (ids: Set<String>, families: Set<String>)
    private var byFolder: [String: ConfigFile?] = [:]
    private var byPath: [String: ConfigFile] = [:]
    /// By a file's folder as written in its path: making the path absolute and standard (a URL
    /// per file) was most of the cost of finding the configuration of each of a corpus's files.
    private var byWrittenFolder: [Substring: ConfigFile?] = [:]

    public init(explicit: ConfigFile?, known: (ids: Set<String>, families: Set<String>)) {
        self.explicit = explicit
        self.known = known
    }

    /// The configuration that applies to `path` (a file, or a folder for standard input).
    public func config(for path: String, isFolder: Bool = false) throws(RuleLoadError) -> ConfigFile? {
        if let explicit { return explicit }
        // The folder part as written ("docs/a" of "docs/a/b.txt"); files of one folder share it.
        let written = isFolder ? nil : path.lastIndex(of: "/").map { path[..<$0] } ?? ""
        if let written, let known = byWrittenFolder[written] { return known }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let found = try nearest(from: isFolder ? absolute : (absolute as NSString).deletingLastPathComponent)
        if let written { byWrittenFolder[written] = found }
        return found
    }

    private func nearest(from folder: String) throws(RuleLoadError) -> ConfigFile? {
        if let cached = byFolder[folder] { return cached }
        let candidate = folder == "/" ? "/" + Self.fileName : folder + "/" + Self.fileName
        let found: ConfigFile?
        if FileManager.default.fileExists(atPath: candidate) {
            if let loaded = byPath[candidate] { found = loaded } else {
                let loaded = try ConfigParser.load(candidate, known: known)
                byPath[candidate] = loaded
                found = loaded
            }
        } else if folder == "/" || folder.isEmpty {
            found = nil
        } else {
            found = try nearest(from: (folder as NSString).deletingLastPathComponent)
        }
        byFolder[folder] = found
        return found
    }

    /// Whether `glob` matches `path`, relative to `folder`: a glob without `/` matches the file
    /// name, one with `/` the path below the folder (`*` crosses folders).
    public static func matches(_ glob: String, path: String, folder: String) -> Bool {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: folder.isEmpty ? "." : folder).standardizedFileURL.path
        let relative = absolute.hasPrefix(base + "/") ? String(absolute.dropFirst(base.count + 1)) : absolute
        if glob.contains("/") { return fnmatch(glob, relative, 0) == 0 }
        return fnmatch(glob, (absolute as NSString).lastPathComponent, 0) == 0
    }
}
