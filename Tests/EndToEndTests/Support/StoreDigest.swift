import Foundation
import GRDB

/// What a stopped daemon's database holds, without row ids or wall-clock times, so that two stores built from the
/// same folder can be compared: the tables `bench/store_digest.py` prints, each row keyed by its natural key
/// (file path, event key, statement key) instead of the ids that differ between stores.
struct StoreDigest {
    /// Each table's rows as `|`-separated lines, in a stable order.
    var tables: [(name: String, rows: [String])]

    /// An event's natural key, `family|source|target|day`, from its row `e` and its group's `g`.
    static let eventKey = "g.family || '|' || g.sourceKey || '|' || g.targetKey || '|' || coalesce(e.anchorDay, '-')"

    /// The queries, joined to natural keys. Orphans show: a mention whose event or file is gone has a NULL there.
    static let queries: [(name: String, sql: String)] = [
        ("file", "SELECT path, device, inode, size, mtimeNs, hash, status, error FROM file ORDER BY path"),
        (
            "article",
            """
            SELECT f.path, a.title, a.published, a.publishedSource, a.body, a.warnings
            FROM article a LEFT JOIN file f ON f.id = a.fileId ORDER BY f.path
            """
        ),
        (
            "event",
            """
            SELECT \(eventKey) AS key, code, rootCode, quadClass, label, date, datePrecision, dateProvenance,
                sourceName, sourceCode, targetName, targetCode, location, summary, mentionCount, articleCount
            FROM event e JOIN eventGroup g ON g.id = e.groupId ORDER BY key
            """
        ),
        (
            "mention",
            """
            SELECT f.path, m.sentenceIndex, m.start, m.end, \(eventKey) AS key, m.sentence, m.confidence,
                m.summaryQuality, m.code, g.family, m.sourceName, m.sourceCode, g.sourceKey, m.targetName, m.targetCode,
                g.targetKey, m.location, m.locationCountry, m.day, m.datePrecision, m.dateProvenance, m.anchorDay
            FROM mention m LEFT JOIN event e ON e.id = m.eventId LEFT JOIN eventGroup g ON g.id = e.groupId
                LEFT JOIN file f ON f.id = m.fileId
            ORDER BY f.path, m.sentenceIndex, m.start, m.end, key
            """
        ),
        (
            "statement",
            """
            SELECT s.key, s.author, s.handle, s.date, s.text, s.articles, f.path
            FROM statement s LEFT JOIN file f ON f.id = s.shownFileId ORDER BY s.key
            """
        ),
        (
            "statementArticle",
            """
            SELECT s.key, f.path, sa.author, sa.handle, sa.date, sa.text
            FROM statementArticle sa LEFT JOIN statement s ON s.id = sa.statementId
                LEFT JOIN file f ON f.id = sa.fileId
            ORDER BY s.key, f.path
            """
        ),
        // Each file is reported once per change of its own; a batch committed twice, or a file ingested again
        // after a restart, shows here. (Event and statement changes depend on how files were batched.)
        (
            "file changes",
            """
            SELECT path, kind, payload FROM change
            WHERE kind IN ('article.added', 'article.updated', 'article.removed', 'file.error')
            ORDER BY path, seq
            """
        ),
    ]

    /// Reads the database at `path` (its daemon stopped), read-only.
    init(databaseAt path: String) throws {
        tables = try Self.read(path) { db in
            try Self.queries.map { query in
                (query.name, try Row.fetchAll(db, sql: query.sql).map(Self.line))
            }
        }
    }

    /// nil when equal; else, per table that differs, its row counts and the first lines only one side has.
    func difference(from expected: StoreDigest, limit: Int = 8) -> String? {
        var out: [String] = []
        for ((name, rows), (_, expectedRows)) in zip(tables, expected.tables) where rows != expectedRows {
            let mine = Set(rows)
            let theirs = Set(expectedRows)
            out.append("\(name): \(rows.count) rows, expected \(expectedRows.count)")
            out += rows.filter { !theirs.contains($0) }.prefix(limit).map { "  - \($0.prefix(300))" }
            out += expectedRows.filter { !mine.contains($0) }.prefix(limit).map { "  + \($0.prefix(300))" }
        }
        return out.isEmpty ? nil : out.joined(separator: "\n")
    }

    /// Runs `body` on the database at `path`, opened read-only.
    static func read<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(body)
    }

    private static func line(_ row: Row) -> String {
        row.databaseValues.map(\.description).joined(separator: "|")
    }
}

/// What a client replaying the change log would conclude, checked against what the store holds.
enum ChangeLogAudit {
    /// Every inconsistency found in the database at `path` (its daemon stopped); empty when none:
    /// - seqs are 1…N with no gap and no repeat, and SQLite's AUTOINCREMENT counter is at N (no seq lost);
    /// - each stored file's latest file change is `article.added`/`updated` (or `file.error` for an error row),
    ///   each path whose latest one is `article.removed` is gone, and every stored file has one;
    /// - each event's and statement's latest change is not a removal and carries its current face (an event change
    ///   logged by id, as since migration v9, is replayed with the event's current face); each one whose latest
    ///   change is a removal, with the last face, is gone.
    static func problems(databaseAt path: String) throws -> [String] {
        try StoreDigest.read(path) { db in
            var problems: [String] = []
            let row = try Row.fetchOne(db, sql: "SELECT MIN(seq), MAX(seq), COUNT(*) FROM change")!
            let (first, last, count): (Int64?, Int64?, Int64) = (row[0], row[1], row[2])
            if count > 0, first != 1 || last != count {
                problems.append("seqs are not 1…\(count) without gaps: from \(first ?? 0) to \(last ?? 0)")
            }
            let counter = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change'") ?? 0
            if counter != (last ?? 0) {
                problems.append("the AUTOINCREMENT counter is at \(counter), the last change at \(last ?? 0)")
            }
            for (what, sql) in consistencyQueries {
                problems += try String.fetchAll(db, sql: sql).prefix(10).map { "\(what): \($0)" }
            }
            return problems
        }
    }

    /// Each query returns one line per inconsistency. The latest change of a path or an id is found with SQLite's
    /// bare columns: with `MAX(seq)`, the other columns come from that row.
    private static let consistencyQueries: [(String, String)] = [
        (
            "file",
            """
            WITH latest AS (
                SELECT path, kind, MAX(seq) AS seq FROM change
                WHERE kind IN ('article.added', 'article.updated', 'article.removed', 'file.error') GROUP BY path)
            SELECT COALESCE(f.path, l.path) || ': stored ' || COALESCE(f.status, 'nothing')
                || ', latest change ' || COALESCE(l.kind || ' (seq ' || l.seq || ')', 'none')
            FROM latest l FULL JOIN file f ON f.path = l.path
            WHERE NOT ((f.status IS 'ok' AND COALESCE(l.kind, '') IN ('article.added', 'article.updated'))
                OR (f.status IS 'error' AND l.kind IS 'file.error')
                OR (f.path IS NULL AND l.kind IS 'article.removed'))
            """
        ),
        (
            "event",
            """
            WITH latest AS (
                SELECT COALESCE(eventId, json_extract(payload, '$.id')) AS id, kind, payload, MAX(seq) AS seq
                FROM change WHERE kind LIKE 'event.%' GROUP BY COALESCE(eventId, json_extract(payload, '$.id')))
            SELECT 'event ' || COALESCE(e.id, l.id) || ': ' || COALESCE(l.kind || ' (seq ' || l.seq || ')', 'no change')
                || CASE WHEN e.id IS NULL THEN ', not stored' ELSE ', stored with ' || e.mentionCount || ' mentions' END
            FROM latest l FULL JOIN event e ON e.id = l.id
            WHERE NOT ((e.id IS NULL AND l.kind IS 'event.removed' AND l.payload IS NOT NULL)
                OR (e.id IS NOT NULL AND COALESCE(l.kind, '') IN ('event.added', 'event.updated') AND l.payload IS NULL)
                OR (e.id IS NOT NULL AND COALESCE(l.kind, '') IN ('event.added', 'event.updated')
                    AND json_extract(l.payload, '$.code') IS e.code AND json_extract(l.payload, '$.date') IS e.date
                    AND json_extract(l.payload, '$.sourceCode') IS e.sourceCode
                    AND json_extract(l.payload, '$.targetCode') IS e.targetCode
                    AND json_extract(l.payload, '$.location') IS e.location
                    AND json_extract(l.payload, '$.summary') IS e.summary
                    AND json_extract(l.payload, '$.mentionCount') IS e.mentionCount
                    AND json_extract(l.payload, '$.articleCount') IS e.articleCount))
            """
        ),
        (
            "statement",
            """
            WITH latest AS (
                SELECT json_extract(payload, '$.id') AS id, kind, payload, MAX(seq) AS seq FROM change
                WHERE kind LIKE 'statement.%' GROUP BY json_extract(payload, '$.id')),
            current AS (
                SELECT s.id, s.text, COUNT(sa.fileId) AS articles
                FROM statement s LEFT JOIN statementArticle sa ON sa.statementId = s.id GROUP BY s.id)
            SELECT 'statement ' || COALESCE(c.id, l.id) || ': '
                || COALESCE(l.kind || ' (seq ' || l.seq || ')', 'no change')
                || CASE WHEN c.id IS NULL THEN ', not stored' ELSE ', stored, quoted by ' || c.articles END
            FROM latest l FULL JOIN current c ON c.id = l.id
            WHERE NOT ((c.id IS NULL AND l.kind IS 'statement.removed')
                OR (c.id IS NOT NULL AND COALESCE(l.kind, '') IN ('statement.added', 'statement.updated')
                    AND json_extract(l.payload, '$.text') IS c.text
                    AND json_extract(l.payload, '$.articles') IS c.articles))
            """
        ),
    ]
}
