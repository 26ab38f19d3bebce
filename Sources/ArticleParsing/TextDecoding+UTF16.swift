/// UTF-16 decoding for ``TextDecoding``: with a byte-order mark, or without one when the NUL pattern is clear.
extension TextDecoding {
    static func decodeUTF16(
        _ bytes: [UInt8], from start: Int, bigEndian: Bool, warnings initialWarnings: [String]
    ) throws(ArticleParseError) -> DecodedText {
        var warnings = initialWarnings
        var sink = ScalarSink(capacity: bytes.count)
        var unpaired = 0
        var index = start
        @inline(__always) func unit(at index: Int) -> UInt32 {
            bigEndian
                ? UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
                : UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index])
        }
        while index + 1 < bytes.count {
            let first = unit(at: index)
            if first & 0xFC00 == 0xD800, index + 3 < bytes.count {
                let second = unit(at: index + 2)
                if second & 0xFC00 == 0xDC00 {
                    sink.append(0x10000 + ((first & 0x3FF) << 10 | (second & 0x3FF)), offset: index)
                    index += 4
                    continue
                }
            }
            if first & 0xF800 == 0xD800 {
                unpaired += 1
                sink.append(0xFFFD, offset: index)
            } else {
                sink.append(first, offset: index)
            }
            index += 2
        }
        if unpaired > 0 {
            warnings.append("the UTF-16 text has \(unpaired) unpaired surrogate(s); replaced them with U+FFFD")
        }
        if index < bytes.count {
            warnings.append("the UTF-16 text has an odd number of bytes; ignored the last byte")
        }
        try sink.finish(total: (bytes.count - start) / 2, warnings: &warnings)
        return DecodedText(bytes: sink.bytes, warnings: warnings)
    }

    /// Whether NUL bytes sit at every other position, as in UTF-16 text of mostly Latin script:
    /// returns true for big-endian, false for little-endian, nil when the pattern is not that clear.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var evenNULs = 0
        var oddNULs = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0 { evenNULs += 1 }
            if bytes[index + 1] == 0 { oddNULs += 1 }
            index += 2
        }
        let pairs = bytes.count / 2
        if evenNULs == 0, oddNULs * 10 >= pairs * 7 { return false }
        if oddNULs == 0, evenNULs * 10 >= pairs * 7 { return true }
        return nil
    }
}
