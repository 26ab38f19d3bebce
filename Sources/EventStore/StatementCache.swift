/// What one write transaction knows of the statements it touched: each one's face and which article's copy it
/// shows, so a post quoted by thousands of articles is counted and sorted once per batch, not once per article.
///
/// Like ``EventCache`` it mirrors the tables exactly (an entry it cannot keep exact is dropped and read again)
/// and lives only inside one transaction.
struct StatementCache {
    /// A quoted post's own copy in one article.
    struct Copy: Equatable {
        var path: String
        var author: String
        var handle: String?
        var date: String?
        var text: String
    }

    struct Statement {
        /// As the statement table and its article count give it now.
        var face: StatementFace
        /// The copy of the first article by path (the one the face shows); nil when no article quotes it.
        var first: Copy?
    }

    private var statements: [Int64: Statement] = [:]

    subscript(id: Int64) -> Statement? {
        get { statements[id] }
        set { statements[id] = newValue }
    }

    /// The article at `path` stopped quoting statement `id`.
    mutating func removeArticle(at path: String, from id: Int64) {
        guard var statement = statements[id] else { return }
        guard statement.first?.path != path else {
            // Which copy comes first now is only known to the table.
            statements[id] = nil
            return
        }
        statement.face.articles -= 1
        statements[id] = statement
    }

    /// The article of `copy.path` now quotes statement `id`.
    mutating func addArticle(_ copy: Copy, to id: Int64) {
        guard var statement = statements[id] else { return }
        statement.face.articles += 1
        // SQLite orders TEXT by its bytes (BINARY collation), not as Swift orders Strings.
        if statement.first.map({ copy.path.utf8.lexicographicallyPrecedes($0.path.utf8) }) ?? true {
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
