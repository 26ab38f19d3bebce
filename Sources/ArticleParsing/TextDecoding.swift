/// A file's text as UTF-8 with LF line ends, no byte-order mark and no stray control characters.
struct DecodedText {
    var bytes: [UInt8]
    var warnings: [String]
}

/// Turns a file's bytes into ``DecodedText``.
///
/// - UTF-8, with or without a BOM; when the bytes are not valid UTF-8 they are read as Windows-1252
///   (the usual encoding of "ANSI" text on Windows) and a warning says so.
/// - UTF-16 LE or BE with a BOM; without a BOM only when the NUL-byte pattern leaves no doubt (with a warning).
/// - CRLF and lone CR become LF. A few stray control characters are dropped (with a warning); NUL bytes or
///   many control characters mean binary data and an error.
enum TextDecoding {
    static let whatWeRead = "Tidings reads UTF-8, UTF-16 or Windows-1252 text, so remove it or convert it"

    static func decode(_ bytes: [UInt8]) throws(ArticleParseError) -> DecodedText {
        guard !bytes.isEmpty else {
            throw ArticleParseError(
                .empty, "the file is empty (0 bytes), not an article; write the article's text into it or delete it")
        }
        let decoded: DecodedText
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            decoded = try decodeUTF16(bytes, from: 2, bigEndian: false, warnings: [])
        } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            decoded = try decodeUTF16(bytes, from: 2, bigEndian: true, warnings: [])
        } else {
            let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            decoded = try decodeUTF8OrWindows1252(bytes, from: start)
        }
        guard hasVisibleText(decoded.bytes) else {
            throw ArticleParseError(
                .empty,
                "the file holds only whitespace (\(bytes.count) bytes), no article text; "
                    + "write the article's text into it or delete it"
            )
        }
        return decoded
    }

    // MARK: - UTF-8 and Windows-1252

    private static func decodeUTF8OrWindows1252(
        _ bytes: [UInt8], from start: Int
    ) throws(ArticleParseError) -> DecodedText {
        let scan = scanUTF8(bytes, from: start)
        if let nulOffset = scan.firstNUL {
            if let bigEndian = utf16WithoutBOM(bytes) {
                let warning =
                    "the file looks like UTF-16\(bigEndian ? "BE" : "LE") without a byte-order mark; "
                    + "decoded it as such (save it as UTF-8 to be sure)"
                return try decodeUTF16(bytes, from: 0, bigEndian: bigEndian, warnings: [warning])
            }
            throw binaryError("NUL bytes at offset \(nulOffset)")
        }
        try checkControls(count: scan.controls, total: bytes.count - start, first: scan.firstControl)

        if let badOffset = scan.firstInvalid {
            var sink = ScalarSink(capacity: bytes.count + bytes.count / 4)
            for index in start..<bytes.count {
                sink.append(windows1252Scalar(bytes[index]), offset: index)
            }
            var warnings = [
                "the file is not valid UTF-8 (byte 0x\(hex(bytes[badOffset])) at offset \(badOffset)); "
                    + "decoded it as Windows-1252 (save it as UTF-8 to be sure of its characters)"
            ]
            try sink.finish(total: bytes.count - start, warnings: &warnings)
            return DecodedText(bytes: sink.bytes, warnings: warnings)
        }

        // Valid UTF-8: keep the bytes as they are unless line ends or control characters need work.
        guard scan.carriageReturns > 0 || scan.controls > 0 else {
            return DecodedText(bytes: start == 0 ? bytes : Array(bytes[start...]), warnings: [])
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count - start)
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                output.append(ByteText.newline)
                if index + 1 < bytes.count, bytes[index + 1] == ByteText.newline { index += 1 }
            } else if !isStrayControl(byte) {
                output.append(byte)
            }
            index += 1
        }
        var warnings: [String] = []
        if scan.controls > 0, let first = scan.firstControl {
            warnings.append(controlWarning(count: scan.controls, first: first))
        }
        return DecodedText(bytes: output, warnings: warnings)
    }

    private struct UTF8Scan {
        var firstInvalid: Int?
        var firstNUL: Int?
        var controls = 0
        var firstControl: Int?
        var carriageReturns = 0
    }

    /// One pass: validates UTF-8 (strictly: no overlongs, no surrogates) and counts what needs attention.
    private static func scanUTF8(_ bytes: [UInt8], from start: Int) -> UTF8Scan {
        var scan = UTF8Scan()
        let count = bytes.count
        var index = start
        while index < count {
            // Fast path: eight printable ASCII bytes at a time (no high bit, nothing below 0x20, no DEL).
            if index + 8 <= count {
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: index, as: UInt64.self) }
                let high: UInt64 = 0x8080_8080_8080_8080
                let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
                let isDEL =
                    ((word ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ~(word ^ 0x7F7F_7F7F_7F7F_7F7F) & high
                if word & high == 0, belowSpace == 0, isDEL == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x7F {
                    if byte == 0x0D {
                        scan.carriageReturns += 1
                    } else if byte == 0 {
                        if scan.firstNUL == nil { scan.firstNUL = index }
                    } else if isStrayControl(byte) {
                        scan.controls += 1
                        if scan.firstControl == nil { scan.firstControl = index }
                    }
                }
                index += 1
                continue
            }
            let length = validSequenceLength(bytes, at: index)
            if length == 0 {
                if scan.firstInvalid == nil { scan.firstInvalid = index }
                index += 1
            } else {
                index += length
            }
        }
        return scan
    }

    /// The length of the valid UTF-8 sequence at `index` (whose first byte is ≥ 0x80), or 0 when it is invalid.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return 0 }
        var offset = 2
        while offset < length {
            guard ByteText.isContinuation(bytes[index + offset]) else { return 0 }
            offset += 1
        }
        return length
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Windows-1252 as WHATWG defines it: the five unassigned bytes map to C1 controls (dropped later).
    private static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
    }

    // MARK: - Shared

    /// Collects decoded scalars as UTF-8, normalising line ends and dropping stray control characters.
    struct ScalarSink {
        var bytes: [UInt8] = []
        private var lastWasCR = false
        private var firstNUL: Int?
        private var controls = 0
        private var firstControl: Int?

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func append(_ value: UInt32, offset: Int) {
            if value == 0x0A, lastWasCR {
                lastWasCR = false
                return
            }
            lastWasCR = value == 0x0D
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                switch value {
                case 0x0D: bytes.append(ByteText.newline)
                case 0x0A, 0x09, 0x0B, 0x0C: bytes.append(UInt8(value))
                case 0: if firstNUL == nil { firstNUL = offset }
                default:
                    controls += 1
                    if firstControl == nil { firstControl = offset }
                }
                return
            }
            guard let scalar = Unicode.Scalar(value) else { return }
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else {
                bytes.append(contentsOf: scalar.utf8)
            }
        }

        func finish(total: Int, warnings: inout [String]) throws(ArticleParseError) {
            if let firstNUL { throw binaryError("NUL characters at offset \(firstNUL)") }
            try checkControls(count: controls, total: total, first: firstControl)
            if controls > 0, let firstControl {
                warnings.append(controlWarning(count: controls, first: firstControl))
            }
        }
    }

    /// Control characters that have no place in article text (everything below 0x20 but tab, LF, VT, FF, CR; DEL).
    @inline(__always)
    private static func isStrayControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0B && byte != 0x0C && byte != 0x0D && byte != 0)
            || byte == 0x7F
    }

    /// A few stray control characters are tolerated (and dropped); more than 2 % of the text means binary data.
    static func checkControls(count: Int, total: Int, first: Int?) throws(ArticleParseError) {
        guard count >= 4, count * 50 > total, let first else { return }
        throw binaryError("\(count) control characters in \(total) bytes, the first at offset \(first)")
    }

    static func controlWarning(count: Int, first: Int) -> String {
        "removed \(count) stray control character(s), the first at offset \(first)"
    }

    static func binaryError(_ detail: String) -> ArticleParseError {
        ArticleParseError(.binary, "the file holds binary data (\(detail)), not article text; \(whatWeRead)")
    }

    private static func hasVisibleText(_ bytes: [UInt8]) -> Bool {
        let all = bytes[...]
        var index = all.startIndex
        while index < all.endIndex {
            if all[index] == ByteText.newline {
                index += 1
                continue
            }
            let length = ByteText.invisibleSpaceLength(all, at: index)
            if length == 0 { return true }
            index += length
        }
        return false
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
