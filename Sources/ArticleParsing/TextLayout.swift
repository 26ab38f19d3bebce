/// Splits plain text into paragraph candidates.
///
/// Every non-empty line is a paragraph of its own: files put one paragraph per line (single newlines) or separate
/// paragraphs with blank lines, and both read the same way. The exception is hard-wrapped text, whose lines are
/// joined again. A document counts as hard-wrapped when its longest line is 40–100 characters wide (the wrap
/// width) and at least a third of its lines come within 20 characters of that width. In such a document a line is
/// joined to the next one (in the same block of lines) when the next line's first word would not have fit after
/// it, and it does not end a sentence (or the next line starts in lowercase).
enum TextLayout {
    static func candidates(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        // Lines, trimmed; an empty slice marks a blank line.
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(64)
        var longestLine = 0
        var lineStart = bytes.startIndex
        let end = bytes.endIndex
        while lineStart <= end {
            var lineEnd = lineStart
            while lineEnd < end, bytes[lineEnd] != ByteText.newline { lineEnd += 1 }
            let line = ByteText.trimmed(bytes[lineStart..<lineEnd])
            longestLine = max(longestLine, line.count)
            lines.append(line)
            lineStart = lineEnd + 1
        }
        // 100 characters take at most 400 bytes: longer lines rule out hard wrapping without counting characters.
        guard longestLine <= 400, let width = wrapWidth(lines) else {
            return lines.filter { !$0.isEmpty }
        }
        return joiningWrappedLines(lines, width: width)
    }

    /// The wrap width of a hard-wrapped document, or nil when the lines are not hard-wrapped.
    private static func wrapWidth(_ lines: [ArraySlice<UInt8>]) -> Int? {
        var lengths: [Int] = []
        lengths.reserveCapacity(lines.count)
        for line in lines where !line.isEmpty { lengths.append(ByteText.scalarCount(line)) }
        guard lengths.count >= 3, let width = lengths.max(), (40...100).contains(width) else { return nil }
        let full = lengths.count(where: { $0 >= width - 20 })
        return full >= 2 && full * 3 >= lengths.count ? width : nil
    }

    private static func joiningWrappedLines(_ lines: [ArraySlice<UInt8>], width: Int) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var joined: [UInt8] = []
        for (position, line) in lines.enumerated() where !line.isEmpty {
            if joined.isEmpty {
                joined.append(contentsOf: line)
            } else if endsWithHyphenAfterLetter(joined), let first = line.first, ByteText.isLower(first) {
                joined.append(contentsOf: line)  // `Iran-` + `backed`: keep the hyphen, no space
            } else {
                joined.append(0x20)
                joined.append(contentsOf: line)
            }
            let next = position + 1 < lines.count ? lines[position + 1] : [][...]
            if next.isEmpty || !isWrapped(line, next: next, width: width) {
                result.append(joined[...])
                joined = []
            }
        }
        return result
    }

    private static func isWrapped(_ line: ArraySlice<UInt8>, next: ArraySlice<UInt8>, width: Int) -> Bool {
        var firstWordLength = 0
        for byte in next {
            if ByteText.isBlank(byte) { break }
            if !ByteText.isContinuation(byte) { firstWordLength += 1 }
        }
        guard ByteText.scalarCount(line) + 1 + firstWordLength > width else { return false }
        if let first = next.first, ByteText.isLower(first) { return true }
        switch ByteText.lastSignificantScalar(line) {
        case ".", "!", "?", "\u{2026}", ":", ";": return false
        default: return true
        }
    }

    private static func endsWithHyphenAfterLetter(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[bytes.count - 1] == UInt8(ascii: "-") && ByteText.isLetter(bytes[bytes.count - 2])
    }
}
