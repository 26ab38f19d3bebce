/// Rewrites JSON text with sorted keys, like `jq -S`: byte for byte what ``JSONValue/init(parsing:)`` then
/// ``JSONValue/rendered(pretty:)`` give, and refusing the same text, without building the tree.
///
/// For `tidingsctl --json`: a reply of 1 MB became some 40,000 values, dictionaries and strings, each sorted
/// and copied again to print it. Here strings without escapes and plain integers are copied as they are;
/// each object's members are written where they come and then moved into key order.
public struct JSONReformatter {
    /// Reformats one JSON value, with nothing but whitespace after it.
    public static func reformat(_ bytes: [UInt8], pretty: Bool) throws(JSONParseError) -> [UInt8] {
        let reformatted = try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            var reformatter = JSONReformatter(scanner: JSONScanner(bytes: buffer), pretty: pretty, baseDepth: 0)
            reformatter.scanner.skipWhitespace()
            let text = try reformatter.reformattedValue()
            reformatter.scanner.skipWhitespace()
            guard reformatter.scanner.isAtEnd else {
                throw reformatter.scanner.error("unexpected text after the JSON value")
            }
            return text
        }
        return reformatted
    }

    var scanner: JSONScanner
    private let pretty: Bool
    /// The nesting depth of the value being reformatted: indentation starts from there, the depth limit does not.
    private let baseDepth: Int
    private var output: [UInt8] = []
    /// Where an object's members are copied while they are put in order.
    private var scratch: [UInt8] = []
    /// A newline and the deepest indentation written so far, of which each line takes a prefix.
    private var indentation: [UInt8] = [UInt8(ascii: "\n")]
    /// Set when an object repeats a key: the tree, which keeps the last value, is then used instead.
    private var repeatsAKey = false

    init(scanner: JSONScanner, pretty: Bool, baseDepth: Int) {
        self.scanner = scanner
        self.pretty = pretty
        self.baseDepth = baseDepth
    }

    /// Reformats the value at the scanner's offset and leaves the scanner after it.
    mutating func reformattedValue() throws(JSONParseError) -> [UInt8] {
        let start = scanner.offset
        output.reserveCapacity(scanner.bytes.count - start + (scanner.bytes.count - start) / 4)
        try value(depth: baseDepth)
        guard repeatsAKey else { return output }
        let text = Array(UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.offset]))
        return Array(try JSONValue(parsing: text).rendered(pretty: pretty).utf8)
    }

    private mutating func value(depth: Int) throws(JSONParseError) {
        guard !scanner.isAtEnd else { throw scanner.error("unexpected end of JSON") }
        switch scanner.current {
        case UInt8(ascii: "{"): try object(depth: depth + 1)
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case UInt8(ascii: "\""): write(try scanner.string())
        case UInt8(ascii: "t"): try copyLiteral("true")
        case UInt8(ascii: "f"): try copyLiteral("false")
        case UInt8(ascii: "n"): try copyLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw scanner.error("unexpected character '\(Unicode.Scalar(scanner.current))'")
        }
    }

    private mutating func copyLiteral(_ word: StaticString) throws(JSONParseError) {
        try scanner.literal(word)
        output.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    }

    /// Integers of up to 18 characters fit `Int64` and are spelled as `String(Int64)` would, but for `-0`;
    /// other numbers go through ``JSONValue`` for the same spelling.
    private mutating func number() throws(JSONParseError) {
        let (text, isInteger) = try scanner.number()
        if isInteger, text.count <= 18 {
            let isMinusZero = text.count == 2 && scanner.bytes[text.lowerBound] == UInt8(ascii: "-")
                && scanner.bytes[text.lowerBound + 1] == UInt8(ascii: "0")
            let digits = isMinusZero ? text.dropFirst() : text
            output.append(contentsOf: UnsafeBufferPointer(rebasing: scanner.bytes[digits]))
        } else {
            try scanner.numberValue(text, isInteger: isInteger).write(to: &output, pretty: pretty, depth: 0)
        }
    }

    /// Writes a string as ``JSONObjectWriter/appendString(_:to:)`` would write its decoded text.
    private mutating func write(_ string: JSONScanner.ScannedString) {
        output.append(UInt8(ascii: "\""))
        if let decoded = string.decoded {
            decoded.withUnsafeBufferPointer { JSONObjectWriter.appendEscaped($0, to: &output) }
        } else {
            // No escapes, and the scanner refused control characters: nothing to escape.
            output.append(contentsOf: UnsafeBufferPointer(rebasing: scanner.bytes[string.raw]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Starts a line indented for `depth` when pretty.
    private mutating func newline(depth: Int) {
        guard pretty else { return }
        let length = 1 + 2 * (depth - baseDepth)
        while indentation.count < length { indentation.append(UInt8(ascii: " ")) }
        indentation.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<length])) }
    }

    private mutating func array(depth: Int) throws(JSONParseError) {
        try scanner.enterContainer(depth: depth)
        guard !scanner.skip(UInt8(ascii: "]")) else { return output += [UInt8(ascii: "["), UInt8(ascii: "]")] }
        output.append(UInt8(ascii: "["))
        var isFirst = true
        repeat {
            if !isFirst { output.append(UInt8(ascii: ",")) }
            isFirst = false
            newline(depth: depth)
            scanner.skipWhitespace()
            try value(depth: depth)
        } while !(try scanner.endOfElement(close: UInt8(ascii: "]"), in: "an array"))
        newline(depth: depth - 1)
        output.append(UInt8(ascii: "]"))
    }

    /// A member as written: its name, and its text in the output from its line's start, without the comma.
    private struct Member {
        var name: JSONScanner.ScannedString
        var text: Range<Int>
    }

    private mutating func object(depth: Int) throws(JSONParseError) {
        try scanner.enterContainer(depth: depth)
        guard !scanner.skip(UInt8(ascii: "}")) else { return output += [UInt8(ascii: "{"), UInt8(ascii: "}")] }
        output.append(UInt8(ascii: "{"))
        var members: [Member] = []
        repeat {
            let name = try scanner.memberName()
            if !members.isEmpty { output.append(UInt8(ascii: ",")) }
            let start = output.count
            newline(depth: depth)
            write(name)
            output.append(UInt8(ascii: ":"))
            if pretty { output.append(UInt8(ascii: " ")) }
            try value(depth: depth)
            members.append(Member(name: name, text: start..<output.count))
        } while !(try scanner.endOfElement(close: UInt8(ascii: "}"), in: "an object"))
        putInKeyOrder(members)
        newline(depth: depth - 1)
        output.append(UInt8(ascii: "}"))
    }

    /// Rewrites an object's members, which end the output, sorted by name; notes a repeated name.
    private mutating func putInKeyOrder(_ members: [Member]) {
        let sorted = members.sorted { compareNames($0.name, $1.name) < 0 }
        for index in sorted.indices.dropFirst() where compareNames(sorted[index - 1].name, sorted[index].name) == 0 {
            repeatsAKey = true
        }
        guard zip(sorted, members).contains(where: { $0.text != $1.text }) else { return }
        let start = members[0].text.lowerBound
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: output[start...])
        output.removeSubrange(start...)
        for (index, member) in sorted.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: scratch[(member.text.lowerBound - start)..<(member.text.upperBound - start)])
        }
    }

    /// Orders names as `String`'s `<` does (``JSONValue/rendered(pretty:)`` sorts that way): byte by byte when
    /// both are ASCII, else as strings, which compare canonically equivalent text as equal.
    private func compareNames(_ left: JSONScanner.ScannedString, _ right: JSONScanner.ScannedString) -> Int {
        guard left.isASCII, right.isASCII else {
            let (leftText, rightText) = (scanner.text(of: left), scanner.text(of: right))
            return leftText < rightText ? -1 : leftText == rightText ? 0 : 1
        }
        guard left.decoded == nil, right.decoded == nil else {
            return scanner.withUTF8(of: left) { leftBytes in
                scanner.withUTF8(of: right) { Self.compareBytes(leftBytes, $0) }
            }
        }
        // Names without escapes, the usual case: their bytes are in the text; sorting spent half its time in
        // the closures above.
        return Self.compareBytes(
            UnsafeBufferPointer(rebasing: scanner.bytes[left.raw]), UnsafeBufferPointer(rebasing: scanner.bytes[right.raw]))
    }

    private static func compareBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        for (leftByte, rightByte) in zip(left, right) where leftByte != rightByte {
            return leftByte < rightByte ? -1 : 1
        }
        return left.count - right.count
    }
}
