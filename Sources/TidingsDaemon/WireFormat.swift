internal import ArticleParsing
internal import ControlProtocol
internal import EventStore

/// Hand-built JSON for the hot path: change notifications are sent to every subscriber, and their
/// payload is already JSON (stored, or rendered once from an event's face), so they are assembled rather than
/// re-encoded.
enum WireFormat {
    /// One `changes.notify` line for a committed change.
    static func notificationLine(_ change: ChangeRecord, generation: String) -> [UInt8] {
        let payload = change.payload  // an event's face is rendered on each read
        var params = JSONObjectWriter(capacity: 256 + (payload?.utf8.count ?? 0))
        params.field("seq", change.seq)
        params.field("kind", change.kind)
        params.field("path", change.path)
        params.field("generation", generation)
        params.field("time", isoTime(change.time))
        params.field("data", json: (payload ?? "null").utf8)
        var line = JSONObjectWriter(capacity: params.bytes.count + 64)
        line.field("jsonrpc", "2.0")
        line.field("method", ControlNotification.change)
        line.field("params", json: params.finished())
        return line.finished()
    }

    /// `2026-11-21T09:30:12.345Z` for seconds since the epoch.
    static func isoTime(_ seconds: Double) -> String {
        // Written digit by digit: every notification and every log line carries one.
        let milliseconds = Int64((seconds * 1000).rounded(.down))
        let days = Int(milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000)
        let inDay = Int(milliseconds - Int64(days) * 86_400_000)
        let day = CalendarDay(daysSinceEpoch: days).description
        return String(unsafeUninitializedCapacity: day.utf8.count + 14) { buffer in
            var end = buffer.initialize(fromContentsOf: day.utf8)
            func put(_ separator: Unicode.Scalar, _ value: Int, _ width: Int) {
                buffer[end] = UInt8(ascii: separator)
                var value = value
                for position in (end + 1...end + width).reversed() {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                end += width + 1
            }
            put("T", inDay / 3_600_000, 2)
            put(":", inDay / 60_000 % 60, 2)
            put(":", inDay / 1000 % 60, 2)
            put(".", inDay % 1000, 3)
            buffer[end] = UInt8(ascii: "Z")
            return end + 1
        }
    }
}
