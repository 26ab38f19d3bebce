/// Decodes HTML character references (`&amp;`, `&#8217;`, `&#x2019;`) into UTF-8.
///
/// Numeric references and the named references that news pages use are decoded; an unknown name is kept as
/// written. `&nbsp;` becomes a plain space and `&shy;` disappears, since both only matter to layout.
enum HTMLEntities {
    /// Decodes the reference starting at `index` (an `&`), appending its UTF-8 to `output`.
    /// Returns the index after the reference, or nil when there is no reference there.
    static func decode(_ bytes: [UInt8], at index: Int, into output: inout [UInt8]) -> Int? {
        var cursor = index + 1
        guard cursor < bytes.count else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            let hex = cursor < bytes.count && ByteText.lowercased(bytes[cursor]) == UInt8(ascii: "x")
            if hex { cursor += 1 }
            var value: UInt32 = 0
            let digitsStart = cursor
            while cursor < bytes.count, cursor - digitsStart < 8 {
                let byte = bytes[cursor]
                let digit: UInt32
                if ByteText.isDigit(byte) {
                    digit = UInt32(byte - 0x30)
                } else if hex, (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(ByteText.lowercased(byte)) {
                    digit = UInt32(ByteText.lowercased(byte) - UInt8(ascii: "a") + 10)
                } else {
                    break
                }
                value = value * (hex ? 16 : 10) + digit
                cursor += 1
            }
            guard cursor > digitsStart else { return nil }
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") { cursor += 1 }
            appendScalar(value, to: &output)
            return cursor
        }
        let nameStart = cursor
        while cursor < bytes.count, ByteText.isAlphanumeric(bytes[cursor]), cursor - nameStart < 10 { cursor += 1 }
        guard cursor > nameStart, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";"),
            let value = named[String(decoding: bytes[nameStart..<cursor], as: UTF8.self)]
        else { return nil }
        if value != 0 { appendScalar(value, to: &output) }
        return cursor + 1
    }

    /// Decodes every reference in `bytes`.
    static func decodeAll(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return Array(bytes) }
        let all = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(all.count)
        var index = 0
        while index < all.count {
            if all[index] == UInt8(ascii: "&"), let next = decode(all, at: index, into: &output) {
                index = next
            } else {
                output.append(all[index])
                index += 1
            }
        }
        return output
    }

    private static func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        let scalar = value == 0 ? nil : Unicode.Scalar(value)
        output.append(contentsOf: (scalar ?? "\u{FFFD}").utf8)
    }

    /// Named references news pages use; 0 means "drop".
    private static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0x20, "shy": 0,
        "ensp": 0x20, "emsp": 0x20, "thinsp": 0x20, "zwj": 0, "zwnj": 0, "lrm": 0, "rlm": 0,
        "mdash": 0x2014, "ndash": 0x2013, "hellip": 0x2026, "lsquo": 0x2018, "rsquo": 0x2019,
        "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "laquo": 0xAB, "raquo": 0xBB,
        "lsaquo": 0x2039, "rsaquo": 0x203A, "bull": 0x2022, "middot": 0xB7, "copy": 0xA9, "reg": 0xAE,
        "trade": 0x2122, "deg": 0xB0, "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "sect": 0xA7,
        "para": 0xB6, "times": 0xD7, "divide": 0xF7, "prime": 0x2032, "Prime": 0x2033, "dagger": 0x2020,
        "aacute": 0xE1, "agrave": 0xE0, "acirc": 0xE2, "atilde": 0xE3, "auml": 0xE4, "aring": 0xE5,
        "aelig": 0xE6, "ccedil": 0xE7, "eacute": 0xE9, "egrave": 0xE8, "ecirc": 0xEA, "euml": 0xEB,
        "iacute": 0xED, "igrave": 0xEC, "icirc": 0xEE, "iuml": 0xEF, "ntilde": 0xF1, "oacute": 0xF3,
        "ograve": 0xF2, "ocirc": 0xF4, "otilde": 0xF5, "ouml": 0xF6, "oslash": 0xF8, "uacute": 0xFA,
        "ugrave": 0xF9, "ucirc": 0xFB, "uuml": 0xFC, "yacute": 0xFD, "szlig": 0xDF, "Aacute": 0xC1,
        "Agrave": 0xC0, "Auml": 0xC4, "Ccedil": 0xC7, "Eacute": 0xC9, "Egrave": 0xC8, "Ntilde": 0xD1,
        "Oacute": 0xD3, "Ouml": 0xD6, "Uacute": 0xDA, "Uuml": 0xDC,
    ]
}
