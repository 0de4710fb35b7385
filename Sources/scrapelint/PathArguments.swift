/// ArgumentParser takes time quadratic in the number of positional arguments: each path it adds
/// copies the array of the paths before it and the set of places they came from, so 16,000
/// paths (a shell glob over a corpus, or `xargs`) took 6 s before a file was read. Every option
/// of lint takes exactly one value, so of two arguments in a row that do not start with `-` (or
/// are `-`, standard input) the second is a path, whatever the first is. Each run of such
/// paths is folded into one placeholder before ArgumentParser reads the command line and
/// unfolded in what it returns: the paths keep their order, options and usage errors stay
/// ArgumentParser's, and a run of paths costs what one does.
enum PathArguments {
    /// Stands for run `n` of folded paths; a NUL byte cannot be in a real argument.
    private static let marker = "\u{0}paths "

    /// `arguments` with every value-like argument that follows another one replaced, run by
    /// run, by a placeholder; and the runs, to `unfold` the paths with.
    static func fold(_ arguments: [String]) -> (arguments: [String], runs: [[String]]) {
        var folded: [String] = [], runs: [[String]] = []
        var previousIsValue = false, inRun = false
        for argument in arguments {
            let isValue = argument == "-" || !argument.hasPrefix("-")
            if isValue, previousIsValue {
                if !inRun {
                    folded.append(marker + String(runs.count))
                    runs.append([])
                    inRun = true
                }
                runs[runs.count - 1].append(argument)
            } else {
                folded.append(argument)
                inRun = false
            }
            previousIsValue = isValue
        }
        return (folded, runs)
    }

    /// `paths` as ArgumentParser returned them, each placeholder replaced by its run.
    static func unfold(_ paths: [String], runs: [[String]]) -> [String] {
        guard !runs.isEmpty else { return paths }
        return paths.flatMap { path -> [String] in
            guard path.hasPrefix(marker), let index = Int(path.dropFirst(marker.count)), runs.indices.contains(index) else { return [path] }
            return runs[index]
        }
    }

    /// `Lint.parse(arguments)`, with the paths folded.
    static func parseLint(_ arguments: [String]) throws -> Lint {
        let (folded, runs) = fold(arguments)
        var lint = try Lint.parse(folded)
        lint.paths = unfold(lint.paths, runs: runs)
        return lint
    }
}
