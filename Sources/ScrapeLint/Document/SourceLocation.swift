/// A 1-based line and column, the column counted in some `ColumnUnit`.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// What a column counts. Clang, ripgrep and Vim's `%c` count UTF-8 bytes; SARIF, LSP and VS Code
/// count UTF-16 code units; Emacs and Vim's `%v` count characters (code points).
public enum ColumnUnit: String, Sendable, CaseIterable {
    case byte
    case utf16
    case codepoint
}
