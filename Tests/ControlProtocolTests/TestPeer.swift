import ControlProtocol
import Foundation
import Glibc

/// A fake daemon for one connection: a real listening Unix socket in a temporary folder, served by a thread
/// that runs a script (read a request, answer canned lines, wait for the client to hang up).
///
/// Every wait in here is bounded, so a failing test reports instead of hanging.
final class TestPeer: @unchecked Sendable {  // The script's thread owns the connection; `failure` is behind `lock`.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The peer's side of the accepted connection.
    final class Connection {
        private let fd: Int32
        private var buffer = LineBuffer()
        private var lines: [LineBuffer.Output] = []

        fileprivate init(fd: Int32) { self.fd = fd }

        /// The next line the client sent; nil when it hung up.
        func readLine() throws -> String? {
            while lines.isEmpty {
                try TestPeer.waitReadable(fd)
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
                if count <= 0 { return nil }
                lines = buffer.append(chunk[0..<count])
            }
            guard case .line(let bytes) = lines.removeFirst() else { throw Failure(description: "line too long") }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Reads one request and returns its id as JSON text (to splice into replies) and its envelope.
        func readRequest() throws -> (id: String, envelope: RPCEnvelope, line: String) {
            guard let line = try readLine() else { throw Failure(description: "the client hung up before asking") }
            let envelope = try JSONDecoder().decode(RPCEnvelope.self, from: Data(line.utf8))
            guard let id = envelope.id else { throw Failure(description: "request without id: \(line)") }
            let idJSON = String(decoding: try JSONEncoder().encode(id), as: UTF8.self)
            return (idJSON, envelope, line)
        }

        /// Sends text as is (add `\n` to end a line).
        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes {
                    Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
                }
                guard written > 0 else { throw Failure(description: "send failed: errno \(errno)") }
                offset += written
            }
        }

        /// Sends each text as one line.
        func sendLines(_ texts: String...) throws {
            try send(texts.map { $0 + "\n" }.joined())
        }

        /// Blocks until the client closes its end, discarding anything it sends.
        func waitForHangUp() throws {
            while try readLine() != nil {}
        }
    }

    let directory: String
    let socketPath: String
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: (any Error)?

    /// Starts listening and runs `script` on the first connection, on its own thread.
    init(_ script: @escaping @Sendable (Connection) throws -> Void) throws {
        directory = try Self.makeTemporaryDirectory()
        socketPath = directory + "/control.sock"
        listener = try Self.listen(at: socketPath)
        let thread = Thread { [self] in
            defer { done.signal() }
            do {
                try Self.waitReadable(listener)
                let fd = accept(listener, nil, nil)
                guard fd >= 0 else { throw Failure(description: "accept failed: errno \(errno)") }
                defer { close(fd) }
                try script(Connection(fd: fd))
            } catch {
                lock.withLock { failure = error }
            }
        }
        thread.start()
    }

    /// Waits for the script to end, rethrows what went wrong in it, and removes the socket and its folder.
    func finish() throws {
        let ended = done.wait(timeout: .now() + 10) == .success
        close(listener)
        try? FileManager.default.removeItem(atPath: directory)
        guard ended else { throw Failure(description: "the peer's script did not end within 10 s") }
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// A fresh folder under /tmp (short, because socket paths are limited to 107 bytes).
    static func makeTemporaryDirectory() throws -> String {
        var template = Array("/tmp/tidings-test-XXXXXX".utf8CString)
        guard let path = mkdtemp(&template) else { throw Failure(description: "mkdtemp failed: errno \(errno)") }
        return String(cString: path)
    }

    /// A socket bound at `path`; listening unless told otherwise (a bound, unlistened socket refuses connections).
    static func listen(at path: String, listening: Bool = true) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: Array(path.utf8) + [0])
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw Failure(description: "bind \(path) failed: errno \(errno)") }
        if listening {
            guard Glibc.listen(fd, 4) == 0 else { throw Failure(description: "listen failed: errno \(errno)") }
        }
        return fd
    }

    /// Waits at most 10 s for `fd` to become readable.
    fileprivate static func waitReadable(_ fd: Int32) throws {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var ready: Int32
        repeat { ready = poll(&descriptor, 1, 10_000) } while ready < 0 && errno == EINTR
        guard ready > 0 else { throw Failure(description: "nothing to read within 10 s") }
    }
}
