/// The version `--version` prints.
enum ScrapeLintVersion {
    static let current = "0.1.0"
}
