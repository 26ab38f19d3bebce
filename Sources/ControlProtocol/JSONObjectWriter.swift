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

    public mutating func field(_ key: StaticString, _ value: String?) {
        startField(key)
        if let value { JSONObjectWriter.appendString(value, to: &bytes) } else { appendNull() }
    }

    public mutating func field(_ key: StaticString, _ value: Int64?) {
        startField(key)
        guard let value else { return appendNull() }
        // Digits written in place: a String per number was most of a payload's cost.
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.appendDecimal(value.magnitude)
    }

    public mutating func field(_ key: StaticString, _ value: Int?) {
        field(key, value.map(Int64.init))
    }

    /// A value that is already JSON text.
    public mutating func field(_ key: StaticString, json: some Sequence<UInt8>) {
        startField(key)
        bytes += json
    }

    /// The object, closed.
    public func finished() -> [UInt8] {
        var object = bytes
        object.append(UInt8(ascii: "}"))
        return object
    }

    /// The object, closed, as text.
    public func finishedString() -> String {
        String(decoding: finished(), as: UTF8.self)
    }

    /// Keys are literals of plain characters, copied as they are: escaping them took a tenth of a payload.
    /// Single bytes and buffers only: appending a literal's `utf8` view goes element by element.
    private mutating func startField(_ key: StaticString) {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        bytes.append(UInt8(ascii: "\""))
        let utf8 = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        assert(!utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }, "\(key)")
        bytes.append(contentsOf: utf8)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func appendNull() {
        let null: StaticString = "null"
        bytes.append(contentsOf: UnsafeBufferPointer(start: null.utf8Start, count: null.utf8CodeUnitCount))
    }

    /// Appends `text` as a JSON string literal.
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { appendEscaped($0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Copies runs of bytes that need no escape in one go: this writes every change payload of a bulk ingest,
    /// and appending byte by byte took 6 % of its instructions.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            out.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = "0123456789abcdef".utf8
                out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
                out.append(hex[hex.index(hex.startIndex, offsetBy: Int(byte >> 4))])
                out.append(hex[hex.index(hex.startIndex, offsetBy: Int(byte & 0xF))])
            default: out.append(byte)  // a quote or a backslash
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
}
