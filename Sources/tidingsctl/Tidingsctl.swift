import ArgumentParser
import ControlProtocol

/// `tidingsctl`: the control CLI of the Tidings daemon.
@main
struct Tidingsctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tidingsctl",
        abstract: "Ask the Tidings daemon (tidingsd) what it knows, and follow its changes.",
        discussion: """
            Talks JSON-RPC to tidingsd over its control socket (see docs/protocol.md).
            Exit codes: 0 ok, 1 the daemon reported an error or could not be reached, 64 usage error.
            """,
        version: TidingsVersion.current,
        subcommands: [
            Status.self, Articles.self, Events.self, Timeline.self, Show.self, Statements.self, Actors.self, Watch.self,
            Reparse.self,
        ]
    )

    // Declared here too so `tidingsctl --socket PATH status` works as well as `tidingsctl status --socket PATH`.
    @OptionGroup var options: GlobalOptions
}
