// Params and results of the event, statement and actor queries. Wire names are camelCase.

/// An actor as events show it.
public struct ActorInfo: Codable, Sendable, Equatable, Hashable {
    /// Canonical name, e.g. `Mike Pompeo`.
    public var name: String
    /// CAMEO-style code, e.g. `USAGOV`.
    public var code: String

    public init(name: String, code: String) {
        self.name = name
        self.code = code
    }
}

/// Params of `events.list`; every filter is optional and they combine with AND.
public struct EventsListParams: Codable, Sendable, Equatable {
    /// Earliest event date, `YYYY-MM-DD`, inclusive.
    public var from: String?
    /// Latest event date, `YYYY-MM-DD`, inclusive.
    public var to: String?
    /// Text found (case-insensitively) in the source's or target's name or code.
    public var actor: String?
    /// A CAMEO code or prefix: `19` matches `190`…`1956`.
    public var code: String?
    /// Only events reported by this article (path relative to the root, or absolute inside it).
    public var article: String?
    /// At most this many events (the daemon answers at most 10,000 per request).
    public var limit: Int?
    /// Skip this many events first: the next page.
    public var offset: Int?
    /// Whether each event lists its articles' paths (the default); without them the daemon answers a page of
    /// widely reported events several times faster, and `articleCount` still tells how many there are.
    public var withArticles: Bool?

    public init(
        from: String? = nil, to: String? = nil, actor: String? = nil, code: String? = nil, article: String? = nil,
        limit: Int? = nil, offset: Int? = nil, withArticles: Bool? = nil
    ) {
        self.from = from
        self.to = to
        self.actor = actor
        self.code = code
        self.article = article
        self.limit = limit
        self.offset = offset
        self.withArticles = withArticles
    }
}

/// One event: what happened, merged from every article that reports it.
public struct EventSummary: Codable, Sendable, Equatable {
    public var id: Int64
    /// `YYYY-MM-DD`, or null when no mention dates it.
    public var date: String?
    /// `day`, `month` or `approximate`.
    public var datePrecision: String?
    /// `explicit`, `relative` or `articleDate`.
    public var dateProvenance: String?
    /// CAMEO code as text (leading zeros kept), e.g. `0251`.
    public var code: String
    public var rootCode: String
    public var label: String
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    public var quadClass: Int
    public var source: ActorInfo?
    public var target: ActorInfo?
    public var location: String?
    /// The clearest sentence reporting it.
    public var summary: String
    /// Paths of the articles that report it, sorted; nil when the listing was asked without them
    /// (``EventsListParams/withArticles``).
    public var articles: [String]?
    /// How many articles report it: the number of sources.
    public var articleCount: Int
    /// How many mentions (sentences) report it.
    public var mentions: Int

    public init(
        id: Int64, date: String?, datePrecision: String?, dateProvenance: String?, code: String, rootCode: String,
        label: String, quadClass: Int, source: ActorInfo?, target: ActorInfo?, location: String?, summary: String,
        articles: [String]?, articleCount: Int, mentions: Int
    ) {
        self.id = id
        self.date = date
        self.datePrecision = datePrecision
        self.dateProvenance = dateProvenance
        self.code = code
        self.rootCode = rootCode
        self.label = label
        self.quadClass = quadClass
        self.source = source
        self.target = target
        self.location = location
        self.summary = summary
        self.articles = articles
        self.articleCount = articleCount
        self.mentions = mentions
    }

    private enum CodingKeys: String, CodingKey {
        case id, date, datePrecision, dateProvenance, code, rootCode, label, quadClass, source, target, location
        case summary, articles, articleCount, mentions
    }

    /// A daemon older than `articleCount` always sent the paths: their number is the count (a `tidingsctl` upgraded
    /// before the daemon restarts still reads its listings).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        datePrecision = try container.decodeIfPresent(String.self, forKey: .datePrecision)
        dateProvenance = try container.decodeIfPresent(String.self, forKey: .dateProvenance)
        code = try container.decode(String.self, forKey: .code)
        rootCode = try container.decode(String.self, forKey: .rootCode)
        label = try container.decode(String.self, forKey: .label)
        quadClass = try container.decode(Int.self, forKey: .quadClass)
        source = try container.decodeIfPresent(ActorInfo.self, forKey: .source)
        target = try container.decodeIfPresent(ActorInfo.self, forKey: .target)
        location = try container.decodeIfPresent(String.self, forKey: .location)
        summary = try container.decode(String.self, forKey: .summary)
        articles = try container.decodeIfPresent([String].self, forKey: .articles)
        guard let count = try container.decodeIfPresent(Int.self, forKey: .articleCount) ?? articles?.count else {
            throw DecodingError.keyNotFound(
                CodingKeys.articleCount, .init(codingPath: container.codingPath, debugDescription: "no articleCount"))
        }
        articleCount = count
        mentions = try container.decode(Int.self, forKey: .mentions)
    }

    /// Unknown values are sent as null rather than left out; `articles` is left out when not asked for.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(date, forKey: .date)
        try container.encode(datePrecision, forKey: .datePrecision)
        try container.encode(dateProvenance, forKey: .dateProvenance)
        try container.encode(code, forKey: .code)
        try container.encode(rootCode, forKey: .rootCode)
        try container.encode(label, forKey: .label)
        try container.encode(quadClass, forKey: .quadClass)
        try container.encode(source, forKey: .source)
        try container.encode(target, forKey: .target)
        try container.encode(location, forKey: .location)
        try container.encode(summary, forKey: .summary)
        try container.encodeIfPresent(articles, forKey: .articles)
        try container.encode(articleCount, forKey: .articleCount)
        try container.encode(mentions, forKey: .mentions)
    }
}

/// One sentence of one article reporting an event.
public struct MentionInfo: Codable, Sendable, Equatable {
    public var article: String
    /// Sentence number in the article body, from 0.
    public var sentenceIndex: Int
    /// UTF-8 byte offsets of the sentence in the article body (paragraphs joined by a blank line).
    public var start: Int
    public var end: Int
    public var sentence: String
    public var confidence: Double
    /// This mention's own reading (before merging).
    public var code: String
    public var source: ActorInfo?
    public var target: ActorInfo?
    public var date: String?
    public var datePrecision: String?

    public init(
        article: String, sentenceIndex: Int, start: Int, end: Int, sentence: String, confidence: Double, code: String,
        source: ActorInfo?, target: ActorInfo?, date: String?, datePrecision: String?
    ) {
        self.article = article
        self.sentenceIndex = sentenceIndex
        self.start = start
        self.end = end
        self.sentence = sentence
        self.confidence = confidence
        self.code = code
        self.source = source
        self.target = target
        self.date = date
        self.datePrecision = datePrecision
    }
}

/// Result of `event.get`.
public struct EventDetail: Codable, Sendable, Equatable {
    public var event: EventSummary
    public var mentionList: [MentionInfo]

    public init(event: EventSummary, mentionList: [MentionInfo]) {
        self.event = event
        self.mentionList = mentionList
    }
}

/// Params of `event.get`.
public struct EventIDParams: Codable, Sendable, Equatable {
    public var id: Int64

    public init(id: Int64) { self.id = id }
}

/// A quoted post (tweet and the like), once however many articles quote it.
public struct StatementSummary: Codable, Sendable, Equatable {
    public var id: Int64
    public var author: String
    /// Without the `@`.
    public var handle: String?
    public var date: String?
    public var text: String
    /// Paths of the articles quoting it, sorted.
    public var articles: [String]

    public init(id: Int64, author: String, handle: String?, date: String?, text: String, articles: [String]) {
        self.id = id
        self.author = author
        self.handle = handle
        self.date = date
        self.text = text
        self.articles = articles
    }

    private enum CodingKeys: String, CodingKey {
        case id, author, handle, date, text, articles
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(author, forKey: .author)
        try container.encode(handle, forKey: .handle)
        try container.encode(date, forKey: .date)
        try container.encode(text, forKey: .text)
        try container.encode(articles, forKey: .articles)
    }
}

/// An actor and how often it appears in events.
public struct ActorSummary: Codable, Sendable, Equatable {
    public var name: String
    public var code: String
    /// Events in which it is the source or the target.
    public var events: Int
    /// Mentions naming it.
    public var mentions: Int

    public init(name: String, code: String, events: Int, mentions: Int) {
        self.name = name
        self.code = code
        self.events = events
        self.mentions = mentions
    }
}
