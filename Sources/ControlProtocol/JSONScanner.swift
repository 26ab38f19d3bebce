/// The tokens of JSON text (RFC 8259), read from UTF-8 bytes: what ``JSONValue/init(parsing:)`` and
/// ``JSONReformatter`` share, so both accept and refuse exactly the same text.
///
/// The bytes are borrowed: a scanner lives inside `withUnsafeBufferPointer`.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int

    init(bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// A string's bytes: the ones between its quotes when it has no escape, else what they decode to.
    struct ScannedString {
        /// The bytes between the quotes.
        var raw: Range<Int>
        /// The decoded bytes when the string has escapes, else nil (`raw` is then the string).
        var decoded: [UInt8]?
        /// Whether every byte is below 0x80 (then it sorts and compares byte by byte like `String`).
        var isASCII: Bool
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The byte at `offset`; callers check ``isAtEnd`` first.
    var current: UInt8 { bytes[offset] }

    func error(_ message: String) -> JSONParseError {
        JSONParseError(message: message, offset: offset)
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// Skips whitespace, then the byte `expected` if it comes next; returns whether it did.
    mutating func skip(_ expected: UInt8) -> Bool {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == expected else { return false }
        offset += 1
        return true
    }

    /// After a member or an element: true at the container's `close`, false after a comma.
    mutating func endOfElement(close: UInt8, in container: String) throws(JSONParseError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw error("unexpected end of JSON in \(container)") }
        if bytes[offset] == UInt8(ascii: ",") {
            offset += 1
            return false
        }
        guard bytes[offset] == close else { throw error("expected ',' or '\(Unicode.Scalar(close))'") }
        offset += 1
        return true
    }

    /// Checks the nesting limit on entering a container, and steps over its opening bracket.
    mutating func enterContainer(depth: Int) throws(JSONParseError) {
        guard depth <= JSONValue.maximumDepth else { throw error("JSON nested deeper than \(JSONValue.maximumDepth)") }
        offset += 1
    }

    /// Reads a member name and the colon after it.
    mutating func memberName() throws(JSONParseError) -> ScannedString {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw error("expected a member name") }
        let name = try string()
        guard skip(UInt8(ascii: ":")) else { throw error("expected ':'") }
        skipWhitespace()
        return name
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let length = word.utf8CodeUnitCount
        guard offset + length <= bytes.count,
            bytes[offset..<offset + length].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: length))
        else { throw error("unexpected word, expected \(word)") }
        offset += length
    }

    /// Reads a number; returns its text and whether it has neither fraction nor exponent.
    mutating func number() throws(JSONParseError) -> (text: Range<Int>, isInteger: Bool) {
        let start = offset
        var isInteger = true
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("expected a digit") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        return (start..<offset, isInteger)
    }

    /// The value of number text: ``JSONValue/int(_:)`` when it is whole and fits `Int64`, else a double.
    func numberValue(_ text: Range<Int>, isInteger: Bool) throws(JSONParseError) -> JSONValue {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[text]), as: UTF8.self)
        if isInteger, let value = Int64(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { throw error("number out of range") }
        return .double(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }

    /// Reads a string from its opening quote; its bytes must be valid UTF-8.
    mutating func string() throws(JSONParseError) -> ScannedString {
        offset += 1  // the opening quote
        let start = offset
        var high: UInt8 = 0
        // The common case: no escapes, so the bytes between the quotes are the string.
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\") {
            guard bytes[offset] >= 0x20 else { throw error("control character in a string") }
            high |= bytes[offset]
            offset += 1
        }
        guard offset < bytes.count else { throw error("unterminated string") }
        if bytes[offset] == UInt8(ascii: "\"") {
            let raw = start..<offset
            offset += 1  // the closing quote
            guard high < 0x80 || isValidUTF8(UnsafeBufferPointer(rebasing: bytes[raw])) else {
                throw error("a string is not valid UTF-8")
            }
            return ScannedString(raw: raw, decoded: nil, isASCII: high < 0x80)
        }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        while bytes[offset] != UInt8(ascii: "\"") {
            if bytes[offset] == UInt8(ascii: "\\") {
                offset += 1
                try escape(into: &utf8)
            } else {
                guard bytes[offset] >= 0x20 else { throw error("control character in a string") }
                utf8.append(bytes[offset])
                offset += 1
            }
            guard offset < bytes.count else { throw error("unterminated string") }
        }
        let raw = start..<offset
        offset += 1  // the closing quote
        let isASCII = !utf8.contains { $0 >= 0x80 }
        guard isASCII || utf8.withUnsafeBufferPointer(isValidUTF8) else { throw error("a string is not valid UTF-8") }
        return ScannedString(raw: raw, decoded: utf8, isASCII: isASCII)
    }

    private func isValidUTF8(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        String(validating: utf8, as: UTF8.self) != nil
    }

    /// The bytes of a scanned string.
    func withUTF8<R>(of string: ScannedString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let decoded = string.decoded { return decoded.withUnsafeBufferPointer(body) }
        return body(UnsafeBufferPointer(rebasing: bytes[string.raw]))
    }

    /// A scanned string as a `String`.
    func text(of string: ScannedString) -> String {
        withUTF8(of: string) { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads the escape after a backslash and appends what it stands for.
    private mutating func escape(into utf8: inout [UInt8]) throws(JSONParseError) {
        guard offset < bytes.count else { throw error("unterminated escape") }
        let letter = bytes[offset]
        offset += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(letter)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
                else { throw error("unpaired surrogate in a \\u escape") }
                offset += 2
                let low = try hexQuad()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in a \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let character = Unicode.Scalar(scalar) else { throw error("unpaired surrogate in a \\u escape") }
            utf8.append(contentsOf: String(Character(character)).utf8)
        default:
            throw error("unknown escape '\\\(Unicode.Scalar(letter))'")
        }
    }

    private mutating func hexQuad() throws(JSONParseError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("unterminated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("expected 4 hex digits in a \\u escape")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }
}
