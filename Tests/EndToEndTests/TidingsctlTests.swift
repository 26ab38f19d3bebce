import ControlClient
import ControlProtocol
import Foundation
import Glibc
import Testing

/// `tidingsctl` as scripts use it: `--json` output, exit codes, and `watch` as a long-running process.
struct TidingsctlTests {
    static let statusKeys = [
        "state", "root", "files", "articles", "events", "statements", "errors", "backlog", "seq", "generation",
        "uptimeSeconds",
    ]
    static let articleKeys = ["path", "title", "published", "publishedSource", "status", "error", "events", "hash"]

    @Test func statusJSON_hasEveryKey() throws {
        let tree = try TemporaryTree()
        try Seeds.drop(into: tree)
        let daemon = try DaemonProcess.started(in: tree)

        let status = try #require(try Tidingsctl(tree: tree).json("status") as? [String: Any])

        let missing = Self.statusKeys.filter { status[$0] == nil }
        #expect(missing.isEmpty, "status --json lacks \(missing): \(status)")
        #expect(status["state"] as? String == "watching")
        #expect(status["root"] as? String == tree.root)
        #expect(status["files"] as? Int == 5)
        #expect(status["seq"] as? Int == Int(try daemon.status().seq))
        #expect((status["generation"] as? String)?.isEmpty == false)
        #expect(status["uptimeSeconds"] is NSNumber)
    }

    @Test func articlesJSON_rowsHaveEveryKey_withNullTitleForAFileThatDidNotParse() throws {
        let tree = try TemporaryTree()
        let paths = try Seeds.drop(into: tree)
        try tree.dropByRename("empty.txt", [])
        let daemon = try DaemonProcess.started(in: tree)

        let rows = try #require(
            try Tidingsctl(tree: tree).json("articles") as? [[String: Any]], "\(daemon.diagnostics)")

        #expect(Set(rows.compactMap { $0["path"] as? String }) == Set(paths + ["empty.txt"]))
        for row in rows {
            let missing = Self.articleKeys.filter { row[$0] == nil }
            #expect(missing.isEmpty, "articles --json row lacks \(missing): \(row)")
            #expect((row["hash"] as? String)?.count == 64, "\(row)")
        }
        let failed = try #require(rows.first { $0["path"] as? String == "empty.txt" })
        #expect(failed["status"] as? String == "error")
        #expect(failed["title"] is NSNull, "title of a file that did not parse: \(String(describing: failed["title"]))")
        #expect((failed["error"] as? String)?.isEmpty == false)
        let parsed = rows.filter { $0["path"] as? String != "empty.txt" }
        #expect(parsed.allSatisfy { $0["status"] as? String == "ok" && $0["error"] is NSNull }, "\(parsed)")
    }

    @Test func eventsAndArticles_arePaged_withLimitAndOffset_andSayWhereTheNextPageStarts() throws {
        let tree = try TemporaryTree()
        try Seeds.drop(into: tree)
        let daemon = try DaemonProcess.started(in: tree)
        let ctl = Tidingsctl(tree: tree)

        let all = try #require(try ctl.json("events", ["--limit", "10000"]) as? [[String: Any]])
        let ids = all.compactMap { $0["id"] as? Int }
        #expect(ids.count > 6, "the seeds report more than a few events: \(ids)")
        var paged: [Int] = []
        for offset in stride(from: 0, to: ids.count, by: 3) {
            let page = try #require(try ctl.json("events", ["--limit", "3", "--offset", "\(offset)"]) as? [[String: Any]])
            paged += page.compactMap { $0["id"] as? Int }
        }
        #expect(paged == ids, "pages of 3 give the listing in the same order, each event once")

        let full = try ctl.run("events", ["--limit", "2"])
        #expect(full.termination == .exited(0))
        #expect(full.stderr.contains("--offset 2"), "a full page says where the next starts: \(full.stderr)")
        let last = try ctl.run("articles", ["--limit", "4", "--offset", "4"])
        #expect(last.stdout.contains("004_"), "\(last.stdout)")
        #expect(!last.stderr.contains("--offset"), "the last page is not full: \(last.stderr)")

        // The daemon answers at most 10,000 rows, and refuses a negative page.
        let raw = try RawControlSocket(path: daemon.socket)
        let reply = try raw.exchange(#"{"jsonrpc":"2.0","id":1,"method":"events.list","params":{"offset":-1}}"#)
        let error = try #require(reply["error"] as? [String: Any], "\(reply)")
        #expect(error["code"] as? Int == -32602 && (error["message"] as? String)?.contains("offset") == true, "\(reply)")
        let bad = try ctl.run("events", ["--limit", "20000"])
        #expect(bad.termination != .exited(0) && bad.stderr.contains("--limit"), "\(bad)")
    }

    /// `--json` lists each event's articles; the table asks for the listing without them and still shows how
    /// many there are.
    @Test func eventsTable_showsTheArticleCounts_thatJSONLists() throws {
        let tree = try TemporaryTree()
        try Seeds.drop(into: tree)
        let daemon = try DaemonProcess.started(in: tree)
        let ctl = Tidingsctl(tree: tree)

        let all = try #require(try ctl.json("events") as? [[String: Any]], "\(daemon.diagnostics)")
        #expect(all.allSatisfy { ($0["articles"] as? [String])?.count == $0["articleCount"] as? Int }, "\(all)")
        let widest = try #require(all.max { ($0["articleCount"] as? Int ?? 0) < ($1["articleCount"] as? Int ?? 0) })
        let id = try #require(widest["id"] as? Int)
        let count = try #require(widest["articleCount"] as? Int)
        #expect(count > 1, "the seeds share events")
        let table = try ctl.run("events")
        let row = table.stdout.split(separator: "\n").first { $0.drop { $0 == " " }.hasPrefix("\(id) ") }
        #expect(row?.contains("  \(count)  ") == true, "event \(id) reported by \(count) articles: \(table.stdout)")
    }

    @Test func watchSinceJSON_replaysWhatTheClientMissed_thenFollowsLiveChanges() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let client = try daemon.connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams())
        let paths = try Seeds.drop(into: tree)
        let added = try client.nextFileChanges(5, daemon: daemon)
        let head = try daemon.settledSeq()
        // A client that handled everything up to the second file's addition, and missed the rest.
        let since = added[1].seq

        let watch = try Tidingsctl(tree: tree).spawn(
            "watch", ["--since", String(since), "--generation", added[1].generation, "--json"])
        let replayed = try Self.readNotices(from: watch) { $0.seq >= head }
        try tree.dropByRename("later/" + paths[0], try Seeds.all()[0].bytes)
        let live = try Self.readNotices(from: watch) { $0.isFileChange }

        #expect(replayed.map(\.seq) == Array((since + 1)...head), "\(replayed.map(\.brief))")
        #expect(replayed.filter(\.isFileChange).map(\.path) == added.suffix(3).map(\.path))
        #expect((replayed + live).map(\.seq) == Array((since + 1)...(head + Int64(live.count))))
        #expect(live.last?.kind == ChangeKind.articleAdded, "\(live.map(\.brief))")
        #expect(live.last?.path == "later/" + paths[0])
        // Ctrl-C is how people stop watching, and counts as success.
        watch.send(SIGINT)
        #expect(watch.waitForExit() == .exited(0), "stderr: \(watch.stderr)")
    }

    @Test func watch_whenTheDaemonStops_exitsOne_sayingHowToResume() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let seed = try Seeds.all()[0]
        let watch = try Tidingsctl(tree: tree).spawn("watch", ["--since", "0", "--json"])
        try tree.dropByRename(seed.name, seed.bytes)
        var printed = try Self.readNotices(from: watch) { $0.isFileChange }
        let head = try daemon.settledSeq()
        if let last = printed.last, last.seq < head {
            printed += try Self.readNotices(from: watch) { $0.seq >= head }
        }

        try #require(try daemon.stop() == .exited(0), "\(daemon.diagnostics)")
        let termination = watch.waitForExit()

        #expect(printed.contains { $0.path == seed.name && $0.kind == ChangeKind.articleAdded })
        #expect(termination == .exited(1), "stderr: \(watch.stderr)")
        // The cursor to resume from is the last change it printed.
        #expect(
            watch.stderr.contains("resume with 'tidingsctl watch --since \(head) --generation"),
            "stderr: \(watch.stderr)")
    }

    @Test func commandWithoutDaemon_exitsOne_namingTheSocket() throws {
        let tree = try TemporaryTree()

        let run = try Tidingsctl(tree: tree).run("status", ["--json"])

        #expect(run.termination == .exited(1), "\(run)")
        #expect(run.stderr.contains("no daemon at \(tree.socket)"), "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
    }

    /// Reads `tidingsctl watch --json` lines, each a `ChangeNotice`, up to and including the first for which
    /// `last` holds, within the deadline.
    private static func readNotices(from watch: ChildProcess, until last: (ChangeNotice) -> Bool) throws
        -> [ChangeNotice]
    {
        let lines = try #require(watch.stdoutLines)
        let deadline = Deadline(after: Timeouts.standard)
        var notices: [ChangeNotice] = []
        while notices.last.map(last) != true {
            switch lines.nextLine(timeout: deadline.remaining) {
            case .line(let line):
                do {
                    notices.append(try JSONDecoder().decode(ChangeNotice.self, from: Data(line.utf8)))
                } catch {
                    throw HarnessError("watch --json printed a line that is not a change: \(line)")
                }
            case .endOfFile, .timedOut:
                throw HarnessError(
                    "'\(watch.commandLine)' printed \(notices.map(\.brief)), then nothing more "
                        + "(running: \(watch.isRunning), partial line: '\(lines.partialLine)')"
                        + "\nstderr:\n\(watch.stderr)")
            }
        }
        return notices
    }
}
