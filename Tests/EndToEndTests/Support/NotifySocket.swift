import Foundation
import Glibc

/// A datagram socket playing systemd's part: the daemon's `$NOTIFY_SOCKET` points here.
final class NotifySocket {
    let path: String
    private let fd: Int32

    /// One datagram, and when it arrived (seconds on the monotonic clock).
    struct Message {
        var text: String
        var at: Double
        /// Its `KEY=VALUE` lines.
        var lines: [Substring] { text.split(separator: "\n") }
    }

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("cannot create a datagram socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8)
            raw[path.utf8.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw HarnessError("cannot bind \(path): \(String(cString: strerror(errno)))") }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// The next datagram, or nil when none arrives within `timeout`.
    func next(timeout: Duration = Timeouts.standard) -> Message? {
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { return nil }
        return Message(text: String(decoding: buffer[0..<count], as: UTF8.self), at: Self.now())
    }

    /// Datagrams until one has a line equal to `line`; nil if it does not come within `timeout`.
    func messages(until line: String, timeout: Duration = Timeouts.standard) -> [Message]? {
        let deadline = Self.now() + Double(timeout.components.seconds)
        var received: [Message] = []
        while Self.now() < deadline {
            let left = Duration.milliseconds(Int64(max(1, (deadline - Self.now()) * 1000)))
            guard let message = next(timeout: left) else { return nil }
            received.append(message)
            if message.lines.contains(Substring(line)) { return received }
        }
        return nil
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
