internal import ArticleParsing
internal import ControlProtocol
internal import GRDB

/// Quoted posts, one row per distinct post (by normalized text) listing every article that quotes it.
extension EventStore {
    /// Replaces the posts a file quotes; ``settleStatements(_:now:db:)`` rewrites and announces them.
    /// `isNewFile`: the file's row was inserted by this transaction, so it quotes nothing stored yet.
    func replaceStatements(
        fileId: Int64, path: String, with posts: [QuotedPost], isNewFile: Bool = false, batch: inout StatementBatch,
        db: Database
    ) throws {
        let old = try isNewFile ? [] : Int64.fetchAll(
            db.cachedStatement(sql: "SELECT statementId FROM statementArticle WHERE fileId = ?"), arguments: [fileId])
        if posts.isEmpty && old.isEmpty { return }
        if !old.isEmpty {
            for id in old { try touch(id, path: path, batch: &batch, db: db) }
            try db.cachedStatement(sql: "DELETE FROM statementArticle WHERE fileId = ?").execute(arguments: [fileId])
            for id in old { batch.cache.removeArticle(at: path, from: id) }
        }

        for post in posts {
            let key = post.normalizedText
            guard !key.isEmpty else { continue }
            let date = post.date?.description
            try RawStatement(
                db, "INSERT INTO statement (key, author, handle, date, text) VALUES (?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING",
                .text(key), .text(post.author), .text(post.handle), .text(date), .text(post.text)
            ).run()
            guard let id = try RawStatement(db, "SELECT id FROM statement WHERE key = ?", .text(key)).int64() else {
                continue
            }
            try touch(id, path: path, batch: &batch, db: db)
            try RawStatement(
                db,
                """
                INSERT OR IGNORE INTO statementArticle (statementId, fileId, author, handle, date, text)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
                .integer(id), .integer(fileId), .text(post.author), .text(post.handle), .text(date), .text(post.text)
            ).run()
            if db.changesCount > 0 {
                let copy = StatementCache.Copy(
                    fileId: fileId, path: sqliteText(path), author: sqliteText(post.author), handle: post.handle.map(sqliteText),
                    date: post.date.map { sqliteText($0.description) }, text: sqliteText(post.text))
                batch.cache.addArticle(copy, to: id)
            }
        }
    }

    /// Notes that the file at `path` changes statement `id`, keeping its face from before the batch.
    private func touch(_ id: Int64, path: String, batch: inout StatementBatch, db: Database) throws {
        if batch.touched[id] == nil { batch.before[id] = try statement(id, cache: &batch.cache, db: db)?.face }
        batch.touched[id] = path
    }

    /// Rewrites the statements the batch touched (deleting those no article quotes any more) and returns
    /// `statement.*` changes, with the path of the last file that changed each one.
    func settleStatements(_ batch: inout StatementBatch, now: Double, db: Database) throws -> [ChangeRecord] {
        var changes: [ChangeRecord] = []
        for (id, path) in batch.touched.sorted(by: { $0.key < $1.key }) {
            let before = batch.before[id]
            guard var statement = try statement(id, cache: &batch.cache, db: db) else { continue }
            if !statement.firstIsKnown {
                statement.first = try firstCopy(of: id, db: db)
                statement.firstIsKnown = true
            }
            guard let copy = statement.first else {
                try db.cachedStatement(sql: "DELETE FROM statement WHERE id = ?").execute(arguments: [id])
                batch.cache[id] = nil
                if let before, before.articles > 0 {
                    changes.append(try logChange(ChangeKind.statementRemoved, path: path, payload: before.json, now: now, db: db))
                }
                continue
            }
            // The first article by path shows the post, so arrival order does not matter.
            statement.face.show(copy)
            try db.cachedStatement(
                sql: "UPDATE statement SET author = ?, handle = ?, date = ?, text = ?, articles = ?, shownFileId = ? WHERE id = ?"
            ).execute(arguments: [copy.author, copy.handle, copy.date, copy.text, statement.face.articles, copy.fileId, id])
            batch.cache[id] = statement
            let face = statement.face
            guard face != before else { continue }
            let kind = (before?.articles ?? 0) == 0 ? ChangeKind.statementAdded : ChangeKind.statementUpdated
            changes.append(try logChange(kind, path: path, payload: face.json, now: now, db: db))
        }
        return changes
    }

    /// Statement `id` as the tables hold it now, read once per transaction.
    private func statement(
        _ id: Int64, cache: inout StatementCache, db: Database
    ) throws -> StatementCache.Statement? {
        if let statement = cache[id] { return statement }
        guard let face = try statementFace(id, db: db) else { return nil }
        // The copy the row shows; the row of a post stored before migration v8 names none yet.
        let first =
            try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT a.fileId, f.path, a.author, a.handle, a.date, a.text
                        FROM statement s JOIN statementArticle a ON a.statementId = s.id AND a.fileId = s.shownFileId
                            JOIN file f ON f.id = a.fileId
                        WHERE s.id = ?
                        """),
                arguments: [id]
            ).map(StatementCache.Copy.init) ?? firstCopy(of: id, db: db)
        let statement = StatementCache.Statement(face: face, first: first)
        cache[id] = statement
        return statement
    }

    /// The copy of the first article by path that quotes statement `id`: the one place that reads every
    /// article quoting it.
    private func firstCopy(of id: Int64, db: Database) throws -> StatementCache.Copy? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT a.fileId, f.path, a.author, a.handle, a.date, a.text
                    FROM statementArticle a JOIN file f ON f.id = a.fileId
                    WHERE a.statementId = ? ORDER BY f.path LIMIT 1
                    """),
            arguments: [id]
        ).map(StatementCache.Copy.init)
    }

    func statementFace(_ id: Int64, db: Database) throws -> StatementFace? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT s.id, s.author, s.handle, s.date, s.text, s.articles FROM statement s WHERE s.id = ?
                    """),
            arguments: [id]
        ).map(StatementFace.init)
    }
}

/// A statement as subscribers see it in change payloads.
struct StatementFace: Equatable {
    var id: Int64
    var author: String
    var handle: String?
    var date: String?
    var text: String
    var articles: Int

    init(_ row: Row) {
        id = row[0]
        author = row[1]
        handle = row[2]
        date = row[3]
        text = row[4]
        articles = row[5]
    }

    mutating func show(_ copy: StatementCache.Copy) {
        (author, handle, date, text) = (copy.author, copy.handle, copy.date, copy.text)
    }

    /// The change payload: every field, null when unknown; `articles` is how many quote it.
    var json: String {
        var object = JSONObjectWriter()
        object.field("id", id)
        object.field("author", author)
        object.field("handle", handle)
        object.field("date", date)
        object.field("text", text)
        object.field("articles", articles)
        return object.finishedString()
    }
}
