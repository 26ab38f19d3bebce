import ArticleParsing

/// Everything found in one sentence before events are coded: actor mentions, places and dates.
struct SentenceContext {
    var sentence: Sentence
    var mentions: [ActorMention]
    /// Mention index by (token index − sentence start) of its first and one-past-last token, or -1.
    var startAt: [Int]
    var endAt: [Int]
    var places: [(start: Int, end: Int, place: Int32)]
    var dates: [DateMention]
    var reference: CalendarDay?
    /// The quoted post's author, when the sentence is inside a post.
    var speaker: ActorMention?
    /// The first actor of the previous sentence (for "he", "they").
    var previousActor: ActorMention?
    /// The date of the previous sentence, carried over (approximately) to a sentence without one.
    var previousDate: DateMention?
    /// The country the story was filed from (its dateline): that of the roles it names without one.
    var storyCountry: String? = nil
    /// The actors of the previous sentence, in order (for "the two leaders").
    var previousActors: [ActorMention] = []

    var start: Int { sentence.start }
    var end: Int { sentence.end }

    func mention(endingAt k: Int) -> ActorMention? {
        guard k > start, k <= end else { return nil }
        let m = endAt[k - start - 1]
        return m >= 0 ? mentions[m] : nil
    }

    func mention(startingAt k: Int) -> ActorMention? {
        guard k >= start, k < end else { return nil }
        let m = startAt[k - start]
        return m >= 0 ? mentions[m] : nil
    }

    func mention(containing k: Int) -> ActorMention? {
        mentions.first { $0.start <= k && k < $0.end && !$0.pronoun }
    }
}
