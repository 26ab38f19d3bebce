internal import GRDB

/// What one write transaction knows of the statements it touched: each one's face and which article's copy it
/// shows, so that a post quoted by thousands of articles is neither counted nor sorted by each batch.
///
/// Like ``EventCache`` it mirrors the tables exactly and lives only inside one transaction. An entry is read
/// once per transaction and kept to its end: the statement row's count is only brought up to date when the
/// batch settles.
struct StatementCache {
    /// A quoted post's own copy in one article.
    struct Copy: Equatable {
        var fileId: Int64
        var path: String
        var author: String
        var handle: String?
        var date: String?
        var text: String
    }

    struct Statement {
        /// As the statement table and its article count give it now.
        var face: StatementFace
        /// The copy of the first article by path (the one the face shows); nil when no article quotes it, or
        /// when it is not known.
        var first: Copy?
        /// False once the first copy's article stopped quoting the post: which copy comes first then is only
        /// known to the table.
        var firstIsKnown = true
    }

    private var statements: [Int64: Statement] = [:]

    subscript(id: Int64) -> Statement? {
        get { statements[id] }
        set { statements[id] = newValue }
    }

    /// The article at `path` stopped quoting statement `id`.
    mutating func removeArticle(at path: String, from id: Int64) {
        guard var statement = statements[id] else { return }
        statement.face.articles -= 1
        if statement.first?.path == path {
            statement.first = nil
            statement.firstIsKnown = false
        }
        statements[id] = statement
    }

    /// The article of `copy.path` now quotes statement `id`.
    mutating func addArticle(_ copy: Copy, to id: Int64) {
        guard var statement = statements[id] else { return }
        statement.face.articles += 1
        // SQLite orders TEXT by its bytes (BINARY collation), not as Swift orders Strings.
        if statement.firstIsKnown,
            statement.first.map({ copy.path.utf8.lexicographicallyPrecedes($0.path.utf8) }) ?? true
        {
            statement.first = copy
        }
        statements[id] = statement
    }
}

/// What the files of one write transaction changed in the statement tables, settled once at its end (like
/// ``EventBatch``): a post quoted by many articles of a batch is rewritten and announced once.
struct StatementBatch {
    var cache = StatementCache()
    /// Each touched statement's face before the batch (none for a post no article had quoted).
    var before: [Int64: StatementFace] = [:]
    /// The statements whose articles changed, with the last file that changed each one.
    var touched: [Int64: String] = [:]
}

extension StatementCache.Copy {
    /// Reads `fileId, path, author, handle, date, text`.
    init(_ row: Row) {
        self.init(fileId: row[0], path: row[1], author: row[2], handle: row[3], date: row[4], text: row[5])
    }
}
