import Foundation

/// The built `tidingsctl`, run as a process against one daemon's socket.
struct Tidingsctl {
    /// One finished run.
    struct Run: CustomStringConvertible {
        var commandLine: String
        var termination: Termination
        var stdout: String
        var stderr: String

        var description: String {
            "'\(commandLine)' ended with \(termination)\nstdout:\n\(stdout)\nstderr:\n\(stderr)"
        }
    }

    let tree: TemporaryTree
    let socket: String

    init(tree: TemporaryTree, socket: String? = nil) {
        self.tree = tree
        self.socket = socket ?? tree.socket
    }

    /// `tidingsctl SUBCOMMAND ARGS… --socket SOCKET`, to completion (killed after `timeout`); with `user`,
    /// run as that user and group (`setpriv`; the tests run as root) to check what others may do.
    func run(
        _ subcommand: String, _ arguments: [String] = [], as user: (name: String, group: String)? = nil,
        timeout: Duration = Timeouts.standard
    ) throws -> Run {
        let log = tree.newLogPath("tidingsctl-\(subcommand)")
        let tidingsctl = try Binaries.tidingsctl()
        var executable = tidingsctl
        var prefix: [String] = []
        if let user {
            executable = URL(fileURLWithPath: "/usr/bin/setpriv")
            prefix = ["--reuid=\(user.name)", "--regid=\(user.group)", "--clear-groups", tidingsctl.path]
        }
        let child = try ChildProcess(
            executable, prefix + [subcommand] + arguments + ["--socket", socket],
            stdout: .file(log + ".out"), stderrPath: log)
        guard let termination = child.waitForExit(timeout: timeout) else {
            child.kill()
            throw HarnessError("'\(child.commandLine)' did not finish within \(timeout)\nstderr:\n\(child.stderr)")
        }
        return Run(commandLine: child.commandLine, termination: termination, stdout: child.stdout, stderr: child.stderr)
    }

    /// `tidingsctl SUBCOMMAND ARGS… --json`: requires exit status 0 and returns stdout parsed as JSON.
    func json(_ subcommand: String, _ arguments: [String] = []) throws -> Any {
        let run = try run(subcommand, arguments + ["--json"])
        guard run.termination == .exited(0) else { throw HarnessError("expected success: \(run)") }
        guard let value = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8), options: [.fragmentsAllowed])
        else {
            throw HarnessError("stdout is not JSON: \(run)")
        }
        return value
    }

    /// Starts a long-running `tidingsctl SUBCOMMAND ARGS…` (e.g. `watch`) with its stdout on a pipe.
    func spawn(_ subcommand: String, _ arguments: [String] = []) throws -> ChildProcess {
        try ChildProcess(
            try Binaries.tidingsctl(), [subcommand] + arguments + ["--socket", socket],
            stdout: .pipe, stderrPath: tree.newLogPath("tidingsctl-\(subcommand)"))
    }
}
