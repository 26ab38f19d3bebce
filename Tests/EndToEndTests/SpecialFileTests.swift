import ControlClient
import ControlProtocol
import Foundation
import Glibc
import Testing

/// What is in the folder but is not a regular file: FIFOs, Unix sockets, device nodes and symlinks are
/// skipped without being opened (so nothing blocks and nothing outside the tree is read), and files that
/// vanish before they are read leave nothing behind.
struct SpecialFileTests {
    @Test func fifosSocketsAndDevices_beforeStartAndWhileRunning_areSkippedWithoutBlocking() throws {
        let tree = try TemporaryTree()
        let seeds = try Seeds.all()
        // A FIFO with no writer blocks a plain open(2) for reading forever; /dev/zero's twin never ends.
        try makeFIFO(tree.path("pipe.txt"))
        try FileManager.default.createDirectory(atPath: tree.path("sub"), withIntermediateDirectories: true)
        try makeFIFO(tree.path("sub/pipe.html"))
        try makeSocket(tree.path("socket.txt"))
        try makeDevice(tree.path("zero.txt"), S_IFCHR, major: 1, minor: 5)
        try makeDevice(tree.path("loop.txt"), S_IFBLK, major: 7, minor: 0)
        try tree.dropByRename("before.txt", seeds[0].bytes)
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        #expect(try daemon.articles().map(\.path) == ["before.txt"])

        try makeFIFO(tree.path("live-pipe.txt"))
        // IN_ATTRIB on each: the daemon looks at them, and must not open them.
        for name in ["live-pipe.txt", "pipe.txt", "sub/pipe.html", "socket.txt", "zero.txt"] {
            #expect(chmod(tree.path(name), 0o666) == 0, "chmod \(name): \(String(cString: strerror(errno)))")
        }
        try makeSocket(tree.path("live-socket.txt"))
        try makeDevice(tree.path("live-null.txt"), S_IFCHR, major: 1, minor: 3)
        try tree.dropByRename("after.txt", seeds[1].bytes)
        let after = try client.nextFileChange(daemon: daemon)
        // A tracked file replaced by a FIFO is no longer an article.
        try makeFIFO(tree.outside + "/replacement")
        try tree.move(tree.outside + "/replacement", to: tree.path("before.txt"))
        let replaced = try client.nextFileChange(daemon: daemon)
        try tree.dropByRename("last.txt", seeds[2].bytes)
        let last = try client.nextFileChange(daemon: daemon)

        #expect(after.kind == ChangeKind.articleAdded && after.path == "after.txt", "\(after.brief)\(daemon.diagnostics)")
        #expect(replaced.kind == ChangeKind.articleRemoved && replaced.path == "before.txt", "\(replaced.brief)")
        #expect(last.kind == ChangeKind.articleAdded && last.path == "last.txt", "\(last.brief)")
        let status = try daemon.status()
        #expect(status.errors == 0 && status.files == 2 && status.state == .watching, "\(status)\(daemon.diagnostics)")
    }

    @Test func symlinks_areNotFollowed_outOfTheTreeOrRoundALoop() throws {
        let tree = try TemporaryTree()
        let seeds = try Seeds.all()
        try tree.write(seeds[0].bytes, toAbsolutePath: tree.outside + "/secret.txt")
        try tree.write(seeds[1].bytes, toAbsolutePath: tree.outside + "/folder/inner.txt")
        try tree.dropByRename("sub/real.txt", seeds[2].bytes)
        // Before start: a file and a folder outside, a loop to the parent, one to itself.
        try symlink(tree.outside + "/secret.txt", at: tree.path("secret.txt"))
        try symlink(tree.outside + "/folder", at: tree.path("folder"))
        try symlink("..", at: tree.path("sub/up"))
        try symlink(".", at: tree.path("sub/here"))
        try symlink("real.txt", at: tree.path("sub/alias.txt"))
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        #expect(try daemon.articles().map(\.path) == ["sub/real.txt"], "\(daemon.diagnostics)")

        // While running: the same kinds again, created in place and moved in.
        try symlink(tree.outside + "/secret.txt", at: tree.path("live-secret.txt"))
        try symlink(tree.outside + "/folder", at: tree.path("sub/live-folder"))
        try symlink("../..", at: tree.path("sub/live-up"))
        try symlink(tree.outside + "/secret.txt", at: tree.outside + "/moved-link.txt")
        try tree.move(tree.outside + "/moved-link.txt", to: tree.path("moved-link.txt"))
        try tree.write(seeds[3].bytes, toAbsolutePath: tree.outside + "/folder/later.txt")
        try tree.dropByRename("sub/up/after.txt", seeds[4].bytes)  // through the loop: lands in the root
        let after = try client.nextFileChange(daemon: daemon)

        #expect(after.kind == ChangeKind.articleAdded && after.path == "after.txt", "\(after.brief)\(daemon.diagnostics)")
        #expect(try daemon.articles().map(\.path).sorted() == ["after.txt", "sub/real.txt"])
        let status = try daemon.status()
        #expect(status.errors == 0 && status.state == .watching, "\(status)")
    }

    @Test func filesThatVanishBeforeTheyAreRead_leaveNoTrace_andGoodFilesStillFollow() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        let seeds = try Seeds.all()
        let start = try daemon.settledSeq()

        // Renamed into place whole (IN_MOVED_TO), then gone or replaced before the daemon gets to them. (Not
        // written in place: a scan of the new folder could catch one still empty, which is an error until its
        // IN_CLOSE_WRITE; see docs/reliability.md.)
        for index in 0..<300 {
            let name = "flash/\(index).txt"
            try tree.dropByRename(name, seeds[index % 5].bytes)
            switch index % 3 {
            case 0: try tree.remove(name)
            case 1: try tree.move(tree.path(name), to: tree.outside + "/\(index).txt")
            default:
                try tree.remove(name)
                try FileManager.default.createDirectory(atPath: tree.path(name), withIntermediateDirectories: false)
            }
        }
        try tree.dropByRename("kept.txt", seeds[0].bytes)
        #expect(
            try eventually { try daemon.articles().map(\.path).contains("kept.txt") },
            "kept.txt was never ingested\(daemon.diagnostics)")
        let changes = try daemon.changes(after: start)

        let errors = changes.filter { $0.kind == ChangeKind.fileError }
        #expect(errors.isEmpty, "\(errors.map { "\($0.brief): \($0.data?["error"]?.stringValue ?? "")" })")
        #expect(try daemon.articles().map(\.path) == ["kept.txt"])
        #expect(try daemon.status().errors == 0)
    }

    // MARK: - Making special files

    private func makeFIFO(_ path: String) throws {
        guard mkfifo(path, 0o644) == 0 else { throw HarnessError("mkfifo \(path): \(String(cString: strerror(errno)))") }
    }

    private func makeDevice(_ path: String, _ kind: mode_t, major: UInt32, minor: UInt32) throws {
        // makedev(3), a macro Swift does not import.
        let device = dev_t(major & 0xFFF) << 8 | dev_t(minor & 0xFF) | dev_t(minor & ~0xFF) << 12
        guard mknod(path, kind | 0o644, device) == 0 else {
            throw HarnessError("mknod \(path): \(String(cString: strerror(errno))) (the tests run as root)")
        }
    }

    /// A Unix socket file, left behind by a closed listener.
    private func makeSocket(_ path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw HarnessError("\(path) is too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw HarnessError("bind \(path): \(String(cString: strerror(errno)))") }
    }

    private func symlink(_ target: String, at path: String) throws {
        guard Glibc.symlink(target, path) == 0 else {
            throw HarnessError("symlink \(path) -> \(target): \(String(cString: strerror(errno)))")
        }
    }
}
