public import ArticleParsing
public import EventExtraction

/// What identifies a file's content without reading it: if all four match, the content is taken as unchanged.
public struct FileStat: Sendable, Equatable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Modification time in nanoseconds since the epoch.
    public var mtimeNs: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, mtimeNs: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.mtimeNs = mtimeNs
    }
}

extension FileStat {
    // SQLite integers are signed; inode and device numbers use all 64 bits (overlayfs, FUSE), so they are
    // stored as their bit pattern.
    var storedDevice: Int64 { Int64(bitPattern: device) }
    var storedInode: Int64 { Int64(bitPattern: inode) }
}

/// A file as the store last saw it.
public struct StoredFile: Sendable, Equatable {
    public var path: String
    public var stat: FileStat
    /// SHA-256 of the bytes, hex.
    public var hash: String
    public var isError: Bool
}

/// What a file turned out to be when it was read.
public enum ArticleContent: Sendable, Equatable {
    /// The parsed article and the event mentions extracted from it.
    case article(ParsedArticle, events: [ExtractedEvent])
    /// The file could not be used; the message names what was wrong and what to do.
    case failure(String)
}

/// One change to apply to the store, decided by looking at the folder.
public enum FileUpdate: Sendable, Equatable {
    /// The file is gone (deleted, moved out, no longer an article).
    case remove(path: String)
    /// Same content, new stat (e.g. `touch`): remember the stat, tell nobody.
    case restat(path: String, stat: FileStat)
    /// New, changed or re-parsed content. A change is logged when the file is new, its bytes changed,
    /// or what it was parsed into changed (a reparse with the same result logs nothing).
    case store(path: String, stat: FileStat, hash: String, content: ArticleContent)

    public var path: String {
        switch self {
        case .remove(let path), .restat(let path, _), .store(let path, _, _, _): return path
        }
    }
}

/// One row of the change log.
public struct ChangeRecord: Sendable, Equatable {
    public var seq: Int64
    public var kind: String
    public var path: String?
    /// A JSON object, by kind.
    public var payload: String? {
        switch data {
        case .json(let text): text
        case .event(let face): face.json
        }
    }
    /// Seconds since the epoch.
    public var time: Double

    /// An event's face is turned into JSON only when something reads `payload` (a subscriber, a debug log line):
    /// a bulk ingest with nobody listening never renders it.
    enum Data: Sendable {
        case json(String?)
        case event(EventFace)
    }

    var data: Data

    init(seq: Int64, kind: String, path: String?, data: Data, time: Double) {
        (self.seq, self.kind, self.path, self.data, self.time) = (seq, kind, path, data, time)
    }

    public static func == (lhs: ChangeRecord, rhs: ChangeRecord) -> Bool {
        lhs.seq == rhs.seq && lhs.kind == rhs.kind && lhs.path == rhs.path && lhs.time == rhs.time
            && lhs.payload == rhs.payload
    }
}

/// An article (or failed file) as listed to clients.
public struct ArticleRow: Sendable, Equatable {
    public var path: String
    public var title: String?
    public var published: String?
    public var publishedSource: String?
    public var isError: Bool
    public var error: String?
    public var events: Int
    public var hash: String
    public var size: Int64
    /// Seconds since the epoch.
    public var ingestedAt: Double
}

/// An article with its text.
public struct ArticleText: Sendable, Equatable {
    public var row: ArticleRow
    public var paragraphs: [String]
    public var warnings: [String]
}

/// Totals for `status`.
public struct StoreCounts: Sendable, Equatable {
    public var files: Int
    public var articles: Int
    public var errors: Int
    public var events: Int
    public var statements: Int
    public var seq: Int64
}
