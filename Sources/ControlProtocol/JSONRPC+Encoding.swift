// JSON-RPC 2.0 §5: a response always has an "id" member, null when the request's id could not be read
// (parse error, invalid request, line too long). Synthesized Codable would leave a nil id out instead.

/// The member names of a JSON-RPC response.
private enum ResponseKey: String, CodingKey {
    case jsonrpc, id, result, error
}

extension RPCResponse {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ResponseKey.self)
        try container.encode(jsonrpc, forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        try container.encode(result, forKey: .result)
    }
}

extension RPCErrorResponse {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ResponseKey.self)
        try container.encode(jsonrpc, forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        try container.encode(error, forKey: .error)
    }
}
