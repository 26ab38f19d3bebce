import ControlClient
import ControlProtocol
import Foundation
import Glibc

/// The built `tidingsd`, running as a real process on a test's folder, state and socket.
///
/// Its stderr (the log) goes to a file quoted in every failure message. Released while still running
/// (a test failed before stopping it), it is killed.
final class DaemonProcess {
    /// Kept alive as long as the daemon: it holds the daemon's folders.
    let tree: TemporaryTree
    let root: String
    let state: String
    let socket: String
    let child: ChildProcess
    private var queryClient: ControlClient?

    /// Launches `tidingsd --watch ROOT --state STATE --socket SOCKET ARGUMENTS…`, by default on `tree`'s root,
    /// state and socket, with `environment` added to the test's; does not wait. With `user`, it runs as that
    /// user and group (`setpriv`, which execs it: the pid is the daemon's); see ``TemporaryTree/giveAway(to:)``.
    init(
        tree: TemporaryTree, root: String? = nil, state: String? = nil, socket: String? = nil,
        arguments: [String] = [], environment: [String: String] = [:], as user: (name: String, group: String)? = nil
    ) throws {
        self.tree = tree
        self.root = root ?? tree.root
        self.state = state ?? tree.state
        self.socket = socket ?? tree.socket
        let log = tree.newLogPath("tidingsd")
        var executable = try Binaries.tidingsd()
        var prefix: [String] = []
        if let user {
            prefix = ["--reuid=\(user.name)", "--regid=\(user.group)", "--clear-groups", executable.path]
            executable = URL(fileURLWithPath: "/usr/bin/setpriv")
        }
        child = try ChildProcess(
            executable,
            prefix + ["--watch", self.root, "--state", self.state, "--socket", self.socket] + arguments,
            stdout: .file(log + ".out"), stderrPath: log, environment: environment)
    }

    /// Launches on `tree` and returns once the daemon reports `watching` (its start-up reconcile is done).
    static func started(
        in tree: TemporaryTree, root: String? = nil, state: String? = nil, socket: String? = nil,
        arguments: [String] = [], environment: [String: String] = [:], as user: (name: String, group: String)? = nil
    ) throws -> DaemonProcess {
        let daemon = try DaemonProcess(
            tree: tree, root: root, state: state, socket: socket, arguments: arguments, environment: environment,
            as: user)
        try daemon.waitUntilWatching()
        return daemon
    }

    /// The daemon's log so far.
    var log: String { child.stderr }

    /// Appended to failure messages: what the daemon logged.
    var diagnostics: String { "\n--- tidingsd log (\(child.stderrPath)) ---\n\(log)--- end of log ---" }

    // MARK: - Talking to it

    /// A new control connection.
    func connect(timeout: Duration = Timeouts.standard) throws -> ControlClient {
        try ControlClient(socketPath: socket, timeout: timeout)
    }

    /// `status`, over the query connection.
    func status() throws -> StatusResult {
        try withConnection { try $0.call(.status, as: StatusResult.self) }
    }

    /// The tracked files, over the query connection.
    func articles(_ params: ArticlesListParams = ArticlesListParams()) throws -> [ArticleSummary] {
        try withConnection { try $0.call(.articlesList, params: params, as: [ArticleSummary].self) }
    }

    /// The seq once the daemon has nothing left to ingest (backlog 0).
    func settledSeq() throws -> Int64 {
        try waitForStatus("an empty backlog") { $0.backlog == 0 }.seq
    }

    /// Every change after `since` up to the settled seq, by replaying them on a fresh connection.
    func changes(after since: Int64) throws -> [ChangeNotice] {
        let head = try settledSeq()
        // A connection of its own: a subscription's notices must not pile up on the query connection.
        let client = try connect()
        defer { client.close() }
        _ = try client.subscribe(SubscribeParams(since: since))
        return try client.changes(after: since, through: head, daemon: self)
    }

    /// Runs `body` on the harness's own query connection (opened on first use and kept, so polling does not
    /// open hundreds of connections); a client error (timeout, refused) comes with the daemon's log, and drops
    /// the connection so the next query opens a new one.
    func withConnection<Result>(_ body: (ControlClient) throws -> Result) throws -> Result {
        do {
            let client = try queryClient ?? connect()
            queryClient = client
            return try body(client)
        } catch let error as ControlClientError {
            queryClient?.close()
            queryClient = nil
            throw HarnessError("\(error.message)\(diagnostics)")
        }
    }

    /// Polls `status` until the state is `watching`; throws with the last status and the log otherwise.
    @discardableResult
    func waitUntilWatching(timeout: Duration = Timeouts.standard) throws -> StatusResult {
        try waitUntil("the state watching", timeout: timeout) { $0.state == .watching }
    }

    /// Polls `status` until `condition` holds, also while the daemon is starting and cannot answer yet; returns
    /// that status, or throws with the last answer and the log (at once if the daemon ends).
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Duration = Timeouts.standard, _ condition: (StatusResult) -> Bool
    ) throws -> StatusResult {
        var last = "no answer yet"
        let deadline = Deadline(after: timeout)
        while true {
            if !child.isRunning {
                let ended = child.waitForExit(timeout: .seconds(1)).map(\.description) ?? "ended"
                throw HarnessError("tidingsd \(ended) before its status showed \(what)\(diagnostics)")
            }
            do {
                let status = try withConnection { try $0.call(.status, as: StatusResult.self) }
                if condition(status) { return status }
                last =
                    "state \(status.state.rawValue), files \(status.files), backlog \(status.backlog), "
                    + "problems \(status.problems)"
            } catch {
                last = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            }
            if deadline.hasPassed {
                throw HarnessError(
                    "tidingsd's status did not show \(what) within \(timeout) (last: \(last))\(diagnostics)")
            }
            pauseBetweenPolls()
        }
    }

    /// Polls `status` until `condition` holds; returns that status, or throws with the last one and the log.
    @discardableResult
    func waitForStatus(
        _ what: String, timeout: Duration = Timeouts.standard, _ condition: (StatusResult) -> Bool
    ) throws -> StatusResult {
        var last: StatusResult?
        let status = try eventuallyValue(timeout: timeout) { () throws -> StatusResult? in
            let status = try self.status()
            last = status
            return condition(status) ? status : nil
        }
        guard let status else {
            throw HarnessError(
                "the daemon's status never showed \(what); last: \(String(describing: last))\(diagnostics)")
        }
        return status
    }

    // MARK: - Stopping it

    /// Sends SIGTERM and returns how the daemon ended; throws (after SIGKILL) when it does not end in time.
    func stop(timeout: Duration = Timeouts.standard) throws -> Termination {
        queryClient?.close()
        queryClient = nil
        child.send(SIGTERM)
        return try waitForExit(timeout: timeout)
    }

    /// Waits for the daemon to end on its own (e.g. `--once`, or refusing to start).
    func waitForExit(timeout: Duration = Timeouts.standard) throws -> Termination {
        guard let termination = child.waitForExit(timeout: timeout) else {
            child.kill()
            throw HarnessError("tidingsd did not exit within \(timeout); killed it\(diagnostics)")
        }
        return termination
    }

    /// SIGKILL: a crash, leaving the socket file and no chance to clean up.
    func crash() throws {
        child.kill()
        if child.isRunning { throw HarnessError("tidingsd survived SIGKILL\(diagnostics)") }
    }
}
