import PCRE2

/// The `pattern` kind: every match of a PCRE2 pattern (or of a list of phrases) is a finding.
/// The reported span is the whole match or one capturing group; a match whose span is matched
/// whole by one of the `exceptions` is skipped.
///
/// A class, though immutable: most rules are of this kind, and a rule hands its check to every
/// document; as a struct each hand-over retained and released each of its fields (a twentieth of
/// the time of a corpus of short records). A configuration's exceptions make a new check.
public final class PatternCheck: Sendable {
    /// The pattern, with its literals and `requires:` prefilter.
    let search: PatternSearch
    var regex: Regex { search.regex }
    /// 0 for the whole match.
    let group: Int
    let exceptions: Regex?
    let fix: FixAction?
    /// The `exceptions` as written, to add a configuration's own.
    let exceptionSources: [String]

    init(search: PatternSearch, group: Int, exceptions: Regex?, fix: FixAction?, exceptionSources: [String]) {
        self.search = search
        self.group = group
        self.exceptions = exceptions
        self.fix = fix
        self.exceptionSources = exceptionSources
    }

    func run(_ rule: Rule, on document: Document, with matcher: Matcher, into output: inout [Diagnostic],
             prefilter: Bool = true) throws {
        try document.bytes.withUnsafeBufferPointer { subject in
            try search.forEachMatch(in: document, subject: subject, with: matcher, prefiltered: prefilter) { match in
                guard let span = match.range(ofGroup: group) else { return }
                // The replacement is expanded from the match data, so before the exceptions are
                // matched over it (which left `$1` empty: a doubled word's fix deleted both copies).
                let edit = try fix?.edit(span: span, match: match.range, in: document) {
                    try matcher.expand(template: Self.template(of: fix), for: match, of: regex, in: subject)
                }
                if let exceptions, try matcher.matchesWhole(exceptions, in: subject, range: span) { return }
                output.append(rule.diagnostic(at: span, in: document, fix: edit))
            }
        }
    }

    private static func template(of fix: FixAction?) -> String {
        if case .replace(let template) = fix { return template }
        return ""
    }

    /// A pattern for a list of phrases: each phrase literal, its spaces matching any run of
    /// horizontal space, word boundaries where the phrase starts or ends with a word character.
    static func pattern(forPhrases phrases: [String], ignoreCase: Bool) -> String {
        let alternatives = phrases.map { phrase -> String in
            let words = phrase.split(whereSeparator: { $0 == " " }).map { literal(String($0)) }
            var body = words.joined(separator: "\\h+")
            if let first = phrase.unicodeScalars.first, isWordCharacter(first) { body = "\\b" + body }
            if let last = phrase.unicodeScalars.last, isWordCharacter(last) { body += "\\b" }
            return body
        }
        return (ignoreCase ? "(?i)" : "") + "(?:" + alternatives.joined(separator: "|") + ")"
    }

    /// `text` as a literal inside a pattern, `\E` inside it included.
    static func literal(_ text: String) -> String {
        "\\Q" + text.replacingOccurrences(of: "\\E", with: "\\E\\\\E\\Q") + "\\E"
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }
}
