import ControlClient
import ControlProtocol
import Foundation
import GRDB
import Testing

/// A commit that fails keeps its batch queued: the daemon says so in its status, retries with a growing back-off,
/// and resumes by itself once the store can be written again. The state folder is a small tmpfs, really full.
struct DiskFullTests {
    @Test func diskFull_makesTheDaemonDegraded_namingTheStateFolder_thenItResumesByItself_losingNothing() throws {
        let tree = try TemporaryTree()
        let disk = try SmallFilesystem(at: tree.state, megabytes: 32)
        defer { disk.unmount() }
        // Retries from 50 ms on: the test frees the disk within seconds, and should not wait out a long back-off.
        let daemon = try DaemonProcess(tree: tree, arguments: ["--store-retry-delay", "0.05"])
        try daemon.waitUntilWatching()
        let feed = try daemon.connect()
        defer { feed.close() }
        _ = try feed.subscribe(SubscribeParams(since: 0))

        try disk.fill()
        let paths = try GeneratedCorpus.write(200, into: tree)

        let degraded = try daemon.waitForStatus("degraded", timeout: .seconds(60)) { $0.state == .degraded }
        let problem = degraded.problems.joined(separator: "\n")
        #expect(problem.contains("cannot write the store in \(tree.state) "), "\(degraded.problems)")
        #expect(problem.contains("database or disk is full"), "\(degraded.problems)")
        #expect(degraded.files < paths.count && degraded.backlog > 0, "\(degraded)")
        // It keeps trying, and keeps what it could not write queued.
        #expect(eventually { daemon.log.components(separatedBy: "cannot commit").count > 2 }, "\(daemon.diagnostics)")
        let stillDegraded = try daemon.status()
        #expect(stillDegraded.state == .degraded && stillDegraded.backlog > 0, "\(stillDegraded)")

        try disk.free()

        let recovered = try daemon.waitForStatus("every file stored", timeout: .seconds(120)) {
            $0.state == .watching && $0.backlog == 0 && $0.files == paths.count
        }
        #expect(recovered.problems.isEmpty, "\(recovered.problems)")
        #expect(daemon.log.contains("the store can be written again"), "\(daemon.diagnostics)")
        // Subscribers saw every change once, in order, and each file exactly once.
        let changes = try feed.changes(after: 0, through: recovered.seq, daemon: daemon)
        #expect(changes.map(\.seq) == Array(1...recovered.seq))
        let fileChanges = changes.filter(\.isFileChange)
        #expect(fileChanges.compactMap(\.path).sorted() == paths.sorted(), "\(fileChanges.map(\.brief))")
        #expect(try daemon.stop() == .exited(0))
    }

    /// `--once` retries nothing: on a full disk it exits non-zero saying what failed and what to do, and does not
    /// claim a retry that will not come; the next run, with room, ingests everything.
    @Test func onceOnAFullDisk_exitsSayingWhatToDo_andTheNextRunIngestsEverything() throws {
        let tree = try TemporaryTree()
        let disk = try SmallFilesystem(at: tree.state, megabytes: 32)
        defer { disk.unmount() }
        // The database exists, and there is room to open it (its -wal and -shm files) but not to ingest: on a disk
        // with no room at all the start fails before any commit, a failure of its own.
        let first = try DaemonProcess(tree: tree, arguments: ["--once"])
        #expect(try first.waitForExit() == .exited(0), "\(first.diagnostics)")
        let paths = try GeneratedCorpus.write(200, into: tree)
        try disk.fill(leaving: 256 << 10)

        let failed = try DaemonProcess(tree: tree, arguments: ["--once"])
        #expect(try failed.waitForExit(timeout: .seconds(120)) == .exited(1), "\(failed.diagnostics)")
        #expect(failed.log.contains("database or disk is full"), "\(failed.diagnostics)")
        #expect(failed.log.contains("free disk space or make the state folder writable, then run again"), "\(failed.diagnostics)")
        let retryLines = failed.log.split(separator: "\n").filter { $0.contains("retried") }
        #expect(retryLines.isEmpty, "\(retryLines)")

        try disk.free()

        let again = try DaemonProcess(tree: tree, arguments: ["--once"])
        #expect(try again.waitForExit(timeout: .seconds(120)) == .exited(0), "\(again.diagnostics)")
        let store = try StoreDigest.read(tree.state + "/tidings.sqlite") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM file") }
        #expect(store == paths.count)
    }

    /// The start-up ingest is where a full disk is most likely: the status must say `degraded` then too, not
    /// `scanning` for ever; once there is room the daemon catches up and becomes `watching`.
    @Test func diskFullDuringTheStartUpIngest_showsDegraded_thenTheDaemonCatchesUp() throws {
        let tree = try TemporaryTree()
        let disk = try SmallFilesystem(at: tree.state, megabytes: 32)
        defer { disk.unmount() }
        let first = try DaemonProcess.started(in: tree)
        #expect(try first.stop() == .exited(0))
        let paths = try GeneratedCorpus.write(200, into: tree)
        try disk.fill()

        let daemon = try DaemonProcess(tree: tree, arguments: ["--store-retry-delay", "0.05"])
        let degraded = try daemon.waitUntil("degraded", timeout: .seconds(60)) { $0.state == .degraded }
        #expect(degraded.problems.joined().contains("cannot write the store in \(tree.state) "), "\(degraded)")
        #expect(degraded.backlog > 0, "\(degraded)")

        try disk.free()

        let ready = try daemon.waitUntil("every file stored", timeout: .seconds(120)) {
            $0.state == .watching && $0.backlog == 0
        }
        #expect(ready.files == paths.count && ready.problems.isEmpty, "\(ready)")
    }
}
