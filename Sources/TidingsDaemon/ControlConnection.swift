internal import ControlProtocol
internal import Dispatch
internal import Glibc

/// One client on the control socket: non-blocking reads split into lines, a bounded outbox, and
/// the client's change subscription. Lives on the server's queue.
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
    private let queue: DispatchQueue
    private var readSource: (any DispatchSourceRead)?
    private var writeSource: (any DispatchSourceWrite)?
    private var writeSourceRunning = false
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

    init(id: Int, fd: Int32, queue: DispatchQueue, maximumLineLength: Int) {
        self.id = id
        self.fd = fd
        self.peer = PeerCredentials.of(fd)
        self.queue = queue
        self.lines = LineBuffer(maximumLineLength: maximumLineLength)
    }

    /// Bytes queued but not yet written.
    var pendingOutput: Int { outbox.count - outboxStart }

    func start() {
        // The descriptor is closed only once both sources are cancelled: closing it earlier lets the next
        // accept() reuse the number while Dispatch still unregisters the old sources, which then silences
        // the new connection.
        let sourcesDone = DispatchGroup()
        let read = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        read.setEventHandler { [weak self] in self?.readAvailable() }
        let write = DispatchSource.makeWriteSource(fileDescriptor: fd, queue: queue)
        write.setEventHandler { [weak self] in self?.flush() }
        for source in [read, write] as [any DispatchSourceProtocol] {
            sourcesDone.enter()
            source.setCancelHandler { sourcesDone.leave() }
        }
        sourcesDone.notify(queue: queue) { [fd] in _ = Glibc.close(fd) }
        read.resume()
        readSource = read
        writeSource = write  // resumed only while there is something to write
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
        readSource?.cancel()
        readSource = nil
    }

    /// Stops both sources; the descriptor is closed when they are done (see ``start()``).
    func close() {
        guard !isClosed else { return }
        isClosed = true
        readSource?.cancel()
        readSource = nil
        if let writeSource {
            // A suspended source must be resumed before it is released.
            if !writeSourceRunning { writeSource.resume() }
            writeSource.cancel()
        }
        writeSource = nil
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
                // (`echo … | socat`) still reads its changes; one that hung up is gone now, not at the next
                // change; anyone else gets what is queued, then the connection closes.
                if subscription == nil {
                    closeAfterFlush()
                } else if peerHungUp() {
                    close()
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

    /// Whether the client closed its socket, not just its sending side: only then is the socket hung up.
    private func peerHungUp() -> Bool {
        var probe = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        return poll(&probe, 1, 0) == 1 && probe.revents & Int16(POLLHUP) != 0
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
                if !writeSourceRunning {
                    writeSourceRunning = true
                    writeSource?.resume()
                }
                return
            } else {
                close()  // the client went away
                return
            }
        }
        guard !isClosed else { return }
        outbox.removeAll(keepingCapacity: outbox.count <= 64 * 1024)
        outboxStart = 0
        let wasBlocked = writeSourceRunning
        if writeSourceRunning {
            writeSourceRunning = false
            writeSource?.suspend()
        }
        if closeWhenFlushed {
            close()
        } else if wasBlocked {
            onDrained(self)
        }
    }
}
