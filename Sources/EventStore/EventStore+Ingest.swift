internal import ArticleParsing
internal import ControlProtocol
internal import EventExtraction
internal import Foundation
internal import GRDB

extension EventStore {
    /// Applies a batch of file updates in one transaction and returns the changes it logged, in seq order:
    /// each file's own change in the batch's order, then the events and statements as the batch left them.
    ///
    /// `more` is asked for further updates once those before are applied, until it returns nil; they join the
    /// same transaction. A bulk ingest hands its examined batches on this way: each commit rewrites every page
    /// its inserts touched in the indexes filled in random order, and every event an earlier transaction
    /// stored is read back, so fewer, larger transactions write and read less.
    ///
    /// Each update is all-or-nothing with the whole transaction: a crash leaves either every file of it
    /// stored or none, and the start-up reconcile redoes the rest.
    public func apply(
        _ updates: [FileUpdate], now: Double? = nil, more: () -> [FileUpdate]? = { nil }
    ) throws(EventStoreError) -> [ChangeRecord] {
        let now = now ?? Date().timeIntervalSince1970
        var wroteSession = false
        let changes = try write { db in
            // Mentions of an event this batch creates are inserted before the event's row (see `refresh`):
            // the foreign keys are checked at the commit instead.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            wroteSession = try writePendingSession(db)
            var changes: [ChangeRecord] = []
            var events = EventBatch()
            var statements = StatementBatch()
            var next: [FileUpdate]? = updates
            while let updates = next {
                for update in updates {
                    if let change = try apply(update, now: now, events: &events, statements: &statements, db: db) {
                        changes.append(change)
                    }
                }
                next = more()
            }
            changes += try settleEvents(&events, now: now, db: db)
            changes += try settleStatements(&statements, now: now, db: db)
            return changes
        }
        if wroteSession { sessionWritten() }
        return changes
    }

    /// Stores one file and returns its own change, if any; its events and statements are settled with the batch.
    private func apply(
        _ update: FileUpdate, now: Double, events: inout EventBatch, statements: inout StatementBatch, db: Database
    ) throws -> ChangeRecord? {
        switch update {
        case .remove(let path):
            guard let fileId = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM file WHERE path = ?"), arguments: [path])
            else { return nil }
            try replaceMentions(fileId: fileId, path: path, with: [], batch: &events, db: db)
            try replaceStatements(fileId: fileId, path: path, with: [], batch: &statements, db: db)
            try db.cachedStatement(sql: "DELETE FROM file WHERE id = ?").execute(arguments: [fileId])
            return try logChange(ChangeKind.articleRemoved, path: path, payload: nil, now: now, db: db)

        case .restat(let path, let stat):
            try db.cachedStatement(sql: "UPDATE file SET device = ?, inode = ?, size = ?, mtimeNs = ? WHERE path = ?")
                .execute(arguments: [stat.storedDevice, stat.storedInode, stat.size, stat.mtimeNs, path])
            return nil

        case .store(let path, let stat, let hash, let content):
            let existing = try RawStatement(db, "SELECT id, hash FROM file WHERE path = ?", .text(path)).first { row in
                (id: row.int64(0) ?? 0, hash: row.text(1) ?? "")
            }
            let previous = try existing.flatMap { try storedForm(fileId: $0.id, db: db) }
            let fileId = try upsertFile(path: path, stat: stat, hash: hash, content: content, now: now, db: db)
            // A new file's id has no rows yet (deleting a file deletes its rows): nothing to look up or delete.
            let isNewFile = existing == nil
            try replaceArticle(fileId: fileId, content: content, isNewFile: isNewFile, db: db)
            let (extracted, quoted): ([ExtractedEvent], [QuotedPost]) =
                if case .article(let article, let events) = content { (events, article.statements) } else { ([], []) }
            try replaceMentions(
                fileId: fileId, path: path, with: extracted, isNewFile: isNewFile, batch: &events, db: db)
            try replaceStatements(
                fileId: fileId, path: path, with: quoted, isNewFile: isNewFile, batch: &statements, db: db)
            let unchanged = existing?.hash == hash && previous == StoredForm(content)
            if unchanged { return nil }
            switch content {
            case .failure(let message):
                return try logChange(ChangeKind.fileError, path: path, payload: ChangePayload.error(message), now: now, db: db)
            case .article(let article, _):
                let kind = existing == nil ? ChangeKind.articleAdded : ChangeKind.articleUpdated
                return try logChange(kind, path: path, payload: ChangePayload.article(article), now: now, db: db)
            }
        }
    }

    private func upsertFile(
        path: String, stat: FileStat, hash: String, content: ArticleContent, now: Double, db: Database
    ) throws -> Int64 {
        let error: String? = if case .failure(let message) = content { message } else { nil }
        let upsert = try RawStatement(
            db,
            """
            INSERT INTO file (path, device, inode, size, mtimeNs, hash, status, error, ingestedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET
                device = excluded.device, inode = excluded.inode, size = excluded.size,
                mtimeNs = excluded.mtimeNs, hash = excluded.hash, status = excluded.status,
                error = excluded.error, ingestedAt = excluded.ingestedAt
            RETURNING id
            """,
            .text(path), .integer(stat.storedDevice), .integer(stat.storedInode), .integer(stat.size),
            .integer(stat.mtimeNs), .text(hash), .text(error == nil ? "ok" : "error"), .text(error), .real(now))
        guard let id = try upsert.int64() else {
            throw DescribedError(description: "no id returned for \(path)")
        }
        return id
    }

    private func replaceArticle(fileId: Int64, content: ArticleContent, isNewFile: Bool, db: Database) throws {
        if !isNewFile {
            try db.cachedStatement(sql: "DELETE FROM article WHERE fileId = ?").execute(arguments: [fileId])
        }
        guard case .article(let article, _) = content else { return }
        try RawStatement(
            db,
            "INSERT INTO article (fileId, title, published, publishedSource, body, warnings) VALUES (?, ?, ?, ?, ?, ?)",
            .integer(fileId), .text(article.title), .text(article.published?.description),
            .text(article.publishedSource?.rawValue), .text(article.body),
            .text(article.warnings.joined(separator: "\n"))
        ).run()
    }

    /// What the store holds for a file, to tell whether a forced reparse changed anything.
    private func storedForm(fileId: Int64, db: Database) throws -> StoredForm? {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT f.error, a.title, a.published, a.publishedSource, a.body, a.warnings
                    FROM file f LEFT JOIN article a ON a.fileId = f.id WHERE f.id = ?
                    """),
            arguments: [fileId])
        return row.map {
            StoredForm(
                error: $0["error"], title: $0["title"], published: $0["published"],
                publishedSource: $0["publishedSource"], body: $0["body"], warnings: $0["warnings"])
        }
    }

    func logChange(_ kind: String, path: String?, payload: String?, now: Double, db: Database) throws -> ChangeRecord {
        // Not `RETURNING seq`: SQLite gathers returned rows in a temporary table, which cost more than the insert.
        try RawStatement(
            db, "INSERT INTO change (kind, path, payload, time) VALUES (?, ?, ?, ?)", .text(kind), .text(path),
            .text(payload), .real(now)
        ).run()
        return ChangeRecord(seq: db.lastInsertedRowID, kind: kind, path: path, data: .json(payload), time: now)
    }

    /// Logs a change of an event. `event.added` and `event.updated` keep only the event's id: a replay sends the
    /// event as it is then (see ``changes(after:limit:)``), and live subscribers get `face`. `event.removed` keeps
    /// the last face, which no row holds any more.
    func logEventChange(_ kind: String, path: String?, face: EventFace, now: Double, db: Database) throws
        -> ChangeRecord
    {
        try RawStatement(
            db, "INSERT INTO change (kind, path, payload, time, eventId) VALUES (?, ?, ?, ?, ?)", .text(kind),
            .text(path), .text(kind == ChangeKind.eventRemoved ? face.json : nil), .real(now), .integer(face.id)
        ).run()
        return ChangeRecord(seq: db.lastInsertedRowID, kind: kind, path: path, data: .event(face), time: now)
    }

    static func paragraphs(of body: String) -> [String] {
        body.isEmpty ? [] : body.components(separatedBy: "\n\n")
    }

    static func lines(of text: String) -> [String] {
        text.isEmpty ? [] : text.components(separatedBy: "\n")
    }
}

/// The JSON object logged with an article change: an error, or the article's three keys (null when unknown)
/// so clients can read them without guessing.
private enum ChangePayload {
    static func article(_ article: ParsedArticle) -> String {
        var object = JSONObjectWriter()
        object.field("title", article.title)
        object.field("published", article.published?.description)
        object.field("publishedSource", article.publishedSource?.rawValue)
        return object.finishedString()
    }

    static func error(_ message: String) -> String {
        var object = JSONObjectWriter()
        object.field("error", message)
        return object.finishedString()
    }
}

/// The columns an article's content is stored as; equal forms mean nothing a client sees changed.
private struct StoredForm: Equatable {
    var error: String?
    var title: String?
    var published: String?
    var publishedSource: String?
    var body: String?
    var warnings: String?

    init(
        error: String?, title: String?, published: String?, publishedSource: String?, body: String?,
        warnings: String?
    ) {
        self.error = error
        self.title = title
        self.published = published
        self.publishedSource = publishedSource
        self.body = body
        self.warnings = warnings
    }

    init(_ content: ArticleContent) {
        switch content {
        case .failure(let message):
            self.init(error: message, title: nil, published: nil, publishedSource: nil, body: nil, warnings: nil)
        case .article(let article, _):
            self.init(
                error: nil, title: article.title, published: article.published?.description,
                publishedSource: article.publishedSource?.rawValue, body: article.body,
                warnings: article.warnings.joined(separator: "\n"))
        }
    }
}
