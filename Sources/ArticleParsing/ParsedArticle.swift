/// What the parser understood of one article file. A pure value: the same bytes always give the same article.
public struct ParsedArticle: Sendable, Equatable {
    /// The headline, when the text has one.
    public var title: String?
    /// The publication day, when it could be found.
    public var published: CalendarDay?
    /// Where `published` came from.
    public var publishedSource: PublishedSource?
    /// The body's paragraphs, boilerplate removed, in reading order.
    public var paragraphs: [String]
    /// Posts quoted in the article (tweets and the like), in order of appearance.
    ///
    /// A quoted post's paragraph stays in ``paragraphs`` (events can be extracted from it);
    /// ``statementParagraphs`` says which paragraph each statement comes from.
    public var statements: [QuotedPost]
    /// For each of ``statements``, the index in ``paragraphs`` of the paragraph that quotes it.
    public var statementParagraphs: [Int]
    /// Things the parser noticed but could work around (e.g. "decoded as Windows-1252").
    public var warnings: [String]
    /// The article's address, when the file says (HTML `og:url` or canonical link, JSON `url`).
    public var url: String?
    /// The article's language code, when the file says (HTML `lang`, JSON `language`).
    public var language: String?

    public init(
        title: String?, published: CalendarDay?, publishedSource: PublishedSource?,
        paragraphs: [String], statements: [QuotedPost] = [], statementParagraphs: [Int] = [],
        warnings: [String] = [], url: String? = nil, language: String? = nil
    ) {
        self.title = title
        self.published = published
        self.publishedSource = publishedSource
        self.paragraphs = paragraphs
        self.statements = statements
        self.statementParagraphs = statementParagraphs
        self.warnings = warnings
        self.url = url
        self.language = language
    }

    /// The body text: paragraphs separated by a blank line.
    public var body: String { paragraphs.joined(separator: "\n\n") }
}

/// Where an article's publication date was found.
public enum PublishedSource: String, Sendable, Codable, Equatable {
    /// The ` date YYYY-MM-DD` header line, or a date field of an HTML or JSON article.
    case header
    /// Inferred from dates in the text.
    case text
    /// The file's modification time.
    case mtime
}

/// A post quoted inside an article, e.g. `… — Secretary Pompeo (@SecPompeo) January 1, 2020`.
///
/// Deduplicate the same post quoted by several articles with ``normalizedText`` (and ``handle``).
public struct QuotedPost: Sendable, Equatable, Hashable, Codable {
    /// The author's display name as quoted: `Secretary Pompeo`.
    public var author: String
    /// The account name without its `@`: `SecPompeo`.
    public var handle: String?
    /// The day of the post, from its signature.
    public var date: CalendarDay?
    /// The post's text as quoted (whitespace collapsed, a leading `....` continuation marker removed).
    public var text: String

    public init(author: String, handle: String?, date: CalendarDay?, text: String) {
        self.author = author
        self.handle = handle
        self.date = date
        self.text = text
    }
}
