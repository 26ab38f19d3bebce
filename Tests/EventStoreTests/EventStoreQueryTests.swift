import ArticleParsing
import GRDB
import Testing

@testable import EventStore

/// What clients and the reconcile read back: paths, files, articles, counts.
struct EventStoreQueryTests {
    /// Paths chosen around the folder boundary: a file named like the folder, siblings that share its
    /// first letter, and names whose next character sorts just before or after '/'.
    static let layout = ["a", "a.txt", "a-b/w.txt", "a/b/y.txt", "a/x.txt", "ab/z.txt", "b/a/q.txt"]

    @Test(arguments: StoreKind.allCases)
    func paths_whenPrefixIsEmpty_returnsEveryPathSorted(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply(Self.layout.reversed().map { .article($0) })

            #expect(try store.paths(under: "") == Self.layout.sorted())
        }
    }

    @Test(arguments: StoreKind.allCases)
    func paths_whenPrefixIsAFolder_returnsOnlyThatPathAndItsDescendants(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply(Self.layout.map { .article($0) })

            #expect(try store.paths(under: "a") == ["a", "a/b/y.txt", "a/x.txt"])
            #expect(try store.paths(under: "a/b") == ["a/b/y.txt"])
            #expect(try store.paths(under: "ab") == ["ab/z.txt"])
            #expect(try store.paths(under: "b") == ["b/a/q.txt"])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func paths_whenPrefixIsAFile_returnsJustThatFile(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply(Self.layout.map { .article($0) })

            #expect(try store.paths(under: "a.txt") == ["a.txt"])
            #expect(try store.paths(under: "a/x.txt") == ["a/x.txt"])
            #expect(try store.paths(under: "a/x") == [])
            #expect(try store.paths(under: "missing") == [])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func files_whenSomePathsAreUntracked_returnsOnlyTrackedOnes(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt", stat: .sample(inode: 1)), .failure("b.txt", "empty file")])

            let files = try store.files(at: ["a.txt", "b.txt", "c.txt"])

            #expect(files.keys.sorted() == ["a.txt", "b.txt"])
            #expect(files["a.txt"]?.path == "a.txt")
            #expect(files["a.txt"]?.stat == .sample(inode: 1))
            #expect(files["a.txt"]?.hash == "hash-1")
            #expect(files["a.txt"]?.isError == false)
            #expect(files["b.txt"]?.isError == true)
            #expect(try store.allFiles() == files)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func articles_whenFilteredByErrors_listsMatchingRowsByPath(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([
                .article("c.txt"), .failure("b.txt", "empty file"), .article("a.txt"), .failure("d.txt", "binary"),
            ])

            #expect(try store.articles().map(\.path) == ["a.txt", "b.txt", "c.txt", "d.txt"])
            #expect(try store.articles(errorsOnly: true).map(\.path) == ["b.txt", "d.txt"])
            #expect(try store.articles(errorsOnly: false).map(\.path) == ["a.txt", "c.txt"])
            #expect(try store.articles(limit: 3).map(\.path) == ["a.txt", "b.txt", "c.txt"])
            #expect(try store.articles(errorsOnly: true, limit: 1).map(\.path) == ["b.txt"])
            #expect(try store.articles(limit: 0).isEmpty)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func articles_listsEachRowAsStored(kind: StoreKind) throws {
        try withStore(kind) { store in
            let stat = FileStat.sample(version: 7)
            _ = try store.apply(
                [
                    .article("a.txt", hash: "hash-a", stat: stat, .sample(publishedSource: .text)),
                    .failure("b.txt", hash: "hash-b", stat: stat, "b.txt: empty file"),
                ], now: 1_700_000_123.5)

            let rows = try store.articles()
            try #require(rows.count == 2)
            let (article, failed) = (rows[0], rows[1])

            #expect(article.path == "a.txt")
            #expect(article.title == "Troops cross the northern border")
            #expect(article.published == "2020-01-03")
            #expect(article.publishedSource == "text")
            #expect(!article.isError)
            #expect(article.error == nil)
            #expect(article.events == 0)
            #expect(article.hash == "hash-a")
            #expect(article.size == stat.size)
            #expect(article.ingestedAt == 1_700_000_123.5)

            #expect(failed.path == "b.txt")
            #expect(failed.title == nil)
            #expect(failed.published == nil)
            #expect(failed.publishedSource == nil)
            #expect(failed.isError)
            #expect(failed.error == "b.txt: empty file")
            #expect(failed.events == 0)
            #expect(failed.hash == "hash-b")
            #expect(failed.size == stat.size)
            #expect(failed.ingestedAt == 1_700_000_123.5)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func article_whenTracked_roundTripsParagraphsAndWarnings(kind: StoreKind) throws {
        try withStore(kind) { store in
            let parsed = ParsedArticle.sample(
                paragraphs: ["First paragraph.", "Second one, with a line\nbreak inside.", "Third — “quoted”."],
                warnings: ["decoded as Windows-1252", "date taken from the file's mtime"])
            _ = try store.apply([.article("world/a.txt", parsed)])

            let text = try #require(try store.article(at: "world/a.txt"))

            #expect(text.paragraphs == parsed.paragraphs)
            #expect(text.warnings == parsed.warnings)
            #expect(text.row.path == "world/a.txt")
            #expect(text.row.title == parsed.title)
            #expect(try store.articles().only == text.row)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func article_whenItHasNoParagraphsOrWarnings_returnsEmptyLists(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("empty.txt", .sample(paragraphs: [], warnings: []))])

            let text = try #require(try store.article(at: "empty.txt"))

            #expect(text.paragraphs == [])
            #expect(text.warnings == [])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func article_whenFileFailed_returnsErrorRowWithoutText(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.failure("bad.txt", "bad.txt: empty file")])

            let text = try #require(try store.article(at: "bad.txt"))

            #expect(text.row.isError)
            #expect(text.row.error == "bad.txt: empty file")
            #expect(text.paragraphs == [])
            #expect(text.warnings == [])
        }
    }

    @Test(arguments: StoreKind.allCases)
    func article_whenPathIsUntracked_returnsNil(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([.article("a.txt")])

            #expect(try store.article(at: "b.txt") == nil)
            #expect(try store.article(at: "A.TXT") == nil)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func counts_whenEmpty_areAllZero(kind: StoreKind) throws {
        try withStore(kind) { store in
            let counts = try store.counts()

            #expect(counts.files == 0)
            #expect(counts.articles == 0)
            #expect(counts.errors == 0)
            #expect(counts.events == 0)
            #expect(counts.statements == 0)
            #expect(counts.seq == 0)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func counts_afterMixedIngest_countFilesArticlesErrorsAndSeq(kind: StoreKind) throws {
        try withStore(kind) { store in
            _ = try store.apply([
                .article("a.txt"), .article("b.txt"), .article("c.txt"), .failure("d.txt", "binary"),
                .failure("e.txt", "binary"),
            ])
            _ = try store.apply([.remove(path: "a.txt"), .failure("b.txt", hash: "hash-2", "empty file")])

            let counts = try store.counts()

            #expect(counts.files == 4)
            #expect(counts.articles == 1)
            #expect(counts.errors == 3)
            #expect(counts.seq == 7)
            #expect(counts.seq == (try store.headSeq()))
        }
    }

    /// A listing names every article of each event it shows, a thousand events at a time: the files come from the
    /// event index, not from each mention's row (at 100k articles that halved `events.list`).
    @Test func articlePathsOfEvent_readsTheFilesFromTheEventIndexAlone() throws {
        try withStore(.inMemory) { store in
            let plan = try store.writer.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + EventStore.articlePathsOfEvent, arguments: [1])
                    .map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("COVERING INDEX mentionByEvent") }, "\(plan)")
        }
    }
}
