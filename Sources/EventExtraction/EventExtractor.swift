public import ArticleParsing

/// Finds CAMEO-coded news events in parsed articles. Pure and `Sendable`: the dictionaries are compiled once in
/// `init`; `extract` reads only the article.
public struct EventExtractor: Sendable {
    public let dictionaries: EventDictionaries

    public init(dictionaries: EventDictionaries) {
        self.dictionaries = dictionaries
    }

    /// The bundled dictionaries merged with those of `userFolder` (user entries win).
    public static func loadDefault(userFolder: String?) throws(DictionaryError) -> EventExtractor {
        EventExtractor(dictionaries: try EventDictionaries.load(userFolder: userFolder))
    }

    /// The actor a phrase names ("Secretary Pompeo", "@SecPompeo", "Iraqi protesters"), or nil.
    public func resolveActor(_ phrase: String) -> ActorRef? {
        let lexicon = dictionaries.lexicon
        var bytes = Array(phrase.utf8)
        let tokens = bytes.withUnsafeMutableBufferPointer { lexicon.tokenizer.tokenize(UnsafeBufferPointer($0)) }
        var places: [(start: Int, end: Int, place: Int32)] = []
        var finder = MentionFinder(lexicon: lexicon, bytes: bytes, tokens: tokens)
        return finder.find(0, tokens.count, places: &places).first { !$0.pronoun }?.ref
    }

    /// The events of an article's body, in sentence order.
    public func extract(from article: ParsedArticle) -> [ExtractedEvent] {
        Extraction(lexicon: dictionaries.lexicon, body: article.body, published: article.published).run()
    }
}
