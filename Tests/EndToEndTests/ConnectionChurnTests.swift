import ControlClient
import ControlProtocol
import Testing

/// Clients that connect, ask one thing and hang up, over and over: what `tidingsctl` and monitoring scripts do.
struct ConnectionChurnTests {
    @Test func manyShortLivedConnections_areEachAnswered() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)

        // A closed connection's descriptor number is reused by the next accept(); the new connection must be
        // served all the same. Each reply normally takes about a millisecond.
        var answered = 0
        for attempt in 1...400 {
            do {
                let client = try ControlClient(socketPath: tree.socket, timeout: .seconds(10))
                defer { client.close() }
                _ = try client.call(.status, as: StatusResult.self)
                answered += 1
            } catch {
                Issue.record("connection \(attempt) of 400 was not answered: \(error)\(daemon.diagnostics)")
                break
            }
        }

        #expect(answered == 400)
    }
}
