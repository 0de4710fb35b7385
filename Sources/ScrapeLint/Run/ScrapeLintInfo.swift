/// What the tool says about itself in `--version`, JSON and SARIF.
public enum ScrapeLintInfo {
    public static let name = "scrapelint"
    public static let version = "0.1.0"
    /// The project has no public home yet; `.invalid` is reserved for exactly that (RFC 2606).
    public static let informationURI = "https://example.invalid/scrapelint"
}
