// Params and results of each control method. Field names are the wire names (camelCase).

/// What the daemon is doing right now.
public enum DaemonState: String, Codable, Sendable, CaseIterable {
    /// Opening the store and binding the socket.
    case starting
    /// Walking the folder and ingesting what changed (start-up reconcile, overflow rescan).
    case scanning
    /// Up to date and waiting for changes.
    case watching
    /// Running, but something needs attention (see `problems`).
    case degraded
}

/// Result of `status`.
public struct StatusResult: Codable, Sendable, Equatable {
    public var state: DaemonState
    public var root: String
    public var files: Int
    public var articles: Int
    public var events: Int
    public var statements: Int
    public var errors: Int
    public var backlog: Int
    public var seq: Int64
    public var generation: String
    public var uptimeSeconds: Double
    public var version: String
    public var database: String
    public var socket: String
    public var problems: [String]

    public init(
        state: DaemonState, root: String, files: Int, articles: Int, events: Int, statements: Int, errors: Int,
        backlog: Int, seq: Int64, generation: String, uptimeSeconds: Double, version: String, database: String,
        socket: String, problems: [String]
    ) {
        self.state = state
        self.root = root
        self.files = files
        self.articles = articles
        self.events = events
        self.statements = statements
        self.errors = errors
        self.backlog = backlog
        self.seq = seq
        self.generation = generation
        self.uptimeSeconds = uptimeSeconds
        self.version = version
        self.database = database
        self.socket = socket
        self.problems = problems
    }
}

/// Whether a file became an article.
public enum ArticleStatus: String, Codable, Sendable {
    case ok
    case error
}

/// One row of `articles.list`: a tracked file and what it became.
public struct ArticleSummary: Codable, Sendable, Equatable {
    /// Relative to the watch root.
    public var path: String
    public var title: String?
    /// `YYYY-MM-DD`, or null when unknown.
    public var published: String?
    /// `header`, `text` or `mtime`; null when `published` is null.
    public var publishedSource: String?
    public var status: ArticleStatus
    public var error: String?
    public var events: Int
    /// SHA-256 of the file's bytes, hex.
    public var hash: String
    public var size: Int64
    /// When the daemon last stored this file (ISO 8601, UTC).
    public var ingestedAt: String

    public init(
        path: String, title: String?, published: String?, publishedSource: String?, status: ArticleStatus,
        error: String?, events: Int, hash: String, size: Int64, ingestedAt: String
    ) {
        self.path = path
        self.title = title
        self.published = published
        self.publishedSource = publishedSource
        self.status = status
        self.error = error
        self.events = events
        self.hash = hash
        self.size = size
        self.ingestedAt = ingestedAt
    }
}

extension ArticleSummary {
    private enum CodingKeys: String, CodingKey {
        case path, title, published, publishedSource, status, error, events, hash, size, ingestedAt
    }

    /// Unknown values are sent as null rather than left out: scripts can count on every key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(title, forKey: .title)
        try container.encode(published, forKey: .published)
        try container.encode(publishedSource, forKey: .publishedSource)
        try container.encode(status, forKey: .status)
        try container.encode(error, forKey: .error)
        try container.encode(events, forKey: .events)
        try container.encode(hash, forKey: .hash)
        try container.encode(size, forKey: .size)
        try container.encode(ingestedAt, forKey: .ingestedAt)
    }
}

/// Result of `article.get`: the summary plus the parsed text.
public struct ArticleDetail: Codable, Sendable, Equatable {
    public var article: ArticleSummary
    public var paragraphs: [String]
    public var warnings: [String]

    public init(article: ArticleSummary, paragraphs: [String], warnings: [String]) {
        self.article = article
        self.paragraphs = paragraphs
        self.warnings = warnings
    }
}

/// Params of `article.get`.
public struct PathParams: Codable, Sendable, Equatable {
    /// Relative to the watch root, or absolute inside it.
    public var path: String

    public init(path: String) { self.path = path }
}

/// Params of `articles.list`.
/// The most rows one `events.list` or `articles.list` answers (also the default `limit`): a listing of a whole
/// 100k-article store would hold the daemon's control loop, and every other client, for seconds.
public let maximumListPage = 10_000

public struct ArticlesListParams: Codable, Sendable, Equatable {
    /// Only `ok` or only `error` files; all when absent.
    public var status: ArticleStatus?
    /// At most this many rows, by path (the daemon answers at most 10,000 per request).
    public var limit: Int?
    /// Skip this many rows first: the next page.
    public var offset: Int?

    public init(status: ArticleStatus? = nil, limit: Int? = nil, offset: Int? = nil) {
        self.status = status
        self.limit = limit
        self.offset = offset
    }
}

/// Params of `changes.subscribe`.
public struct SubscribeParams: Codable, Sendable, Equatable {
    /// Replay every change with a greater seq, then stream live ones. Absent: live changes only.
    public var since: Int64?
    /// The generation the cursor belongs to. When it is not the store's, the daemon replays from 0.
    public var generation: String?

    public init(since: Int64? = nil, generation: String? = nil) {
        self.since = since
        self.generation = generation
    }
}

/// Result of `changes.subscribe`.
public struct SubscribeResult: Codable, Sendable, Equatable {
    /// The store's generation id.
    public var generation: String
    /// The newest committed seq when the subscription started.
    public var seq: Int64
    /// The seq after which replay starts (0 on resync).
    public var since: Int64
    /// True when the client's cursor did not belong to this store (other generation, or a seq ahead
    /// of the store): throw away what you derived from the old history; replay starts at 0.
    public var resync: Bool

    public init(generation: String, seq: Int64, since: Int64, resync: Bool) {
        self.generation = generation
        self.seq = seq
        self.since = since
        self.resync = resync
    }
}

/// Params of `reparse`.
public struct ReparseParams: Codable, Sendable, Equatable {
    /// One file or folder (relative to the root, or absolute inside it); everything when absent.
    public var path: String?

    public init(path: String? = nil) { self.path = path }
}

/// Result of `reparse`.
public struct ReparseResult: Codable, Sendable, Equatable {
    /// How many files were queued to be parsed again.
    public var queued: Int

    public init(queued: Int) { self.queued = queued }
}

/// Result of methods that only acknowledge.
public struct OKResult: Codable, Sendable, Equatable {
    public var ok: Bool

    public init() { ok = true }
}

/// Params of a `changes.notify` notification: one committed change.
public struct ChangeNotice: Codable, Sendable, Equatable {
    public var seq: Int64
    /// `article.added`, `article.updated`, `article.removed`, `file.error`, later `event.*`, `statement.*`.
    public var kind: String
    /// The file the change came from, relative to the watch root.
    public var path: String?
    /// The store's generation id.
    public var generation: String
    /// When it was committed (ISO 8601, UTC).
    public var time: String
    /// What changed, by kind (e.g. `title`, `published`, `error`).
    public var data: JSONValue?

    public init(seq: Int64, kind: String, path: String?, generation: String, time: String, data: JSONValue?) {
        self.seq = seq
        self.kind = kind
        self.path = path
        self.generation = generation
        self.time = time
        self.data = data
    }
}
