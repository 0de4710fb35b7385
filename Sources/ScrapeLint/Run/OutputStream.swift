import Glibc


/// Writes text to a file descriptor as it comes, so output streams while a long run goes on.
public struct OutputStream: Sendable {
    public let descriptor: Int32

    public static let standardOutput = OutputStream(descriptor: 1)
    public static let standardError = OutputStream(descriptor: 2)

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func write(_ text: String) {
        guard !text.isEmpty else { return }
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Whether the descriptor is a terminal (colour and excerpts are for people, not pipes).
    public var isTerminal: Bool { isatty(descriptor) == 1 }
}
