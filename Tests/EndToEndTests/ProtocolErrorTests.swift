import ControlClient
import ControlProtocol
import Foundation
import Testing

/// Requests that are not what the protocol expects, sent over a raw socket: each gets its JSON-RPC error
/// code, and the daemon keeps serving the same connection and new ones.
struct ProtocolErrorTests {
    @Test func malformedRequests_getTheirErrorCodes_andTheDaemonStillAnswers() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let raw = try RawControlSocket(path: tree.socket)

        let parse = try raw.exchange(#"{"jsonrpc":"2.0","id":1,"method":"status""#)
        let invalid = try raw.exchange(#"{"jsonrpc":"2.0","id":1}"#)
        let unknown = try raw.exchange(#"{"jsonrpc":"2.0","id":2,"method":"articles.delete"}"#)
        let badParams = try raw.exchange(#"{"jsonrpc":"2.0","id":3,"method":"article.get","params":{"path":5}}"#)
        let status = try raw.exchange(#"{"jsonrpc":"2.0","id":4,"method":"status"}"#)

        #expect(Self.errorCode(parse) == -32700, "\(parse)")
        #expect(parse["id"] is NSNull, "a parse error's id must be null: \(parse)")
        #expect(Self.errorCode(invalid) == -32600, "\(invalid)")
        #expect(Self.errorCode(unknown) == -32601, "\(unknown)")
        #expect(unknown["id"] as? Int == 2)
        #expect(Self.errorMessage(unknown).contains("status"), "the message should list the known methods: \(unknown)")
        #expect(Self.errorCode(badParams) == -32602, "\(badParams)")
        #expect(badParams["id"] as? Int == 3)
        #expect(status["id"] as? Int == 4)
        #expect((status["result"] as? [String: Any])?["state"] as? String == "watching", "\(status)")
        #expect(try daemon.status().state == .watching, "a new connection is not served\(daemon.diagnostics)")
    }

    /// docs/protocol.md: for -32600 "the id is `null` when it could not be read", so a readable id is echoed.
    @Test func invalidRequestWithReadableID_isAnsweredWithThatID() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let raw = try RawControlSocket(path: tree.socket)

        let reply = try raw.exchange(#"{"jsonrpc":"2.0","id":7}"#)

        #expect(Self.errorCode(reply) == -32600, "\(reply)")
        #expect(reply["id"] as? Int == 7, "reply: \(reply)")
        #expect(try daemon.status().state == .watching)
    }

    @Test func requestWithoutID_getsNoReply_evenForAnUnknownMethod() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let raw = try RawControlSocket(path: tree.socket)

        try raw.sendLine(#"{"jsonrpc":"2.0","method":"articles.delete"}"#)
        try raw.sendLine(#"{"jsonrpc":"2.0","method":"status"}"#)
        let reply = try raw.exchange(#"{"jsonrpc":"2.0","id":"after","method":"status"}"#)

        // Replies come in order, so anything sent for the two notifications would be read first.
        #expect(reply["id"] as? String == "after", "\(reply)")
        #expect(reply["result"] != nil, "\(reply)")
        #expect(try daemon.status().state == .watching)
    }

    @Test func lineLongerThanOneMiB_getsRequestTooLarge_thenItsConnectionIsClosed_andOthersAreServed() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let raw = try RawControlSocket(path: tree.socket)
        let padding = String(repeating: "x", count: 1 << 20)

        // The daemon may reply and close before the whole line is sent: a failed send is not the test's concern,
        // the reply and the close are.
        try? raw.sendLine(#"{"jsonrpc":"2.0","id":1,"method":"status","params":{"pad":"\#(padding)"}}"#)
        let reply = try raw.readObject()

        #expect(Self.errorCode(reply) == RPCError.requestTooLargeCode, "\(reply)")
        #expect(raw.nextLine(timeout: Timeouts.standard) == .endOfFile, "the connection stayed open")
        #expect(try daemon.status().state == .watching, "a new connection is not served\(daemon.diagnostics)")
    }

    @Test func articleGet_untrackedAndOutsideRootPaths_getTheirOwnCodes() throws {
        let tree = try TemporaryTree()
        let daemon = try DaemonProcess.started(in: tree)
        let raw = try RawControlSocket(path: tree.socket)

        let untracked = try raw.exchange(
            #"{"jsonrpc":"2.0","id":1,"method":"article.get","params":{"path":"nope.txt"}}"#)
        let dotDot = try raw.exchange(
            #"{"jsonrpc":"2.0","id":2,"method":"article.get","params":{"path":"../state/tidings.sqlite"}}"#)
        let outside = try raw.exchange(
            #"{"jsonrpc":"2.0","id":3,"method":"article.get","params":{"path":"/etc/passwd"}}"#)
        let missing = try raw.exchange(#"{"jsonrpc":"2.0","id":4,"method":"article.get","params":{}}"#)

        #expect(Self.errorCode(untracked) == RPCError.notFoundCode, "\(untracked)")
        #expect(Self.errorCode(dotDot) == RPCError.outsideRootCode, "\(dotDot)")
        #expect(Self.errorCode(outside) == RPCError.outsideRootCode, "\(outside)")
        #expect(Self.errorCode(missing) == RPCError.invalidParamsCode, "\(missing)")
        #expect(try daemon.status().state == .watching)
    }

    private static func errorCode(_ reply: [String: Any]) -> Int? {
        (reply["error"] as? [String: Any])?["code"] as? Int
    }

    private static func errorMessage(_ reply: [String: Any]) -> String {
        (reply["error"] as? [String: Any])?["message"] as? String ?? ""
    }
}
