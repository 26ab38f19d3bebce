import ControlProtocol
import Foundation
import Testing

struct JSONRPCTests {
    @Test func rpcID_whenNumber_roundTripsAsNumber() throws {
        let id = try decode(RPCID.self, "42")
        #expect(id == .number(42))
        #expect(try wireJSON(id) == .int(42))
        #expect(id.description == "42")
    }

    @Test func rpcID_whenString_roundTripsAsString() throws {
        let id = try decode(RPCID.self, #""req-7""#)
        #expect(id == .string("req-7"))
        #expect(try wireJSON(id) == .string("req-7"))
    }

    @Test func rpcID_whenNumericString_staysAString() throws {
        #expect(try decode(RPCID.self, #""1""#) == .string("1"))
    }

    @Test func request_encodesVersionIdMethodAndParams() throws {
        let request = RPCRequest(
            id: .number(1), method: ControlMethod.articleGet.rawValue, params: PathParams(path: "a.txt")
        )
        let json = try wireJSON(request)
        #expect(json == .object([
            "jsonrpc": .string("2.0"), "id": .int(1), "method": .string("article.get"),
            "params": .object(["path": .string("a.txt")]),
        ]))
    }

    @Test func request_whenParamsNil_omitsParams() throws {
        let request = RPCRequest<PathParams>(id: .string("s"), method: "status", params: nil)
        #expect(keys(try wireJSON(request)) == ["jsonrpc", "id", "method"])
    }

    @Test func response_roundTripsItsResult() throws {
        let response = RPCResponse(id: .number(3), result: ReparseResult(queued: 2))
        let data = try JSONEncoder().encode(response)
        let decoded = try JSONDecoder().decode(RPCResponse<ReparseResult>.self, from: data)
        #expect(decoded.id == .number(3))
        #expect(decoded.result == ReparseResult(queued: 2))
        #expect(try wireJSON(response) == .object([
            "jsonrpc": .string("2.0"), "id": .int(3), "result": .object(["queued": .int(2)]),
        ]))
    }

    @Test func errorResponse_decodesCodeMessageAndData() throws {
        let response = try decode(
            RPCErrorResponse.self,
            #"{"jsonrpc":"2.0","id":"x","error":{"code":-32001,"message":"no article at 'a.txt'","#
                + #""data":{"path":"a.txt"}}}"#
        )
        #expect(response.id == .string("x"))
        #expect(response.error.code == RPCError.notFoundCode)
        #expect(response.error.message == "no article at 'a.txt'")
        #expect(response.error.data?["path"]?.stringValue == "a.txt")
    }

    @Test func errorResponse_whenIdNull_encodesNullId() throws {
        let response = RPCErrorResponse(id: nil, error: .parseError("unexpected end"))
        let data = try JSONEncoder().encode(response)
        // JSON-RPC 2.0 §5: when the id could not be read, it must be null, not absent.
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""id":null"#), "\(text)")
        #expect(try JSONDecoder().decode(RPCErrorResponse.self, from: data).error.code == RPCError.parseErrorCode)
    }

    @Test func error_withoutData_omitsData() throws {
        #expect(keys(try wireJSON(RPCError.invalidParams("path is required"))) == ["code", "message"])
    }

    @Test func notification_encodesMethodAndParamsWithoutId() throws {
        let notice = ChangeNotice(seq: 1, kind: "article.added", path: "a.txt", generation: "g", time: "t", data: nil)
        let json = try wireJSON(RPCNotification(method: ControlNotification.change, params: notice))
        #expect(keys(json) == ["jsonrpc", "method", "params"])
        #expect(json["method"] == .string("changes.notify"))
    }

    @Test func envelope_whenRequest_hasMethodAndId() throws {
        let envelope = try decode(RPCEnvelope.self, #"{"jsonrpc":"2.0","id":1,"method":"status"}"#)
        #expect(envelope.method == "status")
        #expect(envelope.id == .number(1))
        #expect(envelope.params == nil)
    }

    @Test func envelope_whenNotification_hasMethodAndNoId() throws {
        let envelope = try decode(
            RPCEnvelope.self, #"{"jsonrpc":"2.0","method":"changes.notify","params":{"seq":5}}"#
        )
        #expect(envelope.id == nil)
        #expect(envelope.method == "changes.notify")
        #expect(envelope.params?["seq"]?.intValue == 5)
    }

    @Test func envelope_whenResult_hasIdAndResultOnly() throws {
        let envelope = try decode(RPCEnvelope.self, #"{"jsonrpc":"2.0","id":"a","result":{"queued":3}}"#)
        #expect(envelope.method == nil)
        #expect(envelope.error == nil)
        #expect(envelope.result?["queued"]?.intValue == 3)
    }

    @Test func envelope_whenError_hasError() throws {
        let envelope = try decode(
            RPCEnvelope.self, #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}"#
        )
        #expect(envelope.id == nil)
        #expect(envelope.error?.code == RPCError.parseErrorCode)
    }

    @Test func envelope_whenNotAnObject_fails() {
        #expect(throws: (any Error).self) { try decode(RPCEnvelope.self, "[1,2]") }
    }

    @Test func jsonValue_roundTripsNestedValues() throws {
        let text = #"{"a":[1,2.5,"x",true,null],"b":{"c":-7}}"#
        let value = try decode(JSONValue.self, text)
        #expect(value["a"] == .array([.int(1), .double(2.5), .string("x"), .bool(true), .null]))
        #expect(value["b"]?["c"]?.intValue == -7)
        #expect(try wireJSON(value) == value)
    }

    @Test func jsonValue_intValue_acceptsWholeDoublesOnly() {
        #expect(JSONValue.double(3).intValue == 3)
        #expect(JSONValue.double(3.5).intValue == nil)
        #expect(JSONValue.string("3").intValue == nil)
    }

    @Test func errorCodes_matchTheProtocolReference() {
        #expect(RPCError.parseErrorCode == -32700)
        #expect(RPCError.invalidRequestCode == -32600)
        #expect(RPCError.methodNotFoundCode == -32601)
        #expect(RPCError.invalidParamsCode == -32602)
        #expect(RPCError.internalErrorCode == -32603)
        #expect(RPCError.notFoundCode == -32001)
        #expect(RPCError.outsideRootCode == -32002)
        #expect(RPCError.permissionDeniedCode == -32003)
        #expect(RPCError.shuttingDownCode == -32004)
        #expect(RPCError.requestTooLargeCode == -32005)
    }

    @Test func methodNotFound_namesTheKnownMethods() {
        let error = RPCError.methodNotFound("stats")
        #expect(error.code == RPCError.methodNotFoundCode)
        #expect(error.message.contains("'stats'"))
        #expect(error.message.contains("articles.list"))
    }
}
