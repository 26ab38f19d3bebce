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

    @Option(name: .long, help: ArgumentHelp("The folder to watch (recursively).", valueName: "dir"))
    var watch: String

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

    @Option(name: .long, help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String = "info"

    @Option(name: .long, help: ArgumentHelp("Files larger than this many bytes are recorded as errors.", valueName: "bytes"))
    var maxFileSize: Int64 = 10_000_000

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("unknown --log-level '\(logLevel)'; use trace, debug, info, notice, warning, error or critical")
        }
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
    }

    func run() throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in StderrLogHandler(label: label, level: level) }
        let logger = Logger(label: "tidingsd")
        let environment = ProcessInfo.processInfo.environment
        let configuration = DaemonConfiguration(
            root: Tidingsd.absolute(watch),
            stateDirectory: Tidingsd.absolute(state ?? DaemonConfiguration.defaultStateDirectory(environment: environment)),
            socketPath: Tidingsd.absolute(socket ?? ControlSocketPath.resolve(environment: environment)),
            maximumFileSize: maxFileSize, dictionariesFolder: dictionaries.map(Tidingsd.absolute))
        let daemon = Daemon(configuration: configuration, logger: logger)
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

    /// An absolute, symlink-free path, so watch events and stored paths agree.
    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
