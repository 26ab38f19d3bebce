/// Turns the bytes of an article file into a ``ParsedArticle``. Pure: no I/O, no clock.
///
/// Plain text (`.txt`):
/// 1. Decoding (``TextDecoding``): UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 as a fallback for
///    invalid UTF-8 (with a warning); CRLF and CR become LF. Empty, whitespace-only and binary files are errors.
/// 2. The ` date YYYY-MM-DD` header at the very start (it may share its line with the body) gives the
///    publication day and is stripped from the text.
/// 3. Blank lines separate blocks; a block's lines are paragraphs of their own unless the block is
///    hard-wrapped (``TextLayout``).
/// 4. Boilerplate (``Boilerplate``) and repeated paragraphs are dropped; the headline is found among the
///    first lines (``TitleDetection``) and kept out of the paragraphs; quoted posts are recognised
///    (``QuotedPostScanner``) and their paragraphs kept.
/// 5. Without a header, the publication day is inferred from dates in the text (``PublicationDate``), else it is
///    the file's modification day, else unknown.
///
/// HTML and JSON files go through their readers (``HTMLArticleReader``, ``JSONArticleReader``) and then through
/// the same steps 4 and 5, with the title and date their metadata give.
public struct ArticleParser: Sendable {
    public init() {}

    /// Parses one article.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - format: how to read it (from the file extension).
    ///   - modified: the file's modification day, the last resort for the publication date. It also bounds the
    ///     dates inferred from the text: a date after it is an announcement, not the publication.
    /// - Throws: ``ArticleParseError`` when the file holds no article text (empty, whitespace only, binary,
    ///   broken JSON). The message says what was wrong and what to do; the caller adds the file path.
    public func parse(
        _ bytes: [UInt8], format: ArticleFormat, modified: CalendarDay?
    ) throws(ArticleParseError) -> ParsedArticle {
        let decoded = try TextDecoding.decode(bytes)
        switch format {
        case .text: return try parseText(decoded, modified: modified)
        case .html: return try HTMLArticleReader.read(decoded, modified: modified)
        case .json: return try JSONArticleReader.read(decoded, modified: modified)
        }
    }

    private func parseText(_ decoded: DecodedText, modified: CalendarDay?) throws(ArticleParseError) -> ParsedArticle {
        var warnings = decoded.warnings
        var body = decoded.bytes[...]
        var stated: CalendarDay?
        if let header = PublicationDate.header(in: body) {
            body = body[header.bodyStart...]
            if let day = header.day {
                stated = day
            } else {
                warnings.append(
                    "the date header \"\(header.written)\" names no real day; "
                        + "ignored it and looked for the date in the text"
                )
            }
            guard !body.allSatisfy({ $0 == ByteText.newline || ByteText.isBlank($0) }) else {
                throw ArticleParseError(
                    .empty,
                    "the file has a date header (\(header.written)) but no article text after it; "
                        + "write the article's text after the date"
                )
            }
        }
        let assembler = ArticleAssembler(
            titleSource: .detect, statedDate: stated, modified: modified, dropsTrailingFragments: true,
            warnings: warnings
        )
        return assembler.assemble(TextLayout.candidates(body), dateText: [body])
    }
}
