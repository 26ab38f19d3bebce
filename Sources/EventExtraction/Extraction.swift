import ArticleParsing

/// One run of the extractor over one article body.
struct Extraction {
    let lexicon: Lexicon
    let bytes: [UInt8]
    let tokens: [Token]
    let published: CalendarDay?

    init(lexicon: Lexicon, body: String, published: CalendarDay?) {
        self.lexicon = lexicon
        var bytes = Array(body.utf8)
        self.tokens = bytes.withUnsafeMutableBufferPointer { lexicon.tokenizer.tokenize(UnsafeBufferPointer($0)) }
        self.bytes = bytes
        self.published = published
    }

    func run() -> [ExtractedEvent] {
        let (sentences, posts) = SentenceSplitter(lexicon: lexicon).split(tokens)
        var finder = MentionFinder(lexicon: lexicon, bytes: bytes, tokens: tokens)
        let resolver = DateResolver(lexicon: lexicon)
        let coder = EventCoder(lexicon: lexicon, bytes: bytes, tokens: tokens)
        var facilities = FacilityReferences(lexicon: lexicon, tokens: tokens)

        // Quoted posts: their author speaks "we" and "I"; their date is the reference for "today".
        var postAuthors: [ActorMention?] = []
        var postDates: [CalendarDay?] = []
        for post in posts {
            var places: [(start: Int, end: Int, place: Int32)] = []
            var author: ActorMention?
            if let h = post.handle { author = finder.find(h, h + 1, places: &places).first { !$0.pronoun } }
            if author == nil {
                author = finder.find(post.authorStart, post.authorEnd, places: &places).first { !$0.pronoun }
            }
            postAuthors.append(author)
            let dates = resolver.find(in: tokens, post.dateStart, post.end, reference: published ?? fallbackDay)
            postDates.append(dates.first?.date.day)
        }

        var events: [ExtractedEvent] = []
        var seen: [String: Int] = [:]
        var previousActor: ActorMention?
        var previousDate: DateMention?
        // The first day-precise date of the article's own text: the day the story is about, dating undated
        // paragraphs in the place of the publication day.
        var storyDate: DateMention?
        // The last date the story's own text gave, kept across paragraphs: what "hours later" or "the next day"
        // opening a paragraph counts from, where an undated sentence goes back to the story's day.
        var lastGivenDate: DateMention?
        var previousPost: Int? = -1
        // Who did the forceful acts (coercion, assault, fighting) so far: "Iran condemned the strikes" targets
        // the first one not of the condemner's country (a story's lead reports the act it is about; later
        // paragraphs add interceptions and background), unless the sentence names the agent.
        var forceful: [ActorMention] = []
        var shows: [ActorMention] = []
        // The first act of force between two countries the story reports: the sides of violence whose sentence
        // names nobody ("The offensive began on Wednesday with air strikes on towns along the border").
        var firstForce: (source: ActorMention, target: ActorMention)?
        // The actors of the sentence before: a conflictual act (demand, disapproval, threat, force; not a
        // protest) with no object in its own sentence is aimed at the other side the story just named ("…
        // the junta in Niger. Biden threatened on Monday to reimpose sanctions").
        var previousActors: [ActorMention] = []
        // The two sides of each sentence's two-sided acts (``StoryPair``): "both sides" two sentences later.
        var pairs: [(sentence: Int, pair: StoryPair)] = []
        // The acts coded so far that name both sides, latest last: whom an act named by a noun that leaves a side
        // unnamed ("The strike on Monday flattened the consular building") refers back to.
        var sidedActs: [SidedAct] = []
        var startAt: [Int] = []
        var endAt: [Int] = []
        let storyCountry = sentences.first { $0.post == nil }.flatMap(datelineCountry)
        for (index, sentence) in sentences.enumerated() {
            if sentence.post != previousPost {
                previousActor = nil
                // A quoted post starts afresh; the story after it is back on its own day.
                previousDate = sentence.post == nil ? storyDate : nil
                previousPost = sentence.post
                facilities.reset()
            }
            var places: [(start: Int, end: Int, place: Int32)] = []
            // Actors, places and dates are looked for after a dateline only: its date is the day the story was
            // filed, not that of the events it reports ("KYIV, Feb 25 — … early on Thursday").
            let bodyStart = datelineEnd(sentence) ?? sentence.start
            var mentions = finder.find(bodyStart, sentence.end, places: &places)
            facilities.resolve(&mentions, sentence.start, sentence.end)
            let count = sentence.end - sentence.start
            startAt.removeAll(keepingCapacity: true)
            endAt.removeAll(keepingCapacity: true)
            startAt.append(contentsOf: repeatElement(-1, count: count))
            endAt.append(contentsOf: repeatElement(-1, count: count))
            var context = SentenceContext(
                sentence: sentence, mentions: [], startAt: [], endAt: [], places: places, dates: [],
                reference: nil, speaker: nil, previousActor: previousActor, previousDate: previousDate,
                storyCountry: storyCountry)
            for (m, mention) in mentions.enumerated() {
                startAt[mention.start - sentence.start] = m
                endAt[mention.end - 1 - sentence.start] = m
            }
            context.mentions = mentions
            context.startAt = startAt
            context.endAt = endAt
            for m in mentions.indices where !mentions[m].named && mentions[m].role == nil && !mentions[m].pronoun {
                if coder.isLocative(mentions[m], context) { mentions[m].isPlace = true }
            }
            context.mentions = mentions
            context.previousActors = previousActors
            pairs.removeAll { $0.sentence < index - 2 }  // only the two sentences before count
            context.storyPairs = pairs.map(\.pair)
            let reference = sentence.post.flatMap { postDates[$0] } ?? published
            context.reference = reference
            context.speaker = sentence.post.flatMap { postAuthors[$0] }
            context.dates = resolver.find(in: tokens, bodyStart, sentence.end, reference: reference)
            // "A day earlier", "the next day": from the date the sentence gave before, else the story's last one.
            for d in context.dates.indices where context.dates[d].shift != nil {
                // ("Drones struck Kyiv overnight, officials said on Sunday": a night that ends on the same day as
                // the sentence's own date, wherever it stands.)
                let own = { (m: DateMention) in m.shift == nil && !m.possessive }
                let anchor = context.dates[..<d].last(where: own)?.date
                    ?? (context.dates[d].shift == 0 ? context.dates[(d + 1)...].first(where: own)?.date : nil)
                    ?? (sentence.post == nil ? lastGivenDate ?? previousDate : previousDate)?.date
                context.dates[d] = context.dates[d].anchored(to: anchor)
            }
            if sentence.post == nil, let reference {
                respeakQuotedDates(&context.dates, sentence, reference: reference, carried: previousDate)
            }

            var coded: [CodedEvent] = []
            defer { if let pair = StoryPair.best(of: coded) { pairs.append((index, pair)) } }
            for var event in coder.code(context) {
                if event.source == nil && event.target == nil {
                    guard let firstForce else { continue }
                    event.source = firstForce.source
                    event.target = firstForce.target
                }
                if event.target == nil, let act = coder.condemnedAct(of: event) {
                    event.target = coder.findAgent(after: act, context)
                        ?? (forceful + shows).first { $0.country != event.source?.country }
                } else if event.target == nil, !event.noun, !event.ownCountry, (10...20).contains(event.code.root),
                    event.code.root != 14,
                    !event.code.rawValue.hasPrefix("172"), !coder.actsAlongside(event.anchor, context),
                    let source = event.source, let country = source.country,
                    // "Soldiers seized power in Gabon": an act in the actor's own country aims at no other side.
                    event.location?.country != country
                {
                    // ("Canada and China struck back with tariffs": a partner listed with the source acts with it.)
                    let partners = coder.others(listedWith: source, context)
                    let before = mentions.filter { m in m.end <= event.anchor && !partners.contains { $0.start == m.start } }
                    func other(_ m: ActorMention) -> Bool {
                        !m.pronoun && !m.isPlace && m.country != nil && m.country != country
                    }
                    // "Australia called for her release. India expressed deep concern": disapproval or a threat
                    // naming nobody is of or against whoever used force in the story, not the last one to react.
                    let reacted =
                        event.code.root == 11 || event.code.root == 13 ? (forceful + shows).first(where: other) : nil
                    event.target =
                        before.reversed().first(where: other) ?? reacted ?? previousActors.first(where: other)
                }
                // "Sargsyan resigned", "Saied dismissed the government", "Israelis poured into the streets": an act
                // inside the actor's own country that names nobody else is aimed at that country.
                // So is fighting told to be in the fighter's own country ("The M23 captured the towns of Kiwanja and
                // Rutshuru", "Rebels seized the town of Goma"): an internal conflict.
                if event.target == nil, let source = event.source, let country = source.country,
                    Extraction.isInternal(event.code) && (event.location?.country ?? country) == country
                        || event.code.root == 19 && !event.noun && event.location?.country == country,
                    let info = lexicon.countries[country]
                {
                    event.target = ActorMention.implied(country: country, name: info.name, at: event.anchor)
                }
                // "The opposition rejected the results": what its own authorities announced (an `own-country`
                // pattern), when a party or group of no state role rejects them ("Russia rejected the results of the
                // inquiry" stays aimed at whoever the story names).
                if event.target == nil, event.ownCountry, let source = event.source, let country = source.country,
                    let role = source.role, ActorCode.nonStateRoles.contains(role), let info = lexicon.countries[country]
                {
                    event.target = ActorMention.implied(country: country, name: info.name, role: "GOV", at: event.anchor)
                }
                // "Pashinyan was released on Monday", "he had been placed under house arrest": such an act with no
                // agent, in the country of the one it is done to (where it happened or where the story is filed
                // from), is that country's.
                if event.source == nil, Extraction.isInternal(event.code), let target = event.target,
                    let country = target.country, event.location?.country == country || storyCountry == country,
                    let info = lexicon.countries[country]
                {
                    event.source = ActorMention.implied(country: country, name: info.name, at: event.anchor)
                }
                // "Pakistan's high commissioner in New Delhi was expelled", "China's ambassador was summoned in
                // Canberra": a diplomat expelled or summoned by nobody named, in another country than the diplomat's,
                // is so treated by that country.
                if event.source == nil, event.code.rawValue == "110" || event.code.rawValue.hasPrefix("166"),
                    let country = event.location?.country, let target = event.target, let other = target.country,
                    other != country, let info = lexicon.countries[country]
                {
                    event.source = ActorMention.implied(
                        country: country, name: info.name, role: "GOV", at: event.anchor)
                }
                if event.noun && !event.between { event.fillSides(from: sidedActs) }
                // "Seven Guards officers were killed": violence with no agent in its sentence is by whoever the
                // story has seen using force against the victims' side.
                if event.source == nil, !event.noun, (18...20).contains(event.code.root), let target = event.target,
                    let country = target.country
                {
                    event.source = forceful.first { $0.country != nil && $0.country != country }
                }
                // "Kishida called the launch barbaric": a show of force is condemned too, after any attack.
                // (Not one at home: "Norway said it would deploy its military to protect its installations".)
                if event.code.root == 15, let source = event.source, source.hasCountry,
                    event.target.map({ $0.country == nil || $0.country != source.country }) ?? true
                {
                    shows.append(source)
                }
                if (17...20).contains(event.code.root), let source = event.source, source.hasCountry {
                    forceful.append(source)
                    if firstForce == nil, event.code.root >= 18, let target = event.target, let country = target.country,
                        source.country != nil, source.country != country
                    {
                        firstForce = (source, target)
                    }
                }
                coded.append(event)
                if let act = SidedAct(event) { sidedActs.append(act) }
                let key = "\(event.code.rawValue)|\(event.source?.code ?? "")|\(event.target?.code ?? "")|"
                    + "\(event.date?.day.description ?? "")"
                let made = makeEvent(event, index, sentence, context)
                // One event per article and key: keep the mention the coder is surest of.
                if let existing = seen[key] {
                    if made.confidence > events[existing].confidence { events[existing] = made }
                    continue
                }
                seen[key] = events.count
                events.append(made)
            }

            if let first = mentions.first(where: { !$0.pronoun && $0.hasCountry && !$0.isPlace }) {
                previousActor = first
            }
            previousActors = mentions.filter { !$0.pronoun && !$0.isPlace }
            // The story's time stays that of the last date until the paragraph ends: "Under the pact, unveiled
            // on Wednesday, … The pact was announced at … As part of it, Australia scrapped …". A paragraph whose
            // last sentence gives a date hands it on; otherwise the next paragraph goes back to the day of the
            // lead's first date: what a later paragraph tells without a date of its own ("The two leaders signed
            // a joint statement at the end of the meeting") is most often the story's main event, not something
            // that happened on the day the article went out.
            // A past-perfect clause's date is background ("The Houthis had fired drones at a warship on Tuesday"):
            // the rest of its paragraph tells that past ("Some protesters stormed offices"), but the story's own
            // time does not move to it, and the next paragraph is back on the story's day.
            // (Nor does a date inside a relative aside: "Akar, who was taken hostage on Friday evening, was freed".)
            let given = context.dates.first { !$0.possessive && coder.relativeAside(around: $0, context) == nil }
            let background = given.map { coder.isPastPerfect($0, context) } ?? false
            if let date = given {
                previousDate = date
                // ("The same day", "a day later" count from a day: not from "in October" of a background clause.)
                if sentence.post == nil && !background && date.date.precision == .day { lastGivenDate = date }
                if storyDate == nil, sentence.post == nil, date.date.precision == .day, !background {
                    // It stands in for the publication day, and is as rough: a paragraph's undated report of a
                    // second call is not the first call of a week before (``EventDate/toleranceDays``).
                    storyDate = date
                    storyDate?.date.provenance = .articleDate
                }
            }
            if given == nil || background, index + 1 < sentences.count,
                tokens[sentences[index + 1].start].block != tokens[sentence.start].block
            {
                previousDate = sentences[index + 1].post == nil ? storyDate : nil
            } else if given != nil, index + 1 < sentences.count, sentences[index + 1].post == nil,
                tokens[sentences[index + 1].start].block != tokens[sentence.start].block,
                opensOtherTopic(sentences[index + 1], after: mentions, finder: &finder)
            {
                // "… reinforced its presence on Friday, its defence ministry said." then "Earlier, Venezuela's
                // Maduro accused …": a paragraph opening on background with another actor is not Friday's.
                previousDate = storyDate
            }
        }
        return events
    }

    private var fallbackDay: CalendarDay? { nil }

    /// "\"Today we follow the will of the people,\" Diab said." told of Monday's address: inside a quotation,
    /// "today" and "yesterday" are the speaker's, counted from the day the sentence gives the words (a date of its
    /// own outside the quotes, else the one carried from the sentences before), not from the day the article went out.
    private func respeakQuotedDates(
        _ dates: inout [DateMention], _ sentence: Sentence, reference: CalendarDay, carried: DateMention?
    ) {
        // Most sentences have no "today": they are spared the scan for quotation marks.
        guard dates.contains(where: \.deictic) else { return }
        let quoted = dates.map { sentence.isQuoted($0.start, tokens: tokens, bytes: bytes) }
        guard dates.indices.contains(where: { dates[$0].deictic && quoted[$0] }) else { return }
        let told = dates.indices.first { !quoted[$0] && !dates[$0].deictic && !dates[$0].possessive }.map { dates[$0] }
        guard let speech = told ?? carried, speech.date.precision == .day else { return }
        for d in dates.indices where quoted[d] {
            dates[d] = dates[d].spoken(on: speech.date.day, reference: reference)
        }
    }

    /// Whether a paragraph's first sentence opens on background ("Earlier,", "Previously,", "Last year,", "In 2019,",
    /// "Since 2014,", "Back in …") and its first actor is of none of the countries of the sentence before
    /// (`previous`): the date the last paragraph gave is not its own.
    private func opensOtherTopic(
        _ next: Sentence, after previous: [ActorMention], finder: inout MentionFinder
    ) -> Bool {
        let k = next.start
        func word(_ j: Int) -> String? {
            j < next.end && tokens[j].kind == .word && tokens[j].id >= 0 ? lexicon.vocabulary.word(tokens[j].id) : nil
        }
        guard k + 1 < next.end, let first = word(k) else { return false }
        let opener: Bool
        switch first {
        case "earlier", "previously", "before", "back", "since": opener = true
        case "last": opener = word(k + 1) == "year" || word(k + 1) == "month"
        case "in":
            // "In 2019,", "In the past,"
            opener = tokens[k + 1].kind == .number && tokens[k + 1].end - tokens[k + 1].start == 4
                || word(k + 1) == "the" && word(k + 2) == "past"
        default: opener = false
        }
        guard opener else { return false }
        var places: [(start: Int, end: Int, place: Int32)] = []
        let countries = Set(previous.compactMap { $0.isPlace || $0.pronoun ? nil : $0.country })
        guard let actor = finder.find(next.start, next.end, places: &places).first(where: { !$0.isPlace }),
            !actor.pronoun, let country = actor.country
        else { return false }
        return !countries.contains(country)
    }

    /// Acts a country does within itself: protests (14), coercion of its own people and institutions (17, but
    /// not expelling or hacking others, nor martial law), resigning, yielding to demands, releasing people, easing
    /// restrictions.
    static func isInternal(_ code: CAMEOCode) -> Bool {
        let raw = code.rawValue
        if code.root == 14 { return true }
        // (Martial law and states of emergency stay aimed at nobody: the unit tests keep them so.)
        if code.root == 17 { return !raw.hasPrefix("174") && !raw.hasPrefix("176") && raw != "1723" }
        return raw.hasPrefix("0831") || raw == "083" || raw.hasPrefix("0841") || raw.hasPrefix("081")
            || raw.hasPrefix("082")
    }

    /// Where a dateline that opens the sentence ends ("KYIV, Ukraine —", "TOKYO/SEOUL —", "KYIV, Feb 25 —"):
    /// the place the story was filed from is not the subject of the sentence it precedes.
    private func datelineEnd(_ sentence: Sentence) -> Int? {
        let first = tokens[sentence.start]
        guard first.kind == .word, first.flags.contains(.allCaps), first.end - first.start >= 3 else { return nil }
        var k = sentence.start + 1
        while k < min(sentence.end, sentence.start + 10) {
            switch tokens[k].kind {
            case .dash: return k + 1
            case .word where tokens[k].flags.contains(.capitalized): k += 1
            case .comma, .number, .other, .openParen, .closeParen: k += 1
            default: return nil
            }
        }
        return nil
    }

    /// The country of the first place in a dateline ("YANGON —", "ABUJA/NIAMEY —", "KYIV, Ukraine —").
    private func datelineCountry(_ sentence: Sentence) -> String? {
        guard let end = datelineEnd(sentence) else { return nil }
        for k in sentence.start..<end where tokens[k].kind == .word && lexicon.startsPhrase(tokens[k]) {
            let match = lexicon.match(tokens, at: k, limit: end)
            if match.place >= 0, let country = lexicon.places[Int(match.place)].country { return country }
        }
        return nil
    }

    private func makeEvent(_ e: CodedEvent, _ index: Int, _ sentence: Sentence, _ c: SentenceContext)
        -> ExtractedEvent
    {
        let range = Int(tokens[sentence.start].start)..<Int(tokens[sentence.end - 1].end)
        let text = String(decoding: bytes[range], as: UTF8.self)
        var confidence = 0.55
        if e.source != nil && e.target != nil { confidence += 0.15 } else { confidence -= 0.1 }
        switch e.date?.provenance {
        case .explicit?: confidence += 0.1
        case .relative?: confidence += 0.05
        case .articleDate?, nil: confidence -= 0.1
        }
        if e.date?.precision == .approximate { confidence -= 0.05 }
        if e.noun { confidence -= 0.1 }
        if sentence.post != nil { confidence -= 0.05 }
        if e.source?.country == nil && e.source != nil && !(e.source?.named ?? false) { confidence -= 0.05 }

        var quality = 0.35 / (1 + Double(index) * 0.2)
        if e.source != nil && e.target != nil { quality += 0.2 }
        if let p = e.date?.provenance, p != .articleDate { quality += 0.15 }
        let words = tokens[sentence.start..<sentence.end].reduce(0) { $0 + ($1.kind == .word ? 1 : 0) }
        quality += words >= 10 && words <= 35 ? 0.15 : words < 10 ? 0.05 : 0.08
        let last = tokens[sentence.end - 1].kind
        let headline = !(last == .period || last == .quote || last == .exclamation)
        if sentence.post == nil && !headline { quality += 0.15 }

        return ExtractedEvent(
            code: e.code, source: e.source?.ref, target: e.target?.ref, location: e.location?.name,
            locationCountry: e.location?.country, date: e.date, sentenceIndex: index, sentence: text, range: range,
            confidence: min(0.95, max(0.05, confidence)), summaryQuality: min(1, quality))
    }
}
