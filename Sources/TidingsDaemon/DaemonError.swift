/// Why the daemon could not start or finish; the message says what to do.
public struct DaemonError: Error, Sendable, CustomStringConvertible {
    public var message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
