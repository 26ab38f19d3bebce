internal import Foundation

extension JSONValue {
    /// JSON text with sorted keys, like `jq -S`: indented by two spaces when `pretty`, else on one line.
    public func rendered(pretty: Bool) -> String {
        var output: [UInt8] = []
        write(to: &output, pretty: pretty, depth: 0)
        return String(decoding: output, as: UTF8.self)
    }

    func write(to output: inout [UInt8], pretty: Bool, depth: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .int(let value): output += String(value).utf8
        case .double(let value): output += (Self.scalar(value) ?? "null").utf8
        case .string(let value): JSONObjectWriter.appendString(value, to: &output)
        case .array(let values):
            writeContainer(values.map { (nil, $0) }, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), to: &output, pretty: pretty, depth: depth)
        case .object(let members):
            let sorted = members.sorted { $0.key < $1.key }.map { (Optional($0.key), $0.value) }
            writeContainer(sorted, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), to: &output, pretty: pretty, depth: depth)
        }
    }

    private func writeContainer(
        _ elements: [(String?, JSONValue)], open: UInt8, close: UInt8, to output: inout [UInt8], pretty: Bool,
        depth: Int
    ) {
        guard !elements.isEmpty else {
            output += [open, close]
            return
        }
        let indent = pretty ? Array(("\n" + String(repeating: "  ", count: depth + 1)).utf8) : []
        output.append(open)
        for (index, (key, value)) in elements.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output += indent
            if let key {
                JSONObjectWriter.appendString(key, to: &output)
                output += (pretty ? ": " : ":").utf8
            }
            value.write(to: &output, pretty: pretty, depth: depth + 1)
        }
        if pretty { output += ("\n" + String(repeating: "  ", count: depth)).utf8 }
        output.append(close)
    }

    /// Foundation's spelling of a number, so number formats match any JSON encoder's.
    private static func scalar(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}
