/// Why watching could not start.
public struct FolderWatcherError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Value: String {
            case cannotInitialize
            case rootMissing
            case cannotWatch
        }
        let value: Value
        public static let cannotInitialize = Code(value: .cannotInitialize)
        public static let rootMissing = Code(value: .rootMissing)
        public static let cannotWatch = Code(value: .cannotWatch)
        public var description: String { value.rawValue }
    }

    public var code: Code
    public var message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
