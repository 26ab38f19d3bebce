/// Recognises a quoted post (a tweet copied from a web page) by the signature that ends its paragraph:
///
///     TEXT — Author Name (@handle) Month D, YYYY
///
/// The separator may be an em dash, an en dash, a horizontal bar, `--` or ` - `; the date may take any form
/// ``PublicationDate`` reads (`January 1, 2020`, `1 January 2020`, `2020-01-01`). The author is 1–8 words;
/// the handle is 1–30 letters, digits or underscores and is returned without its `@`. A leading continuation
/// marker (`....`, `…`) of a thread's later post is removed from the text. A signature on a line of its own
/// signs the paragraph before it (``ArticleAssembler`` joins the two).
enum QuotedPostScanner {
    /// The signature at the end of a paragraph: `<separator> Author (@handle) Month D, YYYY`.
    struct Signature {
        /// Where the separator before the author starts: the post's text is everything before it.
        var start: Int
        var author: ArraySlice<UInt8>
        var handle: ArraySlice<UInt8>
        var date: CalendarDay
    }

    /// The post quoted by the paragraph, if it ends with a signature and has text before it.
    static func scan(_ paragraph: ArraySlice<UInt8>) -> QuotedPost? {
        guard let signature = signature(in: paragraph) else { return nil }
        let text = ByteText.trimmed(
            withoutContinuationMarker(ByteText.trimmed(paragraph[paragraph.startIndex..<signature.start])))
        guard !text.isEmpty else { return nil }
        return QuotedPost(
            author: ByteText.string(signature.author),
            handle: ByteText.string(signature.handle),
            date: signature.date,
            text: String(decoding: ByteText.collapsingWhitespace(text), as: UTF8.self)
        )
    }

    /// True when the paragraph is a signature and nothing else (the post's text is in the paragraph before).
    static func isSignatureOnly(_ paragraph: ArraySlice<UInt8>) -> Bool {
        guard let signature = signature(in: paragraph) else { return false }
        return ByteText.trimmed(paragraph[paragraph.startIndex..<signature.start]).isEmpty
    }

    static func signature(in paragraph: ArraySlice<UInt8>) -> Signature? {
        // Cheap test first: a signature ends with the year.
        guard let last = ByteText.trimmed(paragraph).last, ByteText.isDigit(last),
            let open = lastHandleOpening(in: paragraph)
        else { return nil }

        // (@handle) date <end>
        var cursor = open + 2
        let handleStart = cursor
        while cursor < paragraph.endIndex, isHandleByte(paragraph[cursor]) { cursor += 1 }
        guard (1...30).contains(cursor - handleStart), cursor < paragraph.endIndex,
            paragraph[cursor] == UInt8(ascii: ")")
        else { return nil }
        let handle = paragraph[handleStart..<cursor]
        cursor += 1
        while cursor < paragraph.endIndex, ByteText.isBlank(paragraph[cursor]) { cursor += 1 }
        guard cursor < paragraph.endIndex, let date = PublicationDate.date(at: cursor, in: paragraph),
            ByteText.trimmed(paragraph[date.end...]).isEmpty
        else { return nil }

        // <separator> Author
        let authorEnd = ByteText.trimmed(paragraph[paragraph.startIndex..<open]).endIndex
        guard let separator = lastSeparator(in: paragraph, before: authorEnd) else { return nil }
        let author = ByteText.trimmed(paragraph[separator.upperBound..<authorEnd])
        guard !author.isEmpty, author.count <= 80, ByteText.wordCount(author) <= 8 else { return nil }
        return Signature(start: separator.lowerBound, author: author, handle: handle, date: date.day)
    }

    /// The index of the last `(@` in the paragraph.
    private static func lastHandleOpening(in paragraph: ArraySlice<UInt8>) -> Int? {
        guard paragraph.count >= 2 else { return nil }
        var index = paragraph.endIndex - 2
        while index >= paragraph.startIndex {
            if paragraph[index] == UInt8(ascii: "("), paragraph[index + 1] == UInt8(ascii: "@") { return index }
            index -= 1
        }
        return nil
    }

    @inline(__always)
    private static func isHandleByte(_ byte: UInt8) -> Bool {
        ByteText.isAlphanumeric(byte) || byte == UInt8(ascii: "_")
    }

    /// The nearest separator before `end` (within the length an author's name can have).
    private static func lastSeparator(in paragraph: ArraySlice<UInt8>, before end: Int) -> Range<Int>? {
        let start = paragraph.startIndex
        let limit = max(start, end - 100)
        var index = end - 1
        while index >= limit {
            let byte = paragraph[index]
            // — U+2014, – U+2013, ― U+2015: E2 80 94 / 93 / 95.
            if (0x93...0x95).contains(byte), index - 2 >= start, paragraph[index - 1] == 0x80,
                paragraph[index - 2] == 0xE2
            {
                return (index - 2)..<(index + 1)
            }
            if byte == UInt8(ascii: "-") {
                if index - 1 >= start, paragraph[index - 1] == UInt8(ascii: "-") { return (index - 1)..<(index + 1) }
                let blankBefore = index - 1 < start || ByteText.isBlank(paragraph[index - 1])
                let blankAfter = index + 1 < paragraph.endIndex && ByteText.isBlank(paragraph[index + 1])
                if blankBefore, blankAfter { return index..<(index + 1) }
            }
            index -= 1
        }
        return nil
    }

    /// Drops `..`, `....` or `…` that open a post continuing an earlier one.
    private static func withoutContinuationMarker(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = text.startIndex
        var dots = 0
        while start < text.endIndex {
            if text[start] == UInt8(ascii: ".") {
                dots += 1
                start += 1
            } else if start + 2 < text.endIndex, text[start] == 0xE2, text[start + 1] == 0x80, text[start + 2] == 0xA6 {
                dots += 3
                start += 3
            } else {
                break
            }
        }
        return dots >= 2 ? text[start...] : text
    }
}
