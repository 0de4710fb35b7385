import CPCRE2

/// Runs compiled patterns over UTF-8 byte buffers. Owns PCRE2 match data, a match context with
/// resource limits and a JIT stack, so it is per thread: never share one between threads.
public final class Matcher {
    /// Limits that turn a catastrophic pattern into an error instead of a hang.
    public struct Limits: Sendable {
        /// `pcre2_set_match_limit`: calls of the internal match function (JIT counts similarly),
        /// at least; on a longer subject the limit is `matchPerByte` times its length, so a
        /// linear scan of a long line (a flattened text) never hits it and only a pattern that
        /// backtracks out of proportion does.
        public var match: UInt32
        public var matchPerByte: UInt32 = 10
        /// `pcre2_set_depth_limit`: backtracking depth of the interpreter.
        public var depth: UInt32
        /// Largest JIT stack in bytes.
        public var jitStack: Int

        public init(match: UInt32 = 1_000_000, depth: UInt32 = 10_000, jitStack: Int = 1 << 20) {
            self.match = match
            self.depth = depth
            self.jitStack = jitStack
        }
    }

    private let context: OpaquePointer
    private let limits: Limits
    private var currentMatchLimit: UInt32
    private let jitStack: OpaquePointer?
    private var matchData: OpaquePointer
    private var matchDataPairs: Int
    /// Where the most recent match attempt started: after an error, the place that caused it.
    public private(set) var lastAttemptOffset = 0
    /// Counts `pcre2_match` calls: the match data holds the result of the last one only.
    private var calls = 0

    public init(limits: Limits = Limits()) {
        context = pcre2_match_context_create_8(nil)
        self.limits = limits
        currentMatchLimit = limits.match
        pcre2_set_match_limit_8(context, limits.match)
        pcre2_set_depth_limit_8(context, limits.depth)
        // The 32 KiB default JIT stack is too small for long lines of prose.
        jitStack = pcre2_jit_stack_create_8(64 << 10, max(64 << 10, limits.jitStack), nil)
        pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack))
        matchDataPairs = 16
        matchData = pcre2_match_data_create_8(UInt32(matchDataPairs), nil)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
    }

    /// Calls `body` for every match of `regex` in `subject[range]`, empty matches included, in the
    /// order pcre2demo finds them. Text before `range` is visible to lookbehind.
    /// `body` returns false to stop early.
    ///
    /// After an empty match pcre2demo retries at the same place with `PCRE2_NOTEMPTY_ATSTART |
    /// PCRE2_ANCHORED`, then advances one character. The JIT cannot anchor at match time, so that
    /// retry would run on the interpreter, once per empty match (a lookahead-only token pattern
    /// makes one per word). This retries with `PCRE2_NOTEMPTY_ATSTART` alone, which finds the
    /// same next match on the JIT: a non-empty one at the same place, else the first one after
    /// it. As pcre2demo does, a retry never lands between the CR and LF of a CRLF.
    ///
    /// With `startLimit`, only matches that start at or before it are found, while the text after
    /// it stays visible to the pattern (`pcre2_set_offset_limit`; the regex must be compiled with
    /// `.offsetLimit`): a search confined to one line that still sees the next.
    public func forEachMatch(
        of regex: Regex, in subject: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil,
        startLimit: Int? = nil, _ body: (Match) throws -> Bool
    ) throws {
        let range = range ?? 0..<subject.count
        ensureCapacity(for: regex)
        scaleMatchLimit(to: range.count)

        var start = range.lowerBound
        var afterEmptyMatch = false
        while start <= range.upperBound {
            lastAttemptOffset = start
            // The limit holds for this call only: `body` may run other patterns on this matcher.
            if let startLimit { pcre2_set_offset_limit_8(context, startLimit) }
            calls += 1
            let rc = pcre2_match_8(
                regex.code, subject.baseAddress, range.upperBound, start,
                afterEmptyMatch ? UInt32(PCRE2_NOTEMPTY_ATSTART) : 0, matchData, context)
            // PCRE2_UNSET (all bits set) turns the limit off again.
            if startLimit != nil { pcre2_set_offset_limit_8(context, Int(bitPattern: UInt.max)) }
            if rc == PCRE2_ERROR_NOMATCH { return }
            if rc < 0 { throw PCRE2Error.fromMatchCode(rc) }
            let match = currentMatch(groupCount: regex.captureCount)
            if afterEmptyMatch, match.range.lowerBound == start + 1, start + 1 < range.upperBound,
               subject[start] == 0x0D, subject[start + 1] == 0x0A {
                // Inside a CRLF: pcre2demo steps over the whole line break.
                start += 2
                afterEmptyMatch = false
                continue
            }
            guard try body(match) else { return }
            let end = match.range.upperBound
            // A \K in a lookahead can end a match before its start; stop rather than loop.
            if end < start { return }
            afterEmptyMatch = match.range.isEmpty
            start = end
        }
    }

    /// The first match of `regex` in `subject[range]`, or nil.
    public func firstMatch(
        of regex: Regex, in subject: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil
    ) throws -> Match? {
        var found: Match?
        try forEachMatch(of: regex, in: subject, range: range) { match in
            found = match
            return false
        }
        return found
    }

    /// Whether `regex` matches all of `subject[range]` (anchored at both ends). Fastest with a
    /// regex compiled `[.anchored, .endAnchored]`, which runs on the JIT.
    public func matchesWhole(
        _ regex: Regex, in subject: UnsafeBufferPointer<UInt8>, range: Range<Int>
    ) throws -> Bool {
        ensureCapacity(for: regex)
        scaleMatchLimit(to: range.count)
        lastAttemptOffset = range.lowerBound
        let options = regex.matchesWholeRangesOnly ? 0 : UInt32(PCRE2_ANCHORED | PCRE2_ENDANCHORED)
        calls += 1
        let rc = pcre2_match_8(
            regex.code, subject.baseAddress, range.upperBound, range.lowerBound,
            options, matchData, context)
        if rc == PCRE2_ERROR_NOMATCH { return false }
        if rc < 0 { throw PCRE2Error.fromMatchCode(rc) }
        return true
    }

    /// Expands a PCRE2 replacement template (`$1`, `${name}`, `$$`) for `match`, a match of `regex`
    /// in `subject` found by this matcher, using `pcre2_substitute` without matching again. It
    /// reads the match data, which only the latest match call fills: call it before matching
    /// anything else (an exceptions check in between left `$1` empty, and the fix of a doubled
    /// word deleted both copies); a later call is an error, not a wrong replacement.
    public func expand(
        template: String, for match: Match, of regex: Regex, in subject: UnsafeBufferPointer<UInt8>
    ) throws -> [UInt8] {
        guard match.call == calls else {
            throw PCRE2Error.match(code: PCRE2_ERROR_NOMATCH, message: "a replacement was expanded after another match")
        }
        let options = UInt32(
            PCRE2_SUBSTITUTE_MATCHED | PCRE2_SUBSTITUTE_REPLACEMENT_ONLY
                | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | PCRE2_SUBSTITUTE_EXTENDED)
        let templateBytes = Array(template.utf8)
        var output = [UInt8](repeating: 0, count: max(64, templateBytes.count * 2))
        for _ in 0..<2 {
            var length = output.count
            let rc = output.withUnsafeMutableBufferPointer { out in
                pcre2_substitute_8(
                    regex.code, subject.baseAddress, subject.count, match.range.lowerBound,
                    options, matchData, context, templateBytes, templateBytes.count,
                    out.baseAddress, &length)
            }
            if rc == PCRE2_ERROR_NOMEMORY {
                output = [UInt8](repeating: 0, count: length + 1)
                continue
            }
            if rc < 0 { throw PCRE2Error.fromMatchCode(rc) }
            return Array(output[0..<length])
        }
        throw PCRE2Error.match(code: PCRE2_ERROR_NOMEMORY, message: "replacement too long")
    }

    private func scaleMatchLimit(to length: Int) {
        let limit = max(limits.match, UInt32(clamping: length.multipliedReportingOverflow(by: Int(limits.matchPerByte)).partialValue))
        guard limit != currentMatchLimit else { return }
        pcre2_set_match_limit_8(context, limit)
        currentMatchLimit = limit
    }

    private func ensureCapacity(for regex: Regex) {
        let needed = regex.captureCount + 1
        guard needed > matchDataPairs else { return }
        pcre2_match_data_free_8(matchData)
        matchDataPairs = needed
        matchData = pcre2_match_data_create_8(UInt32(needed), nil)
    }

    private func currentMatch(groupCount: Int) -> Match {
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let pairs = min(groupCount + 1, matchDataPairs)
        let whole = ovector[0]..<max(ovector[0], ovector[1])
        return Match(range: whole, groupCount: pairs - 1, call: calls) { group in
            let start = ovector[2 * group], end = ovector[2 * group + 1]
            // PCRE2_UNSET is ~0, which reads as a huge value (or -1 when signed).
            return start >= 0 && start <= end ? start..<end : nil
        }
    }
}
