import ControlClient
import ControlProtocol
import Foundation
import GRDB
import Glibc
import Testing

/// A damaged database is moved aside and the store rebuilt from the folder, under a new generation: no crash loop.
struct CorruptDatabaseTests {
    @Test func garbageDatabase_isMovedAside_andTheStoreRebuiltFromTheFolder_underANewGeneration() throws {
        let tree = try TemporaryTree()
        let (names, cursor, _) = try Self.ingested(tree, articles: 20)
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try tree.write(garbage, toAbsolutePath: Self.database(tree))

        let (aside, line) = try Self.restartAndFindTheCopy(tree, expecting: names, cursor: cursor)

        #expect(FileManager.default.contents(atPath: aside).map(Array.init) == garbage, "the copy is not the garbage")
        #expect(line.contains("file is not a database"), "\(line)")
    }

    @Test func truncatedDatabase_isMovedAside_andTheStoreRebuiltUnderANewGeneration() throws {
        let tree = try TemporaryTree()
        let (names, cursor, size) = try Self.ingested(tree, articles: 100)
        #expect(size > 64 * 4096, "the database is too small to cut")
        #expect(truncate(Self.database(tree), off_t(size / 2)) == 0)

        let (aside, _) = try Self.restartAndFindTheCopy(tree, expecting: names, cursor: cursor)

        #expect(FileManager.default.contents(atPath: aside)?.count == size / 2)
    }

    /// Damage that SQLite does not notice when it opens the file (the schema pages are intact) is found by
    /// `PRAGMA quick_check` at the start after a crash (after a clean stop the check is skipped: it reads the
    /// whole file), not by a failing write later.
    @Test func databaseWithDamagedPages_afterACrash_failsTheStartUpCheck_isMovedAside_andTheStoreRebuilt() throws {
        let tree = try TemporaryTree()
        let (names, cursor, size) = try Self.ingested(tree, articles: 100, crashing: true)
        #expect(size > 64 * 4096, "the database is too small to damage its middle")
        // Garbage over the middle fifth: data and index pages, far from the schema's.
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<(size / 5)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let file = try #require(FileHandle(forWritingAtPath: Self.database(tree)))
        try file.seek(toOffset: UInt64(size * 2 / 5))
        try file.write(contentsOf: garbage)
        try file.close()

        let (_, line) = try Self.restartAndFindTheCopy(tree, expecting: names, cursor: cursor)

        #expect(line.contains("is damaged: "), "not found by the check: \(line)")
    }

    /// Damage to pages that opening the database does not read, after a clean stop (the start-up check is
    /// skipped then): the first read that meets them, the start-up reconcile's, makes every reply that reads the
    /// store say to restart, and that restart moves the database aside and rebuilds the store.
    @Test func damagedFileRows_afterACleanStop_areFoundByTheFirstRead_andTheRestartItAsksFor_rebuildsTheStore() throws {
        let tree = try TemporaryTree()
        let (names, cursor, _) = try Self.ingested(tree, articles: 100)
        let queue = try DatabaseQueue(path: Self.database(tree))
        let (pageSize, pages) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0,
                try Int.fetchAll(db, sql: "SELECT pageno FROM dbstat WHERE name = 'file' AND pagetype = 'leaf'")
            )
        }
        try queue.close()
        #expect(!pages.isEmpty, "the file table has no leaf pages")
        var generator = SystemRandomNumberGenerator()
        let file = try #require(FileHandle(forWritingAtPath: Self.database(tree)))
        for page in pages {
            try file.seek(toOffset: UInt64((page - 1) * pageSize))
            try file.write(contentsOf: (0..<pageSize).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        try file.close()

        let daemon = try DaemonProcess(tree: tree)
        let refusal = try #require(
            eventuallyValue { () -> RPCError? in
                do {
                    _ = try daemon.withConnection { try $0.call(.status, as: StatusResult.self) }
                } catch let error as RPCError {
                    return error
                } catch {}
                return nil
            }, "status never reported the damage\(daemon.diagnostics)")
        #expect(refusal.message.contains("malformed"), "\(refusal.message)")
        #expect(refusal.message.contains("restart tidingsd to move the database aside"), "\(refusal.message)")
        #expect(try daemon.stop() == .exited(0))

        let (_, line) = try Self.restartAndFindTheCopy(tree, expecting: names, cursor: cursor)
        #expect(line.contains("quick_check"), "not found by the start-up check: \(line)")
    }

    // MARK: - Helpers

    private static func database(_ tree: TemporaryTree) -> String { tree.state + "/tidings.sqlite" }

    /// `count` generated articles ingested by a daemon, which is then stopped; every page is then moved from the
    /// WAL into the database file, so that damage to the file hits committed pages (SQLite reads a page from the WAL
    /// while the WAL holds it). Returns the paths, the cursor a client would hold, and the database's size.
    private static func ingested(
        _ tree: TemporaryTree, articles count: Int, crashing: Bool = false
    ) throws -> (names: [String], cursor: SubscribeParams, size: Int) {
        let names = try GeneratedCorpus.write(count, into: tree).sorted()
        let daemon = try DaemonProcess.started(in: tree)
        let status = try daemon.waitForStatus("an empty backlog") { $0.backlog == 0 }
        if crashing {
            try daemon.crash()
        } else {
            #expect(try daemon.stop() == .exited(0))
        }
        let queue = try DatabaseQueue(path: database(tree))
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        let size = try #require(FileManager.default.attributesOfItem(atPath: database(tree))[.size] as? Int)
        return (names, SubscribeParams(since: status.seq, generation: status.generation), size)
    }

    /// Starts the daemon on the damaged database and requires it to serve every file of the folder under a new
    /// generation, telling a client with the old `cursor` to resync; returns the copy it moved aside and the one
    /// loud log line that names it with the database.
    private static func restartAndFindTheCopy(
        _ tree: TemporaryTree, expecting names: [String], cursor: SubscribeParams
    ) throws -> (aside: String, logLine: String) {
        let daemon = try DaemonProcess(tree: tree)
        let status = try daemon.waitUntil("every file stored", timeout: .seconds(60)) {
            $0.state == .watching && $0.backlog == 0
        }
        #expect(try daemon.articles().map(\.path).sorted() == names)
        #expect(status.files == names.count)
        #expect(status.generation != cursor.generation)
        let client = try daemon.connect()
        defer { client.close() }
        let subscription = try client.subscribe(cursor)
        #expect(subscription.resync && subscription.since == 0, "\(subscription)")

        let copies = try FileManager.default.contentsOfDirectory(atPath: tree.state)
            .filter { $0.hasPrefix("tidings.sqlite.corrupt-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        #expect(copies.count == 1, "\(copies)\(daemon.diagnostics)")
        let aside = tree.state + "/" + (copies.first ?? "none")
        // The copy is named by the time in UTC: tidings.sqlite.corrupt-20250131T235959Z.
        #expect(aside.wholeMatch(of: /.*\/tidings\.sqlite\.corrupt-\d{8}T\d{6}Z/) != nil, "\(aside)")
        let lines = daemon.log.split(separator: "\n").filter { $0.contains("the database was damaged") }
        #expect(lines.count == 1, "\(daemon.diagnostics)")
        let line = String(lines.first ?? "")
        #expect(line.contains(" critical ") && line.contains(database(tree) + " ") && line.contains(aside), "\(line)")
        return (aside, line)
    }
}
