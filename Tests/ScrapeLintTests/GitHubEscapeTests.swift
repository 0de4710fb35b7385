import Foundation
import Testing
@testable import ScrapeLint

/// GitHub's workflow-command escapes, made in one pass, are the runner's (`escapeData` and
/// `escapeProperty`): the same strings as Foundation's replacements in the runner's order.
@Suite struct GitHubEscapeTests {
    private func runnerMessage(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func runnerProperty(_ text: String) -> String {
        runnerMessage(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    @Test func escapesAsTheRunnerDoes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["%", "\r", "\n", "\r\n", ":", ",", "a", " ", "%25", "東京", "é", "😀", "::", "=", "\u{2028}"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(GitHubReporter.escapeMessage(text) == runnerMessage(text))
            #expect(GitHubReporter.escapeProperty(text) == runnerProperty(text))
        }
        #expect(GitHubReporter.escapeProperty("a,b:c 100%\r\n") == "a%2Cb%3Ac 100%25%0D%0A")
    }
}
