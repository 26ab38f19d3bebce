internal import ControlProtocol
internal import Foundation

/// What the command line says, before the configuration file fills the gaps: kept so a reload (SIGHUP)
/// can read the file again and apply the same flags over it.
public struct DaemonSettings: Sendable {
    public var watch: String?
    public var state: String?
    public var socket: String?
    public var maximumFileSize: Int64?
    public var dictionaries: String?
    public var logLevel: String?
    /// `--store-retry-delay` (hidden; tests): the first wait after a failed commit, in seconds.
    public var storeRetryDelay: Double?
    /// `--max-subscriber-backlog` (hidden; tests): see ``DaemonConfiguration/maximumSubscriberBacklog``.
    public var maximumSubscriberBacklog: Int?
    /// `--batch-size` (hidden; tests): see ``DaemonConfiguration/batchSize``.
    public var batchSize: Int?
    /// `--config PATH`: must exist. Without it, /etc/tidings/tidings.toml is read when it exists.
    public var configurationFile: String?
    public var environment: [String: String]

    public init(
        watch: String?, state: String?, socket: String?, maximumFileSize: Int64?, dictionaries: String?,
        logLevel: String?, configurationFile: String?, environment: [String: String], storeRetryDelay: Double? = nil,
        maximumSubscriberBacklog: Int? = nil, batchSize: Int? = nil
    ) {
        self.watch = watch
        self.state = state
        self.socket = socket
        self.maximumFileSize = maximumFileSize
        self.dictionaries = dictionaries
        self.logLevel = logLevel
        self.configurationFile = configurationFile
        self.environment = environment
        self.storeRetryDelay = storeRetryDelay
        self.maximumSubscriberBacklog = maximumSubscriberBacklog
        self.batchSize = batchSize
    }

    /// Flags over the file over the defaults. Paths are made absolute.
    public func resolve() throws(DaemonError) -> DaemonConfiguration {
        var file = ConfigurationFile()
        var filePath: String?
        if let path = configurationFile ?? (FileManager.default.fileExists(atPath: ConfigurationFile.defaultPath)
            ? ConfigurationFile.defaultPath : nil)
        {
            do {
                file = try ConfigurationFile.load(path: path)
            } catch {
                throw DaemonError("bad configuration \(error.description)")
            }
            filePath = path
        }
        guard let watch = watch ?? file.watch else {
            throw DaemonError(
                "no folder to watch: pass --watch DIR or set 'watch' in \(filePath ?? ConfigurationFile.defaultPath)")
        }
        return DaemonConfiguration(
            root: DaemonSettings.absolute(watch),
            stateDirectory: DaemonSettings.absolute(
                state ?? file.state ?? DaemonConfiguration.defaultStateDirectory(environment: environment)),
            socketPath: DaemonSettings.absolute(socket ?? file.socket ?? ControlSocketPath.resolve(environment: environment)),
            maximumFileSize: maximumFileSize ?? file.maxFileSize ?? 10_000_000, batchSize: batchSize ?? 1024,
            dictionariesFolder: (dictionaries ?? file.dictionaries).map(DaemonSettings.absolute),
            include: file.include ?? [], exclude: file.exclude ?? [], socketGroup: file.socketGroup,
            adminGroup: file.adminGroup, storeRetryDelay: storeRetryDelay ?? 0.5,
            maximumSubscriberBacklog: maximumSubscriberBacklog ?? 8 << 20,
            logLevel: logLevel ?? file.logLevel ?? "info", configurationFile: filePath)
    }

    /// An absolute, symlink-free path, so watch events and stored paths agree.
    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
