/// Resolves definite descriptions of facilities ("the compound", "the diplomatic compound", "the base") to the
/// actor whose facility was named just before.
///
/// A facility phrase (`facilities.tsv`) inside or right after an actor phrase that names a country or a known
/// actor is an *antecedent*: "the U.S. embassy in Baghdad" is a diplomatic facility of `USAGOV`, "the Iraqi
/// military compound" one of `IRQMIL`, "Kata'ib Hezbollah bases" a military one of `IRQREB`. A facility phrase
/// after "the" and at most three other words that belong to no actor phrase is a *description*. It stands for
/// the last antecedent of its kind earlier in the same sentence, else the last one of the previous sentence
/// (generic nouns such as "compound" are of kind `any` and take an antecedent of any kind). A description with
/// no antecedent is left as it was: an "embassy" with no country still takes the country of the event's place.
///
/// Resolved descriptions are antecedents in turn, so "the compound" of the next sentence finds them too.
/// Quoted posts start afresh, as pronouns do.
struct FacilityReferences {
    private struct Antecedent {
        var kind: Int32
        var actor: ActorMention
    }

    let lexicon: Lexicon
    let tokens: [Token]
    private let the: Int32
    private var previous: [Antecedent] = []

    init(lexicon: Lexicon, tokens: [Token]) {
        self.lexicon = lexicon
        self.tokens = tokens
        the = lexicon.vocabulary.lookup("the")
    }

    /// Forgets the previous sentence's facilities (a new quoted post begins).
    mutating func reset() {
        previous.removeAll(keepingCapacity: true)
    }

    /// Rewrites (or adds) the mentions of resolved descriptions in the sentence `start..<end`; `mentions` stay
    /// ordered by start.
    mutating func resolve(_ mentions: inout [ActorMention], _ start: Int, _ end: Int) {
        var current: [Antecedent] = []
        var k = start
        while k < end {
            let token = tokens[k]
            guard token.kind == .word, token.id >= 0, lexicon.facilityFirst[Int(token.id)] else {
                k += 1
                continue
            }
            let match = lexicon.match(tokens, at: k, limit: end)
            guard match.facility >= 0 else {
                k += 1
                continue
            }
            let span = k..<match.facilityEnd
            let kind = match.facility
            k = match.facilityEnd
            if let owner = mentions.last(where: {
                $0.hasCountry && !$0.pronoun && !$0.isInstrument && $0.start < span.upperBound
                    && span.lowerBound <= $0.end
            }) {
                current.append(Antecedent(kind: kind, actor: owner))
                continue
            }
            guard let from = descriptionStart(span.lowerBound, start, mentions),
                let antecedent = current.last(where: { kind == 0 || $0.kind == kind })
                    ?? previous.last(where: { kind == 0 || $0.kind == kind })
            else { continue }
            let resolved = rewrite(&mentions, from: from, to: span.upperBound, as: antecedent.actor)
            current.append(Antecedent(kind: antecedent.kind, actor: resolved))
        }
        swap(&previous, &current)
    }

    /// The first word after "the" when the facility phrase at `facility` is a definite description: "the",
    /// then up to three words that are not in any actor phrase ("the fortified diplomatic compound").
    private func descriptionStart(_ facility: Int, _ start: Int, _ mentions: [ActorMention]) -> Int? {
        // A mention that begins before the facility phrase ("militia base") makes it someone's facility.
        if mentions.contains(where: { $0.start < facility && facility < $0.end }) { return nil }
        var k = facility - 1
        while k >= start && facility - k <= 4 {
            let token = tokens[k]
            guard token.kind == .word else { return nil }
            if token.id == the { return k + 1 }
            if mentions.contains(where: { $0.start <= k && k < $0.end }) { return nil }
            let wordClass = lexicon.wordClass(token.id)
            if !wordClass.isDisjoint(with: [.determiner, .preposition, .function, .barrier, .speech, .conjunction]) {
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// Makes `from..<to` a mention of `actor` (keeping an existing mention's extent) and returns it.
    private func rewrite(_ mentions: inout [ActorMention], from: Int, to: Int, as actor: ActorMention)
        -> ActorMention
    {
        var mention = ActorMention(
            start: from, end: to, name: actor.name, country: actor.country, role: actor.role, named: actor.named,
            possessive: to < tokens.count && tokens[to].kind == .possessive, weapon: nil, pronoun: false,
            isPlace: false, namedCode: actor.namedCode)
        if let index = mentions.firstIndex(where: { $0.start < to && from < $0.end }) {
            // The facility noun was already read as a countryless role ("embassy", "base").
            mention.end = max(to, mentions[index].end)
            mention.possessive = mentions[index].possessive
            mentions[index] = mention
        } else {
            let index = mentions.firstIndex { $0.start >= to } ?? mentions.endIndex
            mentions.insert(mention, at: index)
        }
        return mention
    }
}
