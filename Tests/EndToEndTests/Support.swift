import Foundation
import Testing

/// The project's top folder, found from this file's path.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared/corpus` beside the project.
let corpusRoot = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

/// The built `scrapelint`, beside the test bundle in the build products folder.
let scrapelintBinary: URL = {
    var folder = Bundle.main.bundleURL
    if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
    for candidate in [folder, folder.deletingLastPathComponent()] {
        let binary = candidate.appendingPathComponent("scrapelint")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
    }
    return projectRoot.appendingPathComponent(".build/debug/scrapelint")
}()

/// What one run of the command printed and returned.
struct RunResult {
    let stdout: String
    let stderr: String
    let status: Int32

    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty() }
    var errorLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty() }
}

extension Array where Element == String {
    func dropLastEmpty() -> [String] { last == "" ? Array(dropLast()) : self }
}

/// Runs `scrapelint` with `arguments` in `folder` (the project by default), `input` on stdin.
func scrapelint(_ arguments: [String], in folder: URL = projectRoot, input: Data? = nil, binary: URL = scrapelintBinary) throws -> RunResult {
    try run(binary, arguments, in: folder, input: input)
}

/// Runs a program found on the PATH (`python3`, `vim`, `git`, `sh`) in `folder`.
func tool(_ name: String, _ arguments: [String], in folder: URL, input: Data? = nil) throws -> RunResult {
    try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: folder, input: input)
}

/// Runs `executable` and collects what it printed and its status.
func run(_ executable: URL, _ arguments: [String], in folder: URL, input: Data? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    // A child that exits before reading all its input (an error, a usage message) must not
    // kill the test run: with SIGPIPE's default action the write below ended the whole test
    // process now and then ("exited with unexpected signal code 13"). Ignored, the write fails
    // with EPIPE, which the test does not care about; the child's output and status are checked.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    // Feed standard input and read both pipes at once, so that neither side blocks the other
    // on a full pipe when the input or the output is large.
    let group = DispatchGroup()
    let writer = stdin.fileHandleForWriting
    DispatchQueue.global().async(group: group) {
        if let input { try? writer.write(contentsOf: input) }
        try? writer.close()
    }
    nonisolated(unsafe) var errorData = Data()
    DispatchQueue.global().async(group: group) { errorData = stderr.fileHandleForReading.readDataToEndOfFile() }
    let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return RunResult(stdout: String(decoding: outputData, as: UTF8.self), stderr: String(decoding: errorData, as: UTF8.self),
                     status: process.terminationStatus)
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrapelint-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A rule folder `rules/` holding `slow-rule`, whose pattern backtracks catastrophically, and
/// `hostile.txt`, a line that sets it off, followed by `tail`.
func writeSlowRuleFixture(in folder: URL, tail: String = "") throws {
    try write("""
        id: slow-rule
        kind: pattern
        severity: warning
        message: "slow"
        description: "d"
        pattern: '(?m)^(\\w+\\s?)*$'
        """, to: "rules/slow-rule.yml", in: folder)
    try write(String(repeating: "ab ", count: 3_000) + "!\n" + tail, to: "hostile.txt", in: folder)
}

/// Writes `text` to `path` below `folder`, making the folders on the way.
func write(_ text: String, to path: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}
