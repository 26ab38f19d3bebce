internal import Foundation

/// Everything the daemon needs to know to run, resolved from flags, the configuration file and the environment.
public struct DaemonConfiguration: Sendable, Equatable {
    /// The folder to watch, absolute.
    public var root: String
    /// Where the database and the lock live.
    public var stateDirectory: String
    /// The control socket's path.
    public var socketPath: String
    /// Files larger than this are recorded as errors without being read.
    public var maximumFileSize: Int64
    /// Files examined together during a bulk ingest; a transaction takes up to four such batches. Each commit
    /// rewrites every index page its rows touched, scattered over the indexes filled in random order (event keys,
    /// dates, mention groups): fewer, larger commits write each page fewer times (BENCHMARKS.md).
    public var batchSize: Int
    /// A folder of the user's own actor, verb and place dictionaries, merged over the bundled ones.
    public var dictionariesFolder: String?
    /// Glob patterns a file must match one of (all article files when empty).
    public var include: [String]
    /// Glob patterns of files never read.
    public var exclude: [String]
    /// The group the control socket is given (nil: the daemon's own).
    public var socketGroup: String?
    /// The group allowed operator commands besides root and the daemon's user.
    public var adminGroup: String?
    /// Seconds to wait before retrying a failed commit (full disk, read-only state folder); doubled with each
    /// failure in a row, up to 30.
    public var storeRetryDelay: Double
    /// Bytes of unsent changes after which a subscriber is told it lagged and is disconnected.
    public var maximumSubscriberBacklog: Int
    /// swift-log level name.
    public var logLevel: String
    /// The configuration file these settings came from, if any.
    public var configurationFile: String?

    public init(
        root: String, stateDirectory: String, socketPath: String, maximumFileSize: Int64 = 10_000_000,
        batchSize: Int = 1024, dictionariesFolder: String? = nil, include: [String] = [], exclude: [String] = [],
        socketGroup: String? = nil, adminGroup: String? = nil, storeRetryDelay: Double = 0.5,
        maximumSubscriberBacklog: Int = 8 << 20, logLevel: String = "info", configurationFile: String? = nil
    ) {
        self.root = root
        self.stateDirectory = stateDirectory
        self.socketPath = socketPath
        self.maximumFileSize = maximumFileSize
        self.batchSize = batchSize
        self.dictionariesFolder = dictionariesFolder
        self.include = include
        self.exclude = exclude
        self.socketGroup = socketGroup
        self.adminGroup = adminGroup
        self.storeRetryDelay = storeRetryDelay
        self.maximumSubscriberBacklog = maximumSubscriberBacklog
        self.logLevel = logLevel
        self.configurationFile = configurationFile
    }

    /// The database file inside the state folder.
    public var databasePath: String { stateDirectory + "/tidings.sqlite" }

    /// swift-log's level names, in order.
    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// `$STATE_DIRECTORY` (systemd), else `$XDG_STATE_HOME/tidings`, else `~/.local/state/tidings`.
    public static func defaultStateDirectory(environment: [String: String]) -> String {
        if let state = environment["STATE_DIRECTORY"], !state.isEmpty {
            return state.split(separator: ":").first.map(String.init) ?? state
        }
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty {
            return xdg + "/tidings"
        }
        return (environment["HOME"] ?? "/root") + "/.local/state/tidings"
    }
}
