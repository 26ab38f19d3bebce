/// Why the client could not talk to the daemon: a stable code and a message that says what to do.
///
/// Errors the daemon itself reports arrive as ``ControlProtocol/RPCError`` instead.
public struct ControlClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a value scripts and tests can match (new cases may be added).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable, Hashable {
            case noDaemon
            case permissionDenied
            case connectFailed
            case timedOut
            case disconnected
            case lagged
            case invalidReply
            case ioFailed
        }

        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// Nothing listens on the socket path (`ENOENT`, `ECONNREFUSED`).
        public static let noDaemon = Code(.noDaemon)
        /// The socket exists but this user may not connect to it (`EACCES`, `EPERM`).
        public static let permissionDenied = Code(.permissionDenied)
        /// Any other reason `socket`/`connect` failed (path too long, …).
        public static let connectFailed = Code(.connectFailed)
        /// No reply (or notification) arrived within the read timeout.
        public static let timedOut = Code(.timedOut)
        /// The daemon closed the connection.
        public static let disconnected = Code(.disconnected)
        /// The daemon dropped this subscriber for reading changes too slowly (`changes.lagged`); subscribe
        /// again from the last seq handled.
        public static let lagged = Code(.lagged)
        /// The daemon sent something that is not a JSON-RPC message of the expected shape.
        public static let invalidReply = Code(.invalidReply)
        /// A read or write on the socket failed.
        public static let ioFailed = Code(.ioFailed)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// The socket path this client was talking to.
    public var socketPath: String
    /// One line for people: what failed, where, and what to do about it.
    public var message: String

    public init(code: Code, socketPath: String, message: String) {
        self.code = code
        self.socketPath = socketPath
        self.message = message
    }

    public var description: String { message }
}
