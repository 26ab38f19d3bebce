internal import ControlProtocol
internal import Glibc

/// One client on the control socket: non-blocking reads split into lines, a bounded outbox, and
/// the client's change subscription. Lives on the server's queue; told of readiness by the server's ``SocketPoller``.
final class ControlConnection: @unchecked Sendable {  // confined to the server's queue
    /// Where a subscriber is in the change log.
    struct Subscription {
        /// The last seq sent (or queued) to this client.
        var cursor: Int64
        /// False while replaying from the store; true once caught up and fed live changes.
        var live: Bool
    }

    let id: Int
    let fd: Int32
    /// Who connected, from the kernel.
    let peer: PeerCredentials?
    private let poller: SocketPoller
    private var isReading = true
    private var isWaitingToWrite = false
    private var lines: LineBuffer
    private var outbox: [UInt8] = []
    private var outboxStart = 0
    private var closeWhenFlushed = false
    private(set) var isClosed = false

    var subscription: Subscription?
    /// Called for each complete line received.
    var onLine: (ControlConnection, [UInt8]) -> Void = { _, _ in }
    /// Called when a line exceeded the limit; the connection closes after the reply is flushed.
    var onLineTooLong: (ControlConnection) -> Void = { _ in }
    /// Called when the outbox drained after the socket had pushed back (a replaying subscriber can take more).
    var onDrained: (ControlConnection) -> Void = { _ in }
    /// Called once when the connection is closed.
    var onClose: (ControlConnection) -> Void = { _ in }

    init(id: Int, fd: Int32, poller: SocketPoller, maximumLineLength: Int) {
        self.id = id
        self.fd = fd
        self.peer = PeerCredentials.of(fd)
        self.poller = poller
        self.lines = LineBuffer(maximumLineLength: maximumLineLength)
    }

    /// Bytes queued but not yet written.
    var pendingOutput: Int { outbox.count - outboxStart }

    func start() {
        poller.add(fd, reading: true, writing: false) { [unowned self] readiness in ready(readiness) }
    }

    private func ready(_ readiness: SocketPoller.Readiness) {
        if isReading, !readiness.isDisjoint(with: [.readable, .hungUp]) { readAvailable() }
        if readiness.contains(.writable) { flush() }
        // The client closed its socket (not just its sending side): nothing can reach it any more.
        if readiness.contains(.hungUp) { close() }
    }

    /// Queues one line (a `\n` is added) and writes what the socket takes now.
    func send(_ line: [UInt8]) {
        enqueue(line)
        flush()
    }

    /// Queues one line without writing yet; call ``flush()`` after a run of lines.
    func enqueue(_ line: [UInt8]) {
        guard !isClosed, !closeWhenFlushed else { return }
        outbox.append(contentsOf: line)
        outbox.append(UInt8(ascii: "\n"))
    }

    /// Sends what is queued, then closes.
    func closeAfterFlush() {
        closeWhenFlushed = true
        stopReading()
        flush()
    }

    private func stopReading() {
        guard isReading, !isClosed else { return }
        isReading = false
        poller.update(fd, reading: false, writing: isWaitingToWrite)
    }

    private func waitToWrite(_ waiting: Bool) {
        guard waiting != isWaitingToWrite, !isClosed else { return }
        isWaitingToWrite = waiting
        poller.update(fd, reading: isReading, writing: waiting)
    }

    /// Stops watching the socket and closes it.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        poller.remove(fd)
        _ = Glibc.close(fd)
        outbox = []
        onClose(self)
    }

    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isClosed, !closeWhenFlushed {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                for output in lines.append(buffer[0..<count]) {
                    switch output {
                    case .line(let line):
                        if !line.isEmpty { onLine(self, line) }
                    case .tooLong:
                        onLineTooLong(self)
                        return
                    }
                    if isClosed || closeWhenFlushed { return }
                }
            } else if count == 0 {
                // The client is done sending. A subscriber that only shut down its sending side
                // (`echo … | socat`) still reads its changes (one that hung up altogether comes with `hungUp`,
                // and ``ready(_:)`` closes it now, not at the next change); anyone else gets what is queued,
                // then the connection closes.
                if subscription == nil {
                    closeAfterFlush()
                } else {
                    stopReading()
                }
                return
            } else {
                if errno == EINTR { continue }
                if errno != EAGAIN && errno != EWOULDBLOCK { close() }
                return
            }
        }
    }

    /// Writes what the socket takes now; the rest goes when it becomes writable.
    func flush() {
        while !isClosed, outboxStart < outbox.count {
            let written = outbox[outboxStart...].withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                outboxStart += written
            } else if written < 0, errno == EINTR {
                continue
            } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                waitToWrite(true)
                return
            } else {
                close()  // the client went away
                return
            }
        }
        guard !isClosed else { return }
        outbox.removeAll(keepingCapacity: outbox.count <= 64 * 1024)
        outboxStart = 0
        let wasBlocked = isWaitingToWrite
        waitToWrite(false)
        if closeWhenFlushed {
            close()
        } else if wasBlocked {
            onDrained(self)
        }
    }
}
