import ControlProtocol
import Foundation

/// Encodes a message the way the daemon does and reads it back as plain JSON, to look at wire names.
func wireJSON(_ value: some Encodable) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
}

/// The keys of a JSON object (empty for anything else).
func keys(_ value: JSONValue) -> Set<String> {
    if case .object(let object) = value { return Set(object.keys) }
    return []
}

func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
}
