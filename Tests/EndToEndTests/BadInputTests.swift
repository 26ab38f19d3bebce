import ControlClient
import ControlProtocol
import Foundation
import Glibc
import Testing

/// Files that are not articles: recorded as errors that say which file and why, without stopping the daemon.
struct BadInputTests {
    @Test func emptyAndBinaryFiles_becomeErrorRowsAndFileErrorNotices_andGoodFilesStillFollow() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        let binary: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 56)
            + Array("\u{0}\u{0}libc.so.6\u{0}".utf8)

        try tree.dropByRename("empty.txt", [])
        try tree.dropByRename("binary.txt", binary)
        let errors = try client.nextFileChanges(2, daemon: daemon)
        let seed = try Seeds.all()[0]
        try tree.dropByRename(seed.name, seed.bytes)
        let good = try client.nextFileChange(daemon: daemon)

        #expect(errors.map(\.kind) == [ChangeKind.fileError, ChangeKind.fileError], "\(errors.map(\.brief))")
        #expect(Set(errors.compactMap(\.path)) == ["empty.txt", "binary.txt"])
        for notice in errors {
            let message = notice.data?["error"]?.stringValue ?? ""
            #expect(message.contains(notice.path ?? "?"), "file.error for \(notice.path ?? "?"): '\(message)'")
        }
        #expect(good.kind == ChangeKind.articleAdded && good.path == seed.name, "\(good.brief)\(daemon.diagnostics)")

        let rows = try daemon.articles(ArticlesListParams(status: .error))
        #expect(Set(rows.map(\.path)) == ["empty.txt", "binary.txt"])
        for row in rows {
            #expect(row.status == .error)
            #expect(row.title == nil)
            #expect(row.error?.contains(row.path) == true, "error of \(row.path): \(row.error ?? "nil")")
        }
        let status = try daemon.status()
        #expect(status.errors == 2)
        #expect(status.articles == 1)
        #expect(status.state == .watching)
    }

    @Test func textWithNULBytes_isAnErrorNamingTheOffset() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())

        try tree.dropByRename("nul.txt", Array("Officials met in Baghdad on Monday.".utf8) + [0, 0, 0] + Array("More text.".utf8))
        let change = try client.nextFileChange(daemon: daemon)

        #expect(change.kind == ChangeKind.fileError && change.path == "nul.txt", "\(change.brief)")
        let message = change.data?["error"]?.stringValue ?? ""
        #expect(message.hasPrefix("nul.txt: "), "'\(message)'")
        #expect(message.contains("NUL bytes at offset 35"), "'\(message)'")
    }

    @Test func filesOverTheSizeLimit_areErrorsWithoutBeingRead_atTheLimitIsAnArticle() throws {
        let tree = try TemporaryTree()
        let limit = 4096
        let daemon = try DaemonProcess.started(in: tree, arguments: ["--max-file-size", "\(limit)"])
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        let sentence = Array("Officials met in Baghdad on Monday to discuss the embassy. ".utf8)
        var atLimit: [UInt8] = []
        while atLimit.count < limit { atLimit += sentence }
        atLimit = Array(atLimit.prefix(limit))

        try tree.dropByRename("at-limit.txt", atLimit)
        try tree.dropByRename("over-by-one.txt", atLimit + [0x2E])
        // 64 GiB that occupy no disk (a sparse file): read whole, it would exhaust memory or take minutes.
        let huge = tree.outside + "/huge.txt"
        try tree.write([], toAbsolutePath: huge)
        guard truncate(huge, 64 << 30) == 0 else {
            throw HarnessError("cannot make a sparse file: \(String(cString: strerror(errno)))")
        }
        try tree.move(huge, to: tree.path("huge.txt"))
        let changes = try client.nextFileChanges(3, daemon: daemon)

        let byPath = Dictionary(uniqueKeysWithValues: changes.map { ($0.path ?? "-", $0) })
        #expect(byPath["at-limit.txt"]?.kind == ChangeKind.articleAdded, "\(changes.map(\.brief))")
        for (path, size) in [("over-by-one.txt", limit + 1), ("huge.txt", 64 << 30)] {
            #expect(byPath[path]?.kind == ChangeKind.fileError, "\(changes.map(\.brief))")
            let message = byPath[path]?.data?["error"]?.stringValue ?? ""
            #expect(
                message == "\(path): the file is \(size) bytes, over the limit of \(limit) bytes; split it into "
                    + "smaller articles or raise the limit with --max-file-size",
                "'\(message)'")
        }
        #expect(try daemon.status().state == .watching)
    }
}
