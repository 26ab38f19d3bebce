/// Appending text and numbers to a byte buffer without going through `String`: the writer of a bulk ingest
/// formats every change payload and every event's stored picks this way. Whole buffers are copied at once;
/// appending a `String`'s `utf8` view, or reversing digits in place in an array slice, goes element by
/// element and cost several times as much.
extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text`.
    public mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends `value` in decimal.
    public mutating func appendDecimal(_ value: UInt64) {
        // Twenty digits hold any UInt64; they are produced least significant first, from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}
