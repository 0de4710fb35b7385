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
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let isFolder = (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory
            // Hidden files and folders (.git, .build) are not articles.
            if name.hasPrefix(".") || matches(exclude, relative: relative, name: name) {
                if isFolder { walker.skipDescendants() }
                continue
            }
            if !isFolder, matches(include, relative: relative, name: name) {
                found.append(base + "/" + relative)
            }
        }
        return found.sorted()
    }

    private func matches(_ globs: [String], relative: String, name: String) -> Bool {
        globs.contains { glob in
            glob.contains("/") ? fnmatch(glob, relative, 0) == 0 : fnmatch(glob, name, 0) == 0
        }
    }
}
