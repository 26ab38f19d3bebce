import ArgumentParser
import ControlClient
import ControlProtocol

extension GlobalOptions {
    /// Connects to the daemon, runs `body`, and turns failures into `tidingsctl: message` and exit code 1.
    func withClient<T>(_ body: (ControlClient) throws -> T) throws -> T {
        do {
            let client = try ControlClient(socketPath: socket, timeout: .milliseconds(Int64(timeout * 1000)))
            defer { client.close() }
            return try body(client)
        } catch let error as ControlClientError {
            throw Terminal.fail(error.message)
        } catch let error as RPCError {
            throw Terminal.fail(error.description)
        }
    }

    /// Calls `method` and prints its result: as the daemon's JSON with `--json`, else through `human`.
    func printCall<Params: Encodable & Sendable, Result: Codable & Sendable>(
        _ method: ControlMethod, params: Params?, as type: Result.Type, human: (Result) -> Void
    ) throws {
        try withClient { client in
            if json {
                Terminal.printJSON(try client.callJSONText(method, params: params, pretty: true))
            } else {
                human(try client.call(method, params: params, as: type))
            }
        }
    }

    /// Calls `method` without params and prints its result (see ``printCall(_:params:as:human:)``).
    func printCall<Result: Codable & Sendable>(
        _ method: ControlMethod, as type: Result.Type, human: (Result) -> Void
    ) throws {
        try withClient { client in
            if json {
                Terminal.printJSON(try client.callJSONText(method, pretty: true))
            } else {
                human(try client.call(method, as: type))
            }
        }
    }
}
