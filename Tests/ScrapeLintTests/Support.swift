import Foundation
import PCRE2
@testable import ScrapeLint

/// A rule parsed from YAML text, as a file `Rules/<family>/<id>.yml` would give it.
func parseRule(_ yaml: String, id: String = "test-rule", family: String = "custom") throws -> Rule {
    try RuleParser.parse(yaml: yaml, name: "\(family)/\(id).yml", family: family, expectedID: id)
}

/// A rule of `kind` with `fields`, the common header filled in.
func kindRule(_ kind: String, _ fields: String, severity: String = "warning", message: String = "{detail}") throws -> Rule {
    try parseRule("""
        id: test-rule
        kind: \(kind)
        severity: \(severity)
        message: "\(message)"
        description: "d"
        \(fields)
        """)
}

/// What `rule` alone finds in `text`, in report order.
func diagnostics(of rule: Rule, in text: String) throws -> [Diagnostic] {
    var output: [Diagnostic] = []
    try rule.check(Document(path: "t", text: text), with: Matcher(), into: &output)
    return output.sorted(by: Diagnostic.inReportOrder)
}

/// The error parsing `yaml` gives, as its printed line.
func loadError(_ yaml: String, id: String = "test-rule") -> String? {
    do {
        _ = try RuleParser.parse(yaml: yaml, name: "custom/\(id).yml", family: "custom", expectedID: id)
        return nil
    } catch {
        return error.description
    }
}

/// Findings of `rules` in `text`, as `line:col rule-id` in UTF-8 byte columns.
func findings(_ rules: [Rule], in text: String) -> [String] {
    let document = Document(path: "t", text: text)
    let report = Engine(rules: rules).lint(document, with: Matcher())
    return report.diagnostics.map { "\(document.location(of: $0.range.lowerBound, unit: .byte)) \($0.ruleID)" }
}

/// The project's top folder, found from this file's path.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `../shared/corpus` beside the project.
let corpusRoot = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

/// The dev corpus texts (`docs/*/*.txt`, 400 of them) by their path under `docs`, in order, each
/// read as a document: for tests that a faster way finds what the plain way finds on real text.
func devCorpusDocuments() throws -> [(file: String, document: Document)] {
    let folder = corpusRoot.appendingPathComponent("docs")
    return try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted().map { file in
        let url = folder.appendingPathComponent(file)
        return (file, Document(path: url.path, bytes: Array(try Data(contentsOf: url))))
    }
}
