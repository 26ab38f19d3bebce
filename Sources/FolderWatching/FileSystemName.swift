/// Turns file names (bytes, as the kernel has them) into Swift strings and back, losslessly.
///
/// Linux file names are any bytes but `/` and NUL; they need not be UTF-8 (an archive from an old Windows
/// or Latin-1 system gives names such as `caf\xE9.txt`). Decoding them with replacement characters would lose
/// the name: the daemon could no longer open the file. So each byte that is not part of valid UTF-8 is kept
/// as one private-use character, U+EF00 + byte (U+EF80…U+EFFF), the "raw octet" mapping of MirBSD's OPTU-8.
/// A name that really contains a character of that range is escaped byte by byte too, so the mapping is
/// one-to-one: `cString(decode(bytes)) == bytes` for every name.
///
/// Such a path reaches clients as it is decoded (JSON strings with those private-use characters); names
/// that are valid UTF-8 without them, i.e. all but the rarest, are unchanged.
public enum FileSystemName {
    /// The first and last characters standing for a raw byte (0x80…0xFF).
    static let escapes: ClosedRange<UInt32> = 0xEF80...0xEFFF

    /// A name or path from its bytes (without the terminating NUL).
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var pending = Array(bytes)[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if escapes.contains(scalar.value) {
                    for byte in encoded { scalars.append(escape(byte)) }
                } else {
                    scalars.append(scalar)
                }
                pending = pending.dropFirst(encoded.count)
            case .error(let length):
                for byte in pending.prefix(length) { scalars.append(escape(byte)) }
                pending = pending.dropFirst(length)
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    /// A name from a NUL-terminated C string.
    public static func decode(cString: UnsafePointer<CChar>) -> String {
        var length = 0
        while cString[length] != 0 { length += 1 }
        return cString.withMemoryRebound(to: UInt8.self, capacity: length) {
            decode(UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// The bytes of a name or path, NUL-terminated, as the kernel needs them.
    public static func cString(_ name: String) -> [CChar] {
        var bytes: [CChar] = []
        bytes.reserveCapacity(name.utf8.count + 1)
        for scalar in name.unicodeScalars {
            if escapes.contains(scalar.value) {
                bytes.append(CChar(bitPattern: UInt8(scalar.value - 0xEF00)))
            } else {
                for byte in UTF8.encode(scalar)! { bytes.append(CChar(bitPattern: byte)) }
            }
        }
        bytes.append(0)
        return bytes
    }

    /// Calls `body` with the kernel's bytes of `name`; the pointer is valid only during the call.
    public static func withCString<Result>(
        _ name: String, _ body: (UnsafePointer<CChar>) throws -> Result
    ) rethrows -> Result {
        // 0xEE leads every character of the escape range: without it the UTF-8 is the name's bytes.
        if !name.utf8.contains(0xEE) { return try name.withCString(body) }
        return try cString(name).withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    private static func escape(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(0xEF00 + UInt32(byte))!
    }
}
