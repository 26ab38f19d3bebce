internal import Foundation

/// A request line, checked against JSON-RPC 2.0: what the daemon makes of each line a client sends.
public struct IncomingRequest: Sendable {
    /// Nil for a notification (no reply is sent).
    public var id: RPCID?
    public var method: String
    public var params: JSONValue?

    /// Why a line is not a request, and the id to answer with when one could be read.
    public struct Failure: Error {
        public var id: RPCID?
        public var error: RPCError
    }

    /// Parses one line: -32700 when it is not JSON, -32600 when it is not a JSON-RPC request.
    public static func decode(_ line: [UInt8]) -> Result<IncomingRequest, Failure> {
        let data = Data(line)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return .failure(Failure(id: nil, error: .parseError("the line is not valid JSON")))
        }
        guard object is [String: Any] else {
            let what = object is [Any] ? "batches are not supported; send one request object per line" : "expected an object"
            return .failure(Failure(id: nil, error: .invalidRequest(what)))
        }
        let envelope: RPCEnvelope
        do {
            envelope = try JSONDecoder().decode(RPCEnvelope.self, from: data)
        } catch {
            return .failure(Failure(id: nil, error: .invalidRequest("'id' must be a number or a string")))
        }
        guard envelope.jsonrpc == "2.0" else {
            return .failure(Failure(id: envelope.id, error: .invalidRequest("'jsonrpc' must be \"2.0\"")))
        }
        guard let method = envelope.method, !method.isEmpty else {
            return .failure(Failure(id: envelope.id, error: .invalidRequest("'method' must be a non-empty string")))
        }
        if let params = envelope.params {
            switch params {
            case .object, .array: break
            default: return .failure(Failure(id: envelope.id, error: .invalidRequest("'params' must be an object")))
            }
        }
        return .success(IncomingRequest(id: envelope.id, method: method, params: envelope.params))
    }

    /// The params decoded as `type`, or nil when the request has none. Wrong shapes are -32602.
    public func decodeParams<P: Decodable>(_ type: P.Type) throws(RPCError) -> P? {
        guard let params, params != .null else { return nil }
        if case .array(let items) = params, items.isEmpty { return nil }
        do {
            let data = try JSONEncoder().encode(params)
            return try JSONDecoder().decode(P.self, from: data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .invalidParams("'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type")
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalidParams("'\(key.stringValue)' is required")
        } catch {
            throw .invalidParams("params must be an object with named fields (see docs/protocol.md)")
        }
    }
}
