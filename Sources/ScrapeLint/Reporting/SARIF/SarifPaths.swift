import Foundation

/// Artifact URIs as GitHub code scanning wants them: relative to the working folder, percent-
/// encoded, under the base id `%SRCROOT%` whose absolute `file://` URI the run records.
enum SarifPaths {
    static let baseID = "%SRCROOT%"

    /// `path` relative to `folder` (with `..` when outside it), percent-encoded as a URI path.
    static func relativeURI(_ path: String, from folder: String) -> String {
        let absolute = path.hasPrefix("/") ? path : folder + "/" + path
        let target = components(absolute), base = components(folder)
        var common = 0
        while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
        let relative = Array(repeating: "..", count: base.count - common) + target[common...]
        return relative.map(encode).joined(separator: "/")
    }

    /// `file://` URI of a folder, ending in `/` as SARIF requires.
    static func folderURI(_ folder: String) -> String {
        "file://" + (components(folder).map(encode).reduce("") { $0 + "/" + $1 }) + "/"
    }

    /// Path components with `.` and `..` resolved textually (no symlinks: the user's path is
    /// what the dashboard should show).
    private static func components(_ path: String) -> [String] {
        var result: [String] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", !result.isEmpty { result.removeLast() } else if part != ".." { result.append(String(part)) }
        }
        return result
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        set.insert(charactersIn: "-._~!$&'()*+,;=:@")
        return set
    }()

    private static func encode(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: allowed) ?? component
    }
}
