import ControlClient
import ControlProtocol
import Foundation
import Glibc
import Testing

/// systemd socket activation: the daemon serves the listening socket passed as fd 3 (`LISTEN_FDS`).
struct SocketActivationTests {
    @Test func listeningSocketPassedAsFD3_isServed_andLeftInPlaceOnExit() throws {
        let tree = try TemporaryTree()
        try tree.dropByRename("seed.txt", try Seeds.all()[0].bytes)
        let path = tree.base + "/activated.sock"
        let listener = try Self.listen(at: path)
        defer { close(listener) }

        // LISTEN_PID must be the daemon's own pid: the shell sets it to its pid, then execs the daemon.
        let daemon = try Binaries.tidingsd().path
        let script = #"LISTEN_PID=$$ LISTEN_FDS=1 exec "$0" "$@""#
        let arguments = [
            "/bin/sh", "-c", script, daemon, "--watch", tree.root, "--state", tree.state, "--socket", path,
        ]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, listener, 3)
        let log = tree.newLogPath("activated")
        posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        try #require(spawned == 0, "posix_spawn failed: \(String(cString: strerror(spawned)))")
        defer { kill(pid, SIGKILL) }

        let watching = eventuallyValue { () -> StatusResult? in
            guard let client = try? ControlClient(socketPath: path, timeout: .seconds(5)) else { return nil }
            defer { client.close() }
            let status = try? client.call(.status, as: StatusResult.self)
            return status?.state == .watching ? status : nil
        }
        let status = try #require(watching, "the activated daemon never answered as watching")
        #expect(status.files == 1)

        kill(pid, SIGTERM)
        var exitStatus: Int32 = 0
        #expect(waitpid(pid, &exitStatus, 0) == pid)
        #expect(exitStatus == 0, "log: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        // systemd owns the socket file; the daemon must not remove it.
        #expect(isSocket(atPath: path))
    }

    private static func listen(at path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8)
            raw[path.utf8.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, bound == 0, Glibc.listen(fd, 16) == 0 else {
            throw HarnessError("cannot listen on \(path): \(String(cString: strerror(errno)))")
        }
        return fd
    }
}
