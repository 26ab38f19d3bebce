import ArgumentParser
import ControlProtocol
import Dispatch
import Foundation
import Logging
import TidingsDaemon

/// `tidingsd`: watches a folder of news articles and keeps the event store up to date.
@main
struct Tidingsd: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch a folder of news articles, keep the event store up to date, and serve the control socket.",
        discussion: """
            Files are the truth: the store (SQLite) is derived from the folder and reconciled at every start.
            Clients talk to the daemon with tidingsctl, or JSON-RPC 2.0 over the control socket.
            """,
        version: Daemon.version
    )

    @Option(name: .long, help: ArgumentHelp("The folder to watch (recursively). Or 'watch' in the configuration.", valueName: "dir"))
    var watch: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A TOML configuration file. Default: /etc/tidings/tidings.toml when it exists. Flags override it.",
            valueName: "file"))
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where the database lives. Default: $STATE_DIRECTORY, $XDG_STATE_HOME/tidings or ~/.local/state/tidings.",
            valueName: "dir"))
    var state: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The control socket. Default: $RUNTIME_DIRECTORY/control.sock, $XDG_RUNTIME_DIR/tidings/control.sock or /run/tidings/control.sock.",
            valueName: "path"))
    var socket: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A folder of your own actor, verb and place dictionaries, merged over the bundled ones.", valueName: "dir"))
    var dictionaries: String?

    @Flag(name: .long, help: "Reconcile, ingest everything, commit and exit (no socket, no watching).")
    var once = false

    @Option(name: .long, help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (default info).", valueName: "level"))
    var logLevel: String?

    @Option(name: .long, help: ArgumentHelp("Files larger than this many bytes are recorded as errors (default 10000000).", valueName: "bytes"))
    var maxFileSize: Int64?

    // For tests: a full disk is cleared within seconds there, and the retries should notice it as fast.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Seconds before the first retry of a failed commit (default 0.5).", valueName: "seconds",
            visibility: .hidden))
    var storeRetryDelay: Double?

    // For tests: a subscriber that reads nothing is cut off after a few hundred changes, not tens of thousands.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Bytes of unsent changes after which a subscriber is told it lagged and disconnected (default 8388608).",
            valueName: "bytes", visibility: .hidden))
    var maxSubscriberBacklog: Int?

    // For tests: a crash test kills a bulk ingest between commits, and needs several of them in a small corpus.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Files examined together during a bulk ingest; a transaction takes up to four such batches (default 1024).",
            valueName: "files",
            visibility: .hidden))
    var batchSize: Int?

    func validate() throws {
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("unknown --log-level '\(logLevel)'; use trace, debug, info, notice, warning, error or critical")
        }
        if let maxFileSize, maxFileSize <= 0 { throw ValidationError("--max-file-size must be positive") }
        if let storeRetryDelay, !(storeRetryDelay > 0) { throw ValidationError("--store-retry-delay must be positive") }
        if let maxSubscriberBacklog, maxSubscriberBacklog <= 0 {
            throw ValidationError("--max-subscriber-backlog must be positive")
        }
        if let batchSize, batchSize <= 0 { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = DaemonSettings(
            watch: watch, state: state, socket: socket, maximumFileSize: maxFileSize, dictionaries: dictionaries,
            logLevel: logLevel, configurationFile: config, environment: environment, storeRetryDelay: storeRetryDelay,
            maximumSubscriberBacklog: maxSubscriberBacklog, batchSize: batchSize)
        let configuration: DaemonConfiguration
        do {
            configuration = try settings.resolve()
        } catch {
            FileHandle.standardError.write(Data("tidingsd: \(error.message)\n".utf8))
            throw ExitCode.failure
        }
        StderrLogHandler.setLevel(Logger.Level(rawValue: configuration.logLevel) ?? .info)
        let journal = environment["JOURNAL_STREAM"] != nil
        LoggingSystem.bootstrap { label in StderrLogHandler(label: label, journal: journal) }
        let logger = Logger(label: "tidingsd")
        let daemon = Daemon(configuration: configuration, settings: settings, logger: logger)
        do {
            if once {
                try daemon.runOnce()
                return
            }
            try daemon.start()
        } catch {
            logger.critical("cannot start: \(error.message)")
            throw ExitCode.failure
        }
        dispatchMain()
    }
}
