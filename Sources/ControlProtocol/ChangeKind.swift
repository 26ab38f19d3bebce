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

    /// The kinds the daemon sends today.
    public static let all = [articleAdded, articleUpdated, articleRemoved, fileError]
}
