@testable import EventStore
import Foundation
import GRDB
import Testing

/// Migration v10 gives each group (action family and sides) a row and keys events by its id: a store written in
/// the v9 layout migrates to the store the current schema builds, and later mentions join its events.
struct EventGroupMigrationTests {
    @Test func v10_onAStoreOfTheSeeds_givesTheStoreTheCurrentSchemaBuilds() throws {
        let corpus = try ConvergenceCorpus.shared()
        // Each seed's own text is variant 2 × seed; the seeds report the same events, so the last one adds
        // mentions to events the migration carried over.
        let seeds = (0..<corpus.seedCount).map {
            corpus.update(corpus.seedNames[$0], 2 * $0, inode: UInt64($0 + 1))
        }
        let (before, after) = (Array(seeds.dropLast()), [seeds.last!])
        let expected = try StoreDump.build(.inMemory, batches: [before, after])

        try withTemporaryDirectory { directory in
            let current = directory.appendingPathComponent("current.sqlite").path
            _ = try EventStore(path: current).apply(before, now: 1_700_000_000)
            let old = try DatabaseQueue(path: directory.appendingPathComponent("v9.sqlite").path)
            try EventStore.migrator.migrate(old, upTo: "v9: event changes by the event's id")
            try old.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [current])
                try db.inTransaction {
                    try db.execute(sql: Self.rowsInTheV9Layout)
                    return .commit
                }
                try db.execute(sql: "DETACH DATABASE current")
            }

            let migrated = try EventStore(writer: old, location: "v9.sqlite", bootId: nil)
            let changes = try migrated.apply(after, now: 1_700_000_000)

            #expect(changes.contains { $0.kind == "event.updated" })
            #expect(try migrated.facesDifferingFromTheirMentions().isEmpty)
            let dump = try StoreDump(migrated)
            #expect(dump == expected, "\(dump.difference(expected))")
            let foreignKeyProblems = try old.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
            #expect(foreignKeyProblems.isEmpty)
            let fresh = try DatabaseQueue(path: current)
            #expect(try Self.indexes(old) == Self.indexes(fresh))
        }
    }

    /// Each index by name, with its definition.
    private static func indexes(_ database: some DatabaseReader) throws -> [String: String] {
        try database.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                ).map { ($0[0] as String, $0[1] as String) })
        }
    }

    /// The rows of the store attached as `current`, written as v9 kept them: each mention's group as three
    /// texts, each event keyed by `family|source|target|day`.
    private static let rowsInTheV9Layout = """
        INSERT INTO meta SELECT * FROM current.meta;
        INSERT INTO file SELECT * FROM current.file;
        INSERT INTO article SELECT * FROM current.article;
        INSERT INTO statement SELECT * FROM current.statement;
        INSERT INTO statementArticle SELECT * FROM current.statementArticle;
        INSERT INTO change SELECT * FROM current.change;
        INSERT INTO event (id, key, code, rootCode, quadClass, label, date, datePrecision, dateProvenance,
            sourceName, sourceCode, targetName, targetCode, location, summary, mentionCount, articleCount, actors,
            faceMentionIds)
        SELECT e.id, g.family || '|' || g.sourceKey || '|' || g.targetKey || '|' || coalesce(e.anchorDay, '-'),
            e.code, e.rootCode, e.quadClass, e.label, e.date, e.datePrecision, e.dateProvenance, e.sourceName,
            e.sourceCode, e.targetName, e.targetCode, e.location, e.summary, e.mentionCount, e.articleCount, e.actors,
            e.faceMentionIds
        FROM current.event e JOIN current.eventGroup g ON g.id = e.groupId;
        INSERT INTO mention (id, eventId, fileId, sentenceIndex, start, end, sentence, confidence, summaryQuality,
            code, family, sourceName, sourceCode, sourceKey, targetName, targetCode, targetKey, location,
            locationCountry, day, datePrecision, dateProvenance, anchorDay)
        SELECT m.id, m.eventId, m.fileId, m.sentenceIndex, m.start, m.end, m.sentence, m.confidence,
            m.summaryQuality, m.code, g.family, m.sourceName, m.sourceCode, g.sourceKey, m.targetName, m.targetCode,
            g.targetKey, m.location, m.locationCountry, m.day, m.datePrecision, m.dateProvenance, m.anchorDay
        FROM current.mention m JOIN current.eventGroup g ON g.id = m.groupId;
        """
}
