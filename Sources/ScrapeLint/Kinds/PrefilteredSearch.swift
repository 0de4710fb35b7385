import PCRE2

extension Matcher {
    /// Every match of `regex` in `document`, in order, searching only the lines where `requires`
    /// matches when it is given. `requires` is a fast pattern (one that starts with a literal)
    /// that matches on every line where `regex` can; `regex`, which may lead with a class or a
    /// lookbehind that PCRE2 must try at every byte, then runs on those lines only, each searched
    /// once: a match may start anywhere up to the line's end and look past it, as in a search of
    /// the whole text (`regex` must be compiled with `.offsetLimit`). The last line is searched
    /// whether `requires` matches there or not.
    func forEachMatch(of regex: Regex, requiring requires: Regex?, in document: Document,
                      subject: UnsafeBufferPointer<UInt8>, _ body: (Match) throws -> Void) throws {
        guard let requires else {
            try forEachMatch(of: regex, in: subject) { match in
                try body(match)
                return true
            }
            return
        }
        var lines: [Int] = []
        try forEachMatch(of: requires, in: subject) { hit in
            let line = document.lines.lineIndex(of: hit.range.lowerBound)
            if line != lines.last { lines.append(line) }
            return true
        }
        // The last line is always searched: a pattern anchored at the end of the text (`\h++$`
        // on a last line without a line break) has no literal there for a prefilter to find.
        let last = document.lines.count - 1  // a text has at least one line, maybe empty
        if lines.last != last { lines.append(last) }
        for line in lines {
            let content = document.lines.contentRange(ofLine: line, in: document.bytes)
            try forEachMatch(of: regex, in: subject, range: content.lowerBound..<subject.count, startLimit: content.upperBound) { match in
                try body(match)
                return true
            }
        }
    }
}
