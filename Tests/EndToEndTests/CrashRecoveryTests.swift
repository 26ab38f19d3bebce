import ControlProtocol
import Foundation
import GRDB
import Testing

/// Nothing committed is lost and nothing is applied twice, wherever the daemon is killed.
struct CrashRecoveryTests {
    /// Enough for eight commits of 256 files; a debug build ingests them in about 20 s on an idle 2-core machine.
    static let articleCount = 2_000
    /// Smaller batches than the daemon's own, so that the kills fall between commits of this small corpus: a bulk
    /// ingest commits up to four examined batches at once, here 256 files.
    static let batchArguments = ["--batch-size", "64"]
    /// One ingest of the corpus, generously: the full suite runs other daemons on the same two cores.
    static let ingestTimeout: Duration = .seconds(240)

    @Test func sigkillAtSeveralPointsOfABulkIngest_thenRestart_givesTheStoreOfACleanIngest_withAGaplessChangeLog()
        throws
    {
        let tree = try TemporaryTree()
        let paths = try GeneratedCorpus.write(Self.articleCount, into: tree)
        let database = tree.state + "/tidings.sqlite"

        // Killed as soon as it answers (the start-up reconcile, before or during the first commit), then at
        // points through the ingest: each start goes on from what the one before committed.
        var storedAtKill: [Int] = []
        for fraction in [0.0, 0.1, 0.35, 0.6, 0.85] {
            let daemon = try DaemonProcess(tree: tree, arguments: Self.batchArguments)
            let threshold = Int(Double(paths.count) * fraction)
            let status = try daemon.waitUntil("\(threshold) files stored", timeout: Self.ingestTimeout) {
                $0.files >= threshold
            }
            try daemon.crash()
            #expect(status.files < paths.count, "the kill came after the ingest: \(status)")
            storedAtKill.append(status.files)
            // Whatever a kill interrupts, what was committed reads back whole.
            let problems = try ChangeLogAudit.problems(databaseAt: database)
            #expect(problems.isEmpty, "after the kill at \(status.files) files:\n\(problems.joined(separator: "\n"))")
        }
        #expect(storedAtKill == storedAtKill.sorted(), "a restart lost committed files: \(storedAtKill)")

        let daemon = try DaemonProcess(tree: tree, arguments: Self.batchArguments)
        let done = try daemon.waitUntil("every file stored", timeout: Self.ingestTimeout) {
            $0.state == .watching && $0.backlog == 0
        }
        #expect(done.files == paths.count, "\(done)")
        #expect(try daemon.stop() == .exited(0))

        // The same folder ingested in one go, from nothing.
        let cleanState = tree.base + "/clean-state"
        let clean = try DaemonProcess(tree: tree, state: cleanState, arguments: ["--once"])
        #expect(try clean.waitForExit(timeout: Self.ingestTimeout) == .exited(0), "\(clean.diagnostics)")

        let recovered = try StoreDigest(databaseAt: database)
        let expected = try StoreDigest(databaseAt: cleanState + "/tidings.sqlite")
        // The comparison is only as strong as the corpus: every kind of row must be there.
        let expectedCounts = Dictionary(uniqueKeysWithValues: expected.tables.map { ($0.name, $0.rows.count) })
        #expect(expectedCounts["file"] == paths.count)
        let errorRows = expected.tables.first { $0.name == "file" }?.rows.filter { $0.contains(#"|"error"|"#) }
        #expect(errorRows?.count == paths.count / 50, "every 50th file is empty: an error row")
        for table in ["event", "mention", "statement", "statementArticle"] {
            #expect(expectedCounts[table, default: 0] > 1, "the clean store has no \(table) rows to compare")
        }
        let difference = recovered.difference(from: expected)
        #expect(
            difference == nil,
            "the store after the kills differs from a clean ingest (- kills, + clean):\n\(difference ?? "")")

        let problems = try ChangeLogAudit.problems(databaseAt: database)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let cleanProblems = try ChangeLogAudit.problems(databaseAt: cleanState + "/tidings.sqlite")
        #expect(cleanProblems.isEmpty, "the clean store: \(cleanProblems.joined(separator: "\n"))")
    }
}

extension CrashRecoveryTests {
    /// The comparison is only as strong as the digest and the audit: what a bad recovery would leave must show.
    @Test func digestAndAudit_seeAMissingMention_aLostChange_aChangedEvent_andAnEventNoChangeAnnounced() throws {
        let tree = try TemporaryTree()
        try Seeds.drop(into: tree)
        let daemon = try DaemonProcess(tree: tree, arguments: ["--once"])
        #expect(try daemon.waitForExit() == .exited(0), "\(daemon.diagnostics)")
        let database = tree.state + "/tidings.sqlite"
        let intact = try StoreDigest(databaseAt: database)
        #expect(try ChangeLogAudit.problems(databaseAt: database) == [])

        let tampered = try DatabaseQueue(path: database)
        try tampered.write { db in
            try db.execute(sql: "DELETE FROM mention WHERE id = (SELECT MAX(id) FROM mention)")
            try db.execute(sql: "DELETE FROM change WHERE seq = 2")
            try db.execute(
                sql: "UPDATE event SET mentionCount = mentionCount + 1 WHERE id = (SELECT MIN(id) FROM event)")
            try db.execute(sql: "DELETE FROM change WHERE eventId = (SELECT MAX(id) FROM event)")
        }
        try tampered.close()

        let difference = try #require(try StoreDigest(databaseAt: database).difference(from: intact))
        #expect(difference.contains("mention: "), "\(difference)")
        #expect(difference.contains("event: "), "\(difference)")
        let problems = try ChangeLogAudit.problems(databaseAt: database)
        #expect(problems.contains { $0.hasPrefix("seqs are not 1…") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("event: ") }, "\(problems)")
    }
}
