/// Splits a byte stream into `\n`-terminated lines, refusing lines longer than a limit.
public struct LineBuffer: Sendable {
    public enum Output: Equatable, Sendable {
        case line([UInt8])
        /// A line grew past the limit; its bytes were dropped.
        case tooLong
    }

    public let maximumLineLength: Int
    private var pending: [UInt8] = []
    /// Set once an unterminated line passed the limit (and was reported): its rest is dropped up to its `\n`.
    private var discarding = false

    public init(maximumLineLength: Int = 1 << 20) {
        self.maximumLineLength = maximumLineLength
    }

    /// Bytes received but not yet part of a whole line.
    public var pendingCount: Int { pending.count }

    /// Feeds received bytes; returns the complete lines (without `\n`, a trailing `\r` removed).
    public mutating func append(_ bytes: some Collection<UInt8>) -> [Output] {
        // Generic code across the module boundary is not specialized: it went byte by byte through value
        // witnesses, and took a third of `tidingsctl events --json`. Contiguous bytes take the fast path.
        if let outputs = bytes.withContiguousStorageIfAvailable({ append(contiguous: $0) }) { return outputs }
        return Array(bytes).withUnsafeBufferPointer { append(contiguous: $0) }
    }

    private mutating func append(contiguous bytes: UnsafeBufferPointer<UInt8>) -> [Output] {
        var outputs: [Output] = []
        var start = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if discarding {
                // The end of a line already reported as too long: neither a line nor a second report.
                discarding = false
            } else {
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<newline]))
                outputs.append(takeLine())
            }
            start = newline + 1
        }
        guard !discarding else { return outputs }
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        if pending.count > maximumLineLength {
            pending = []
            discarding = true
            outputs.append(.tooLong)
        }
        return outputs
    }

    private mutating func takeLine() -> Output {
        defer { pending.removeAll(keepingCapacity: pending.count < 64 * 1024) }
        if pending.count > maximumLineLength { return .tooLong }
        if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
        return .line(pending)
    }
}
