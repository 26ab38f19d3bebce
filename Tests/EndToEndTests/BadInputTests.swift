import ControlClient
import ControlProtocol
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
}
