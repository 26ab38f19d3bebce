public import ControlProtocol
import Foundation

/// A blocking JSON-RPC 2.0 client for the daemon's control socket (one JSON object per line).
///
/// Requests are answered in order of their ids; notifications the daemon sends while a call waits for its
/// reply are kept and handed out, in order, by ``nextNotification(timeout:)``.
///
/// ```swift
/// let client = try ControlClient(socketPath: ControlSocketPath.resolve(environment: env))
/// let status = try client.call(.status, as: StatusResult.self)
/// _ = try client.subscribe(SubscribeParams(since: 0))
/// while let change = try client.nextNotification() { print(change.seq, change.kind) }
/// ```
///
/// One client belongs to one thread: it is deliberately not `Sendable`.
public final class ControlClient {
    /// A notification as it arrived, before its params are decoded.
    public struct Notification: Sendable {
        public var method: String
        public var params: JSONValue?
        /// The line it came in, to decode params exactly as sent.
        let line: [UInt8]

        /// Decodes the params into a message type (e.g. ``ControlProtocol/ChangeNotice``).
        public func decodeParams<Params: Codable & Sendable>(as type: Params.Type = Params.self) throws -> Params {
            try JSONDecoder().decode(RPCNotification<Params>.self, from: Data(line)).params
        }
    }

    /// The socket path this client is connected to.
    public let socketPath: String
    /// How long ``call(_:params:as:)`` waits for its reply; `nil` waits as long as it takes.
    public var timeout: Duration?

    private let socket: UnixSocket
    /// Replies are as long as the daemon makes them (a page of 10,000 events is about 5 MB); the limit only
    /// stops a runaway peer.
    private var lineBuffer = LineBuffer(maximumLineLength: 256 << 20)
    private var readyLines: [LineBuffer.Output] = []
    private var notifications: [Notification] = []
    private var nextID: Int64 = 1
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()

    /// Connects to the daemon.
    ///
    /// - Parameter timeout: how long each call waits for its reply (default 30 s); `nil` waits forever.
    /// - Throws: ``ControlClientError`` with ``ControlClientError/Code/noDaemon`` when nothing listens there,
    ///   ``ControlClientError/Code/permissionDenied`` when this user may not connect.
    public init(socketPath: String, timeout: Duration? = .seconds(30)) throws(ControlClientError) {
        self.socketPath = socketPath
        self.timeout = timeout
        self.socket = try UnixSocket(connectingTo: socketPath)
        encoder.outputFormatting = [.withoutEscapingSlashes]
    }

    /// Closes the connection; the daemon drops this client's subscription.
    public func close() {
        socket.close()
    }

    // MARK: Calls

    /// Sends one request and waits for its reply.
    ///
    /// - Throws: ``ControlProtocol/RPCError`` when the daemon answers with an error,
    ///   ``ControlClientError`` when the reply does not come (timeout, closed connection) or cannot be read.
    public func call<Params: Encodable & Sendable, Result: Codable & Sendable>(
        _ method: ControlMethod, params: Params?, as type: Result.Type = Result.self
    ) throws -> Result {
        let line = try exchange(method, params: params).line
        do {
            return try decoder.decode(RPCResponse<Result>.self, from: Data(line)).result
        } catch {
            throw invalidReply("the reply to '\(method.rawValue)' is not a \(Result.self): \(error)")
        }
    }

    /// Sends a request without params and waits for its reply.
    public func call<Result: Codable & Sendable>(_ method: ControlMethod, as type: Result.Type = Result.self) throws
        -> Result
    {
        try call(method, params: NoParams?.none, as: type)
    }

    /// Sends one request and returns its result as JSON text with sorted keys, as
    /// ``ControlProtocol/JSONReformatter`` writes it: for printing, without building the result's tree.
    public func callJSONText<Params: Encodable & Sendable>(
        _ method: ControlMethod, params: Params?, pretty: Bool
    ) throws -> [UInt8] {
        try exchange(method, params: params, reformattingResult: pretty).result ?? Array("null".utf8)
    }

    /// Sends a request without params and returns its result as JSON text (see ``callJSONText(_:params:pretty:)``).
    public func callJSONText(_ method: ControlMethod, pretty: Bool) throws -> [UInt8] {
        try callJSONText(method, params: NoParams?.none, pretty: pretty)
    }

    /// Starts the change feed: `changes.subscribe`, after which ``nextNotification(timeout:)`` yields the
    /// replayed changes and then live ones.
    public func subscribe(_ params: SubscribeParams) throws -> SubscribeResult {
        try call(.changesSubscribe, params: params, as: SubscribeResult.self)
    }

    // MARK: Notifications

    /// The next `changes.notify` notification: a buffered one first, else the next to arrive.
    ///
    /// Notifications with other methods are skipped.
    /// - Parameter timeout: how long to wait; `nil` waits as long as it takes.
    /// - Returns: the change, or `nil` when nothing arrived within `timeout`.
    /// - Throws: ``ControlClientError/Code/disconnected`` when the daemon goes away, an ``RPCError`` the daemon
    ///   sends unprompted (e.g. shutting down).
    public func nextNotification(timeout: Duration? = nil) throws -> ChangeNotice? {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while let notification = try nextRawNotification(deadline: deadline) {
            guard notification.method == ControlNotification.change else { continue }
            do {
                return try notification.decodeParams(as: ChangeNotice.self)
            } catch {
                throw invalidReply("a \(ControlNotification.change) notification has unexpected params: \(error)")
            }
        }
        return nil
    }

    /// The next notification of any method, params undecoded; `nil` when nothing arrived within `timeout`.
    ///
    /// Like ``nextNotification(timeout:)``, throws ``ControlClientError/Code/lagged`` instead of returning the
    /// daemon's `changes.lagged` notice, since the daemon closes the connection right after it.
    public func nextRawNotification(timeout: Duration? = nil) throws -> Notification? {
        try nextRawNotification(deadline: timeout.map { ContinuousClock.now + $0 })
    }

    /// Sent by the daemon, then the connection closed, when a subscriber's unread output grew too large.
    static let laggedNotification = ControlNotification.lagged

    /// How many notifications arrived and have not been handed out yet.
    public var bufferedNotificationCount: Int { notifications.count }

    private func nextRawNotification(deadline: ContinuousClock.Instant?) throws -> Notification? {
        while notifications.isEmpty {
            let line: [UInt8]
            do {
                line = try readLine(deadline: deadline)
            } catch where error.code == .timedOut {
                return nil
            }
            // Replies to calls that timed out earlier may still come; only id-less errors concern the feed.
            if let reply = try route(line), reply.id == nil, let error = reply.error { throw error }
        }
        let notification = notifications.removeFirst()
        if notification.method == Self.laggedNotification { throw lagged(notification.params) }
        return notification
    }

    private func lagged(_ params: JSONValue?) -> ControlClientError {
        let seq = params?["seq"]?.intValue.map(String.init) ?? "?"
        let generation = params?["generation"]?.stringValue ?? "?"
        return ControlClientError(
            code: .lagged, socketPath: socketPath,
            message: "the daemon at \(socketPath) dropped this subscriber for reading changes too slowly; "
                + "the last change sent was seq \(seq) (generation \(generation)): subscribe again from there"
        )
    }

    // MARK: Wire

    private struct NoParams: Encodable, Sendable {}

    /// Writes one request and reads until its reply, buffering notifications; returns the reply's line and what
    /// it says, with its `result` as reformatted text instead when `reformattingResult` says how (pretty or not).
    private func exchange<Params: Encodable & Sendable>(
        _ method: ControlMethod, params: Params?, reformattingResult: Bool? = nil
    ) throws -> (line: [UInt8], message: JSONValue, result: [UInt8]?) {
        let id = RPCID.number(nextID)
        nextID += 1
        var request = try encoder.encode(RPCRequest(id: id, method: method.rawValue, params: params))
        request.append(UInt8(ascii: "\n"))
        let deadline = timeout.map { ContinuousClock.now + $0 }
        try socket.write(Array(request), deadline: deadline)

        while true {
            let line = try readLine(deadline: deadline)
            guard let reply = try route(line, reformattingResult: reformattingResult) else { continue }
            if reply.id == id {
                if let error = reply.error { throw error }
                return (line, reply.message, reply.result)
            }
            // An error the daemon could not tie to a request (parse error, line too long) answers this one.
            if reply.id == nil, let error = reply.error { throw error }
            // Otherwise a late reply to an earlier call that timed out: drop it.
        }
    }

    /// Buffers a notification, or returns a reply for the caller to match.
    private func route(_ line: [UInt8], reformattingResult pretty: Bool? = nil) throws
        -> (id: RPCID?, error: RPCError?, message: JSONValue, result: [UInt8]?)?
    {
        let notJSONRPC = { self.invalidReply("the daemon sent a line that is not JSON-RPC: \(String(decoding: line.prefix(200), as: UTF8.self))") }
        guard let (message, result) = try? Self.parse(line, reformattingResult: pretty),
            case .object(let members) = message
        else {
            throw notJSONRPC()
        }
        if let method = members["method"]?.stringValue {
            // Requests from the daemon are not part of the protocol; only notifications are kept.
            if members["id"] ?? .null == .null {
                notifications.append(Notification(method: method, params: members["params"], line: line))
            }
            return nil
        }
        var error: RPCError?
        if let object = members["error"], object != .null {
            guard let code = object["code"]?.intValue, let text = object["message"]?.stringValue else { throw notJSONRPC() }
            error = RPCError(code: Int(code), message: text, data: object["data"])
        }
        let id: RPCID? =
            switch members["id"] {
            case .int(let number): .number(number)
            case .string(let text): .string(text)
            default: nil
            }
        return (id, error, message, result)
    }

    private static func parse(_ line: [UInt8], reformattingResult pretty: Bool?) throws(JSONParseError)
        -> (message: JSONValue, result: [UInt8]?)
    {
        guard let pretty else { return (try JSONValue(parsing: line), nil) }
        let (message, result) = try JSONValue.parsing(line, reformatting: "result", pretty: pretty)
        return (message, result)
    }

    private func readLine(deadline: ContinuousClock.Instant?) throws(ControlClientError) -> [UInt8] {
        while readyLines.isEmpty {
            let bytes = try socket.read(deadline: deadline)
            if bytes.isEmpty {
                socket.close()
                throw socket.disconnectedError()
            }
            readyLines = lineBuffer.append(bytes)
        }
        switch readyLines.removeFirst() {
        case .line(let line):
            return line
        case .tooLong:
            throw invalidReply("the daemon sent a line longer than \(lineBuffer.maximumLineLength) bytes")
        }
    }

    private func invalidReply(_ detail: String) -> ControlClientError {
        ControlClientError(code: .invalidReply, socketPath: socketPath, message: "\(detail) (from \(socketPath))")
    }
}
