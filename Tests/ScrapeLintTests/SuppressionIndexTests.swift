import PCRE2
import Testing
@testable import ScrapeLint

/// Suppressions applied through their index keep and report what testing every finding against
/// every directive did (the code before the index, kept here as the reference), and each
/// `disable` region ends where the first later `enable` naming all its ids (or none) stands.
@Suite struct SuppressionIndexTests {
    private let familyOf = ["r-a": "fam", "r-b": "fam", "r-c": "other"]

    @Test func theIndexSilencesAndReportsWhatTestingEveryPairDid() throws {
        let verbs = ["disable-next-line", "disable-line", "disable", "enable"]
        let idLists = [[], ["r-a"], ["r-b"], ["fam"], ["other"], ["r-a", "r-c"], ["fam", "other"]]
        var generator = SystemRandomNumberGenerator()
        var silenced = 0, unused = 0
        for _ in 0..<400 {
            // Lines of prose, some with a directive at their end or alone, in random order.
            var text = "", comments: [(range: Range<Int>, verb: String, ids: [String])] = []
            for _ in 0..<Int.random(in: 1...30, using: &generator) {
                if Int.random(in: 0..<3, using: &generator) > 0 { text += "some words here " }
                if Bool.random(using: &generator) {
                    let verb = verbs.randomElement(using: &generator)!, ids = idLists.randomElement(using: &generator)!
                    let comment = "<!-- scrapelint-\(verb) \(ids.joined(separator: ", ")) -->"
                    let start = text.utf8.count
                    text += comment
                    comments.append((start..<text.utf8.count, verb, ids))
                }
                text += "\n"
            }
            let document = Document(path: "t", text: text)
            let suppressions = try Suppressions(document: document, matcher: Matcher())
            #expect(suppressions.directives.map(\.range) == comments.filter { $0.verb != "enable" }.map(\.range))
            #expect(suppressions.directives.map(\.scope.description) == Self.scopes(of: comments, in: document), "\(text)")
            // Findings anywhere, and where each region starts and ends (its directive's end, the
            // next directive's start).
            let offsets = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Int.random(in: 0..<document.bytes.count, using: &generator) }
                + comments.flatMap { [$0.range.lowerBound, $0.range.upperBound] }
            let diagnostics = offsets.map { start in
                Diagnostic(ruleID: familyOf.keys.randomElement(using: &generator)!, severity: .warning, message: "m", range: start..<start)
            }
            let applied = suppressions.apply(to: diagnostics, in: document, familyOf: familyOf)
            let expected = Self.reference(suppressions.directives, diagnostics, document, familyOf)
            #expect(applied.kept.map(\.range) == expected.kept.map(\.range) && applied.kept.map(\.ruleID) == expected.kept.map(\.ruleID))
            #expect(applied.unused == expected.unused, "\(text)")
            silenced += diagnostics.count - expected.kept.count
            unused += expected.unused.count
        }
        #expect(silenced > 500 && unused > 500)
    }

    /// Each directive's scope as the code before the index made it: a `disable` runs to the first
    /// later `enable` that names every id it names, or names none, else to the end of the text.
    private static func scopes(of comments: [(range: Range<Int>, verb: String, ids: [String])], in document: Document) -> [String] {
        comments.indices.compactMap { index in
            let comment = comments[index], line = document.lines.lineIndex(of: comment.range.lowerBound)
            switch comment.verb {
            case "disable-next-line": return "line \(line + 1)"
            case "disable-line": return "line \(line)"
            case "disable":
                let end = comments[(index + 1)...].first { later in
                    later.verb == "enable" && (later.ids.isEmpty || Set(comment.ids).isSubset(of: later.ids))
                }?.range.lowerBound ?? document.bytes.count
                return "region \(comment.range.upperBound..<end)"
            default: return nil
            }
        }
    }

    /// Every finding tested against every directive.
    private static func reference(_ directives: [Suppressions.Directive], _ diagnostics: [Diagnostic], _ document: Document,
                                  _ familyOf: [String: String]) -> (kept: [Diagnostic], unused: [Range<Int>]) {
        var used = Array(repeating: false, count: directives.count)
        let kept = diagnostics.filter { diagnostic in
            var suppressed = false
            for (index, directive) in directives.enumerated() {
                let ids = directive.ids
                guard ids.isEmpty || ids.contains(diagnostic.ruleID) || familyOf[diagnostic.ruleID].map(ids.contains) == true else { continue }
                let covered = switch directive.scope {
                case .line(let line): document.lines.lineIndex(of: diagnostic.range.lowerBound) == line
                case .region(let region): region.contains(diagnostic.range.lowerBound)
                }
                if covered {
                    used[index] = true
                    suppressed = true
                }
            }
            return !suppressed
        }
        return (kept, directives.indices.filter { !used[$0] }.map { directives[$0].range })
    }
}

private extension Suppressions.Directive.Scope {
    var description: String {
        switch self {
        case .line(let line): "line \(line)"
        case .region(let region): "region \(region)"
        }
    }
}
