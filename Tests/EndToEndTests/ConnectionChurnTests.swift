import Foundation
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

    @Test func hundredsOfConnectionsAtOnce_halfRequestsAndHangUpsMidStream_leaveItServing_withNoSocketLeftOpen()
        throws
    {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let idleDescriptors = try Self.openDescriptors(daemon.child.pid)

        var dropped = 0
        do {
            // 300 clients connected at the same time, each asks before any reads: every one is answered.
            let clients = try (0..<300).map { _ in try RawControlSocket(path: daemon.socket) }
            for (index, client) in clients.enumerated() {
                try client.sendLine(#"{"jsonrpc":"2.0","id":\#(index),"method":"status"}"#)
            }
            for (index, client) in clients.enumerated() {
                let reply = try client.readObject()
                #expect(reply["id"] as? Int == index && reply["result"] != nil, "\(reply)")
            }
            // Half a request, then the hang-up (each socket closes when the scope ends).
            let halves = try (0..<50).map { _ in try RawControlSocket(path: daemon.socket) }
            for half in halves { try half.send(#"{"jsonrpc":"2.0","id":1,"meth"#) }
            // Subscribers that hang up while changes stream to them: each has read the first one.
            let subscribers = try (0..<20).map { _ in try RawControlSocket(path: daemon.socket) }
            for subscriber in subscribers {
                _ = try subscriber.exchange(#"{"jsonrpc":"2.0","id":1,"method":"changes.subscribe","params":{}}"#)
            }
            dropped = try Seeds.drop(into: tree).count
            for subscriber in subscribers {
                let notice = try subscriber.readObject()
                #expect(notice["method"] as? String == "changes.notify", "\(notice)")
            }
        }

        Self.expectStillServing(daemon, files: dropped, sockets: idleDescriptors)
    }

    /// Found by the soak test: with a Dispatch source per client, libdispatch's records of short-lived sockets
    /// went wrong after a few minutes of this (a request never read, or a crash); see ``SocketPoller``.
    @Test func clientsComingAndGoingWhileChangesStream_areEachAnswered_andLeaveNoSocketOpen() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let idleDescriptors = try Self.openDescriptors(daemon.child.pid)
        // Moved into the folder one per round, so that changes stream while clients come and go.
        let staging = try TemporaryTree()
        let articles = try GeneratedCorpus.write(400, into: staging)

        for round in 0..<max(600, articles.count) {
            if round < articles.count {
                try FileManager.default.moveItem(
                    atPath: staging.path(articles[round]), toPath: tree.path("\(round).txt"))
            }
            let client = try RawControlSocket(path: daemon.socket)
            switch round % 3 {
            case 0:
                let reply = try client.exchange(#"{"jsonrpc":"2.0","id":1,"method":"status"}"#)
                #expect(reply["result"] != nil, "round \(round): \(reply)")
            case 1:
                // Replays from the start, then hangs up with most of it unsent.
                let reply = try client.exchange(#"{"jsonrpc":"2.0","id":1,"method":"changes.subscribe","params":{"since":0}}"#)
                #expect(reply["result"] != nil, "round \(round): \(reply)")
            default:
                // Subscribes and stops sending (`echo … | socat`), then hangs up.
                try client.sendLine(#"{"jsonrpc":"2.0","id":1,"method":"changes.subscribe","params":{}}"#)
                client.finishSending()
                let reply = try client.readObject()
                #expect(reply["result"] != nil, "round \(round): \(reply)")
            }
        }

        Self.expectStillServing(daemon, files: articles.count, sockets: idleDescriptors)
    }

    @Test func subscriberThatOnlyStopsSending_stillGetsItsChanges() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let subscriber = try RawControlSocket(path: daemon.socket)
        _ = try subscriber.exchange(#"{"jsonrpc":"2.0","id":1,"method":"changes.subscribe","params":{}}"#)
        subscriber.finishSending()
        // One queue serves every connection: answering a later request, it has most likely read this end of input.
        let churn = try RawControlSocket(path: daemon.socket)
        _ = try churn.exchange(#"{"jsonrpc":"2.0","id":2,"method":"status"}"#)

        try Seeds.drop(into: tree)

        let notice = try subscriber.readObject()
        #expect(notice["method"] as? String == "changes.notify", "\(notice)")
    }

    /// Still serving after the churn: every file stored, and every connection's socket closed again.
    private static func expectStillServing(_ daemon: DaemonProcess, files: Int, sockets idle: Int) {
        #expect(eventually { (try? daemon.status())?.files == files }, "\(daemon.diagnostics)")
        #expect(
            eventually { (try? openDescriptors(daemon.child.pid)) == idle },
            "sockets: \(idle) before, \((try? openDescriptors(daemon.child.pid)) ?? -1) after")
        #expect(daemon.child.isRunning)
    }

    /// The daemon's open sockets (the listener and its connections; the store's reader connections, which it
    /// opens as it likes, are files and do not count).
    private static func openDescriptors(_ pid: Int32) throws -> Int {
        let folder = "/proc/\(pid)/fd"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0))?.hasPrefix("socket:") == true
        }.count
    }
}
