import ArticleParsing
import EventStore
import Foundation
import Testing

/// What `apply` logs for each kind of file update.
struct EventStoreIngestTests {
    @Test(arguments: StoreKind.allCases)
    func store_whenFileIsNew_logsArticleAddedAsSeqOne(kind: StoreKind) throws {
        try withStore(kind) { store in
            let changes = try store.apply([.article("world/border.txt")], now: 1_000)

            let change = try #require(changes.only)
            #expect(change.seq == 1)
            #expect(change.kind == "article.added")
            #expect(change.path == "world/border.txt")
            #expect(change.time == 1_000)
            #expect(
                try payloadFields(change) == [
                    "title": "Troops cross the northern border", "published": "2020-01-03", "publishedSource": "header",
                ])
            #expect(try store.changes(after: 0, limit: 10) == changes)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func store_whenTitleAndDateAreUnknown_logsNullPayloadFields(kind: StoreKind) throws {
        try withStore(kind) { store in
            let untitled = ParsedArticle.sample(title: nil, published: nil, publishedSource: nil)
            let changes = try store.apply([.article("untitled.txt", untitled)])

            let change = try #require(changes.only)
            #expect(change.kind == "article.added")
            // The three keys are present with null values, not left out.
            #expect(try payloadFields(change) == ["title": nil, "published": nil, "publishedSource": nil])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func store_whenHashChanged_logsArticleUpdated(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt", hash: "hash-1")])

            let edited = ParsedArticle.sample(title: "Troops withdraw", published: nil, publishedSource: nil)
            let changes = try store.apply([.article("a.txt", hash: "hash-2", stat: .sample(version: 2), edited)])

            let change = try #require(changes.only)
            #expect(change.seq == 2)
            #expect(change.kind == "article.updated")
            #expect(change.path == "a.txt")
            #expect(try payloadFields(change) == ["title": "Troops withdraw", "published": nil, "publishedSource": nil])
            #expect(try store.allFiles()["a.txt"]?.hash == "hash-2")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func store_whenHashChangedButParseIsTheSame_logsArticleUpdated(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt", hash: "hash-1")])

            // New bytes (e.g. whitespace) that parse to the same article: the bytes changed, so it is logged.
            let changes = try store.apply([.article("a.txt", hash: "hash-2")])

            #expect(changes.map(\.kind) == ["article.updated"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func store_whenHashAndContentUnchanged_logsNothing(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt")])

            // A forced reparse that gives the same article.
            let changes = try store.apply([.article("a.txt", stat: .sample(version: 2))])

            #expect(changes.isEmpty)
            #expect(try store.headSeq() == 1)
            // The file row is still refreshed.
            #expect(try store.allFiles()["a.txt"]?.stat == .sample(version: 2))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func store_whenHashUnchangedButTitleParsedDifferently_logsArticleUpdated(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt")])

            // A forced reparse after a parser change: same bytes, new title.
            let changes = try store.apply([.article("a.txt", .sample(title: "A better title"))])

            let change = try #require(changes.only)
            #expect(change.kind == "article.updated")
            #expect(try payloadFields(change)["title"] == "A better title")
            #expect(try store.article(at: "a.txt")?.row.title == "A better title")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func store_whenHashUnchangedButBodyOrWarningsParsedDifferently_logsArticleUpdated(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt")])

            let shorter = ["Only one paragraph now."]
            let newBody = try store.apply([.article("a.txt", .sample(paragraphs: shorter))])
            let newWarnings = try store.apply([
                .article("a.txt", .sample(paragraphs: shorter, warnings: ["decoded as Windows-1252"]))
            ])

            #expect(newBody.map(\.kind) == ["article.updated"])
            #expect(newWarnings.map(\.kind) == ["article.updated"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func store_whenContentIsFailure_logsFileErrorWithMessage(kind: StoreKind) throws {
        try withStore(kind) { store in
            let message = "bad.txt: not valid UTF-8 at byte 12; save the file as UTF-8"
            let changes = try store.apply([.failure("bad.txt", message)])

            let change = try #require(changes.only)
            #expect(change.seq == 1)
            #expect(change.kind == "file.error")
            #expect(change.path == "bad.txt")
            #expect(try payloadFields(change) == ["error": message])
            #expect(try store.allFiles()["bad.txt"]?.isError == true)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func store_whenSameFailureRepeats_logsNothing(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.failure("bad.txt", "empty file")])

            let changes = try store.apply([.failure("bad.txt", "empty file")])

            #expect(changes.isEmpty)
            #expect(try store.headSeq() == 1)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func store_whenArticleRecoversFromFailure_logsArticleUpdated(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.failure("a.txt", hash: "hash-1", "empty file")])

            let changes = try store.apply([.article("a.txt", hash: "hash-2")])

            #expect(changes.map(\.kind) == ["article.updated"])
            let row = try #require(try store.article(at: "a.txt")?.row)
            #expect(!row.isError)
            #expect(row.error == nil)
            #expect(row.title == "Troops cross the northern border")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func store_whenArticleTurnsIntoFailure_logsFileErrorAndDropsArticle(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt", hash: "hash-1")])

            let changes = try store.apply([.failure("a.txt", hash: "hash-2", "empty file")])

            let change = try #require(changes.only)
            #expect(change.kind == "file.error")
            #expect(try payloadFields(change) == ["error": "empty file"])
            let text = try #require(try store.article(at: "a.txt"))
            #expect(text.row.isError)
            #expect(text.row.error == "empty file")
            #expect(text.row.title == nil)
            #expect(text.paragraphs.isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func remove_whenPathIsTracked_logsArticleRemoved(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt"), .article("b.txt")])

            let changes = try store.apply([.remove(path: "a.txt")], now: 2_000)

            let change = try #require(changes.only)
            #expect(change.seq == 3)
            #expect(change.kind == "article.removed")
            #expect(change.path == "a.txt")
            #expect(change.time == 2_000)
            #expect(try store.allFiles().keys.sorted() == ["b.txt"])
            #expect(try store.article(at: "a.txt") == nil)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func remove_whenPathIsAFailedFile_logsArticleRemoved(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.failure("bad.txt", "empty file")])

            let changes = try store.apply([.remove(path: "bad.txt")])

            #expect(changes.map(\.kind) == ["article.removed"])
            #expect(try store.allFiles().isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func remove_whenPathIsUntracked_logsNothing(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt")])

            let changes = try store.apply([.remove(path: "never-seen.txt"), .remove(path: "a.txt/")])

            #expect(changes.isEmpty)
            #expect(try store.headSeq() == 1)
            #expect(try store.allFiles().keys.sorted() == ["a.txt"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func restat_whenPathIsTracked_updatesStatAndLogsNothing(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt", stat: .sample(version: 1))])

            let touched = FileStat(device: 7, inode: 99, size: 1_234, mtimeNs: 1_800_000_000_000_000_000)
            let changes = try store.apply([.restat(path: "a.txt", stat: touched)])

            #expect(changes.isEmpty)
            #expect(try store.headSeq() == 1)
            let file = try #require(try store.allFiles()["a.txt"])
            #expect(file.stat == touched)
            #expect(file.hash == "hash-1")
            #expect(!file.isError)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func restat_whenPathIsUntracked_tracksNothing(kind: StoreKind) throws {
        try withStore(kind) { store in
            let changes = try store.apply([.restat(path: "ghost.txt", stat: .sample())])

            #expect(changes.isEmpty)
            #expect(try store.allFiles().isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func apply_whenBatchMixesUpdates_returnsLoggedChangesInSeqOrder(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("old.txt")])

            let changes = try store.apply([
                .article("new.txt"),
                .restat(path: "old.txt", stat: .sample(version: 5)),
                .failure("broken.txt", "empty file"),
                .remove(path: "untracked.txt"),
                .remove(path: "old.txt"),
            ])

            #expect(changes.map(\.seq) == [2, 3, 4])
            #expect(changes.map(\.kind) == ["article.added", "file.error", "article.removed"])
            #expect(changes.map(\.path) == ["new.txt", "broken.txt", "old.txt"])
            #expect(try store.changes(after: 1, limit: 10) == changes)
        }
    }

    /// `st_ino` is a `UInt64` on Linux, and overlayfs (`xino`) and some FUSE filesystems hand out inode
    /// numbers with the top bit set. The store must keep such a stat, not trap. Runs in a child process
    /// because today the store traps converting the value to `Int64`.
    @Test(arguments: StoreKind.allCases)
    func store_whenInodeIsAboveInt64Max_keepsTheStat(kind: StoreKind) async throws {
        // Made and removed here: the child process may die before it could clean up.
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }

        await #expect(processExitsWith: .success) { [kind = kind as StoreKind, directory = directory as URL] in
            let store = try openStore(kind, in: directory)
            let stat = FileStat(device: UInt64.max, inode: UInt64(Int64.max) + 2, size: 10, mtimeNs: 1)
            _ = try store.apply([.article("overlay.txt", stat: stat)])
            guard try store.allFiles()["overlay.txt"]?.stat == stat else { exit(1) }
        }
    }
}
