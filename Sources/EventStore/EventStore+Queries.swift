internal import GRDB

extension EventStore {
    /// Every tracked file, by path: what the start-up reconcile compares the folder with.
    public func allFiles() throws(EventStoreError) -> [String: StoredFile] {
        try read { db in
            var files: [String: StoredFile] = [:]
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT path, device, inode, size, mtimeNs, hash, status FROM file")
            while let row = try cursor.next() {
                let file = EventStore.storedFile(row)
                files[file.path] = file
            }
            return files
        }
    }

    /// The tracked files among `paths`.
    public func files(at paths: [String]) throws(EventStoreError) -> [String: StoredFile] {
        try read { db in
            var files: [String: StoredFile] = [:]
            let statement = try db.cachedStatement(
                sql: "SELECT path, device, inode, size, mtimeNs, hash, status FROM file WHERE path = ?")
            for path in paths {
                if let row = try Row.fetchOne(statement, arguments: [path]) {
                    files[path] = EventStore.storedFile(row)
                }
            }
            return files
        }
    }

    /// Tracked paths equal to `prefix` or inside the folder `prefix` (relative); all paths for "".
    public func paths(under prefix: String) throws(EventStoreError) -> [String] {
        try read { db in
            if prefix.isEmpty {
                return try String.fetchAll(db, sql: "SELECT path FROM file ORDER BY path")
            }
            // Range scan on the unique index: "dir/" ..< "dir0" ('0' follows '/').
            return try String.fetchAll(
                db, sql: "SELECT path FROM file WHERE path = ? OR (path >= ? AND path < ?) ORDER BY path",
                arguments: [prefix, prefix + "/", prefix + "0"])
        }
    }

    public func counts() throws(EventStoreError) -> StoreCounts {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT
                        (SELECT COUNT(*) FROM file) AS files,
                        (SELECT COUNT(*) FROM file WHERE status = 'error') AS errors,
                        (SELECT COUNT(*) FROM event) AS events,
                        (SELECT COUNT(*) FROM statement) AS statements,
                        (SELECT COALESCE(MAX(seq), 0) FROM change) AS seq
                    """)!
            let files: Int = row["files"]
            let errors: Int = row["errors"]
            return StoreCounts(
                files: files, articles: files - errors, errors: errors, events: row["events"],
                statements: row["statements"], seq: row["seq"])
        }
    }

    /// The newest committed seq (0 when the log is empty).
    public func headSeq() throws(EventStoreError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM change") ?? 0 }
    }

    /// Changes with a seq greater than `seq`, oldest first, at most `limit`. An `event.added` or `event.updated`
    /// logged by id (migration v9) carries the event as it is now, or its last face if it was removed since.
    public func changes(after seq: Int64, limit: Int) throws(EventStoreError) -> [ChangeRecord] {
        try read { db in
            // Through SQLite's C API: a catch-up reads a million rows (100k store: 6.8 s here, 10.3 s with GRDB's rows).
            defer { RawStatement.transactionEnded(db) }
            var removedSince: [(index: Int, eventId: Int64)] = []
            var rows = 0
            var changes = try RawStatement(db, EventStore.changesAfter, .integer(seq), .integer(Int64(limit))).all {
                row in
                let at = EventFace.columnCount
                let payload = row.text(at + 3)
                var data = ChangeRecord.Data.json(payload)
                if payload == nil, let eventId = row.int64(at + 5) {
                    if row.int64(0) != nil {
                        data = .event(EventFace(row))
                    } else {
                        removedSince.append((rows, eventId))
                    }
                }
                rows += 1
                return ChangeRecord(
                    seq: row.int64(at) ?? 0, kind: row.text(at + 1) ?? "", path: row.text(at + 2), data: data,
                    time: row.double(at + 4) ?? 0)
            }
            // Removed since: the same read transaction sees its removal, which keeps the last face.
            for (index, eventId) in removedSince {
                let lastFace = try RawStatement(db, EventStore.lastFace, .integer(eventId)).first { $0.text(0) }
                changes[index].data = .json(lastFace ?? nil)
            }
            return changes
        }
    }

    /// The event's face first (its columns are all NULL when the change is not joined to an event), then the
    /// change's own columns; no name is in both tables.
    private static let changesAfter = """
        SELECT \(EventFace.columns), seq, kind, path, payload, time, eventId
        FROM change c LEFT JOIN event e ON c.payload IS NULL AND e.id = c.eventId
        WHERE c.seq > ? ORDER BY c.seq LIMIT ?
        """
    private static let lastFace = "SELECT payload FROM change WHERE kind = 'event.removed' AND eventId = ?"

    /// Articles and failed files, by path; `errorsOnly` nil means both. `offset` rows are skipped first.
    public func articles(errorsOnly: Bool? = nil, limit: Int? = nil, offset: Int = 0) throws(EventStoreError)
        -> [ArticleRow]
    {
        try read { db in
            var sql = "SELECT \(EventStore.articleRowColumns) FROM file f LEFT JOIN article a ON a.fileId = f.id"
            if let errorsOnly { sql += errorsOnly ? " WHERE f.status = 'error'" : " WHERE f.status = 'ok'" }
            sql += " ORDER BY f.path"
            sql += " LIMIT \(limit.map { max(0, $0) } ?? -1) OFFSET \(max(0, offset))"
            return try Row.fetchAll(db, sql: sql).map(EventStore.articleRow)
        }
    }

    /// One article with its text, or nil when the path is not tracked.
    public func article(at path: String) throws(EventStoreError) -> ArticleText? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT \(EventStore.articleRowColumns), a.body, a.warnings
                        FROM file f LEFT JOIN article a ON a.fileId = f.id WHERE f.path = ?
                        """,
                    arguments: [path])
            else { return nil }
            return ArticleText(
                row: EventStore.articleRow(row),
                paragraphs: EventStore.paragraphs(of: row["body"] ?? ""),
                warnings: EventStore.lines(of: row["warnings"] ?? ""))
        }
    }

    private static let articleRowColumns = """
        f.path, a.title, a.published, a.publishedSource, f.status, f.error, f.hash, f.size, f.ingestedAt,
        (SELECT COUNT(DISTINCT m.eventId) FROM mention m WHERE m.fileId = f.id) AS events
        """

    private static func articleRow(_ row: Row) -> ArticleRow {
        ArticleRow(
            path: row["path"], title: row["title"], published: row["published"],
            publishedSource: row["publishedSource"], isError: row["status"] as String == "error",
            error: row["error"], events: row["events"], hash: row["hash"], size: row["size"], ingestedAt: row["ingestedAt"])
    }

    private static func storedFile(_ row: Row) -> StoredFile {
        StoredFile(
            path: row["path"],
            stat: FileStat(
                device: UInt64(bitPattern: row["device"]), inode: UInt64(bitPattern: row["inode"]), size: row["size"],
                mtimeNs: row["mtimeNs"]),
            hash: row["hash"], isError: row["status"] as String == "error")
    }
}
