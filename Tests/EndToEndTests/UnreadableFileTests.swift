import ControlClient
import ControlProtocol
import Foundation
import Glibc
import Testing

/// A file the daemon's user cannot read is an error that says so and what to do; making it readable
/// (`chmod`, which the watcher sees as `IN_ATTRIB`) is enough for it to be read again. Root reads every
/// file, so the daemon runs as `nobody` here.
struct UnreadableFileTests {
    static let nobody = (name: "nobody", group: "nogroup")

    @Test func unreadableFile_isAPermissionError_thenIngestedOnceChmodMakesItReadable() throws {
        let tree = try TemporaryTree()
        try tree.giveAway(to: Self.nobody.name)
        let seeds = try Seeds.all()
        // One unreadable before start (found by the start-up reconcile), one dropped while running.
        try tree.dropByRename("locked-before.txt", seeds[0].bytes)
        #expect(chmod(tree.path("locked-before.txt"), 0o000) == 0)
        let daemon = try DaemonProcess.started(in: tree, as: Self.nobody)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams(since: 0))
        let first = try client.nextFileChange(daemon: daemon)

        try tree.write(seeds[1].bytes, toAbsolutePath: tree.outside + "/locked.txt")
        #expect(chmod(tree.outside + "/locked.txt", 0o000) == 0)
        try tree.move(tree.outside + "/locked.txt", to: tree.path("locked.txt"))
        let second = try client.nextFileChange(daemon: daemon)
        try tree.dropByRename("readable.txt", seeds[2].bytes)
        let readable = try client.nextFileChange(daemon: daemon)

        for (change, path) in [(first, "locked-before.txt"), (second, "locked.txt")] {
            #expect(change.kind == ChangeKind.fileError && change.path == path, "\(change.brief)\(daemon.diagnostics)")
            let message = change.data?["error"]?.stringValue ?? ""
            #expect(message.hasPrefix("\(path): permission denied"), "'\(message)'")
            #expect(message.contains("make it readable"), "'\(message)'")
        }
        #expect(readable.kind == ChangeKind.articleAdded && readable.path == "readable.txt", "\(readable.brief)")
        #expect(try daemon.status().errors == 2)

        // chmod alone, no new bytes: IN_ATTRIB is the only sign.
        #expect(chmod(tree.path("locked.txt"), 0o644) == 0)
        let recovered = try client.nextFileChange(daemon: daemon)
        #expect(chmod(tree.path("locked-before.txt"), 0o644) == 0)
        let recoveredBefore = try client.nextFileChange(daemon: daemon)

        #expect(recovered.kind == ChangeKind.articleUpdated && recovered.path == "locked.txt", "\(recovered.brief)")
        #expect(
            recoveredBefore.kind == ChangeKind.articleUpdated && recoveredBefore.path == "locked-before.txt",
            "\(recoveredBefore.brief)")
        let rows = try daemon.articles()
        #expect(rows.allSatisfy { $0.status == .ok && $0.events > 0 }, "\(rows)")
        #expect(rows.count == 3)
        #expect(try daemon.status().errors == 0)
    }
}
