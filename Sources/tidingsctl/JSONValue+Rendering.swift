import ControlProtocol
import Foundation

extension JSONValue {
    /// JSON text with sorted keys, like `jq -S`: indented by two spaces when `pretty`, else on one line.
    func rendered(pretty: Bool) -> String {
        var output = ""
        write(to: &output, pretty: pretty, depth: 0)
        return output
    }

    private func write(to output: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += Self.scalar(value) ?? "null"
        case .string(let value): output += Self.scalar(value) ?? "\"\""
        case .array(let values):
            writeContainer(values.map { (nil, $0) }, open: "[", close: "]", to: &output, pretty: pretty, depth: depth)
        case .object(let members):
            let sorted = members.sorted { $0.key < $1.key }.map { (Optional($0.key), $0.value) }
            writeContainer(sorted, open: "{", close: "}", to: &output, pretty: pretty, depth: depth)
        }
    }

    private func writeContainer(
        _ elements: [(String?, JSONValue)], open: String, close: String, to output: inout String, pretty: Bool,
        depth: Int
    ) {
        guard !elements.isEmpty else {
            output += open + close
            return
        }
        let indent = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        output += open
        for (index, (key, value)) in elements.enumerated() {
            output += (index > 0 ? "," : "") + indent
            if let key { output += (Self.scalar(key) ?? "\"\"") + (pretty ? ": " : ":") }
            value.write(to: &output, pretty: pretty, depth: depth + 1)
        }
        output += (pretty ? "\n" + String(repeating: "  ", count: depth) : "") + close
    }

    /// Foundation's spelling of a string or number, so escapes and number formats match any JSON encoder's.
    private static func scalar(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}
