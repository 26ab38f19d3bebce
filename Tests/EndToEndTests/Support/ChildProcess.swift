import Foundation
import Glibc
import Testing

/// How a child process ended.
struct Termination: Equatable, CustomStringConvertible {
    /// The exit status, or the signal number when ``bySignal``.
    var status: Int32
    var bySignal: Bool

    static func exited(_ status: Int32) -> Termination { Termination(status: status, bySignal: false) }

    var description: String { bySignal ? "killed by signal \(status)" : "exit status \(status)" }
}

/// A started executable with its stderr in a file and its stdout in a file or a pipe; every wait is bounded.
/// A child still running when this is released is killed, so a failing test leaves no process behind.
final class ChildProcess {
    enum Output {
        /// Written to this file, read after the process ends.
        case file(String)
        /// A pipe, read while the process runs (see ``stdoutLines``).
        case pipe
    }

    let executable: URL
    let arguments: [String]
    let stderrPath: String
    private let process = Process()
    private let stdoutFile: String?
    private let stdoutPipe: Pipe?
    /// Lines of stdout when it is a pipe.
    let stdoutLines: LineReader?

    /// `environment` is added to this process's own.
    init(
        _ executable: URL, _ arguments: [String], stdout: Output, stderrPath: String,
        environment: [String: String] = [:]
    ) throws {
        self.executable = executable
        self.arguments = arguments
        self.stderrPath = stderrPath
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardError = try Self.fileHandle(writingTo: stderrPath)
        switch stdout {
        case .file(let path):
            stdoutFile = path
            stdoutPipe = nil
            stdoutLines = nil
            process.standardOutput = try Self.fileHandle(writingTo: path)
        case .pipe:
            let pipe = Pipe()
            stdoutFile = nil
            stdoutPipe = pipe
            stdoutLines = LineReader(fd: pipe.fileHandleForReading.fileDescriptor)
            process.standardOutput = pipe
        }
        // A child inherits the spawning thread's signal mask, and tests run on Dispatch worker threads, which
        // block signals: spawned from one, `tidingsctl watch` would never see the SIGINT sent to stop it. Spawn
        // with nothing blocked, as a shell does.
        var unblocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&unblocked)
        pthread_sigmask(SIG_SETMASK, &unblocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        do {
            try process.run()
        } catch {
            throw HarnessError("cannot start \(commandLine): \(error)")
        }
    }

    deinit {
        if process.isRunning { kill() }
        // Under `swift test --sanitize=thread` (or address) the built tidingsd and tidingsctl are instrumented
        // too, and report on their stderr, which a passing test never reads: fail the test that ran them.
        let log = stderr
        if let marker = Self.sanitizerMarkers.first(where: log.contains) {
            let report = log[log.range(of: marker)!.lowerBound...].prefix(6000)
            Issue.record("\(commandLine) reported a sanitizer error on stderr (\(stderrPath)):\n\(report)")
        }
    }

    /// How a sanitizer's report starts.
    static let sanitizerMarkers = ["WARNING: ThreadSanitizer:", "ERROR: AddressSanitizer:", "ERROR: LeakSanitizer:"]

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// `path arg…`, for messages.
    var commandLine: String { ([executable.path] + arguments).joined(separator: " ") }

    /// What the process wrote on stderr so far.
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// What the process wrote on stdout (file output only).
    var stdout: String { stdoutFile.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? "" }

    /// Sends a signal (SIGTERM, SIGINT…).
    func send(_ signal: Int32) {
        if process.isRunning { _ = Glibc.kill(process.processIdentifier, signal) }
    }

    /// How the process ended, or nil when it is still running after `timeout`.
    func waitForExit(timeout: Duration = Timeouts.standard) -> Termination? {
        guard eventually(timeout: timeout, { !process.isRunning }) else { return nil }
        switch process.terminationReason {
        case .exit: return .exited(process.terminationStatus)
        case .uncaughtSignal: return Termination(status: process.terminationStatus, bySignal: true)
        }
    }

    /// SIGKILL, then waits for the process to be reaped.
    func kill() {
        send(SIGKILL)
        if waitForExit() == nil {
            // Never expected: the kernel delivers SIGKILL; Foundation reaps asynchronously.
            FileHandle.standardError.write(Data("end-to-end harness: pid \(pid) survived SIGKILL\n".utf8))
        }
    }

    private static func fileHandle(writingTo path: String) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw HarnessError("cannot create the output file \(path)")
        }
        return handle
    }
}
