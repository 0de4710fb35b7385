import Foundation

/// Expands the paths of a command line into the inputs to lint, in a stable order: each
/// argument in turn, and the files below a folder sorted by path.
public struct InputCollector: Sendable {
    /// Globs for files found inside folders (named files are always linted, as in ripgrep).
    /// A glob without `/` matches the file name; one with `/` matches the path below the folder.
    public var include: [String]
    public var exclude: [String]
    /// The name diagnostics use for standard input.
    public var standardInputName: String

    public static let defaultInclude = ["*.txt", "*.md", "*.text"]

    public init(include: [String] = [], exclude: [String] = [], standardInputName: String = "<stdin>") {
        self.include = include.isEmpty ? Self.defaultInclude : include
        self.exclude = exclude
        self.standardInputName = standardInputName
    }

    /// The inputs for `paths`, and a message for every path that does not exist.
    public func collect(_ paths: [String]) -> (inputs: [InputSource], missing: [InputProblem]) {
        var inputs: [InputSource] = []
        var missing: [InputProblem] = []
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput(name: standardInputName))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(.unreadable(path: path, reason: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                inputs += filesBelow(path).map(InputSource.file)
            } else {
                inputs.append(.file(path))
            }
        }
        return (inputs, missing)
    }

    private func filesBelow(_ folder: String) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var found: [String] = []
        walk(base, relative: "", into: &found)
        return found.sorted()
    }

    /// The files below `base/relative`, by `readdir`: its entry types spare a `stat` per file,
    /// which Foundation's enumerator made (with a dictionary of attributes) for each of a
    /// corpus's thousands of files before any was linted. Symbolic links are taken for files,
    /// as before, so a linked folder is not walked.
    private func walk(_ base: String, relative: String, into found: inout [String]) {
        guard let directory = opendir(relative.isEmpty ? base : base + "/" + relative) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            // Hidden files and folders (.git, .build) are not articles; "." and ".." neither.
            guard !name.hasPrefix(".") else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                // Some file systems do not say; ask them.
                var status = stat()
                isFolder = lstat(base + "/" + path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            }
            if matches(exclude, relative: path, name: name) { continue }
            if isFolder {
                walk(base, relative: path, into: &found)
            } else if matches(include, relative: path, name: name) {
                found.append(base + "/" + path)
            }
        }
    }

    private func matches(_ globs: [String], relative: String, name: String) -> Bool {
        globs.contains { glob in
            glob.contains("/") ? fnmatch(glob, relative, 0) == 0 : fnmatch(glob, name, 0) == 0
        }
    }
}
