/// The `kind` values of a ``ChangeNotice`` (see docs/protocol.md). Clients must ignore kinds they do not know.
public enum ChangeKind {
    /// A file became an article for the first time.
    public static let articleAdded = "article.added"
    /// A file's content changed (new hash) and it was parsed again, or it recovered from an error.
    public static let articleUpdated = "article.updated"
    /// A file was deleted or moved out of the watch root.
    public static let articleRemoved = "article.removed"
    /// A file could not be read or parsed; `data.error` says why.
    public static let fileError = "file.error"

    /// An event was reported for the first time; `data` is the event.
    public static let eventAdded = "event.added"
    /// An event gained or lost mentions, or its date, actors or summary changed; `data` is the event.
    public static let eventUpdated = "event.updated"
    /// No article reports an event any more; `data` is the event as it was.
    public static let eventRemoved = "event.removed"
    /// A quoted post was seen for the first time; `data` is the statement.
    public static let statementAdded = "statement.added"
    /// A quoted post is now quoted by more or fewer articles; `data` is the statement.
    public static let statementUpdated = "statement.updated"
    /// No article quotes a post any more; `data` is the statement as it was.
    public static let statementRemoved = "statement.removed"

    /// The kinds the daemon sends today.
    public static let all = [
        articleAdded, articleUpdated, articleRemoved, fileError, eventAdded, eventUpdated, eventRemoved,
        statementAdded, statementUpdated, statementRemoved,
    ]
}
