internal import ControlProtocol
internal import Dispatch
internal import EventStore
internal import Foundation
internal import Glibc
internal import Logging
internal import Synchronization

/// Serves the JSON-RPC control protocol on a Unix socket, and pushes committed changes to subscribers.
///
/// Everything runs on one serial queue: a Dispatch source for new clients, a ``SocketPoller`` for the
/// clients' sockets; no thread per client.
final class ControlServer: @unchecked Sendable {  // mutable state confined to `queue`
    struct Limits {
        /// A request line longer than this is refused and the connection closed.
        var maximumLineLength = 1 << 20
        /// A subscriber whose unsent output exceeds this is told it lagged and disconnected.
        var maximumSubscriberBacklog = 8 << 20
        /// A replaying subscriber is fed from the store while its unsent output is below this.
        var replayHighWater = 256 << 10
        /// Changes read from the store per replay page.
        var replayPage = 512
    }

    let queue = DispatchQueue(label: "tidings.control")
    let store: EventStore
    let methods: ControlMethods
    let policy: AccessPolicy
    let logger: Logger
    let limits: Limits
    private var listener: UnixSocketListener?
    private var acceptSource: (any DispatchSourceRead)?
    private var poller: SocketPoller?
    private var connections: [Int: ControlConnection] = [:]
    private var nextConnectionID = 1
    /// Connections with a subscription, for other queues (``hasSubscribers``).
    private let subscriberCount = Atomic<Int>(0)
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    init(store: EventStore, methods: ControlMethods, policy: AccessPolicy, logger: Logger, limits: Limits = Limits()) {
        self.store = store
        self.methods = methods
        self.policy = policy
        self.logger = logger
        self.limits = limits
    }

    /// Starts accepting clients on `listener`.
    func start(_ listener: UnixSocketListener) throws(SocketPoller.Failure) {
        let poller = try SocketPoller(queue: queue)
        queue.sync {
            self.poller = poller
            self.listener = listener
            let source = DispatchSource.makeReadSource(fileDescriptor: listener.fd, queue: queue)
            source.setEventHandler { [weak self] in self?.acceptClients() }
            source.resume()
            acceptSource = source
        }
    }

    /// Closes every connection and the socket, removing its file.
    func stop() {
        queue.sync {
            acceptSource?.cancel()
            acceptSource = nil
            for connection in Array(connections.values) { connection.close() }
            poller?.close()
            poller = nil
            listener?.close()
            listener = nil
        }
    }

    /// Whether a client is subscribed to changes (replaying or live). Read from any queue.
    var hasSubscribers: Bool { subscriberCount.load(ordering: .relaxed) > 0 }

    /// Pushes committed changes to live subscribers. Call after the commit.
    func publish(_ changes: [ChangeRecord]) {
        guard let last = changes.last?.seq else { return }
        queue.async { [self] in
            let subscribers = connections.values.filter { $0.subscription?.live == true }
            guard !subscribers.isEmpty else { return }
            let lines = changes.map { (seq: $0.seq, line: WireFormat.notificationLine($0, generation: store.generation)) }
            for connection in subscribers {
                guard var subscription = connection.subscription, subscription.cursor < last else { continue }
                for (seq, line) in lines where seq > subscription.cursor {
                    connection.enqueue(line)
                    subscription.cursor = seq
                }
                connection.subscription = subscription
                connection.flush()
                if connection.pendingOutput > limits.maximumSubscriberBacklog {
                    lagged(connection)
                }
            }
        }
    }

    // MARK: - On the queue

    private func acceptClients() {
        guard let listener, let poller else { return }
        while true {
            let fd = accept(listener.fd, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                if errno != EAGAIN && errno != EWOULDBLOCK {
                    logger.warning("cannot accept a client", metadata: ["control.error": "\(String(cString: strerror(errno)))"])
                }
                return
            }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            let connection = ControlConnection(
                id: nextConnectionID, fd: fd, poller: poller, maximumLineLength: limits.maximumLineLength)
            nextConnectionID += 1
            connection.onLine = { [unowned self] connection, line in handle(line, from: connection) }
            connection.onLineTooLong = { [unowned self] connection in
                logger.warning("request line too long; closing", metadata: ["control.client": "\(connection.id)"])
                replyAlways(
                    to: connection, id: nil,
                    error: RPCError(
                        code: RPCError.requestTooLargeCode,
                        message: "request line longer than \(limits.maximumLineLength) bytes; the connection is closed"))
                connection.closeAfterFlush()
            }
            connection.onDrained = { [unowned self] connection in replay(connection) }
            connection.onClose = { [unowned self] connection in
                connections[connection.id] = nil
                countSubscribers()
            }
            connections[connection.id] = connection
            connection.start()
        }
    }

    private func handle(_ line: [UInt8], from connection: ControlConnection) {
        let request: IncomingRequest
        switch IncomingRequest.decode(line) {
        case .failure(let failure):
            // JSON-RPC answers even an invalid request, with its id when it could be read.
            replyAlways(to: connection, id: failure.id, error: failure.error)
            return
        case .success(let decoded):
            request = decoded
        }
        guard let method = ControlMethod(rawValue: request.method) else {
            reply(to: connection, id: request.id, error: .methodNotFound(request.method))
            return
        }
        if method.isOperatorCommand && !policy.mayOperate(connection.peer) {
            logger.warning(
                "refused an operator command",
                metadata: [
                    "control.method": "\(method.rawValue)", "control.uid": "\(connection.peer.map { "\($0.uid)" } ?? "?")",
                    "control.pid": "\(connection.peer.map { "\($0.pid)" } ?? "?")",
                ])
            reply(
                to: connection, id: request.id,
                error: RPCError(code: RPCError.permissionDeniedCode, message: policy.refusal(method.rawValue, peer: connection.peer)))
            return
        }
        do {
            switch method {
            case .changesSubscribe:
                let params = try request.decodeParams(SubscribeParams.self) ?? SubscribeParams()
                let result = try subscribe(connection, params)
                countSubscribers()
                reply(to: connection, id: request.id, result: result)
                replay(connection)
            case .changesUnsubscribe:
                connection.subscription = nil
                countSubscribers()
                reply(to: connection, id: request.id, result: OKResult())
            default:
                let result = try methods.call(method, request)
                reply(to: connection, id: request.id, encoded: result)
            }
        } catch let error as RPCError {
            reply(to: connection, id: request.id, error: error)
        } catch {
            logger.error("request failed", metadata: ["control.method": "\(request.method)", "control.error": "\(error)"])
            if let damage = error as? EventStoreError, damage.code == .corrupt {
                // A damaged page, found by a read: the daemon turns degraded, and the restart asked for checks the file.
                methods.ingestor.storeIsDamaged(damage)
                reply(to: connection, id: request.id, error: .internalError("\(damage.message): \(Daemon.rebuildAdvice)"))
            } else {
                reply(to: connection, id: request.id, error: .internalError("\(error)"))
            }
        }
    }

    private func subscribe(_ connection: ControlConnection, _ params: SubscribeParams) throws -> SubscribeResult {
        let head = try store.headSeq()
        var since = params.since ?? head
        var resync = false
        if since < 0 {
            throw RPCError.invalidParams("'since' must be a seq of 0 or more")
        }
        if let generation = params.generation, generation != store.generation {
            resync = true
        } else if since > head {
            resync = true  // a cursor from a history this store no longer has
        }
        if resync { since = 0 }
        connection.subscription = .init(cursor: since, live: false)
        return SubscribeResult(generation: store.generation, seq: head, since: since, resync: resync)
    }

    /// Feeds a catching-up subscriber from the store while it keeps up; switches it to live changes
    /// once the log has nothing newer. Commit happens before publish, and both this and `publish` run
    /// on this queue, so a change is either read here or published after: never lost, never twice.
    private func replay(_ connection: ControlConnection) {
        while var subscription = connection.subscription, !subscription.live, !connection.isClosed {
            if connection.pendingOutput > limits.replayHighWater { return }  // resumes in onDrained
            let page: [ChangeRecord]
            do {
                page = try store.changes(after: subscription.cursor, limit: limits.replayPage)
            } catch {
                logger.error("cannot replay changes", metadata: ["control.error": "\(error)"])
                connection.closeAfterFlush()
                return
            }
            for change in page {
                connection.enqueue(WireFormat.notificationLine(change, generation: store.generation))
                subscription.cursor = change.seq
            }
            subscription.live = page.count < limits.replayPage
            connection.subscription = subscription
            connection.flush()
        }
    }

    private func lagged(_ connection: ControlConnection) {
        guard let cursor = connection.subscription?.cursor else { return }
        logger.warning(
            "subscriber too slow; disconnecting",
            metadata: ["control.client": "\(connection.id)", "control.cursor": "\(cursor)"])
        var params = JSONObjectWriter()
        params.field("seq", cursor)
        params.field("generation", store.generation)
        var notice = JSONObjectWriter()
        notice.field("jsonrpc", "2.0")
        notice.field("method", ControlNotification.lagged)
        notice.field("params", json: params.finished())
        let line = notice.finished()
        connection.subscription = nil
        countSubscribers()
        connection.enqueue(line)
        connection.closeAfterFlush()
    }

    private func countSubscribers() {
        subscriberCount.store(connections.values.count { $0.subscription != nil }, ordering: .relaxed)
    }

    private func reply<R: Encodable>(to connection: ControlConnection, id: RPCID?, result: R) {
        do {
            reply(to: connection, id: id, encoded: try encoder.encode(result))
        } catch {
            reply(to: connection, id: id, error: .internalError("cannot encode the result: \(error)"))
        }
    }

    /// Replies with an already-encoded result (requests without an id get no reply).
    private func reply(to connection: ControlConnection, id: RPCID?, encoded result: Data) {
        guard let id else { return }
        var line = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
        line += (try? encoder.encode(id)).map(Array.init) ?? Array("null".utf8)
        line += Array(#","result":"#.utf8)
        line += result
        line.append(UInt8(ascii: "}"))
        connection.send(line)
    }

    /// Replies to a request with an error; notifications (no id) get no reply, as JSON-RPC requires.
    private func reply(to connection: ControlConnection, id: RPCID?, error: RPCError) {
        guard id != nil else { return }
        replyAlways(to: connection, id: id, error: error)
    }

    /// Sends an error even without an id: for lines that could not be read as a request at all.
    private func replyAlways(to connection: ControlConnection, id: RPCID?, error: RPCError) {
        guard let data = try? encoder.encode(RPCErrorResponse(id: id, error: error)) else { return }
        connection.send(Array(data))
    }
}
