/// Why bytes are not one JSON value, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The byte offset where reading stopped.
    public var offset: Int

    public var description: String { "\(message) at byte \(offset)" }
}

extension JSONValue {
    /// Reads one JSON value (RFC 8259) from UTF-8 `bytes`, with nothing but whitespace after it.
    ///
    /// Why not `JSONDecoder` into ``JSONValue``: `Decodable` can only learn a value's type by trying each in turn,
    /// and every failed try throws; `tidingsctl --json` spent most of its time there for a 1,000-row page.
    /// Integers that fit `Int64` are ``int(_:)``, other numbers ``double(_:)``. Nesting deeper than
    /// ``maximumDepth`` is an error, not a stack overflow.
    public init(parsing bytes: [UInt8]) throws(JSONParseError) {
        self = try Self.parsing(bytes, reformatting: nil).value
    }

    /// Reads a JSON object as ``init(parsing:)`` does, except its top-level member named `member`: that one is
    /// left out of the value and returned as text, as ``JSONReformatter`` writes it (`pretty` or not).
    ///
    /// For `tidingsctl --json`, which prints a reply's `result` and reads only the small members around it:
    /// building a tree of a 1 MB result only to print it again cost more than reading and printing together.
    public static func parsing(_ bytes: [UInt8], reformatting member: String, pretty: Bool) throws(JSONParseError)
        -> (value: JSONValue, member: [UInt8]?)
    {
        try parsing(bytes, reformatting: (member, pretty))
    }

    private static func parsing(_ bytes: [UInt8], reformatting: (member: String, pretty: Bool)?)
        throws(JSONParseError) -> (value: JSONValue, member: [UInt8]?)
    {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            var parser = JSONTreeParser(scanner: JSONScanner(bytes: buffer), reformatting: reformatting)
            parser.scanner.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.scanner.skipWhitespace()
            guard parser.scanner.isAtEnd else { throw parser.scanner.error("unexpected text after the JSON value") }
            return (value, parser.reformatted)
        }
    }

    /// Arrays and objects nested deeper than this are refused.
    public static let maximumDepth = 512
}

/// Builds a ``JSONValue`` from the tokens of a ``JSONScanner``.
private struct JSONTreeParser {
    var scanner: JSONScanner
    /// The top-level member to hand to a ``JSONReformatter`` instead of reading it as a value.
    let reformatting: (member: String, pretty: Bool)?
    var reformatted: [UInt8]?

    init(scanner: JSONScanner, reformatting: (member: String, pretty: Bool)?) {
        self.scanner = scanner
        self.reformatting = reformatting
    }

    mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        guard !scanner.isAtEnd else { throw scanner.error("unexpected end of JSON") }
        switch scanner.current {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(scanner.text(of: try scanner.string()))
        case UInt8(ascii: "t"): try scanner.literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try scanner.literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try scanner.literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let (text, isInteger) = try scanner.number()
            return try scanner.numberValue(text, isInteger: isInteger)
        default: throw scanner.error("unexpected character '\(Unicode.Scalar(scanner.current))'")
        }
    }

    private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        try scanner.enterContainer(depth: depth)
        var members: [String: JSONValue] = [:]
        if scanner.skip(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            let name = scanner.text(of: try scanner.memberName())
            if depth == 1, let reformatting, name == reformatting.member {
                reformatted = try reformat(pretty: reformatting.pretty, depth: depth)
            } else {
                members[name] = try value(depth: depth)
            }
        } while !(try scanner.endOfElement(close: UInt8(ascii: "}"), in: "an object"))
        return .object(members)
    }

    private mutating func reformat(pretty: Bool, depth: Int) throws(JSONParseError) -> [UInt8] {
        var reformatter = JSONReformatter(scanner: scanner, pretty: pretty, baseDepth: depth)
        let text = try reformatter.reformattedValue()
        scanner.offset = reformatter.scanner.offset
        return text
    }

    private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        try scanner.enterContainer(depth: depth)
        var elements: [JSONValue] = []
        if scanner.skip(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            scanner.skipWhitespace()
            elements.append(try value(depth: depth))
        } while !(try scanner.endOfElement(close: UInt8(ascii: "]"), in: "an array"))
        return .array(elements)
    }
}
