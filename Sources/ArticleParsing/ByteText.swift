/// Byte-level helpers for UTF-8 text. The parser's hot loops work on bytes, not on `String`s:
/// every structural character it looks for (spaces, newlines, digits, ASCII letters, punctuation) is ASCII,
/// and UTF-8 never uses ASCII bytes inside a multi-byte sequence.
enum ByteText {
    static let newline: UInt8 = 0x0A

    /// Space or tab (and the rarer vertical tab and form feed); not a newline.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    @inline(__always)
    static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }

    /// True for the bytes that continue a multi-byte UTF-8 sequence.
    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The length of the invisible or space-like sequence starting at `index` (NBSP, zero-width space,
    /// BOM, narrow NBSP, ideographic space…), or 0 when the bytes there are something else.
    static func invisibleSpaceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if isBlank(byte) { return 1 }
        if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 { return 2 }  // U+00A0
        guard byte == 0xE2 || byte == 0xEF || byte == 0xE3, index + 2 < bytes.endIndex else { return 0 }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        switch (byte, second) {
        case (0xE2, 0x80):
            // U+2000…U+200B spaces and zero-width space, U+202F narrow NBSP.
            return (0x80...0x8B).contains(third) || third == 0xAF ? 3 : 0
        case (0xE2, 0x81):
            return third == 0x9F || third == 0xA0 ? 3 : 0  // U+205F, U+2060 word joiner
        case (0xEF, 0xBB):
            return third == 0xBF ? 3 : 0  // U+FEFF
        case (0xE3, 0x80):
            return third == 0x80 ? 3 : 0  // U+3000
        default:
            return 0
        }
    }

    /// The slice without leading and trailing spaces, tabs and invisible spaces.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end {
            let length = invisibleSpaceLength(bytes, at: start)
            if length == 0 { break }
            start += length
        }
        while start < end {
            let byte = bytes[end - 1]
            if isBlank(byte) {
                end -= 1
                continue
            }
            // A multi-byte space ends in a continuation byte: step back to its first byte and check it.
            guard isContinuation(byte) else { break }
            var lead = end - 1
            while lead > start, isContinuation(bytes[lead]) { lead -= 1 }
            let length = invisibleSpaceLength(bytes, at: lead)
            if length == 0 || lead + length != end { break }
            end = lead
        }
        return bytes[start..<end]
    }

    /// The number of whitespace-separated words.
    static func wordCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            if isBlank(byte) || byte == newline {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// The number of Unicode scalars (a cheap stand-in for characters).
    static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes where !isContinuation(byte) { count += 1 }
        return count
    }

    /// The last Unicode scalar that is not a closing quote or bracket, or nil when there is none.
    static func lastSignificantScalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var end = bytes.endIndex
        while end > bytes.startIndex {
            var lead = end - 1
            while lead > bytes.startIndex, isContinuation(bytes[lead]) { lead -= 1 }
            guard let scalar = decodeScalar(bytes[lead..<end]) else { return nil }
            switch scalar {
            case "\"", "'", ")", "]", "\u{2019}", "\u{201D}", "\u{00BB}", "\u{203A}", " ", "*":
                end = lead
            default:
                return scalar
            }
        }
        return nil
    }

    /// The first Unicode scalar that is not an opening quote or bracket, or nil when there is none.
    static func firstSignificantScalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            var end = start + 1
            while end < bytes.endIndex, isContinuation(bytes[end]) { end += 1 }
            guard let scalar = decodeScalar(bytes[start..<end]) else { return nil }
            switch scalar {
            case "\"", "'", "(", "[", "\u{2018}", "\u{201C}", "\u{00AB}", "\u{2039}", "*":
                start = end
            default:
                return scalar
            }
        }
        return nil
    }

    /// Decodes exactly one scalar from a short slice of valid UTF-8.
    static func decodeScalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// True when the slice starts with `prefix`, comparing ASCII letters case-insensitively.
    /// `prefix` must be lowercase.
    static func hasPrefix(_ bytes: ArraySlice<UInt8>, lowercase prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        var index = bytes.startIndex
        for expected in prefix {
            if lowercased(bytes[index]) != expected { return false }
            index += 1
        }
        return true
    }

    /// The index of the first occurrence of `needle` (exact bytes), or nil.
    static func firstIndex(of needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                var offset = 1
                while offset < needle.count {
                    if bytes[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    offset += 1
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// Collapses runs of whitespace (including newlines and invisible spaces) into one space and trims the ends.
    static func collapsingWhitespace(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let spaceLength = byte == newline ? 1 : invisibleSpaceLength(bytes, at: index)
            if spaceLength > 0 {
                pendingSpace = !result.isEmpty
                index += spaceLength
                continue
            }
            if pendingSpace {
                result.append(0x20)
                pendingSpace = false
            }
            result.append(byte)
            index += 1
        }
        return result
    }

    /// True when the slice has no tabs, no runs of spaces and no invisible spaces: nothing to collapse.
    static func isCollapsed(_ bytes: ArraySlice<UInt8>) -> Bool {
        var previousWasSpace = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if byte < 0x20 {
                return false
            } else {
                // Lead bytes of NBSP (C2 A0) and the other invisible spaces (E2 80 xx, E2 81 xx, EF BB BF, E3 80 80).
                if byte == 0xC2 || byte == 0xE2 || byte == 0xEF || byte == 0xE3,
                    invisibleSpaceLength(bytes, at: index) > 0
                {
                    return false
                }
                previousWasSpace = false
            }
            index += 1
        }
        return true
    }

    /// The text of a paragraph: whitespace collapsed when needed.
    static func paragraphString(_ bytes: ArraySlice<UInt8>) -> String {
        isCollapsed(bytes) ? string(bytes) : String(decoding: collapsingWhitespace(bytes), as: UTF8.self)
    }

    /// Lowercases ASCII letters; for tag names, attribute names and keyword values.
    static func lowercasedString(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: bytes.lazy.map(lowercased), as: UTF8.self)
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
