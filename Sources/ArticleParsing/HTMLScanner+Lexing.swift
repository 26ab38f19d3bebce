/// Lexing helpers of ``HTMLScanner``: finding the end of a tag, reading attributes, searching the page.
extension HTMLScanner {
    /// The index after the `>` that ends the tag, skipping quoted attribute values.
    func tagEnd(from index: Int) -> Int {
        var cursor = index
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") { return cursor + 1 }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                cursor += 1
                while cursor < bytes.count, bytes[cursor] != byte { cursor += 1 }
            }
            cursor += 1
        }
        return bytes.count
    }

    /// Reads `name="value"` pairs up to the end of the tag; returns the index after the `>`.
    func readAttributes(from index: Int, into attributes: inout [(name: String, value: [UInt8])]) -> Int {
        var cursor = index
        let count = bytes.count
        while cursor < count {
            while cursor < count, isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            guard cursor < count else { break }
            if bytes[cursor] == UInt8(ascii: ">") { return cursor + 1 }
            let nameStart = cursor
            while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "="),
                bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/")
            {
                cursor += 1
            }
            let name = ByteText.lowercasedString(bytes[nameStart..<cursor])
            while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
            var value: [UInt8] = []
            if cursor < count, bytes[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < count else { break }
                let quote = bytes[cursor]
                let valueStart: Int
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = cursor + 1
                    cursor = valueStart
                    while cursor < count, bytes[cursor] != quote { cursor += 1 }
                    value = HTMLEntities.decodeAll(bytes[valueStart..<cursor])
                    cursor += 1
                } else {
                    valueStart = cursor
                    while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    value = HTMLEntities.decodeAll(bytes[valueStart..<cursor])
                }
            }
            if !name.isEmpty { attributes.append((name, value)) }
        }
        return count
    }

    /// The index of the `<` of `</name`, or the end of the text.
    func find(closingTag name: String, from index: Int) -> Int {
        let needle = Array(name.utf8)
        var cursor = index
        while let open = find([UInt8(ascii: "<"), UInt8(ascii: "/")], from: cursor) {
            let nameStart = open + 2
            if nameStart + needle.count <= bytes.count,
                needle.indices.allSatisfy({ ByteText.lowercased(bytes[nameStart + $0]) == needle[$0] })
            {
                return open
            }
            cursor = open + 2
        }
        return bytes.count
    }

    func find(_ needle: [UInt8], from index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        return ByteText.firstIndex(of: needle, in: bytes[index...])
    }

    func value(_ name: String, in attributes: [(name: String, value: [UInt8])]) -> [UInt8]? {
        attributes.first(where: { $0.name == name })?.value
    }

    func isSpace(_ byte: UInt8) -> Bool { ByteText.isBlank(byte) || byte == ByteText.newline || byte == 0x0D }
}
