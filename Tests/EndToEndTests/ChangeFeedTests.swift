import ControlClient
import ControlProtocol
import Testing

/// What a subscriber hears when files in the watched folder are added, touched, appended to and deleted.
///
/// Each ingested article also brings `event.*` and `statement.*` changes; these tests look at the file changes
/// (`article.*`, `file.error`) and skip the others, as the protocol tells clients to skip kinds they do not use.
struct ChangeFeedTests {
    @Test func seedsDroppedByRename_eachGiveArticleAdded() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        let subscription = try client.subscribe(SubscribeParams())

        let paths = try Seeds.drop(into: tree)
        let added = try client.nextFileChanges(5, daemon: daemon)

        #expect(added.map(\.kind) == Array(repeating: ChangeKind.articleAdded, count: 5), "\(added.map(\.brief))")
        #expect(Set(added.compactMap(\.path)) == Set(paths))
        #expect(added.map(\.seq) == added.map(\.seq).sorted() && Set(added.map(\.seq)).count == 5)
        #expect(added.allSatisfy { $0.generation == subscription.generation })
        // Exactly five: the whole log since subscribing holds no other file change, and the hidden
        // temporaries the files were written to were never tracked.
        let everything = try daemon.changes(after: subscription.seq)
        #expect(everything.filter(\.isFileChange) == added, "\(everything.map(\.brief))")
        #expect(try daemon.status().articles == 5)
        #expect(try daemon.articles().map(\.path).sorted() == paths.sorted())
    }

    @Test func touchOfIngestedFile_givesNoNotification() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        let seeds = try Seeds.all()
        try tree.dropByRename(seeds[0].name, seeds[0].bytes)
        let added = try client.nextFileChange(daemon: daemon)
        try #require(added.kind == ChangeKind.articleAdded && added.path == seeds[0].name, "\(added.brief)")
        let settled = try daemon.settledSeq()
        let before = try #require(try daemon.articles().first { $0.path == seeds[0].name })

        try tree.touch(seeds[0].name)
        // A different change after the touch: had the touch produced a notice, it would come first.
        try tree.dropByRename(seeds[1].name, seeds[1].bytes)
        let next = try client.nextFileChange(daemon: daemon)

        #expect(next.path == seeds[1].name, "the touch of \(seeds[0].name) gave \(next.brief)")
        #expect(next.kind == ChangeKind.articleAdded)
        let since = try daemon.changes(after: settled)
        #expect(!since.contains { $0.path == seeds[0].name }, "changes after the touch: \(since.map(\.brief))")
        let after = try #require(try daemon.articles().first { $0.path == seeds[0].name })
        #expect(after.hash == before.hash)
    }

    @Test func appendToIngestedFile_givesArticleUpdated() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        let seed = try Seeds.all()[0]
        try tree.dropByRename(seed.name, seed.bytes)
        let added = try client.nextFileChange(daemon: daemon)
        try #require(added.kind == ChangeKind.articleAdded && added.path == seed.name, "\(added.brief)")
        _ = try daemon.settledSeq()
        let before = try #require(try daemon.articles().first { $0.path == seed.name })

        try tree.append(seed.name, "\nThe embassy said on Friday that consular services would resume next week.\n")
        let updated = try client.nextFileChange(daemon: daemon)

        #expect(updated.kind == ChangeKind.articleUpdated, "\(updated.brief)")
        #expect(updated.path == seed.name)
        #expect(updated.seq > added.seq)
        let after = try #require(try daemon.articles().first { $0.path == seed.name })
        #expect(after.hash != before.hash)
        #expect(after.size > before.size)
        #expect(after.status == .ok)
    }

    @Test func deleteOfIngestedFile_givesArticleRemoved() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        let seed = try Seeds.all()[0]
        try tree.dropByRename(seed.name, seed.bytes)
        let added = try client.nextFileChange(daemon: daemon)
        try #require(added.kind == ChangeKind.articleAdded && added.path == seed.name, "\(added.brief)")

        try tree.remove(seed.name)
        let removed = try client.nextFileChange(daemon: daemon)

        #expect(removed.kind == ChangeKind.articleRemoved, "\(removed.brief)")
        #expect(removed.path == seed.name)
        #expect(removed.seq > added.seq)
        #expect(try daemon.articles().isEmpty)
        let error = #expect(throws: RPCError.self) {
            try daemon.connect().call(.articleGet, params: PathParams(path: seed.name), as: ArticleDetail.self)
        }
        #expect(error?.code == RPCError.notFoundCode)
    }
}
