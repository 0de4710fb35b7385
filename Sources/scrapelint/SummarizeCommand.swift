import ArgumentParser

/// `scrapelint summarize ...`: `lint --format summary ...`, one JSON line per document with its
/// counts and quality score, for filtering a corpus.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "One JSON line per document: counts by severity and family, and a quality score (takes lint's options).")

    @Argument(parsing: .captureForPassthrough, help: "Paths and lint options, as for lint.")
    var arguments: [String] = []

    func run() throws {
        let lint = try PathArguments.parseLint(arguments + ["--format", "summary"])
        try lint.run()
    }
}
