public import ArticleParsing

/// One event mention found in one sentence of an article: who did what to whom, when, where.
public struct ExtractedEvent: Sendable, Equatable {
    /// The CAMEO action code.
    public var code: CAMEOCode
    /// Who acted, when the sentence says.
    public var source: ActorRef?
    /// Who was acted upon, when the sentence says.
    public var target: ActorRef?
    /// Canonical place name from the gazetteer (e.g. `"Baghdad"` for "Baghdad International Airport").
    public var location: String?
    /// ISO3 code of the country the location lies in.
    public var locationCountry: String?
    /// When it happened, resolved against the article's (or the quoted post's) date.
    public var date: EventDate?
    /// Index of the sentence in the article body, counting from 0.
    public var sentenceIndex: Int
    /// The sentence text (a quoted post's signature line removed).
    public var sentence: String
    /// UTF-8 byte offsets of `sentence` within `ParsedArticle.body` (paragraphs joined by a blank line):
    /// `Array(article.body.utf8)[range]` are the sentence's bytes.
    public var range: Range<Int>
    /// How sure the coder is, 0…1: lower without a target, without a date expression, or for noun phrases.
    public var confidence: Double
    /// How well the sentence reads as a summary of the event, 0…1: lead sentences, both actors named,
    /// an explicit date and a moderate length score high; quoted posts and headlines score low.
    public var summaryQuality: Double

    public init(
        code: CAMEOCode, source: ActorRef?, target: ActorRef?, location: String?, locationCountry: String?,
        date: EventDate?, sentenceIndex: Int, sentence: String, range: Range<Int>, confidence: Double,
        summaryQuality: Double
    ) {
        self.code = code
        self.source = source
        self.target = target
        self.location = location
        self.locationCountry = locationCountry
        self.date = date
        self.sentenceIndex = sentenceIndex
        self.sentence = sentence
        self.range = range
        self.confidence = confidence
        self.summaryQuality = summaryQuality
    }

    /// What the store compares to decide whether two mentions report the same event.
    public var signature: EventSignature {
        EventSignature(
            code: code, sourceCode: source?.code, targetCode: target?.code, location: location,
            locationCountry: locationCountry, date: date)
    }
}

/// An actor resolved to a canonical name and a CAMEO-style code: country (ISO3) followed by a role, e.g.
/// `USAGOV`, `IRNMIL`, `IRQOPP`; a bare country (`IRN`) or, when the country is unknown, a bare role (`REB`).
public struct ActorRef: Sendable, Hashable, Codable {
    /// Canonical name, e.g. `"Mike Pompeo"`, `"Iraqi protesters"`, `"Iran"`.
    public var name: String
    /// CAMEO-style code, e.g. `"USAGOV"`.
    public var code: String
    /// The ISO3 country part of `code`, if any.
    public var country: String?
    /// The role part of `code` (`GOV`, `MIL`, `REB`, `OPP`, …), if any.
    public var role: String?

    public init(name: String, code: String, country: String?, role: String?) {
        self.name = name
        self.code = code
        self.country = country
        self.role = role
    }
}

/// A resolved event date: the day, how precise it is, and where it came from.
public struct EventDate: Sendable, Hashable, Codable {
    public enum Precision: String, Sendable, Codable {
        /// The day is known ("on Dec. 31", "on Wednesday").
        case day
        /// Only the month is known ("last month", "in December"); `day` is mid-month.
        case month
        /// Roughly ("late last month", a date carried over from a neighbouring clause or sentence).
        case approximate
    }

    public enum Provenance: String, Sendable, Codable {
        /// A calendar date in the text ("Dec. 31", "31 December 2019", "January 1").
        case explicit
        /// A relative expression resolved against the reference date ("on Tuesday", "yesterday").
        case relative
        /// No date expression: the article's (or the quoted post's) publication day.
        case articleDate
    }

    public var day: CalendarDay
    public var precision: Precision
    public var provenance: Provenance

    public init(day: CalendarDay, precision: Precision, provenance: Provenance) {
        self.day = day
        self.precision = precision
        self.provenance = provenance
    }

    /// How many days two mentions of one event may differ by when this is one of them.
    public var toleranceDays: Int {
        if provenance == .articleDate { return 3 }
        switch precision {
        case .day: return 1
        case .month: return 20
        case .approximate: return 10
        }
    }
}
