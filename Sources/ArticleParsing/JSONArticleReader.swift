import Foundation

/// Reads a news-please JSON record (`.json`) as an article.
///
/// Fields: `title`; `maintext` (else `text`, else `description`), cut into paragraphs like plain text;
/// `date_publish` (`2020-01-02 10:00:00`, ISO 8601, or Unix seconds) as the stated publication day;
/// `url`; `language`. `null` counts as absent. The other news-please fields are ignored.
enum JSONArticleReader {
    static let expected = "Tidings reads one news-please JSON object per file, with title, maintext and date_publish"

    static func read(_ decoded: DecodedText, modified: CalendarDay?) throws(ArticleParseError) -> ParsedArticle {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(decoded.bytes), options: [.fragmentsAllowed])
        } catch {
            throw ArticleParseError(
                .malformed,
                "the file is not valid JSON (\(reason(error))); fix the JSON, or save the article's text as a .txt file"
            )
        }
        guard let record = object as? [String: Any] else {
            let found = object is [Any] ? "an array" : "a single value"
            throw ArticleParseError(
                .malformed,
                "the JSON holds \(found), not an article object; \(expected), so split or rewrite it"
            )
        }
        let title = string(record["title"])
        let text = string(record["maintext"]) ?? string(record["text"]) ?? string(record["description"])
        guard title != nil || text != nil else {
            throw ArticleParseError(
                .malformed,
                "the JSON object has no \"title\" and no \"maintext\"; \(expected), so add them"
            )
        }

        var warnings = decoded.warnings
        var stated: CalendarDay?
        if let value = record["date_publish"], !(value is NSNull) {
            stated = day(in: value)
            if stated == nil {
                warnings.append(
                    "the JSON's date_publish (\(value)) is not a date Tidings reads (YYYY-MM-DD…); "
                        + "looked for the date in the text"
                )
            }
        }

        // JSON strings may carry CRLF line ends; the layout works on LF.
        let body = Array((text ?? "").utf8).filter { $0 != 0x0D }
        let candidates = TextLayout.candidates(body[...])
        var dateText = [body[...]]
        if let title { dateText.append(Array(title.utf8)[...]) }
        let assembler = ArticleAssembler(
            titleSource: .given(title), statedDate: stated, modified: modified, dropsTrailingFragments: false,
            warnings: warnings, url: string(record["url"]), language: string(record["language"])
        )
        return assembler.assemble(candidates, dateText: dateText)
    }

    /// A non-empty string value, whitespace collapsed.
    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let collapsed = ByteText.collapsingWhitespace(Array(text.utf8)[...])
        guard !collapsed.isEmpty else { return nil }
        // Paragraph breaks matter in the main text: keep it as it is.
        return text.contains("\n") ? text : String(decoding: collapsed, as: UTF8.self)
    }

    private static func day(in value: Any) -> CalendarDay? {
        if let text = value as? String { return HTMLArticleReader.day(in: Array(text.utf8)) }
        if let seconds = (value as? NSNumber)?.doubleValue, seconds.isFinite, abs(seconds) < 1e12 {
            return CalendarDay(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
        }
        return nil
    }

    private static func reason(_ error: any Error) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return description ?? "unreadable structure"
    }
}
