import Foundation

/// Everything a run needs that configuration decides: the rule set (built-in, `--rules` and the
/// run configuration's `rule-folders`), the run-wide settings (the command line wins over the
/// configuration of the working folder), and for each input the engine of its own rules.
public struct RunSetup {
    public let ruleSet: RuleSet
    /// The configuration of the working folder (or `--config`), which gives the run-wide keys.
    public let runConfig: ConfigFile?
    public let failOn: Severity
    public let columnUnit: ColumnUnit?
    public let include: [String]
    public let exclude: [String]
    private let resolver: ConfigResolver
    private let selection: RuleSelection
    private let inlineConfig: Bool
    private var engines: [RuleProfile: Engine] = [:]
    /// Engines by configuration file (its path, "" for none) where no file of its chain has
    /// `overrides`: there the path changes nothing, and building and hashing a profile of every
    /// rule for each of thousands of files was a serial cost of the reader.
    private var enginesByConfig: [String: Engine] = [:]

    /// - Throws: `RuleLoadErrors` for a rule or configuration file that does not load, and
    ///   `RuleSelectionError` for an unknown `--enable` or `--disable` name.
    public init(invocation: LintInvocation) throws {
        let folder = FileManager.default.currentDirectoryPath
        // Read the run configuration once loosely for its rule folders, then check it against
        // the rules those folders add.
        let explicitPath = invocation.configPath
        let nearest = explicitPath ?? Self.nearestConfig(from: folder)
        var folders = invocation.ruleFolders
        if let nearest {
            do {
                let loose = try ConfigParser.load(nearest, known: nil)
                let base = loose.folder.isEmpty ? "." : loose.folder
                folders += (loose.chain.compactMap(\.ruleFolders).flatMap { $0.value }).map { $0.hasPrefix("/") ? $0 : base + "/" + $0 }
            } catch {
                throw RuleLoadErrors(errors: [error])
            }
        }
        ruleSet = try RuleSet.load(folders: folders)
        _ = try invocation.selection.apply(to: ruleSet)
        let known = (Set(ruleSet.all.map(\.id)), Set(ruleSet.families))
        do {
            let explicit = try explicitPath.map { path throws(RuleLoadError) in try ConfigParser.load(path, known: known) }
            resolver = ConfigResolver(explicit: explicit, known: known)
            runConfig = try resolver.config(for: folder, isFolder: true)
        } catch {
            throw RuleLoadErrors(errors: [error])
        }
        let chain = runConfig?.chain ?? []
        failOn = invocation.failOn ?? chain.compactMap(\.failOn).last?.value ?? .error
        columnUnit = invocation.columnUnit ?? chain.compactMap(\.columnUnit).last?.value
        include = !invocation.include.isEmpty ? invocation.include : chain.compactMap(\.include).last?.value ?? []
        exclude = !invocation.exclude.isEmpty ? invocation.exclude : chain.compactMap(\.exclude).last?.value ?? []
        selection = invocation.selection
        inlineConfig = invocation.inlineConfig
    }

    /// The engine for one input: its configuration's rules, built once per distinct profile.
    public mutating func engine(for input: InputSource) throws -> Engine {
        let path: String?
        let config: ConfigFile?
        do {
            switch input {
            case .file(let file):
                path = file
                config = try resolver.config(for: file)
            case .standardInput(let name):
                // Editors pass the real path as the name: its configuration applies.
                path = name
                config = name.hasPrefix("<") ? runConfig : try resolver.config(for: name)
            case .text, .record, .problem:
                // Records of a JSON Lines corpus take the engine of their file (see `engine(for:)`).
                path = nil
                config = runConfig
            }
        } catch {
            throw RuleLoadErrors(errors: [error])
        }
        let pathMatters = config?.chain.contains { !$0.overrides.isEmpty } ?? false
        let configKey = config?.path ?? ""
        if !pathMatters, let engine = enginesByConfig[configKey] { return engine }
        let profile = RuleProfile(ruleSet: ruleSet, config: config, path: path, selection: selection)
        let engine = try engines[profile] ?? Engine(rules: try profile.rules(of: ruleSet), inlineConfig: inlineConfig)
        engines[profile] = engine
        if !pathMatters { enginesByConfig[configKey] = engine }
        return engine
    }

    /// The configuration file that applies to `path`, if any.
    public func configFile(for path: String, isFolder: Bool) throws -> ConfigFile? {
        do { return try resolver.config(for: path, isFolder: isFolder) } catch { throw RuleLoadErrors(errors: [error]) }
    }

    /// Readies every engine of the run for many texts (`Engine.prepareForCorpus()`).
    public func prepareForCorpus() {
        for engine in engines.values { engine.prepareForCorpus() }
    }

    /// Every rule some input runs, for SARIF's rule list.
    public var rulesInUse: [Rule] {
        var seen = Set<String>()
        return engines.values.flatMap(\.rules).filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    static func nearestConfig(from folder: String) -> String? {
        var current = URL(fileURLWithPath: folder).standardizedFileURL.path
        while true {
            let candidate = (current == "/" ? "" : current) + "/" + ConfigResolver.fileName
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            if current == "/" || current.isEmpty { return nil }
            current = (current as NSString).deletingLastPathComponent
        }
    }
}
