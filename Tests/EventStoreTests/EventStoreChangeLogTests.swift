import EventStore
import Foundation
import Testing

/// The change log: seq numbering, paging and the head.
struct EventStoreChangeLogTests {
    @Test(arguments: StoreKind.allCases)
    func headSeq_whenLogIsEmpty_isZero(kind: StoreKind) throws {
        try withStore(kind) { store throws in
            #expect(try store.headSeq() == 0)
            #expect(try store.changes(after: 0, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func apply_acrossBatches_assignsStrictlyIncreasingSeqsWithoutGaps(kind: StoreKind) throws {
        try withStore(kind) { store in
            var seqs: [Int64] = []
            seqs += try store.apply([.article("a.txt"), .article("b.txt")]).map(\.seq)
            seqs += try store.apply([.restat(path: "a.txt", stat: .sample(version: 9))]).map(\.seq)
            seqs += try store.apply([.article("c.txt"), .article("a.txt", hash: "hash-2")]).map(\.seq)
            seqs += try store.apply([.failure("b.txt", hash: "hash-2", "empty file")]).map(\.seq)

            #expect(seqs == [1, 2, 3, 4, 5])
            #expect(try store.headSeq() == 5)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func apply_afterFilesAreRemovedAndReadded_neverReusesASeq(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt"), .article("b.txt")])
            _ = try store.apply([.remove(path: "b.txt")])
            _ = try store.apply([.remove(path: "a.txt")])
            #expect(try store.allFiles().isEmpty)

            let readded = try store.apply([.article("b.txt"), .article("a.txt")])

            #expect(readded.map(\.seq) == [5, 6])
            #expect(readded.map(\.kind) == ["article.added", "article.added"])
            let log = try store.changes(after: 0, limit: 100)
            #expect(log.map(\.seq) == [1, 2, 3, 4, 5, 6])
            #expect(log.map(\.kind) == ["article.added", "article.added", "article.removed", "article.removed",
                                        "article.added", "article.added"])
        }
    }

    /// The store never deletes change rows itself, so the only way to delete the newest ones (which a plain
    /// rowid would hand out again) is from outside: the `sqlite3` shell, on an on-disk store only.
    @Test(.enabled(if: sqlite3Shell != nil, "needs the sqlite3 shell to delete change rows"))
    func apply_afterNewestChangeRowsAreDeleted_neverReusesTheirSeqs() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("tidings.sqlite").path
            try {
                let store = try EventStore(path: path)
                _ = try store.apply([.article("a.txt"), .article("b.txt"), .article("c.txt")])
            }()
            let shell = try Process.run(
                try #require(sqlite3Shell), arguments: [path, "DELETE FROM change WHERE seq > 1"])
            shell.waitUntilExit()
            try #require(shell.terminationStatus == 0)

            let store = try EventStore(path: path)
            #expect(try store.headSeq() == 1)
            let changes = try store.apply([.remove(path: "c.txt")])

            #expect(changes.map(\.seq) == [4])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func headSeq_afterBatchThatLogsNothing_isUnchanged(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt")])

            let changes = try store.apply([
                .article("a.txt"), .restat(path: "a.txt", stat: .sample(version: 3)), .remove(path: "gone.txt"),
            ])

            #expect(changes.isEmpty)
            #expect(try store.headSeq() == 1)
            #expect(try store.counts().seq == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func changes_whenPagedWithALimit_returnsEveryChangeOnceInOrder(kind: StoreKind) throws {
        try withStore(kind) { store in
            let paths = (1...7).map { "story-\($0).txt" }
            let logged = try store.apply(paths.map { .article($0) })
            #expect(logged.count == 7)

            var pages: [[ChangeRecord]] = []
            var cursor: Int64 = 0
            while true {
                let page = try store.changes(after: cursor, limit: 3)
                if page.isEmpty { break }
                pages.append(page)
                cursor = try #require(page.last).seq
                try #require(pages.count <= 7, "paging does not advance")
            }

            #expect(pages.map { $0.map(\.seq) } == [[1, 2, 3], [4, 5, 6], [7]])
            #expect(pages.flatMap { $0 } == logged)
            #expect(pages.flatMap { $0 }.map(\.path) == paths)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func changes_whenCursorIsMidLog_returnsOnlyLaterChanges(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt"), .article("b.txt"), .article("c.txt")])

            #expect(try store.changes(after: 2, limit: 10).map(\.path) == ["c.txt"])
            #expect(try store.changes(after: 3, limit: 10).isEmpty)
            #expect(try store.changes(after: 99, limit: 10).isEmpty)
            #expect(try store.changes(after: 0, limit: 0).isEmpty)
        }
    }
}

/// The `sqlite3` shell on PATH, if any.
let sqlite3Shell: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
    .split(separator: ":")
    .map { URL(fileURLWithPath: String($0)).appendingPathComponent("sqlite3") }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }
