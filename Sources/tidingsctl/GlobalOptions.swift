import ArgumentParser
import ControlProtocol
import Foundation

/// Options every subcommand takes: where the daemon is and how to print.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The daemon's control socket (default: as tidingsd, or /run/tidings/control.sock when only the service's exists).",
            valueName: "path"
        )
    )
    var socket: String = ControlSocketPath.resolveForClient(
        environment: ProcessInfo.processInfo.environment, exists: { FileManager.default.fileExists(atPath: $0) })

    @Flag(name: .long, help: "Print the daemon's JSON instead of text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for each reply.", valueName: "seconds"))
    var timeout: Double = 30

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
        guard !socket.isEmpty else { throw ValidationError("--socket needs a path") }
    }
}
