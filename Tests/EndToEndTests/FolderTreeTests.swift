import ControlClient
import ControlProtocol
import Testing

/// Which files in the watched tree become articles: nested ones, whole folders moved in, and the three
/// formats (text, HTML, news-crawler JSON) do; hidden files, editor leftovers and other names do not.
struct FolderTreeTests {
    @Test func nestedFilesAndFolderMovedIn_areIngested_hiddenSwapBackupAndNonTextFilesAreNot() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        let seeds = try Seeds.all()

        // Names to ignore first: were any ingested, its notice would come before the good files' ones.
        for ignored in [".hidden.txt", "notes.txt.swp", "draft.txt~", "readme.md", "page.html.tmp", ".git/objects.txt"] {
            try tree.write(ignored, seeds[0].bytes)
        }
        try tree.dropByRename("world/middle-east/iraq.txt", seeds[1].bytes)
        // A folder prepared outside the root, then moved in with one rename.
        try tree.write(seeds[2].bytes, toAbsolutePath: tree.outside + "/batch/embassy.txt")
        try tree.write(seeds[3].bytes, toAbsolutePath: tree.outside + "/batch/follow-up/marines.txt")
        try tree.write(seeds[4].bytes, toAbsolutePath: tree.outside + "/batch/.embassy.txt.swp")
        try tree.move(tree.outside + "/batch", to: tree.path("batch"))
        let expected: Set = ["world/middle-east/iraq.txt", "batch/embassy.txt", "batch/follow-up/marines.txt"]
        let changes = try client.nextFileChanges(3, daemon: daemon)
        // A last file: the very next notice is its, so nothing ignored was ingested late either.
        try tree.dropByRename("zz-last.txt", seeds[4].bytes)
        let last = try client.nextFileChange(daemon: daemon)

        #expect(Set(changes.compactMap(\.path)) == expected, "\(changes.map(\.brief))")
        #expect(changes.allSatisfy { $0.kind == ChangeKind.articleAdded }, "\(changes.map(\.brief))")
        #expect(last.path == "zz-last.txt", "\(last.brief)")
        #expect(Set(try daemon.articles().map(\.path)) == expected.union(["zz-last.txt"]))
    }

    @Test func htmlPageAndCrawlerJSON_areIngestedWithTitleAndDate() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())

        try tree.dropByRename(
            "web/page.html",
            """
            <html><head><title>Troops deployed | Example News</title>
            <meta property="article:published_time" content="2020-01-02T08:00:00Z"></head>
            <body><nav>Home | World</nav><h1>Troops deployed</h1>
            <p>The United States deployed additional troops to Iraq on Wednesday.</p>
            <p>Officials said the situation remained tense.</p><footer>© Example</footer></body></html>
            """)
        try tree.dropByRename(
            "crawl/story.json",
            #"{"title": "Talks in Berlin", "maintext": "German Chancellor Olaf Scholz met Ukrainian President Volodymyr Zelensky in Berlin on Monday.", "date_publish": "2022-05-09 10:00:00", "url": "https://example.org/talks"}"#)
        let changes = try client.nextFileChanges(2, daemon: daemon)

        #expect(Set(changes.compactMap(\.path)) == ["web/page.html", "crawl/story.json"], "\(changes.map(\.brief))")
        let articles = Dictionary(uniqueKeysWithValues: try daemon.articles().map { ($0.path, $0) })
        #expect(articles["web/page.html"]?.title == "Troops deployed")
        #expect(articles["web/page.html"]?.published == "2020-01-02")
        #expect(articles["crawl/story.json"]?.title == "Talks in Berlin")
        #expect(articles["crawl/story.json"]?.published == "2022-05-09")
        #expect(articles.values.allSatisfy { $0.status == .ok })
    }

    @Test func folderMovedOutOfTheTree_removesEveryArticleInIt() throws {
        let tree = try TemporaryTree()
        let seeds = try Seeds.all()
        try tree.dropByRename("keep.txt", seeds[0].bytes)
        try tree.dropByRename("region/a.txt", seeds[1].bytes)
        try tree.dropByRename("region/sub/b.txt", seeds[2].bytes)
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())

        try tree.move(tree.path("region"), to: tree.outside + "/region")
        let changes = try client.nextFileChanges(2, daemon: daemon)

        #expect(changes.allSatisfy { $0.kind == ChangeKind.articleRemoved }, "\(changes.map(\.brief))")
        #expect(Set(changes.compactMap(\.path)) == ["region/a.txt", "region/sub/b.txt"])
        #expect(try daemon.articles().map(\.path) == ["keep.txt"])
    }
}
