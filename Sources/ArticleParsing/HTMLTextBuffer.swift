/// Collects the text of an element: entities decoded, whitespace collapsed, ends trimmed.
struct HTMLTextBuffer {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    mutating func appendSpace() { pendingSpace = !bytes.isEmpty }

    mutating func append(_ source: [UInt8], _ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = source[index]
            if ByteText.isBlank(byte) || byte == ByteText.newline || byte == 0x0D {
                appendSpace()
                index += 1
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            if byte == UInt8(ascii: "&") {
                let before = bytes.count
                if let next = HTMLEntities.decode(source, at: index, into: &bytes) {
                    // `&nbsp;` decodes to a space: fold it into the collapsing.
                    if bytes.count == before + 1, bytes[before] == 0x20 {
                        bytes.removeLast()
                        appendSpace()
                    }
                    index = next
                    continue
                }
            }
            bytes.append(byte)
            index += 1
        }
    }
}
