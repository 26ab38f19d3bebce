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
    /// The two sides of the two-sided acts of the two sentences before and of this one so far, oldest first: what
    /// "both sides" stands for ("Zelensky and Putin met in talks mediated by Turkey. Both sides agreed …").
    var storyPairs: [StoryPair] = []

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

/// Two sides of an act: a pair acting on each other (rank 3: "Armenia and Azerbaijan signed a peace deal"), joined
/// subjects (2: "Colombia and Venezuela met with Ecuador's Correa"), joined objects (1: "Qatar mediated between
/// Israel and Hamas"), or a source and a target of different countries (0).
struct StoryPair {
    var first: ActorMention
    var second: ActorMention
    var rank: Int

    /// The best pair of a sentence's events (each with its partners), if any.
    static func best(of events: [CodedEvent]) -> StoryPair? {
        var best: StoryPair?
        func offer(_ a: ActorMention, _ b: ActorMention, _ rank: Int) {
            guard let x = a.country, let y = b.country, x != y, !a.isPlace, !b.isPlace else { return }
            guard rank > (best?.rank ?? -1) else { return }
            let (first, second) = a.start <= b.start ? (a, b) : (b, a)
            best = StoryPair(first: first, second: second, rank: rank)
        }
        for (i, e) in events.enumerated() {
            guard let s = e.source else { continue }
            if let t = e.target { offer(s, t, e.mutual ? 3 : 0) }
            for f in events[(i + 1)...] where f.anchor == e.anchor && f.code == e.code {
                guard let fs = f.source else { continue }
                if let t = e.target, let ft = f.target, fs.country == t.country, ft.country == s.country {
                    offer(s, t, 3)
                } else if fs.country != s.country {
                    offer(s, fs, 2)
                } else if let t = e.target, let ft = f.target, ft.country != t.country {
                    offer(t, ft, 1)
                }
            }
        }
        return best
    }
}
