import ControlClient
import ControlProtocol
import Foundation
import Glibc
import Testing

/// When inotify cannot tell everything: a queue overflow (`IN_Q_OVERFLOW`) and the watch limit (`ENOSPC`).
/// Both are reproduced through the daemon's test seam (`TIDINGS_TEST_SEAM`, see FolderWatcher+TestSeam.swift),
/// without changing sysctls.
struct WatchPressureTests {
    @Test func queueOverflow_rescansEverything_andFindsFilesWhoseEventsWereLost() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(
            in: tree, environment: ["TIDINGS_TEST_SEAM": "lose-events=lost,overflow-on-sigusr2"])
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        let seeds = try Seeds.all()

        // Every event under lost/ is dropped, as the kernel drops events when its queue is full.
        try tree.dropByRename("lost/one.txt", seeds[0].bytes)
        try tree.dropByRename("lost/deeper/two.txt", seeds[1].bytes)
        try tree.dropByRename("seen.txt", seeds[2].bytes)
        let seen = try client.nextFileChange(daemon: daemon)
        #expect(seen.kind == ChangeKind.articleAdded && seen.path == "seen.txt", "\(seen.brief)\(daemon.diagnostics)")
        #expect(try daemon.articles().map(\.path) == ["seen.txt"], "the lost files were found without a rescan")

        daemon.child.send(SIGUSR2)  // the seam: as if the kernel reported IN_Q_OVERFLOW
        let found = try client.nextFileChanges(2, daemon: daemon)

        #expect(
            Set(found.map { "\($0.kind) \($0.path ?? "-")" })
                == ["article.added lost/one.txt", "article.added lost/deeper/two.txt"], "\(found.map(\.brief))")
        try daemon.waitUntilWatching()
        #expect(daemon.log.contains("inotify queue overflowed; rescanning everything"))
        #expect(try daemon.status().files == 3)
    }

    @Test func folderOverTheWatchLimit_makesTheDaemonDegraded_andIsRescannedPeriodicallyUntilWatched() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(
            in: tree, environment: ["TIDINGS_TEST_SEAM": "unwatchable=nowatch,rescan-seconds=1"])
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        let seeds = try Seeds.all()

        // A folder moved in whose watch fails as at the watch limit: what is in it is scanned at once.
        try tree.write(seeds[0].bytes, toAbsolutePath: tree.outside + "/nowatch/first.txt")
        try tree.move(tree.outside + "/nowatch", to: tree.path("nowatch"))
        let first = try client.nextFileChange(daemon: daemon)
        let degraded = try daemon.waitForStatus("degraded") { $0.state == .degraded }

        #expect(first.kind == ChangeKind.articleAdded && first.path == "nowatch/first.txt", "\(first.brief)")
        #expect(degraded.problems.count == 1, "\(degraded.problems)")
        let problem = degraded.problems.first ?? ""
        #expect(problem.contains("cannot watch \(tree.path("nowatch"))"), "'\(problem)'")
        #expect(problem.contains("fs.inotify.max_user_watches") && problem.contains("rescan every 1 s"), "'\(problem)'")
        #expect(daemon.log.contains("inotify watch limit reached while watching \(tree.path("nowatch"))/"))

        // No watch, so no event: only the periodic rescan can find a new file, or a deleted one.
        try tree.dropByRename("nowatch/second.txt", seeds[1].bytes)
        try tree.remove("nowatch/first.txt")
        let rescanned = try client.nextFileChanges(2, daemon: daemon)
        #expect(
            Set(rescanned.map { "\($0.kind) \($0.path ?? "-")" })
                == ["article.added nowatch/second.txt", "article.removed nowatch/first.txt"],
            "\(rescanned.map(\.brief))\(daemon.diagnostics)")
        #expect(daemon.log.contains("rescanning unwatched folders"))

        // Renamed so that the seam lets it be watched: watched again, the daemon is healthy, events flow.
        try tree.move(tree.path("nowatch"), to: tree.path("watched"))
        let healthy = try daemon.waitForStatus("watching again") { $0.state == .watching }
        #expect(healthy.problems.isEmpty, "\(healthy.problems)")
        _ = try client.nextFileChanges(2, daemon: daemon)  // second.txt's removal and re-addition by the rename
        try tree.dropByRename("watched/third.txt", seeds[2].bytes)
        let third = try client.nextFileChange(daemon: daemon)
        #expect(third.kind == ChangeKind.articleAdded && third.path == "watched/third.txt", "\(third.brief)")
        #expect(Set(try daemon.articles().map(\.path)) == ["watched/second.txt", "watched/third.txt"])
    }
}
