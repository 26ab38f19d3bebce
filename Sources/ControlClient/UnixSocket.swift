import Glibc

/// A connected Unix stream socket with blocking, deadline-bounded reads and writes.
///
/// Owned by one ``ControlClient``; not thread-safe.
final class UnixSocket {
    let path: String
    private var fd: Int32

    /// Connects to the socket at `path`, translating the usual failures into advice.
    init(connectingTo path: String) throws(ControlClientError) {
        self.path = path
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !pathBytes.isEmpty, pathBytes.count < capacity else {
            throw ControlClientError(
                code: .connectFailed, socketPath: path,
                message: "cannot connect to '\(path)': a socket path must be 1 to \(capacity - 1) bytes long"
            )
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }

        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            throw ControlClientError(
                code: .connectFailed, socketPath: path,
                message: "cannot create a socket to connect to \(path): \(Self.describe(errno))"
            )
        }
        var result: Int32
        repeat {
            result = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
        } while result != 0 && errno == EINTR
        if result != 0 {
            let error = errno
            _ = Glibc.close(fd)
            throw Self.connectError(error, path: path)
        }
        self.fd = fd
    }

    deinit { close() }

    var isOpen: Bool { fd >= 0 }

    func close() {
        guard fd >= 0 else { return }
        _ = Glibc.close(fd)
        fd = -1
    }

    /// Writes all of `bytes`, or throws.
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant?) throws(ControlClientError) {
        guard isOpen else { throw closedError() }
        var offset = 0
        while offset < bytes.count {
            try wait(for: Int16(POLLOUT), deadline: deadline, doing: "sending a request")
            let written = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                let error = errno
                if error == EINTR || error == EAGAIN { continue }
                if error == EPIPE || error == ECONNRESET { throw disconnectedError() }
                throw ioError(error, doing: "sending a request")
            }
            offset += written
        }
    }

    /// Reads what is available (at least one byte); an empty array means the daemon closed the connection.
    func read(deadline: ContinuousClock.Instant?) throws(ControlClientError) -> [UInt8] {
        guard isOpen else { throw closedError() }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            try wait(for: Int16(POLLIN), deadline: deadline, doing: "waiting for the daemon")
            let count = buffer.withUnsafeMutableBytes { raw in recv(fd, raw.baseAddress!, raw.count, 0) }
            if count < 0 {
                let error = errno
                if error == EINTR || error == EAGAIN { continue }
                if error == ECONNRESET { return [] }
                throw ioError(error, doing: "reading from the daemon")
            }
            return Array(buffer[0..<count])
        }
    }

    /// Blocks until the socket is ready for `events` or the deadline passes.
    private func wait(for events: Int16, deadline: ContinuousClock.Instant?, doing activity: String)
        throws(ControlClientError)
    {
        while true {
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let timeout = deadline.map { Self.milliseconds(until: $0) } ?? -1
            let ready = poll(&descriptor, 1, timeout)
            if ready > 0 { return }
            if ready == 0 {
                throw ControlClientError(
                    code: .timedOut, socketPath: path,
                    message: "timed out \(activity) on \(path); is the daemon stuck? (see 'journalctl -u tidings')"
                )
            }
            if errno != EINTR { throw ioError(errno, doing: activity) }
        }
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let remaining = deadline - .now
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        // Round up so a poll never returns just before the deadline and spins.
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }

    private func closedError() -> ControlClientError {
        ControlClientError(code: .disconnected, socketPath: path, message: "the connection to \(path) is closed")
    }

    func disconnectedError() -> ControlClientError {
        ControlClientError(
            code: .disconnected, socketPath: path,
            message: "the daemon at \(path) closed the connection (stopped or restarted?)"
        )
    }

    private func ioError(_ error: Int32, doing activity: String) -> ControlClientError {
        ControlClientError(
            code: .ioFailed, socketPath: path, message: "\(activity) on \(path) failed: \(Self.describe(error))"
        )
    }

    static func describe(_ error: Int32) -> String {
        String(cString: strerror(error))
    }

    private static func connectError(_ error: Int32, path: String) -> ControlClientError {
        switch error {
        case ENOENT, ECONNREFUSED, ENOTDIR:
            return ControlClientError(
                code: .noDaemon, socketPath: path,
                message: "no daemon at \(path): start it with 'tidingsd --watch DIR'"
            )
        case EACCES, EPERM:
            return ControlClientError(
                code: .permissionDenied, socketPath: path,
                message: "permission denied connecting to \(path): \(permissionAdvice(path: path))"
            )
        default:
            return ControlClientError(
                code: .connectFailed, socketPath: path,
                message: "cannot connect to \(path): \(describe(error))"
            )
        }
    }

    /// Names the socket's group when it can be seen, since group membership is how access is granted.
    private static func permissionAdvice(path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            return "its folder \(folder.isEmpty ? "/" : folder) is not accessible to this user"
        }
        guard let group = getgrgid(info.st_gid), let name = group.pointee.gr_name else {
            return "the socket belongs to group id \(info.st_gid); join that group or run as the daemon's user"
        }
        let groupName = String(cString: name)
        return "the socket belongs to group '\(groupName)'; join it (sudo usermod -aG \(groupName) $USER, "
            + "then log in again) or run as the daemon's user"
    }
}
