import CPCRE2

/// A compiled PCRE2 pattern: immutable after compilation and safe to share between threads.
///
/// Every pattern is compiled in UTF mode with Unicode properties (`PCRE2_UTF | PCRE2_UCP`) and
/// `PCRE2_MATCH_INVALID_UTF`, so a subject that is not valid UTF-8 never crashes a match: invalid
/// bytes simply match nothing. Lines end at LF or CRLF for `^`, `$` and `.` (`PCRE2_NEWLINE_ANYCRLF`).
/// The JIT is used whenever the library was built with it.
public final class Regex: @unchecked Sendable {
    /// The pattern source as given.
    public let pattern: String
    /// The options given at compilation, beyond the fixed UTF/UCP set.
    public let options: Options
    /// Number of capturing groups in the pattern.
    public let captureCount: Int
    /// Whether the pattern runs as JIT machine code.
    public let isJITCompiled: Bool
    /// Compiled with `.anchored` and `.endAnchored`: it matches whole ranges only, and does so
    /// on the JIT (match-time anchoring would fall back to the interpreter).
    public let matchesWholeRangesOnly: Bool

    // Read-only after init; PCRE2 documents compiled code as shareable between threads.
    let code: OpaquePointer

    /// Compiles `pattern` with the given extra options.
    /// - Throws: `PCRE2Error.compile` with PCRE2's message and the byte offset in the pattern.
    public init(_ pattern: String, options: Options = []) throws(PCRE2Error) {
        self.pattern = pattern
        self.options = options
        matchesWholeRangesOnly = options.isSuperset(of: [.anchored, .endAnchored])
        let context = pcre2_compile_context_create_8(nil)
        defer { pcre2_compile_context_free_8(context) }
        pcre2_set_newline_8(context, UInt32(PCRE2_NEWLINE_ANYCRLF))

        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let flags = UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF) | options.rawValue
        let compiled: OpaquePointer? = pattern.utf8.withContiguousStorageIfAvailable { bytes in
            pcre2_compile_8(bytes.baseAddress, bytes.count, flags, &errorCode, &errorOffset, context)
        } ?? Array(pattern.utf8).withUnsafeBufferPointer { bytes in
            pcre2_compile_8(bytes.baseAddress, bytes.count, flags, &errorCode, &errorOffset, context)
        }
        guard let compiled else {
            throw .compile(message: PCRE2Error.errorMessage(for: errorCode), offset: errorOffset)
        }
        code = compiled

        var groups: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &groups)
        captureCount = Int(groups)
        // A JIT failure (memory, an unsupported construct) is not an error: the interpreter runs it.
        isJITCompiled = Regex.jitAvailable
            && pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit { pcre2_code_free_8(code) }

    /// The number of the capturing group called `name`, or nil when the pattern has no such group.
    public func groupNumber(named name: String) -> Int? {
        let number = pcre2_substring_number_from_name_8(code, name)
        return number > 0 ? Int(number) : nil
    }

    /// Whether a match must start with one known code unit (a letter's two cases count as one,
    /// under `(?i)`) or at the start of a line. PCRE2 then finds where to try with a vector
    /// search or by looking for line breaks; otherwise it tries byte by byte.
    public var hasKnownStart: Bool {
        var type: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type)
        return type == 1 || type == 2
    }

    /// Whether this PCRE2 library was built with JIT support (`PCRE2_CONFIG_JIT`).
    public static let jitAvailable: Bool = {
        var available: UInt32 = 0
        pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), &available)
        return available == 1
    }()

    /// Compile options a caller may add to the fixed UTF/UCP set.
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        public static let caseless = Options(rawValue: UInt32(PCRE2_CASELESS))
        public static let multiline = Options(rawValue: UInt32(PCRE2_MULTILINE))
        public static let anchored = Options(rawValue: UInt32(PCRE2_ANCHORED))
        public static let endAnchored = Options(rawValue: UInt32(PCRE2_ENDANCHORED))
        /// Allows `Matcher.forEachMatch(startLimit:)` (`PCRE2_USE_OFFSET_LIMIT`).
        public static let offsetLimit = Options(rawValue: UInt32(PCRE2_USE_OFFSET_LIMIT))
    }
}
