/// The methods the daemon answers on its control socket (see docs/protocol.md).
public enum ControlMethod: String, CaseIterable, Sendable {
    case status
    case articlesList = "articles.list"
    case articleGet = "article.get"
    case changesSubscribe = "changes.subscribe"
    case changesUnsubscribe = "changes.unsubscribe"
    case reparse
    case eventsList = "events.list"
    case eventGet = "event.get"
    case statementsList = "statements.list"
    case actorsList = "actors.list"

    /// Operator commands change what the daemon does; only root, the daemon's user and the admin group
    /// may send them. Everything else only reads.
    public var isOperatorCommand: Bool {
        self == .reparse
    }
}

/// Notification method names the daemon sends.
public enum ControlNotification {
    /// One committed change; params are a ``ChangeNotice``.
    public static let change = "changes.notify"
    /// The subscriber fell too far behind and is disconnected; params are `seq` (resume after it) and
    /// `generation`.
    public static let lagged = "changes.lagged"
}
