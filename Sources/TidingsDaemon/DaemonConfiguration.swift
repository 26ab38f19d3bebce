/// Everything the daemon needs to know to run, resolved from flags and the environment.
public struct DaemonConfiguration: Sendable {
    /// The folder to watch, absolute.
    public var root: String
    /// Where the database and the lock live.
    public var stateDirectory: String
    /// The control socket's path.
    public var socketPath: String
    /// Files larger than this are recorded as errors without being read.
    public var maximumFileSize: Int64
    /// Files committed per transaction during a bulk ingest.
    public var batchSize: Int
    /// A folder of the user's own actor, verb and place dictionaries, merged over the bundled ones.
    public var dictionariesFolder: String?

    public init(
        root: String, stateDirectory: String, socketPath: String, maximumFileSize: Int64 = 10_000_000,
        batchSize: Int = 256, dictionariesFolder: String? = nil
    ) {
        self.dictionariesFolder = dictionariesFolder
        self.root = root
        self.stateDirectory = stateDirectory
        self.socketPath = socketPath
        self.maximumFileSize = maximumFileSize
        self.batchSize = batchSize
    }

    /// The database file inside the state folder.
    public var databasePath: String { stateDirectory + "/tidings.sqlite" }

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
