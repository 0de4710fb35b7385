// The only Swift source of the DefaultRules target. The target's folder is Rules/ so that SwiftPM
// notices added and deleted rule files; the EmbedRules plugin generates `DefaultRules.files`.

/// The default rule files, carried inside the binary.
public enum DefaultRules {}

/// One rule file as it is in `Rules/`.
public struct EmbeddedRuleFile: Sendable {
    /// Path relative to `Rules/`, e.g. `boilerplate/boilerplate-comment-prompt.yml`.
    public let path: String
    /// The file's text.
    public let contents: String
}
