import ControlClient
import ControlProtocol
import Foundation
import Glibc
import Testing

/// Starting, stopping, restarting and refusing to start: the daemon as a process.
struct DaemonLifecycleTests {
    @Test func sigterm_exitsWithStatusZero_andRemovesTheSocket() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        try #require(isSocket(atPath: tree.socket), "no socket file at \(tree.socket) while running")

        let termination = try daemon.stop()

        #expect(termination == .exited(0), "\(daemon.diagnostics)")
        #expect(!isSocket(atPath: tree.socket), "the socket file \(tree.socket) is left behind")
        #expect(throws: ControlClientError.self) { try ControlClient(socketPath: tree.socket) }
    }

    @Test func filesChangedWhileDaemonWasDown_areReconciledAtRestart_seqAdvancesOnlyByTheDifferences() throws {
        let tree = try TemporaryTree()
        let seeds = try Seeds.all()
        let (gone, kept, new) = (seeds[0], seeds[1], seeds[2])
        try tree.dropByRename(gone.name, gone.bytes)
        try tree.dropByRename(kept.name, kept.bytes)
        let first = try DaemonProcess.started(in: tree)
        let before = try first.status()
        try #require(before.files == 2, "\(before)\(first.diagnostics)")
        try #require(try first.stop() == .exited(0), "\(first.diagnostics)")

        // While nothing watches: one file added, one removed, one left alone.
        try tree.dropByRename(new.name, new.bytes)
        try tree.remove(gone.name)
        let second = try DaemonProcess.started(in: tree)

        let after = try second.status()
        #expect(after.generation == before.generation)
        #expect(try second.articles().map(\.path).sorted() == [kept.name, new.name].sorted())
        let client = try second.connect()
        defer { client.close() }
        let subscription = try client.subscribe(SubscribeParams(since: before.seq, generation: before.generation))
        #expect(subscription.resync == false)
        let missed = try client.changes(after: before.seq, through: after.seq, daemon: second)
        #expect(
            Set(missed.filter(\.isFileChange).map { "\($0.kind) \($0.path ?? "-")" })
                == ["\(ChangeKind.articleAdded) \(new.name)", "\(ChangeKind.articleRemoved) \(gone.name)"],
            "\(missed.map(\.brief))")
        // The seq moved only for the two files that changed: nothing at all about the one left alone.
        #expect(missed.filter(\.isFileChange).count == 2)
        #expect(!missed.contains { $0.path == kept.name }, "\(missed.map(\.brief))")
        #expect(missed.map(\.seq) == Array((before.seq + 1)...after.seq))
    }

    @Test func secondDaemonOnSameSocket_exitsNonZero_sayingAnotherIsServingIt() throws {
        let tree = try TemporaryTree()
        let first = try DaemonProcess.started(in: tree)

        // Another folder and state, the same socket: only the socket is in the way.
        let second = try DaemonProcess(tree: tree, root: tree.outside, state: tree.base + "/state2")
        let termination = try second.waitForExit()

        #expect(!termination.bySignal && termination.status != 0, "second daemon: \(termination)")
        #expect(second.log.contains("another tidingsd is already serving \(tree.socket)"), "\(second.diagnostics)")
        #expect(try first.status().state == .watching, "the first daemon stopped answering\(first.diagnostics)")
        #expect(isSocket(atPath: tree.socket))
    }

    /// `tidingsd` copied somewhere without its resource bundle: a clear message and exit 1, not a trap.
    @Test func withoutItsBundledDictionaries_exitsNonZero_sayingWhatIsMissing() throws {
        let tree = try TemporaryTree()
        let alone = tree.outside + "/tidingsd"
        try FileManager.default.copyItem(atPath: try Binaries.tidingsd().path, toPath: alone)

        let child = try ChildProcess(
            URL(fileURLWithPath: alone), ["--once", "--watch", tree.root, "--state", tree.state],
            stdout: .file(tree.newLogPath("stdout")), stderrPath: tree.newLogPath("stderr"))
        let termination = try #require(child.waitForExit(), "tidingsd without its dictionaries did not exit")

        #expect(termination == .exited(1), "\(termination): \(child.stderr)")
        #expect(child.stderr.contains("the bundled dictionaries (Tidings_EventExtraction.resources/Dictionaries)"), "\(child.stderr)")
        #expect(child.stderr.contains("Deploy/install.sh"), "\(child.stderr)")
    }

    @Test func secondDaemonOnSameState_exitsNonZero_sayingTheStateFolderIsInUse() throws {
        let tree = try TemporaryTree()
        let first = try DaemonProcess.started(in: tree)

        let second = try DaemonProcess(tree: tree, socket: tree.base + "/other.sock")
        let termination = try second.waitForExit()

        #expect(!termination.bySignal && termination.status != 0, "second daemon: \(termination)")
        #expect(
            second.log.contains("another tidingsd is using the state folder \(tree.state)"), "\(second.diagnostics)")
        #expect(!isSocket(atPath: tree.base + "/other.sock"))
        #expect(try first.status().state == .watching, "the first daemon stopped answering\(first.diagnostics)")
    }

    @Test func staleSocketFileNobodyServes_isReplaced() throws {
        let tree = try TemporaryTree()
        // A socket file whose listener is gone: bound, then closed without unlinking.
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        try #require(fd >= 0)
        var address = sockaddr_un(path: tree.socket)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        close(fd)
        try #require(bound == 0 && isSocket(atPath: tree.socket), "cannot make a stale socket at \(tree.socket)")

        let daemon = try DaemonProcess.started(in: tree)

        #expect(try daemon.status().socket == tree.socket)
    }

    @Test func socketInAMissingFolder_createsTheFolder0750_andTheSocket0660() throws {
        let tree = try TemporaryTree()
        let folder = tree.base + "/run/tidings"
        let socket = folder + "/ctl.sock"

        let daemon = try DaemonProcess(tree: tree, socket: socket)
        try daemon.waitUntilWatching()

        var info = stat()
        #expect(stat(folder, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o750, "the folder's mode is \(String(info.st_mode & 0o777, radix: 8))")
        #expect(stat(socket, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o660, "the socket's mode is \(String(info.st_mode & 0o777, radix: 8))")
    }

    @Test func socketLeftByKilledDaemon_isReplacedAtRestart_andTheStoreIsKept() throws {
        let tree = try TemporaryTree()
        let paths = try Seeds.drop(into: tree)
        let first = try DaemonProcess.started(in: tree)
        let before = try first.status()
        try first.crash()
        try #require(isSocket(atPath: tree.socket), "SIGKILL should leave the socket file behind")

        let second = try DaemonProcess.started(in: tree)

        let after = try second.status()
        #expect(after.seq == before.seq, "nothing changed on disk, yet the seq moved\(second.diagnostics)")
        #expect(after.generation == before.generation)
        #expect(try second.articles().map(\.path).sorted() == paths.sorted())
    }

    @Test func defaultLogLevel_logsEachFileOnce_andTheEventsAndStatementsItCausedOnlyAtDebug() throws {
        func onceLog(_ arguments: [String]) throws -> [Substring] {
            let tree = try TemporaryTree()
            _ = try Seeds.drop(into: tree)
            let once = try DaemonProcess(tree: tree, arguments: ["--once"] + arguments)
            let termination = try once.waitForExit()
            try #require(termination == .exited(0), "tidingsd --once: \(termination)\(once.diagnostics)")
            return once.log.split(separator: "\n")
        }
        let info = try onceLog([])
        #expect(info.filter { $0.contains(" info tidingsd: article.added ") }.count == 5, "\(info)")
        #expect(!info.contains { $0.contains("event.added") || $0.contains("statement.added") }, "\(info)")

        let debug = try onceLog(["--log-level", "debug"])
        #expect(debug.contains { $0.contains(" debug tidingsd: event.added ") && $0.contains("change.payload=") })
        #expect(debug.contains { $0.contains(" debug tidingsd: statement.added ") })
    }

    @Test func onceOnSeeds_exitsZero_andNextStartListsFiveWithoutAddingThemAgain() throws {
        let tree = try TemporaryTree()
        let paths = try Seeds.drop(into: tree)

        let once = try DaemonProcess(tree: tree, arguments: ["--once"])
        let termination = try once.waitForExit()
        try #require(termination == .exited(0), "tidingsd --once: \(termination)\(once.diagnostics)")
        #expect(!isSocket(atPath: tree.socket), "--once should not serve a socket")
        // The run logs where it left the change log: `ingest complete … store.seq=N`.
        let onceSeq = once.log.split(separator: "\n").last { $0.contains("ingest complete") }?
            .split(separator: " ").first { $0.hasPrefix("store.seq=") }
            .flatMap { Int64($0.dropFirst("store.seq=".count)) }
        try #require(onceSeq != nil, "no 'ingest complete … store.seq=N' line\(once.diagnostics)")

        let daemon = try DaemonProcess.started(in: tree)
        let status = try daemon.status()
        #expect(status.seq == onceSeq, "the start moved the seq from the --once run's\(daemon.diagnostics)")
        #expect(status.articles == 5)
        #expect(try daemon.articles().map(\.path).sorted() == paths.sorted())
        // The whole history is the five additions of the --once run: the start added nothing.
        let client = try daemon.connect()
        defer { client.close() }
        let subscription = try client.subscribe(SubscribeParams(since: 0))
        #expect(subscription.seq == status.seq)
        let history = try client.changes(after: 0, through: status.seq, daemon: daemon)
        let fileChanges = history.filter(\.isFileChange)
        #expect(
            fileChanges.map(\.kind) == Array(repeating: ChangeKind.articleAdded, count: 5), "\(history.map(\.brief))")
        #expect(Set(fileChanges.compactMap(\.path)) == Set(paths))
        // Nothing was committed after the daemon started: the store's seq is still the --once run's.
        #expect(try daemon.settledSeq() == status.seq, "changes after the --once run: \(daemon.diagnostics)")
    }
}
