import Foundation

/// One line of a JSON Lines corpus, read but not yet parsed. The reader hands lines out under a
/// lock, one at a time; parsing them there made every worker wait for it (two jobs on a JSON Lines
/// corpus ran 9 % slower than on the same texts as files), so each worker parses its own.
public struct JSONRecord: Sendable, Equatable {
    /// The corpus as findings name it: its path, or `<stdin>`.
    let file: String
    /// The 1-based line of the record in the corpus.
    let line: Int
    let json: Data
    let textField: String
    let idField: String?

    /// The record's name before it is parsed, and for a record that cannot be: `FILE:LINE`.
    var lineName: String { "\(file):\(line)" }

    /// The record's text as a document named `FILE#ID` (or `FILE:LINE` without an id field), or
    /// why it is not one: not a JSON object, no text field, or a text field that is no string.
    func document() -> Result<Document, InputProblem> {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            return .failure(.unreadable(path: lineName, reason: "not a JSON object"))
        }
        guard let text = object[textField] as? String else {
            let reason = object[textField] == nil ? "no field '\(textField)'" : "field '\(textField)' is not a string"
            return .failure(.unreadable(path: lineName, reason: reason))
        }
        var name = lineName
        if let idField, let id = object[idField] { name = "\(file)#\(id)" }
        return .success(Document(path: name, bytes: Array(text.utf8)))
    }
}
