internal import ArticleParsing
internal import ControlProtocol
internal import EventStore

/// Hand-built JSON for the hot path: change notifications are sent to every subscriber, and their
/// payload is already JSON in the store, so they are assembled rather than re-encoded.
enum WireFormat {
    /// One `changes.notify` line for a committed change.
    static func notificationLine(_ change: ChangeRecord, generation: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + (change.payload?.utf8.count ?? 0))
        out += Array(#"{"jsonrpc":"2.0","method":""#.utf8)
        out += Array(ControlNotification.change.utf8)
        out += Array(#"","params":{"seq":"#.utf8)
        out += Array(String(change.seq).utf8)
        out += Array(#","kind":"#.utf8)
        appendString(change.kind, to: &out)
        out += Array(#","path":"#.utf8)
        if let path = change.path { appendString(path, to: &out) } else { out += Array("null".utf8) }
        out += Array(#","generation":"#.utf8)
        appendString(generation, to: &out)
        out += Array(#","time":"#.utf8)
        appendString(isoTime(change.time), to: &out)
        out += Array(#","data":"#.utf8)
        out += Array((change.payload ?? "null").utf8)
        out += Array("}}".utf8)
        return out
    }

    /// Appends `text` as a JSON string literal.
    static func appendString(_ text: String, to out: inout [UInt8]) {
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

    /// `2026-11-21T09:30:12.345Z` for seconds since the epoch.
    static func isoTime(_ seconds: Double) -> String {
        let milliseconds = Int64((seconds * 1000).rounded(.down))
        let days = Int(milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000)
        let inDay = Int(milliseconds - Int64(days) * 86_400_000)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let day = CalendarDay(daysSinceEpoch: days)
        return "\(day)T\(pad(inDay / 3_600_000, 2)):\(pad(inDay / 60_000 % 60, 2)):\(pad(inDay / 1000 % 60, 2))"
            + ".\(pad(inDay % 1000, 3))Z"
    }
}
