import DefaultRules
import Dispatch
import Foundation
import Synchronization

/// The rules of a run: the built-in library plus any rule folders, with ids unique across all.
public struct RuleSet: Sendable {
    /// Every loaded rule, sorted by id, enabled or not.
    public let all: [Rule]

    public init(rules: [Rule]) throws(RuleLoadErrors) {
        var byID: [String: Rule] = [:]
        var errors: [RuleLoadError] = []
        for rule in rules {
            if let earlier = byID[rule.id] {
                errors.append(RuleLoadError(file: rule.source, message: "duplicate rule id '\(rule.id)' (also in \(earlier.source))"))
            } else {
                byID[rule.id] = rule
            }
        }
        guard errors.isEmpty else { throw RuleLoadErrors(errors: errors) }
        all = byID.values.sorted { $0.id < $1.id }
    }

    /// The rules carried in the binary (`Rules/` at build time).
    public static func builtInRules() throws(RuleLoadErrors) -> [Rule] {
        try parse(DefaultRules.files.map { ("builtin:Rules/" + $0.path, $0.path, $0.contents) })
    }

    /// The built-in rules plus every `*.yml` below each folder of `folders`.
    public static func load(builtIn: Bool = true, folders: [String] = []) throws(RuleLoadErrors) -> RuleSet {
        var rules: [Rule] = []
        var errors: [RuleLoadError] = []
        if builtIn {
            do { rules += try builtInRules() } catch { errors += error.errors }
        }
        for folder in folders {
            do { rules += try rulesInFolder(folder) } catch { errors += error.errors }
        }
        guard errors.isEmpty else { throw RuleLoadErrors(errors: errors) }
        return try RuleSet(rules: rules)
    }

    /// Every `*.yml` file below `folder`; the family of each is the folder that holds it.
    public static func rulesInFolder(_ folder: String) throws(RuleLoadErrors) -> [Rule] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleLoadErrors(errors: [RuleLoadError(file: folder, message: "no such rule folder")])
        }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let relativePaths = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
            .sorted()
        var files: [(String, String, String)] = []
        var errors: [RuleLoadError] = []
        for relative in relativePaths {
            let path = base + "/" + relative
            guard let data = FileManager.default.contents(atPath: path) else {
                errors.append(RuleLoadError(file: path, message: "cannot read the file"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                errors.append(RuleLoadError(file: path, message: "the file is not UTF-8"))
                continue
            }
            files.append((path, relative, text))
        }
        do { return try parse(files) } catch { throw RuleLoadErrors(errors: errors + error.errors) }
    }

    /// Parses (shown name, path relative to its rules root, text) triples, collecting all errors.
    /// The files are parsed on every core: reading the YAML and compiling the patterns is most of
    /// the start-up of a run over one small file (an editor, a pre-commit hook).
    static func parse(_ files: [(name: String, relative: String, text: String)]) throws(RuleLoadErrors) -> [Rule] {
        let parsed = Mutex([Result<Rule, RuleLoadError>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let components = file.relative.split(separator: "/")
            let fileName = String(components.last ?? "")
            let id = fileName.hasSuffix(".yaml") ? String(fileName.dropLast(5)) : String(fileName.dropLast(4))
            let family = components.count >= 2 ? String(components[components.count - 2]) : "custom"
            let result = Result { () throws(RuleLoadError) in try RuleParser.parse(yaml: file.text, name: file.name, family: family, expectedID: id) }
            parsed.withLock { $0[index] = result }
        }
        var rules: [Rule] = []
        var errors: [RuleLoadError] = []
        // concurrentPerform returns once every index has run: every slot holds a result.
        for result in parsed.withLock({ $0 }).compactMap({ $0 }) {
            switch result {
            case .success(let rule): rules.append(rule)
            case .failure(let error): errors.append(error)
            }
        }
        guard errors.isEmpty else { throw RuleLoadErrors(errors: errors) }
        return rules
    }

    /// The families present, sorted.
    public var families: [String] { Array(Set(all.map(\.family))).sorted() }

    /// The rule with `id`, if loaded.
    public func rule(_ id: String) -> Rule? { all.first { $0.id == id } }
}
