/// Why a file could not be read as an article. The message says what was wrong and what to do.
public struct ArticleParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Value: String {
            case empty
            case binary
            case undecodable
            case malformed
        }
        let value: Value
        /// The file has no text at all.
        public static let empty = Code(value: .empty)
        /// The file holds binary data (NUL bytes or control characters), not text.
        public static let binary = Code(value: .binary)
        /// The bytes are not text in any encoding Tidings reads.
        public static let undecodable = Code(value: .undecodable)
        /// The file's structure (HTML, JSON) is broken.
        public static let malformed = Code(value: .malformed)
        public var description: String { value.rawValue }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
