/// Why the actor, place or verb dictionaries could not be loaded. The message names the file and line.
public struct DictionaryError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Value: String {
            case missing
            case unreadable
            case malformed
        }
        let value: Value
        /// The bundled dictionaries are not where the package put them.
        public static let missing = Code(value: .missing)
        /// A dictionary file or the user folder could not be read.
        public static let unreadable = Code(value: .unreadable)
        /// A line does not follow its file's format.
        public static let malformed = Code(value: .malformed)
        public var description: String { value.rawValue }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "dictionary error (\(code)): \(message)" }
}
