/// Reads a saved web page (`.html`, `.htm`) as an article.
///
/// - Title: `og:title` (or `twitter:title`), else the first `<h1>`, else `<title>` without a trailing
///   ` | Site name`, else a `title`/`headline` meta tag.
/// - Publication day (source `.header`): the first of `article:published_time`, `datePublished`, `pubdate`,
///   `date` and similar meta tags, a JSON-LD `"datePublished"`, a `<time datetime>` marked `pubdate` or
///   `itemprop="datePublished"`, the first `<time datetime>`. Without one, the text and the modification day
///   decide, as for plain text.
/// - Paragraphs: the text of each `<p>` (an embedded tweet's `<blockquote class="twitter-tweet">` is one
///   paragraph, signature included); a page without `<p>` falls back to the text of its other blocks.
enum HTMLArticleReader {
    static func read(_ decoded: DecodedText, modified: CalendarDay?) throws(ArticleParseError) -> ParsedArticle {
        var scanner = HTMLScanner(bytes: decoded.bytes)
        scanner.scan()
        if scanner.page.paragraphs.isEmpty {
            var withForms = HTMLScanner(bytes: decoded.bytes, skipsForms: false)
            withForms.scan()
            if !withForms.page.paragraphs.isEmpty { scanner = withForms }
        }
        let page = scanner.page
        let title = self.title(of: page)
        let blocks = page.paragraphs.isEmpty ? page.looseBlocks : page.paragraphs
        guard !blocks.isEmpty || title != nil else {
            throw ArticleParseError(
                .empty,
                "the HTML page has no article text (no <p> paragraphs, no body text, no title); "
                    + "save the article's own page, or its text as a .txt file"
            )
        }
        let candidates = blocks.map { ByteText.trimmed($0[...]) }
        var dateText = candidates
        if let title { dateText.append(Array(title.utf8)[...]) }
        let assembler = ArticleAssembler(
            titleSource: .given(title), statedDate: publishedDay(of: page), modified: modified,
            dropsTrailingFragments: false, warnings: decoded.warnings,
            url: (page.meta["og:url"] ?? page.canonicalURL).flatMap(nonEmptyString),
            language: (page.language ?? page.meta["content-language"]).flatMap(nonEmptyString)
        )
        return assembler.assemble(candidates, dateText: dateText)
    }

    private static func title(of page: HTMLScanner.Page) -> String? {
        if let title = (page.meta["og:title"] ?? page.meta["twitter:title"]).flatMap(nonEmptyString) { return title }
        if let title = page.firstHeading.flatMap(nonEmptyString) { return title }
        if let title = page.documentTitle.flatMap(nonEmptyString) { return withoutSiteName(title) }
        return (page.meta["title"] ?? page.meta["headline"] ?? page.meta["dc.title"]).flatMap(nonEmptyString)
    }

    static let dateKeys = [
        "article:published_time", "og:article:published_time", "datepublished", "published_time",
        "article.published", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
        "date", "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "sailthru.date",
        "parsely-pub-date", "originalpublicationdate",
    ]

    private static func publishedDay(of page: HTMLScanner.Page) -> CalendarDay? {
        for key in dateKeys {
            if let value = page.meta[key], let day = day(in: value) { return day }
        }
        for value in [page.jsonLDDatePublished, page.publishedTime, page.firstTime] {
            if let value, let day = day(in: value) { return day }
        }
        return nil
    }

    /// The day in a metadata value: ISO 8601 (`2020-01-02T10:00:00Z`, `2020/01/02`) or a written date.
    static func day(in value: [UInt8]) -> CalendarDay? {
        var text = ByteText.trimmed(value[...])
        if text.count >= 10, text[text.startIndex + 4] == UInt8(ascii: "/"),
            text[text.startIndex + 7] == UInt8(ascii: "/")
        {
            var dashed = Array(text)
            dashed[4] = UInt8(ascii: "-")
            dashed[7] = UInt8(ascii: "-")
            text = dashed[...]
        }
        if let iso = PublicationDate.isoDate(at: text.startIndex, in: text) { return iso.day }
        var dates: [CalendarDay] = []
        PublicationDate.explicitDates(in: text, into: &dates)
        return dates.first
    }

    /// `Headline | Site`, `Headline - Site`, `Headline — Site` without the site name, when the headline is the
    /// longer part.
    static func withoutSiteName(_ title: String) -> String {
        let bytes = Array(title.utf8)[...]
        for separator in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: "] {
            let needle = Array(separator.utf8)
            var start = bytes.endIndex - needle.count
            while start > bytes.startIndex, !bytes[start..<(start + needle.count)].elementsEqual(needle) { start -= 1 }
            guard start > bytes.startIndex else { continue }
            let head = bytes[..<start]
            let tail = bytes[(start + needle.count)...]
            if ByteText.wordCount(head) >= 2, ByteText.scalarCount(tail) < ByteText.scalarCount(head) {
                return ByteText.string(head)
            }
        }
        return title
    }

    private static func nonEmptyString(_ bytes: [UInt8]) -> String? {
        let collapsed = ByteText.collapsingWhitespace(bytes[...])
        return collapsed.isEmpty ? nil : String(decoding: collapsed, as: UTF8.self)
    }
}
