import FuzzDriver
import ControlProtocol
import Foundation

/// Feeds each input to the daemon's reading of a client: ``LineBuffer`` splits it into lines, each line goes
/// through ``IncomingRequest/decode(_:)``, and a request's params are decoded as its method's params type.
/// Also checks that how the bytes arrive (one read or many small ones) does not change the lines, and reads each
/// line as a client does (``JSONValue/init(parsing:)``), which must read back what `JSONEncoder` writes of it.
@main
enum FuzzControlProtocol {
    static func main() {
        runLibFuzzer(testOneInput)
    }

    static func read(_ bytes: [UInt8]) {
        // A small limit, so that inputs of a few kilobytes reach the too-long path.
        let limit = 512
        var whole = LineBuffer(maximumLineLength: limit)
        let lines = whole.append(bytes)
        var chunked = LineBuffer(maximumLineLength: limit)
        var chunkedLines: [LineBuffer.Output] = []
        var start = 0
        while start < bytes.count {
            // Chunk sizes 1…13 from the input itself, so the fuzzer explores the splits too.
            let end = min(bytes.count, start + 1 + Int(bytes[start] % 13))
            chunkedLines += chunked.append(bytes[start..<end])
            start = end
        }
        precondition(lines == chunkedLines, "LineBuffer splits differently when the bytes come in chunks")
        precondition(whole.pendingCount == chunked.pendingCount)
        for case .line(let line) in lines where !line.isEmpty {
            precondition(line.count <= limit && !line.contains(UInt8(ascii: "\n")))
            handle(line)
            parse(line)
        }
    }

    /// What `ControlServer.handle` does before it touches the store.
    static func handle(_ line: [UInt8]) {
        let request: IncomingRequest
        switch IncomingRequest.decode(line) {
        case .failure(let failure):
            reply(id: failure.id, error: failure.error)
            return
        case .success(let decoded):
            request = decoded
        }
        guard let method = ControlMethod(rawValue: request.method) else {
            reply(id: request.id, error: .methodNotFound(request.method))
            return
        }
        do {
            switch method {
            case .changesSubscribe: _ = try request.decodeParams(SubscribeParams.self)
            case .articlesList: _ = try request.decodeParams(ArticlesListParams.self)
            case .articleGet: _ = try request.decodeParams(PathParams.self)
            case .reparse: _ = try request.decodeParams(ReparseParams.self)
            case .eventsList: _ = try request.decodeParams(EventsListParams.self)
            case .eventGet: _ = try request.decodeParams(EventIDParams.self)
            case .status, .changesUnsubscribe, .statementsList, .actorsList: break
            }
        } catch {
            reply(id: request.id, error: error)
        }
    }

    /// What `tidingsctl` does with a line from the daemon.
    static func parse(_ line: [UInt8]) {
        guard let value = try? JSONValue(parsing: line) else { return }
        let encoded = try? JSONEncoder().encode(value)
        let again = encoded.flatMap { try? JSONValue(parsing: Array($0)) }
        precondition(again.map { same(value, $0) } == true, "JSONValue(parsing:) does not read back what JSONEncoder wrote")
    }

    /// Equal JSON, where `1.0` and `1` are the same number (JSONEncoder writes a whole double as an integer).
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.double(let x), .double(let y)): return x == y
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy(same)
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        default: return a == b
        }
    }

    /// Encodes the error reply, as the daemon sends it.
    static func reply(id: RPCID?, error: RPCError) {
        let encoded = try? JSONEncoder().encode(RPCErrorResponse(id: id, error: error))
        precondition(encoded != nil, "an error reply does not encode")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzControlProtocol.read(fuzzInput(data, size))
    return 0
}
