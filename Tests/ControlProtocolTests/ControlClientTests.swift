import ControlClient
import ControlProtocol
import Foundation
import Glibc
import Testing

struct ControlClientTests {
    private static func change(_ seq: Int, kind: String = "article.added", title: String = "T") -> String {
        #"{"jsonrpc":"2.0","method":"changes.notify","params":{"seq":\#(seq),"kind":"\#(kind)","path":"a\#(seq).txt","generation":"g1","time":"2020-01-08T10:00:00Z","data":{"title":"\#(title)"}}}"#
    }

    @Test func call_whenDaemonReplies_returnsTheDecodedResult() throws {
        let peer = try TestPeer { connection in
            let request = try connection.readRequest()
            try connection.sendLines(#"{"jsonrpc":"2.0","id":\#(request.id),"result":{"queued":4}}"#)
            try connection.waitForHangUp()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        let result = try client.call(.reparse, params: ReparseParams(path: "world"), as: ReparseResult.self)
        client.close()
        try peer.finish()
        #expect(result == ReparseResult(queued: 4))
    }

    @Test func call_sendsOneJSONRPCRequestLine() throws {
        let received = LockedLines()
        let peer = try TestPeer { connection in
            for _ in 0..<2 {
                let request = try connection.readRequest()
                received.append(request.line)
                try connection.sendLines(#"{"jsonrpc":"2.0","id":\#(request.id),"result":{"ok":true}}"#)
            }
            try connection.waitForHangUp()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        _ = try client.call(.articleGet, params: PathParams(path: "/srv/news/a.txt"), as: OKResult.self)
        _ = try client.call(.status, as: OKResult.self)
        client.close()
        try peer.finish()

        let lines = received.lines
        try #require(lines.count == 2)
        let first = try decode(JSONValue.self, lines[0])
        #expect(first == .object([
            "jsonrpc": .string("2.0"), "id": .int(1), "method": .string("article.get"),
            "params": .object(["path": .string("/srv/news/a.txt")]),
        ]))
        // Slashes stay readable for people watching the socket; params are left out when there are none.
        #expect(lines[0].contains("/srv/news/a.txt"))
        #expect(try decode(JSONValue.self, lines[1]) == .object([
            "jsonrpc": .string("2.0"), "id": .int(2), "method": .string("status"),
        ]))
    }

    @Test func call_whenNotificationsArriveBeforeTheReply_buffersThemInOrder() throws {
        let peer = try TestPeer { connection in
            let request = try connection.readRequest()
            try connection.sendLines(
                Self.change(1), Self.change(2),
                #"{"jsonrpc":"2.0","id":\#(request.id),"result":{"generation":"g1","seq":2,"since":0,"resync":false}}"#
            )
            try connection.waitForHangUp()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        let subscription = try client.subscribe(SubscribeParams(since: 0))
        #expect(subscription == SubscribeResult(generation: "g1", seq: 2, since: 0, resync: false))
        #expect(client.bufferedNotificationCount == 2)
        let first = try client.nextNotification(timeout: .zero)
        let second = try client.nextNotification(timeout: .zero)
        let none = try client.nextNotification(timeout: .milliseconds(50))
        client.close()
        try peer.finish()

        #expect(first?.seq == 1)
        #expect(first?.path == "a1.txt")
        #expect(first?.summary == "T")
        #expect(second?.seq == 2)
        #expect(none == nil)
    }

    @Test func call_whenReplyArrivesInPieces_reassemblesIt() throws {
        let peer = try TestPeer { connection in
            let request = try connection.readRequest()
            try connection.send(#"{"jsonrpc":"2.0","id":\#(request.id),"res"#)
            try connection.send(#"ult":{"queued":1}}"# + "\r\n")
            try connection.waitForHangUp()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        let result = try client.call(.reparse, params: ReparseParams(), as: ReparseResult.self)
        client.close()
        try peer.finish()
        #expect(result.queued == 1)
    }

    @Test func call_whenAStaleReplyComesFirst_waitsForItsOwnId() throws {
        let peer = try TestPeer { connection in
            let request = try connection.readRequest()
            try connection.sendLines(
                #"{"jsonrpc":"2.0","id":99,"result":{"queued":99}}"#,
                #"{"jsonrpc":"2.0","id":\#(request.id),"result":{"queued":5}}"#
            )
            try connection.waitForHangUp()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        let result = try client.call(.reparse, params: ReparseParams(), as: ReparseResult.self)
        client.close()
        try peer.finish()
        #expect(result.queued == 5)
    }

    @Test func call_whenDaemonRepliesWithError_throwsTheRPCError() throws {
        let peer = try TestPeer { connection in
            let request = try connection.readRequest()
            try connection.sendLines(
                #"{"jsonrpc":"2.0","id":\#(request.id),"error":{"code":-32001,"message":"no article at 'x.txt'"}}"#
            )
            try connection.waitForHangUp()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        #expect(throws: RPCError(code: RPCError.notFoundCode, message: "no article at 'x.txt'")) {
            try client.call(.articleGet, params: PathParams(path: "x.txt"), as: ArticleDetail.self)
        }
        client.close()
        try peer.finish()
    }

    @Test func call_whenDaemonAnswersWithAnIdlessError_throwsIt() throws {
        let peer = try TestPeer { connection in
            _ = try connection.readRequest()
            try connection.sendLines(
                #"{"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"request too large"}}"#
            )
            try connection.waitForHangUp()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        let error = #expect(throws: RPCError.self) { try client.call(.status, as: StatusResult.self) }
        #expect(error?.code == RPCError.requestTooLargeCode)
        client.close()
        try peer.finish()
    }

    @Test func call_whenReplyHasTheWrongShape_throwsInvalidReply() throws {
        let peer = try TestPeer { connection in
            let request = try connection.readRequest()
            try connection.sendLines(#"{"jsonrpc":"2.0","id":\#(request.id),"result":{"unexpected":true}}"#)
            try connection.waitForHangUp()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        let error = #expect(throws: ControlClientError.self) { try client.call(.reparse, as: ReparseResult.self) }
        #expect(error?.code == .invalidReply)
        client.close()
        try peer.finish()
    }

    @Test func call_whenDaemonNeverReplies_timesOutInsteadOfHanging() throws {
        let peer = try TestPeer { connection in
            _ = try connection.readRequest()
            try connection.waitForHangUp()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .milliseconds(200))
        let started = ContinuousClock.now
        let error = #expect(throws: ControlClientError.self) { try client.call(.status, as: StatusResult.self) }
        let elapsed = ContinuousClock.now - started
        client.close()
        try peer.finish()

        #expect(error?.code == .timedOut)
        #expect(error?.message.contains(peer.socketPath) == true)
        #expect(elapsed >= .milliseconds(200))
        #expect(elapsed < .seconds(5))
    }

    @Test func call_whenDaemonHangsUp_throwsDisconnected() throws {
        let peer = try TestPeer { connection in
            _ = try connection.readRequest()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        let error = #expect(throws: ControlClientError.self) { try client.call(.status, as: StatusResult.self) }
        try peer.finish()
        #expect(error?.code == .disconnected)
        #expect(error?.message == "the daemon at \(peer.socketPath) closed the connection (stopped or restarted?)")
    }

    @Test func nextNotification_streamsLiveChangesUntilTheDaemonHangsUp() throws {
        let peer = try TestPeer { connection in
            let request = try connection.readRequest()
            try connection.sendLines(
                #"{"jsonrpc":"2.0","id":\#(request.id),"result":{"generation":"g1","seq":0,"since":0,"resync":false}}"#
            )
            try connection.sendLines(Self.change(1))
            try connection.sendLines(#"{"jsonrpc":"2.0","method":"some.future.notice","params":{}}"#, Self.change(2))
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        _ = try client.subscribe(SubscribeParams())
        var seqs: [Int64] = []
        let error = #expect(throws: ControlClientError.self) {
            while let change = try client.nextNotification(timeout: .seconds(10)) { seqs.append(change.seq) }
        }
        try peer.finish()
        // The unknown notification is skipped, not an error.
        #expect(seqs == [1, 2])
        #expect(error?.code == .disconnected)
    }

    @Test func nextRawNotification_returnsEveryMethodWithItsParams() throws {
        let peer = try TestPeer { connection in
            try connection.sendLines(
                #"{"jsonrpc":"2.0","method":"some.future.notice","params":{"a":1}}"#, Self.change(3)
            )
            try connection.waitForHangUp()
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        let first = try client.nextRawNotification(timeout: .seconds(10))
        let second = try client.nextRawNotification(timeout: .seconds(10))
        client.close()
        try peer.finish()

        #expect(first?.method == "some.future.notice")
        #expect(first?.params?["a"]?.intValue == 1)
        #expect(second?.method == "changes.notify")
        #expect(try second?.decodeParams(as: ChangeNotice.self).seq == 3)
    }

    @Test func nextNotification_whenDaemonSaysLagged_throwsLaggedWithTheResumeCursor() throws {
        let peer = try TestPeer { connection in
            try connection.sendLines(
                Self.change(8), #"{"jsonrpc":"2.0","method":"changes.lagged","params":{"seq":9,"generation":"g1"}}"#
            )
        }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        let first = try client.nextNotification(timeout: .seconds(10))
        let error = #expect(throws: ControlClientError.self) { try client.nextNotification(timeout: .seconds(10)) }
        client.close()
        try peer.finish()
        #expect(first?.seq == 8)
        #expect(error?.code == .lagged)
        #expect(error?.message.contains("seq 9 (generation g1)") == true)
    }

    @Test func nextNotification_whenNothingArrives_returnsNilAfterTheTimeout() throws {
        let peer = try TestPeer { connection in try connection.waitForHangUp() }
        let client = try ControlClient(socketPath: peer.socketPath, timeout: .seconds(10))
        let started = ContinuousClock.now
        let notice = try client.nextNotification(timeout: .milliseconds(100))
        let elapsed = ContinuousClock.now - started
        client.close()
        try peer.finish()
        #expect(notice == nil)
        #expect(elapsed >= .milliseconds(100))
    }

    @Test func init_whenSocketMissing_saysNoDaemonAndHowToStartOne() throws {
        let directory = try TestPeer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/control.sock"
        let error = #expect(throws: ControlClientError.self) { try ControlClient(socketPath: path) }
        #expect(error?.code == .noDaemon)
        #expect(error?.message == "no daemon at \(path): start it with 'tidingsd --watch DIR'")
    }

    @Test func init_whenNobodyListens_saysNoDaemon() throws {
        let directory = try TestPeer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/control.sock"
        // A bound socket nobody listens on: what a crashed daemon leaves behind (ECONNREFUSED).
        let fd = try TestPeer.listen(at: path, listening: false)
        defer { close(fd) }
        let error = #expect(throws: ControlClientError.self) { try ControlClient(socketPath: path) }
        #expect(error?.code == .noDaemon)
        #expect(error?.message.hasPrefix("no daemon at \(path)") == true)
    }

    @Test func init_whenPathTooLong_explainsTheLimit() {
        let path = "/tmp/" + String(repeating: "x", count: 200) + ".sock"
        let error = #expect(throws: ControlClientError.self) { try ControlClient(socketPath: path) }
        #expect(error?.code == .connectFailed)
        #expect(error?.message.contains("107 bytes") == true)
    }

    @Test(.enabled(if: getuid() != 0, "root may connect to any socket"))
    func init_whenSocketNotAccessible_saysPermissionDeniedAndNamesTheGroup() throws {
        let peer = try TestPeer { _ in }
        chmod(peer.socketPath, 0)
        let error = #expect(throws: ControlClientError.self) { try ControlClient(socketPath: peer.socketPath) }
        // Unblock the peer's accept so it ends.
        chmod(peer.socketPath, 0o600)
        _ = try? ControlClient(socketPath: peer.socketPath)
        try peer.finish()
        #expect(error?.code == .permissionDenied)
        #expect(error?.message.contains("permission denied") == true)
        #expect(error?.message.contains("group '") == true)
    }
}

/// Lines collected on the peer's thread, read on the test's.
final class LockedLines: @unchecked Sendable {  // `storage` is only touched under `lock`.
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ line: String) { lock.withLock { storage.append(line) } }
    var lines: [String] { lock.withLock { storage } }
}
