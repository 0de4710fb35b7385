import PCRE2

/// Runs each rule's examples: a `match` example must give exactly its marked spans, a `no-match`
/// example nothing. Every example also runs under variants that catch offset bugs: after a
/// line of multi-byte text, and with CRLF line breaks.
public enum ExampleVerifier {
    /// A rewrite of an example text that moves its spans.
    public enum Variant: String, Sendable, CaseIterable {
        case plain
        case multibytePrefix = "multi-byte prefix"
        case crlf = "CRLF"

        static let prefix = "“Ünïcödé” — 東京 😀\n"

        func apply(_ text: String, _ spans: [Range<Int>]) -> (String, [Range<Int>]) {
            switch self {
            case .plain:
                return (text, spans)
            case .multibytePrefix:
                let shift = Self.prefix.utf8.count
                return (Self.prefix + text, spans.map { ($0.lowerBound + shift)..<($0.upperBound + shift) })
            case .crlf:
                var output: [UInt8] = []
                // New offset of every old offset; a span that ends before a line break ends
                // before the CR put in front of it.
                var moved: [Int] = []
                var previous: UInt8 = 0
                for byte in text.utf8 {
                    moved.append(output.count)
                    if byte == 0x0A, previous != 0x0D { output.append(0x0D) }
                    output.append(byte)
                    previous = byte
                }
                moved.append(output.count)
                return (String(decoding: output, as: UTF8.self), spans.map { moved[$0.lowerBound]..<moved[$0.upperBound] })
            }
        }
    }

    /// What a pattern rule finds when its `requires` prefilter is not used: the same as with it,
    /// when the prefilter keeps its promise.
    private static func spansWithoutPrefilter(_ check: PatternCheck, _ rule: Rule, _ text: String, _ matcher: Matcher) throws -> [Range<Int>] {
        var found: [Diagnostic] = []
        try check.run(rule, on: Document(path: "example", text: text), with: matcher, into: &found, prefilter: false)
        return found.map(\.range).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
    }

    /// Every way `rule`'s examples fail; empty when they all pass. A `block` rule reads the
    /// findings of the other rules of its family, so its examples run those of `context` first.
    public static func verify(_ rule: Rule, with matcher: Matcher, context: [Rule] = []) -> [ExampleFailure] {
        guard !rule.examples.match.isEmpty, !rule.examples.noMatch.isEmpty else {
            return [ExampleFailure(rule: rule, example: "examples", variant: .plain, text: "",
                                   expected: [], found: [], problem: "needs at least one match and one no-match example")]
        }
        var failures: [ExampleFailure] = []
        let cases = rule.examples.match.enumerated().map { ("match example \($0.offset + 1)", $0.element) }
            + rule.examples.noMatch.enumerated().map { ("no-match example \($0.offset + 1)", $0.element) }
        for (name, marked) in cases {
            guard let example = try? MarkedExample(marked) else { continue }  // the loader rejects these
            if name.hasPrefix("match"), example.spans.isEmpty {
                failures.append(ExampleFailure(rule: rule, example: name, variant: .plain, text: example.text,
                                               expected: [], found: [], problem: "marks no span with ⟦ ⟧"))
                continue
            }
            for variant in Variant.allCases {
                let (text, expected) = variant.apply(example.text, example.spans)
                var found: [Diagnostic] = []
                var problem: String?
                do throws(RuleFailure) {
                    let document = Document(path: "example", text: text)
                    if case .block = rule.kind {
                        // As in a real run: the engine runs the family's rules, then this one.
                        let family = context.filter { $0.family == rule.family && $0.id != rule.id } + [rule]
                        let report = Engine(rules: family).lint(document, with: matcher)
                        if let failure = report.failures.first { throw failure }
                        found = report.diagnostics.filter { $0.ruleID == rule.id }
                    } else {
                        try rule.check(document, with: matcher, into: &found)
                    }
                } catch {
                    problem = error.message
                }
                let spans = found.map(\.range).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
                if problem == nil, case .pattern(let check) = rule.kind, check.search.requires != nil,
                   let unfiltered = try? Self.spansWithoutPrefilter(check, rule, text, matcher), unfiltered != spans {
                    failures.append(ExampleFailure(rule: rule, example: name, variant: variant, text: text, expected: unfiltered,
                                                   found: spans, problem: check.search.window == .token ? "'requires' misses a token the pattern matches in"
                                                       : "'requires' misses a line the pattern matches on"))
                    continue
                }
                if problem != nil || spans != expected {
                    failures.append(ExampleFailure(rule: rule, example: name, variant: variant, text: text,
                                                   expected: expected, found: spans, problem: problem))
                }
            }
        }
        return failures
    }
}

/// One example that did not give what it marks.
public struct ExampleFailure: Sendable, CustomStringConvertible {
    public let ruleID: String
    public let source: String
    /// `match example 2`, `no-match example 1`.
    public let example: String
    public let variant: ExampleVerifier.Variant
    public let text: String
    public let expected: [Range<Int>]
    public let found: [Range<Int>]
    public let problem: String?

    init(rule: Rule, example: String, variant: ExampleVerifier.Variant, text: String,
         expected: [Range<Int>], found: [Range<Int>], problem: String?) {
        ruleID = rule.id
        source = rule.source
        self.example = example
        self.variant = variant
        self.text = text
        self.expected = expected
        self.found = found
        self.problem = problem
    }

    public var description: String {
        var lines = ["\(source): error: \(example) (\(variant.rawValue)) fails [\(ruleID)]"]
        if let problem { lines.append("  \(problem)") }
        if !text.isEmpty || !expected.isEmpty {
            lines.append("  expected: \(Self.marked(text, expected))")
            lines.append("  found:    \(Self.marked(text, found))")
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with ⟦ ⟧ around `spans`, invisible characters escaped, on one line.
    static func marked(_ text: String, _ spans: [Range<Int>]) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        for offset in 0...bytes.count {
            for span in spans where span.upperBound == offset && !span.isEmpty { output += Array("⟧".utf8) }
            for span in spans where span.lowerBound == offset {
                output += Array("⟦".utf8)
                if span.isEmpty { output += Array("⟧".utf8) }
            }
            if offset < bytes.count { output.append(bytes[offset]) }
        }
        return "\"" + MessageTemplate.visible(String(decoding: output, as: UTF8.self), limit: 400) + "\""
    }
}
