/// A store failure, with the database it concerns and what went wrong.
public struct EventStoreError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Value: String {
            case cannotOpen
            case cannotRead
            case cannotWrite
            case corrupt
        }
        let value: Value
        public static let cannotOpen = Code(value: .cannotOpen)
        public static let cannotRead = Code(value: .cannotRead)
        public static let cannotWrite = Code(value: .cannotWrite)
        /// The file is not a database, or its pages are damaged: moving it aside and rebuilding is the fix.
        public static let corrupt = Code(value: .corrupt)
        public var description: String { value.rawValue }
    }

    public var code: Code
    public var message: String
    public var underlying: (any Error & Sendable)?

    init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying.map { "\($0)" }.map(DescribedError.init)
    }

    public var description: String { message }
}

/// Keeps an underlying error's text without holding a non-Sendable value.
struct DescribedError: Error, Sendable, CustomStringConvertible {
    let description: String
}
