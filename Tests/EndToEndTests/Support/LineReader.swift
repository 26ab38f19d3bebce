import Glibc

/// Reads `\n`-terminated lines from a file descriptor (a pipe or a socket), each read bounded by a deadline.
///
/// Does not own the descriptor.
final class LineReader {
    enum Outcome: Equatable {
        case line(String)
        /// The other end closed (end of file) before a complete line.
        case endOfFile
        /// Nothing complete arrived before the deadline.
        case timedOut
    }

    let fd: Int32
    private var pending: [UInt8] = []

    init(fd: Int32) { self.fd = fd }

    /// Bytes received after the last complete line, for failure messages.
    var partialLine: String { String(decoding: pending, as: UTF8.self) }

    /// The next line without its `\n`.
    func nextLine(timeout: Duration) -> Outcome {
        let deadline = Deadline(after: timeout)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return .line(line)
            }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, deadline.remainingMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfFile
            }
            if ready == 0 { return .timedOut }
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .endOfFile  // ECONNRESET and the like: the other end is gone
            }
            if count == 0 { return .endOfFile }
            pending.append(contentsOf: chunk[0..<count])
        }
    }
}
