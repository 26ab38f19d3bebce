import Foundation
import Glibc

/// A bare Unix-socket connection to the daemon that sends whatever bytes a test wants (malformed JSON
/// included) and reads the raw reply lines: what ``ControlClient`` is too well-behaved to do.
final class RawControlSocket {
    let path: String
    private let fd: Int32
    private let reader: LineReader

    init(path: String) throws {
        self.path = path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("cannot create a socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un(path: path)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw HarnessError("cannot connect to \(path): \(message)")
        }
        self.fd = fd
        self.reader = LineReader(fd: fd)
    }

    deinit { close(fd) }

    /// Sends `text` followed by `\n`.
    func sendLine(_ text: String) throws {
        try send(text + "\n")
    }

    /// Shuts down the sending side only, as `echo … | socat` does at the end of its input.
    func finishSending() {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    /// Sends `text` as it is (half a request, say).
    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw HarnessError("cannot send to \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// The next line the daemon sent, parsed as a JSON object.
    func readObject(timeout: Duration = Timeouts.standard) throws -> [String: Any] {
        switch reader.nextLine(timeout: timeout) {
        case .line(let line):
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw HarnessError("the daemon at \(path) sent a line that is not a JSON object: \(line)")
            }
            return object
        case .endOfFile:
            throw HarnessError("the daemon at \(path) closed the connection instead of replying")
        case .timedOut:
            throw HarnessError("no reply from the daemon at \(path) within \(timeout)")
        }
    }

    /// The next raw line, or why there is none (end of file, time out).
    func nextLine(timeout: Duration = Timeouts.standard) -> LineReader.Outcome {
        reader.nextLine(timeout: timeout)
    }

    /// Sends one line and returns the reply.
    func exchange(_ text: String) throws -> [String: Any] {
        try sendLine(text)
        return try readObject()
    }
}

extension sockaddr_un {
    /// The address of a socket file; the path must fit `sun_path`.
    init(path: String) {
        self.init()
        sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        precondition(bytes.count < MemoryLayout.size(ofValue: sun_path), "socket path too long: \(path)")
        withUnsafeMutableBytes(of: &sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
    }
}
