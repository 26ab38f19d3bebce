internal import CEpoll
internal import Dispatch
internal import Glibc

/// Tells which client sockets are ready, from one epoll instance of its own, on the server's queue.
///
/// Why not a Dispatch source per client: libdispatch's epoll backend keeps per-descriptor records that go
/// wrong when sources on short-lived sockets are created and cancelled at a high rate
/// (swift-corelibs-libdispatch issues 833 and 949). Under the soak test's client churn the daemon once left a
/// request unread forever with every thread idle, and once crashed in `_dispatch_unote_unregister_muxed`.
/// Here one Dispatch source, living as long as the server, watches the epoll descriptor; clients come and go
/// with `epoll_ctl`, so a client's descriptor may be closed right after ``remove(_:)``.
///
/// Level-triggered: a socket that stays readable or writable is reported again at the next turn, so
/// a handler may stop early without losing a wake-up; one that must not be reported again changes its
/// interest with ``update(_:reading:writing:)``.
final class SocketPoller: @unchecked Sendable {  // confined to `queue`
    struct Readiness: OptionSet {
        let rawValue: UInt8
        static let readable = Readiness(rawValue: 1)
        static let writable = Readiness(rawValue: 2)
        /// The peer closed both directions, or the socket failed: reported whatever the interest.
        static let hungUp = Readiness(rawValue: 4)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let epollFD: Int32
    private let source: any DispatchSourceRead
    private var handlers: [Int32: (Readiness) -> Void] = [:]

    init(queue: DispatchQueue) throws(Failure) {
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else {
            throw Failure(description: "cannot create an epoll instance: \(String(cString: strerror(errno)))")
        }
        source = DispatchSource.makeReadSource(fileDescriptor: epollFD, queue: queue)
        source.setEventHandler { [weak self] in self?.dispatchReadiness() }
        source.setCancelHandler { [epollFD] in _ = Glibc.close(epollFD) }
        source.resume()
    }

    /// Starts reporting `fd`'s readiness to `handler`.
    func add(_ fd: Int32, reading: Bool, writing: Bool, handler: @escaping (Readiness) -> Void) {
        handlers[fd] = handler
        control(EPOLL_CTL_ADD, fd, reading: reading, writing: writing)
    }

    /// Changes what `fd` is watched for; hang-ups are reported either way.
    func update(_ fd: Int32, reading: Bool, writing: Bool) {
        control(EPOLL_CTL_MOD, fd, reading: reading, writing: writing)
    }

    /// Stops watching `fd`; the caller may close it at once.
    func remove(_ fd: Int32) {
        handlers[fd] = nil
        _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
    }

    /// Stops watching every socket and closes the epoll descriptor.
    func close() {
        handlers.removeAll()
        source.cancel()
    }

    private func control(_ operation: Int32, _ fd: Int32, reading: Bool, writing: Bool) {
        var interest = epoll_event()
        interest.events = (reading ? EPOLLIN.rawValue : 0) | (writing ? EPOLLOUT.rawValue : 0)
        interest.data.fd = fd
        // Fails only for a descriptor that is not open or already registered: a bug here, not a client's doing.
        let result = epoll_ctl(epollFD, operation, fd, &interest)
        assert(result == 0, "epoll_ctl(\(operation), \(fd)): \(String(cString: strerror(errno)))")
    }

    private func dispatchReadiness() {
        var ready = [epoll_event](repeating: epoll_event(), count: 64)
        let count = ready.withUnsafeMutableBufferPointer { epoll_wait(epollFD, $0.baseAddress, Int32($0.count), 0) }
        for event in ready.prefix(max(Int(count), 0)) {
            let fd = event.data.fd
            // A handler earlier in this turn may have closed this socket.
            guard let handler = handlers[fd] else { continue }
            var readiness: Readiness = []
            if event.events & EPOLLIN.rawValue != 0 { readiness.insert(.readable) }
            if event.events & EPOLLOUT.rawValue != 0 { readiness.insert(.writable) }
            if event.events & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 { readiness.insert(.hungUp) }
            handler(readiness)
        }
    }
}
