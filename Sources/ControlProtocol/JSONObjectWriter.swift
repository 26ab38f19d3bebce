/// Writes one JSON object field by field, for hot paths where `JSONEncoder` costs more than the work
/// around it (change payloads, notifications). Values given as nil are written as `null`.
public struct JSONObjectWriter: Sendable {
    public private(set) var bytes: [UInt8]
    private var empty = true

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    public mutating func field(_ key: String, _ value: String?) {
        startField(key)
        if let value { JSONObjectWriter.appendString(value, to: &bytes) } else { appendNull() }
    }

    public mutating func field(_ key: String, _ value: Int64?) {
        startField(key)
        if let value { bytes += Array(String(value).utf8) } else { appendNull() }
    }

    public mutating func field(_ key: String, _ value: Int?) {
        field(key, value.map(Int64.init))
    }

    /// A value that is already JSON text.
    public mutating func field(_ key: String, json: some Sequence<UInt8>) {
        startField(key)
        bytes += json
    }

    /// The object, closed.
    public func finished() -> [UInt8] {
        bytes + [UInt8(ascii: "}")]
    }

    /// The object, closed, as text.
    public func finishedString() -> String {
        String(decoding: finished(), as: UTF8.self)
    }

    private mutating func startField(_ key: String) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        JSONObjectWriter.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func appendNull() {
        bytes += [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")]
    }

    /// Appends `text` as a JSON string literal.
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                out += Array("\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
