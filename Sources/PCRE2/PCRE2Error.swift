import CPCRE2

/// What can go wrong when compiling or running a pattern.
public enum PCRE2Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pattern does not compile; `offset` is the byte offset in the pattern where PCRE2 stopped.
    case compile(message: String, offset: Int)
    /// A resource limit stopped the match: the pattern backtracks too much on this subject.
    case limitExceeded(LimitKind, message: String)
    /// Any other negative return code of `pcre2_match` or `pcre2_substitute`.
    case match(code: Int32, message: String)

    /// The limit that stopped a match.
    public enum LimitKind: String, Sendable {
        case match = "match limit"
        case depth = "depth limit"
        case heap = "heap limit"
        case jitStack = "JIT stack limit"
    }

    public var description: String {
        switch self {
        case let .compile(message, offset): "\(message) at offset \(offset)"
        case let .limitExceeded(_, message): message
        case let .match(_, message): message
        }
    }

    /// Turns a negative PCRE2 return code into an error value.
    static func fromMatchCode(_ code: Int32) -> PCRE2Error {
        let message = errorMessage(for: code)
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: return .limitExceeded(.match, message: message)
        case PCRE2_ERROR_DEPTHLIMIT: return .limitExceeded(.depth, message: message)
        case PCRE2_ERROR_HEAPLIMIT: return .limitExceeded(.heap, message: message)
        case PCRE2_ERROR_JIT_STACKLIMIT: return .limitExceeded(.jitStack, message: message)
        default: return .match(code: code, message: message)
        }
    }

    /// PCRE2's own text for an error code.
    static func errorMessage(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
