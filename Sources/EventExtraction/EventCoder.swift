import ArticleParsing

/// An event before it becomes an ``ExtractedEvent``.
struct CodedEvent {
    var code: CAMEOCode
    var source: ActorMention?
    var target: ActorMention?
    var location: Place?
    var date: EventDate?
    var anchor: Int
    var noun: Bool
    /// A pair that acted on each other ("the two leaders signed"): the reverse is an event too.
    var mutual = false
    /// Naming nobody, it is aimed at the source's own country (the pattern's `own-country` flag).
    var ownCountry = false
    /// Named by a noun before "between" ("talks between the generals and the opposition"): its sides are told,
    /// even when a dictionary knows only one of them, so it refers back to no earlier act.
    var between = false
}

/// Codes the events of one sentence from verb patterns, PETRARCH-style but shallow: find a pattern, check it
/// is asserted (not negated, conditional, hedged, infinitive or a question), find the subject to its left and
/// the object to its right (swapped in the passive, the agent after "by"), refine the code by weapon and by
/// the source's role, then attach the nearest date and place.
struct EventCoder {
    let lexicon: Lexicon
    let bytes: [UInt8]
    let tokens: [Token]

    func cls(_ k: Int) -> WordClass { tokens[k].kind == .word ? lexicon.wordClass(tokens[k].id) : [] }

    /// The word at `k`, lowercased as the vocabulary keeps it; nil for other tokens and unknown words.
    func word(_ k: Int) -> String? {
        tokens[k].kind == .word && tokens[k].id >= 0 ? lexicon.vocabulary.word(tokens[k].id) : nil
    }

    func endsWith(_ k: Int, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        let t = tokens[k]
        guard t.kind == .word, Int(t.end - t.start) > count + 1 else { return false }
        let base = suffix.utf8Start
        let end = Int(t.end)
        for offset in 0..<count where bytes[end - count + offset] | 0x20 != base[offset] { return false }
        return true
    }

    /// Whether the token at `k` is the word `text` (lowercase ASCII), read from the bytes: for words no
    /// dictionary lists.
    func isText(_ k: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        let t = tokens[k]
        guard t.kind == .word, Int(t.end - t.start) == count else { return false }
        let base = text.utf8Start
        for offset in 0..<count where bytes[Int(t.start) + offset] | 0x20 != base[offset] { return false }
        return true
    }

    func isAdverb(_ k: Int) -> Bool {
        tokens[k].kind == .word && (tokens[k].flags.contains(.adverb) || cls(k).contains(.adverb))
    }

    func hasPatterns(_ k: Int) -> Bool {
        tokens[k].kind == .word && tokens[k].id >= 0 && lexicon.patterns[tokens[k].id] != nil
    }

    /// The forceful act a disapproval, rejection or threat is about, when one is named right after its verb
    /// ("condemned the attack", "denounced Saturday's strikes", "condemned a cross-border attack"): its index.
    func condemnedAct(of event: CodedEvent) -> Int? {
        guard [11, 12, 13].contains(event.code.root), !event.noun else { return nil }
        var k = event.anchor + 1
        while k < min(tokens.count, event.anchor + 6) {
            let token = tokens[k]
            let wordClass = cls(k)
            if wordClass.contains(.actNoun) { return k }
            let isWeekday = token.kind == .word && token.id >= 0 && lexicon.weekdays[Int(token.id)] > 0
            // "condemned the \"barbaric\" attack", "denounced the brutal strikes": a lowercase word of no class and
            // no pattern is an adjective.
            let isAdjective = token.kind == .word && !token.flags.contains(.capitalized) && wordClass.isEmpty
                && !hasPatterns(k)
            guard token.kind == .possessive || token.kind == .quote || isWeekday || wordClass.contains(.determiner)
                || wordClass.contains(.modifier) || isCompoundModifier(k) || isAdjective
            else { return nil }
            k += 1
        }
        return nil
    }

    /// Whether the tokens ending at `j` are up to four adjectives (lowercase words of no class, pattern or actor,
    /// with an adjective's ending), joined by "and" or commas, right after a determiner ("these reckless and
    /// dangerous", "the brutal, unprovoked").
    func adjectivesAfterDeterminer(endingAt j: Int, _ c: SentenceContext) -> Bool {
        var d = j
        var adjectives = 0
        while d > c.start, j - d <= 6 {
            if tokens[d].kind == .comma || isText(d, "and") {
                guard adjectives > 0 else { return false }
                d -= 1
                continue
            }
            let t = tokens[d]
            guard t.kind == .word, !t.flags.contains(.capitalized), cls(d).isEmpty, !hasPatterns(d),
                c.mention(containing: d) == nil,
                EventCoder.adjectiveEndings.contains(where: { endsWith(d, $0) })
                    || EventCoder.ordinals.contains(where: { isText(d, $0) })
            else { break }
            adjectives += 1
            d -= 1
        }
        return adjectives > 0 && adjectives <= 4 && d >= c.start && tokens[d].kind == .word
            && cls(d).contains(.determiner)
    }

    /// ("the first attack", "a second raid": ordinals describe the noun after them.)
    private static let ordinals: [StaticString] = ["first", "second", "third", "fourth", "fifth", "final"]

    private static let adjectiveEndings: [StaticString] = [
        "ous", "ful", "less", "ive", "al", "ic", "ed", "ble", "ent", "ant", "ary", "ly", "est", "ing", "ish", "ist",
    ]

    /// A lowercase word with a hyphen that no dictionary knows ("night-time", "large-scale").
    func isCompoundModifier(_ k: Int) -> Bool {
        let t = tokens[k]
        return t.kind == .word && t.id < 0 && !t.flags.contains(.capitalized) && !t.flags.contains(.affiliation)
            && bytes[Int(t.start)..<Int(t.end)].contains(UInt8(ascii: "-"))
    }

    /// A determiner, possessive or number right before the word makes it a noun ("an attack", "Tuesday's attack").
    func isNounUsage(_ k: Int, _ c: SentenceContext) -> Bool {
        // "missiles and air strikes": a word inside a weapon or actor phrase belongs to a noun phrase.
        if let m = c.mention(containing: k), m.start < k { return true }
        var j = k - 1
        while j > c.start && tokens[j].kind == .quote { j -= 1 }
        // "a night-time raid", "a cross-border attack": a hyphenated modifier between determiner and noun.
        if j > c.start, isCompoundModifier(j), !endsWith(k, "ed") { j -= 1 }
        // "France's sudden move", "Ghana's surprise decision": an adjective between a possessive and the word.
        if j > c.start, tokens[j - 1].kind == .possessive, tokens[j].kind == .word,
            !tokens[j].flags.contains(.capitalized), cls(j).isEmpty, !hasPatterns(j), !endsWith(k, "ed"),
            c.mention(containing: j) == nil
        {
            return true
        }
        // "these reckless and dangerous attacks", "the brutal, unprovoked attack": adjectives between a determiner
        // and the word.
        if j > c.start, !endsWith(k, "ed"), adjectivesAfterDeterminer(endingAt: j, c) { return true }
        // "the reported assault", "an attempted coup": a past participle between a determiner and a bare form
        // describes a noun, even one that is a verb of its own.
        if j > c.start, endsWith(j, "ed"), !endsWith(k, "ed"), !endsWith(k, "ing"), cls(j - 1).contains(.determiner) {
            return true
        }
        guard j >= c.start else { return false }
        let p = tokens[j]
        if p.kind == .possessive || (p.kind == .number && endsWith(k, "s")) { return true }
        if p.kind == .word {
            let pc = lexicon.wordClass(p.id)
            if pc.contains(.determiner) { return true }
            // "an alleged raid", but "Pakistan's army chief vowed": after a modifier, a past form is the verb.
            if pc.contains(.modifier), !endsWith(k, "ed"), !cls(k).contains(.participle) { return true }
            // "other detained officials", "fellow jailed activists": a past form between a modifier and an actor
            // describes the actor.
            if pc.contains(.modifier), endsWith(k, "ed"), c.mention(startingAt: k + 1) != nil { return true }
            if pc.contains(.preposition) && !pc.contains(.to) && !pc.contains(.by) && !endsWith(k, "ing") { return true }
            // "strikes on Houthi targets": a plural after an actor in a prepositional phrase is a noun (a past form
            // is a verb: "strikes on Iran killed five").
            // So is one right after a weapon: "missile strikes", "drone attacks" ("missiles struck" is a verb).
            if endsWith(k, "s"), !endsWith(k, "ss"), let m = c.mention(endingAt: j + 1), !m.pronoun,
                m.weapon != nil || preposition(before: m, c) != nil
            {
                return true
            }
            // "Pompeo postpones Ukraine visit": a bare verb form after a country name is a noun; a past form
            // ("Iran struck", "China held") is not.
            if let m = c.mention(endingAt: j + 1), m.role == nil, !m.named, !m.pronoun, !endsWith(k, "ed"),
                !endsWith(k, "ing"), !endsWith(k, "s"), !cls(k).contains(.participle)
            {
                return true
            }
            // "a terrorist attack", "an army raid", "the police crackdown": a bare form after a singular role noun
            // that a determiner opens is a noun (a singular subject's present verb takes "-s").
            // (Also past adjectives: "a heinous terrorist attack", "a long-prepared terrorist attack".)
            if let m = c.mention(endingAt: j + 1), m.role != nil, !m.named, !m.pronoun, m.start > c.start,
                cls(m.start).contains(.determiner) || cls(m.start - 1).contains(.determiner)
                    || adjectivesAfterDeterminer(endingAt: m.start - 1, c)
                    || (m.start - 2 >= c.start && isCompoundModifier(m.start - 1)
                        && cls(m.start - 2).contains(.determiner)),
                !endsWith(j, "s"), !endsWith(k, "ed"), !endsWith(k, "ing"), !endsWith(k, "s"),
                !cls(k).contains(.participle)
            {
                return true
            }
        }
        return false
    }

    func code(_ c: SentenceContext) -> [CodedEvent] {
        var c = c
        var events: [CodedEvent] = []
        let isQuestion = c.end > c.start && tokens[c.end - 1].kind == .question
        guard !isQuestion else { return [] }
        var k = c.start
        var consumedUntil = -1
        while k < c.end {
            defer { k += 1 }
            guard k > consumedUntil, hasPatterns(k), let list = lexicon.patterns[tokens[k].id] else { continue }
            let noun = isNounUsage(k, c)
            for pattern in list {
                // Noun patterns ("attack on") read any form but a past tense; verb patterns need a verb.
                if pattern.flags.contains(.noun) {
                    if endsWith(k, "ed") { continue }
                } else if noun {
                    continue
                }
                // "Sanctions on Iran were lifted": in the passive, the pattern's object comes before its verb.
                var fronted: Int?
                var matched = match(pattern, at: k, c)
                if matched == nil, !pattern.flags.contains(.noun), let object = frontedObject(of: pattern, at: k, c) {
                    fronted = object
                    matched = (k, nil)
                }
                guard let (patternEnd, weapon) = matched else { continue }
                // A verb pattern's words are not anchors of their own ("carried out attacks").
                if !pattern.flags.contains(.noun) { consumedUntil = patternEnd }
                if blocked(k, pattern, c) { break }
                guard var event = analyse(k, patternEnd, pattern, weapon, c, fronted: fronted) else { break }
                consumedUntil = patternEnd
                if let intent = intentCode(of: event.code, at: k, pattern, c) { event.code = intent }
                if isRunningToll(event, at: k, c) { break }
                // "killed by a U.S. airstrike on Jan. 3": the noun inside an actor already used is no new event.
                if event.noun, events.contains(where: { e in
                    [e.source, e.target].contains { m in m.map { $0.start <= k && k < $0.end } ?? false }
                        && EventSignature.actionFamily(of: e.code) == EventSignature.actionFamily(of: event.code)
                }) {
                    break
                }
                if event.noun, isObjectOfItsFamily(event, at: k, coded: events) { break }
                event.anchor = k
                let added = [event] + partners(of: event, c)
                events += added
                // "… met on Monday, and both sides agreed": the pair is a side of the sentence's later acts.
                if let pair = StoryPair.best(of: added) { c.storyPairs.append(pair) }
                break
            }
        }
        // "Saied announced that he had sacked the prime minister": an announcement whose content is an act the
        // sentence codes adds nothing to it.
        if let lastAct = events.last(where: { $0.code.root != 1 })?.anchor,
            events.contains(where: { $0.code.rawValue == "010" && $0.anchor < lastAct })
        {
            events.removeAll { $0.code.rawValue == "010" && $0.anchor < lastAct }
        }
        return events
    }

    /// "Egypt and Qatar mediated talks between Israel and Hamas": whether the noun event at `k` is the object of a
    /// verb of its family right before it, whose event tells it.
    func isObjectOfItsFamily(_ event: CodedEvent, at k: Int, coded events: [CodedEvent]) -> Bool {
        let family = EventSignature.actionFamily(of: event.code)
        return events.contains { e in
            e.anchor < k && k - e.anchor <= 3 && EventSignature.actionFamily(of: e.code) == family
        }
    }

    /// For a pattern of a verb and its object ("lift+ * sanctions") whose verb is a passive participle: the index
    /// of the object named before it in the same clause ("Sanctions on Iran were lifted", "The deal was signed").
    func frontedObject(of pattern: VerbPattern, at anchor: Int, _ c: SentenceContext) -> Int? {
        guard pattern.elements.count == 3, case .gap = pattern.elements[1],
            case .words(let ids, orWeapon: false) = pattern.elements[2],
            endsWith(anchor, "ed") || cls(anchor).contains(.participle)
        else { return nil }
        var be = anchor - 1
        while be > c.start, tokens[be].kind == .word, isAdverb(be) { be -= 1 }
        // A past act ("were lifted", "have been severed"), not a state ("where US forces are stationed").
        guard be > c.start, cls(be).contains(.beForm) else { return nil }
        let form = word(be)
        guard form == "was" || form == "were" || form == "been" else { return nil }
        if form == "been", be - 1 > c.start, cls(be - 1).contains(.auxiliary) { be -= 1 }
        var k = be - 1
        // "pupils who were seized": past "who", its antecedent: people an act was done to. (Not "that" or
        // "which": "The sanctions that were imposed on Iran in 2018 remain" tells a state, not the act.)
        if k > c.start, isText(k, "who") {
            k -= 1
        }
        while k >= c.start && be - k <= 7 {
            let t = tokens[k]
            if t.kind == .word && ids.contains(t.id) { return k }
            if t.kind != .word && t.kind != .number && t.kind != .possessive { return nil }
            if cls(k).contains(.barrier) || cls(k).contains(.speech) || (hasPatterns(k) && !isNounUsage(k, c)) {
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// Matches the pattern's elements after the anchor; returns the last matched token and any weapon.
    func match(_ pattern: VerbPattern, at anchor: Int, _ c: SentenceContext) -> (Int, CAMEOCode?)? {
        var j = anchor + 1
        var last = anchor
        var weapon: CAMEOCode?
        var gap = false
        for element in pattern.elements.dropFirst() {
            let found: (last: Int, weapon: CAMEOCode?)?
            switch element {
            case .gap:
                gap = true
                continue
            case .words(let ids, orWeapon: false):
                found = findWords(ids, from: j, gap: gap, c).map { ($0, nil) }
            case .weapon:
                found = findWeapon(from: j, gap: gap, c)
            case .quote:
                found = findBlame(from: j, gap: gap, anchor: anchor, c).map { ($0, nil) }
            case .words(let ids, orWeapon: true):
                // Whichever comes first: "carried out an air strike", "carried out raids".
                let word = findWords(ids, from: j, gap: gap, c)
                let arms = findWeapon(from: j, gap: gap, c)
                if let word, let arms {
                    found = word < arms.last ? (word, nil) : arms
                } else {
                    found = word.map { ($0, nil) } ?? arms
                }
            }
            guard let found else { return nil }
            last = found.last
            weapon = found.weapon ?? weapon
            j = found.last + 1
            gap = false
        }
        return (last, weapon)
    }

    /// One of `ids` at `j`, or after at most one adverb or date word, or anywhere in the next six tokens of the
    /// clause after a gap: its index.
    private func findWords(_ ids: [Int32], from j: Int, gap: Bool, _ c: SentenceContext) -> Int? {
        var k = j
        var skipped = 0
        while k < c.end && k - j - skipped <= (gap ? 6 : 1) {
            // "fired his deputy on Tuesday": after a gap, a preposition that opens a date is no pattern's word.
            if tokens[k].kind == .word && ids.contains(tokens[k].id) && !(gap && c.dates.contains { $0.start == k + 1 }) {
                return k
            }
            // "declared Mexico's ambassador, Raquel Serur, persona non grata": a name in apposition is skipped.
            if gap, let close = appositiveNameEnd(after: k, c) ?? parenthesisEnd(after: k, c) {
                skipped += close + 1 - k
                k = close + 1
                continue
            }
            // "refused on Friday to extend", "agreed on Tuesday to hold talks": a date between two of the pattern's
            // words.
            if !gap, let date = c.dates.first(where: { $0.start == k || ($0.start == k + 1 && word(k) == "on") }),
                !date.possessive, date.end > k
            {
                skipped += date.end - k
                k = date.end
                continue
            }
            // "was \"deeply concerned\" about": a quotation mark may close or open between two words.
            if !gap && !isAdverb(k) && !cls(k).contains(.dateWord) && tokens[k].kind != .quote { break }
            // A symbol in a gap is part of an amount ("pledged $300 million in aid"), a hyphen between two words
            // part of a compound ("agreed to a 72-hour truce").
            if tokens[k].kind != .word && tokens[k].kind != .number && tokens[k].kind != .quote
                && tokens[k].kind != .possessive && !(gap && (tokens[k].kind == .other || isGluedHyphen(k, c)))
            {
                break
            }
            if cls(k).contains(.barrier) || cls(k).contains(.speech) { break }
            k += 1
        }
        return nil
    }

    /// An opening quotation mark at `j`, or after a gap of up to six tokens of the clause, whose words blame: not
    /// praise ("called the talks \"constructive\""), nor a name ("called itself the \"Peace Council\""), nor
    /// after "what" ("what it called the \"final phase\"", a name the subject gives its own act). Its index.
    private func findBlame(from j: Int, gap: Bool, anchor: Int, _ c: SentenceContext) -> Int? {
        for k in max(c.start, anchor - 3)..<anchor where word(k) == "what" { return nil }
        var k = j
        while k < c.end && k - j <= (gap ? 6 : 0) {
            if tokens[k].kind == .quote {
                guard k + 1 < c.end, tokens[k + 1].kind == .word, !tokens[k + 1].flags.contains(.capitalized) else {
                    return nil
                }
                var q = k + 1
                while q < min(c.end, k + 6), tokens[q].kind != .quote {
                    // Read from the text: most of these words are in no dictionary.
                    let t = tokens[q]
                    let w = String(decoding: bytes[Int(t.start)..<Int(t.end)], as: UTF8.self).lowercased()
                    if EventCoder.praiseWords.contains(w) { return nil }
                    q += 1
                }
                return k
            }
            if tokens[k].kind != .word && tokens[k].kind != .number && tokens[k].kind != .possessive { return nil }
            if cls(k).contains(.barrier) || cls(k).contains(.speech) { return nil }
            k += 1
        }
        return nil
    }

    private static let praiseWords: Set<String> = [
        "historic", "constructive", "positive", "productive", "good", "great", "excellent", "success", "successful",
        "breakthrough", "important", "welcome", "fruitful", "friendly", "useful", "frank", "candid", "milestone",
        "significant", "forward", "encouraging", "promising", "hopeful", "landmark", "victory", "win", "wonderful",
        "fantastic", "terrific", "best", "beautiful", "brave", "courageous", "wise", "correct", "right", "fair",
        "legitimate", "necessary", "reasonable", "balanced", "honest", "sincere", "warm", "cordial",
    ]

    /// When a parenthesis opens at `k` and closes within eight tokens ("pledged 253 million euros ($298 million)
    /// in aid"): the closing one's index.
    private func parenthesisEnd(after k: Int, _ c: SentenceContext) -> Int? {
        guard tokens[k].kind == .openParen else { return nil }
        var e = k + 1
        while e < min(c.end, k + 9) {
            if tokens[e].kind == .closeParen { return e }
            if tokens[e].kind == .openParen { return nil }
            e += 1
        }
        return nil
    }

    /// A dash with no space on either side ("72-hour", "30-day").
    private func isGluedHyphen(_ k: Int, _ c: SentenceContext) -> Bool {
        tokens[k].kind == .dash && k > c.start && k + 1 < c.end && tokens[k - 1].end == tokens[k].start
            && tokens[k].end == tokens[k + 1].start
    }

    /// When a comma at `k` opens a name in apposition (one to four capitalized words, then a comma): the closing
    /// comma's index.
    private func appositiveNameEnd(after k: Int, _ c: SentenceContext) -> Int? {
        guard tokens[k].kind == .comma else { return nil }
        var e = k + 1
        while e < min(c.end, k + 6), tokens[e].kind == .word, tokens[e].flags.contains(.capitalized) { e += 1 }
        return e > k + 1 && e < c.end && tokens[e].kind == .comma ? e : nil
    }

    /// A weapon phrase starting at `j`, or within the next six tokens of the clause after a gap: its last token
    /// and code.
    private func findWeapon(from j: Int, gap: Bool, _ c: SentenceContext) -> (last: Int, weapon: CAMEOCode?)? {
        var k = j
        while k < c.end && k - j <= (gap ? 6 : 0) {
            let m = lexicon.match(tokens, at: k, limit: c.end)
            if m.weapon >= 0 { return (m.weaponEnd - 1, lexicon.weaponCodes[Int(m.weapon)]) }
            if tokens[k].kind != .word && tokens[k].kind != .number && tokens[k].kind != .possessive { break }
            if cls(k).contains(.barrier) || cls(k).contains(.speech) { break }
            k += 1
        }
        return nil
    }

    /// Negated, modal, infinitive, conditional or hedged: not an event that happened.
    func blocked(_ a: Int, _ pattern: VerbPattern, _ c: SentenceContext) -> Bool {
        let isNoun = pattern.flags.contains(.noun)
        if isLabel(a, c) { return true }
        if !isNoun, (18...20).contains(pattern.code.root) {
            var j = a - 1
            while j >= c.start, tokens[j].kind == .word, isAdverb(j) || cls(j).contains(.auxiliary) { j -= 1 }
            if j >= c.start, cls(j).contains(.policyNoun) { return true }
        }
        var k = a - 1
        var onlyAdverbs = true
        // "warned it could use force and imposed sanctions": a past form or participle after "and" is not
        // under the modal.
        var coordinated = false
        while k >= c.start && a - k <= 6 {
            let t = tokens[k]
            if t.kind != .word {
                if t.kind == .comma || t.kind == .semicolon || t.kind == .colon || t.kind == .dash { break }
                k -= 1
                continue
            }
            let wc = cls(k)
            // "could not accept the decision and had lodged a protest": past "and", the negation is another verb's.
            if wc.contains(.negation) && !coordinated { return true }
            if onlyAdverbs && wc.contains(.conjunction) && (endsWith(a, "ed") || endsWith(a, "ing")) { coordinated = true }
            if !isNoun && !coordinated && wc.contains(.blocker) && !pattern.flags.contains(.modalOK)
                && !announcedMeasure(k, c) && !saidDecision(k, a, pattern, c)
            {
                return true
            }
            // "India's decision to ban Chinese apps": an infinitive after a decision taken is the act itself.
            if !isNoun && onlyAdverbs && wc.contains(.to) && !followsDecision(k, c) {
                return true
            }
            if !isNoun && k == a - 1 && wc.contains(.preposition) && !wc.contains(.by) && endsWith(a, "ing")
                && !joinsIn(k, c)
            {
                return true
            }
            if wc.contains(.barrier) || wc.contains(.speech) { break }
            // An auxiliary ("and had lodged") keeps the verb group together, as an adverb does.
            if !isAdverb(k) && !wc.contains(.auxiliary) { onlyAdverbs = false }
            k -= 1
        }
        // Conditions anywhere before; hedges ("claimed", "alleged") within the clause.
        var inClause = true
        k = a - 1
        while k >= c.start {
            let t = tokens[k]
            if t.kind == .comma || t.kind == .semicolon { inClause = false }
            if t.kind == .word {
                let wc = cls(k)
                if wc.contains(.conditional) { return true }
                // "A suspected Israeli strike killed …", "Suspected militants attacked …": before a noun, after a
                // determiner or first in the sentence, the word describes, it does not hedge the act.
                let describes = k == c.start || (k > c.start && cls(k - 1).contains(.determiner))
                if inClause && wc.contains(.hedge) && !describes { return true }
            }
            k -= 1
        }
        return false
    }

    /// Whether the preposition at `k` is the "in" of "joined Britain in blaming Russia": those who join do the act.
    func joinsIn(_ k: Int, _ c: SentenceContext) -> Bool {
        guard word(k) == "in", let partner = c.mention(endingAt: k) else { return false }
        var j = partner.start - 1
        while j > c.start, cls(j).contains(.determiner) { j -= 1 }
        guard j >= c.start, let verb = word(j) else { return false }
        return verb == "joined" || verb == "join" || verb == "joins" || verb == "joining"
    }

    /// "what she called a \"hybrid attack\"", "dubbed an invasion": a name someone gives, not an event.
    func isLabel(_ a: Int, _ c: SentenceContext) -> Bool {
        var k = a - 1
        while k >= c.start && a - k <= 4 {
            let t = tokens[k]
            let describing = t.kind == .quote || (t.kind == .word && (t.id < 0 || cls(k).contains(.determiner)
                || cls(k).contains(.modifier)))
            guard describing else { break }
            k -= 1
        }
        guard k >= c.start, k < a - 1, let w = word(k) else { return false }
        return EventCoder.namingWords.contains(w)
    }

    private static let namingWords: Set<String> = [
        "called", "calling", "calls", "dubbed", "termed", "labelled", "labeled", "branded", "described",
    ]

    /// "Britain announced it would expel 23 diplomats": a measure announced is taken, though told in the future.
    /// Whether the modal at `k` is "will" or "would" after "announced (that) <actor or pronoun>".
    func announcedMeasure(_ k: Int, _ c: SentenceContext) -> Bool {
        guard let (verb, _) = toldSubject(ofModal: k, c) else { return false }
        return ["announced", "announces", "decided"].contains(word(verb))
    }

    /// When the token at `k` is "will" or "would" after "<verb> (on <date>) (that) <actor or pronoun>": the verb's
    /// index ("said on Thursday it would", "announced that Britain will").
    func tellingVerb(beforeModal k: Int, _ c: SentenceContext) -> Int? {
        guard isFutureModal(k), let subject = c.mention(endingAt: k) else { return nil }
        return verb(before: subject, c)
    }

    /// Whether the token at `k` is "will" or "would", not negated.
    private func isFutureModal(_ k: Int) -> Bool {
        guard tokens[k].kind == .word, !cls(k).contains(.negation), let modal = word(k) else { return false }
        return modal == "will" || modal == "would"
    }

    /// The word before a clause's subject, past "that", a date and "on" ("said on Thursday that Kenya …").
    private func verb(before subject: ActorMention, _ c: SentenceContext) -> Int? {
        var j = subject.start - 1
        if j >= c.start, word(j) == "that" { j -= 1 }
        j = skippingDate(endingAt: j, c)
        return j >= c.start ? j : nil
    }

    /// The token before the dates that end at `k` and the "on" that opens them ("said on Thursday"), else `k`.
    func skippingDate(endingAt k: Int, _ c: SentenceContext) -> Int {
        var j = k
        while j > c.start, let d = c.dates.first(where: { $0.end == j + 1 }) { j = d.start - 1 }
        if j > c.start, word(j) == "on" { j -= 1 }
        return j
    }

    /// Whether the act at `a` is told in the future by "said", "announced" or "decided" (``tellingVerb``), with
    /// only adverbs between the modal and it: then the telling's date is the act's, not a date after it ("said on
    /// Monday it would suspend flights from Aug. 13" is Monday's decision).
    func isToldDecision(_ a: Int, _ c: SentenceContext) -> Bool {
        guard let k = modal(before: a, c), let (verb, _) = toldSubject(ofModal: k, c) else { return false }
        return word(verb).map(EventCoder.tellingWords.contains) ?? false
    }

    /// The token right before the anchor `a`, past adverbs, or, when that is "and", the modal of the first verb
    /// joined to it within twelve tokens ("said it would close the border and suspend rail traffic").
    func modal(before a: Int, _ c: SentenceContext) -> Int? {
        var k = a - 1
        while k > c.start, isAdverb(k) { k -= 1 }
        guard k >= c.start else { return nil }
        if k > c.start, word(k) == "and" {
            var m = k - 1
            while m > c.start, a - m <= 12, !cls(m).contains(.blocker) { m -= 1 }
            if cls(m).contains(.blocker) { return m }
        }
        return k
    }

    /// "Kenya said on Thursday it would expel two diplomats": a decision told in the future, by the one who takes it.
    /// Whether the modal at `k`, "will" or "would" with only adverbs before the anchor `a` (not "would be held
    /// responsible", "would have"), follows "said" or "says" (past a date and "that") and an actor or pronoun, the
    /// act is one a state decides and carries out itself — yielding (08), a show of force (15), reducing relations
    /// (16), or cooperation (04–07, then coded as the intent, 03) — and no condition follows ("would retaliate if").
    func saidDecision(_ k: Int, _ a: Int, _ pattern: VerbPattern, _ c: SentenceContext) -> Bool {
        guard EventCoder.decidedRoots.contains(pattern.code.root) else { return false }
        // "said it would close the border and expel the ambassador": a second verb joined by "and" to the decision
        // told is under the same modal, when nothing but its first verb's words stand between them.
        var first = a
        while first - 1 > k, isAdverb(first - 1) { first -= 1 }
        if first - 1 > k, word(first - 1) == "and" {
            for j in (k + 1)..<(first - 1) {
                let kind = tokens[j].kind
                if kind == .semicolon || kind == .colon || kind == .dash || cls(j).contains(.conditional) { return false }
                if cls(j).contains(.blocker) || cls(j).contains(.speech) { return false }
            }
            let verb = k + 1
            guard verb < first - 1, word(verb) != "be", word(verb) != "have" else { return false }
        } else {
            for j in (k + 1)..<a where !isAdverb(j) { return false }
        }
        if let (j, subject) = toldSubject(ofModal: k, c), let verb = word(j), verb == "said" || verb == "says" {
            // The one who decides tells it: "Kenya said it would", "Trump said the United States would", not
            // "analysts said Serbia would" (a forecast).
            guard let speaker = c.mentions.last(where: { $0.end <= j && j - $0.end <= 8 && !$0.isPlace }),
                subject.pronoun || (speaker.country != nil && speaker.country == subject.country)
            else { return false }
        } else if let subject = c.mention(endingAt: k), !subject.isPlace, isFutureModal(k),
            let (_, teller) = trailingTeller(of: subject, after: a, c)
        {
            // "Colombia will break off relations with Israel on Thursday, President Gustavo Petro announced": the
            // telling after the clause, by the one who decides.
            // (A government title of no country, "Foreign Minister Alfred Mutua", is the subject's own.)
            guard subject.pronoun || (teller.country != nil ? teller.country == subject.country : teller.role == "GOV")
            else { return false }
        } else {
            return false
        }
        return !((a + 1)..<c.end).contains { cls($0).contains(.conditional) }
    }

    /// "Britain will expel 23 Russian diplomats, Prime Minister Theresa May said on Wednesday", "Colombia will break
    /// off relations, President Gustavo Petro announced", "…, said Petro": the telling verb and its teller after the
    /// clause whose subject is `subject`, when that clause opens the sentence (no telling before it) and a comma
    /// then the teller and "said", "says", "announced" or "told" (or the verb first) follow the act at `a`. Its
    /// index and the teller.
    func trailingTeller(of subject: ActorMention, after a: Int, _ c: SentenceContext) -> (verb: Int, teller: ActorMention)? {
        for j in c.start..<subject.start where cls(j).contains(.speech) || cls(j).contains(.barrier) { return nil }
        func telling(_ v: Int) -> Bool {
            v < c.end && word(v).map(EventCoder.trailingTellingWords.contains) ?? false
        }
        var k = a + 1
        while k < c.end {
            let kind = tokens[k].kind
            if kind == .semicolon || kind == .colon || kind == .dash { return nil }
            if kind == .comma, k + 1 < c.end {
                if let m = c.mention(startingAt: k + 1), !m.isPlace, !m.pronoun {
                    var v = m.end
                    while v < c.end, isAdverb(v) { v += 1 }
                    if telling(v) { return (v, m) }
                } else if telling(k + 1), let m = c.mention(startingAt: k + 2), !m.isPlace, !m.pronoun {
                    return (k + 1, m)
                }
            }
            if cls(k).contains(.speech) || cls(k).contains(.conditional) { return nil }
            k += 1
        }
        return nil
    }

    private static let trailingTellingWords: Set<String> = ["said", "says", "announced", "announces", "told"]

    private static let decidedRoots: Set<Int> = [4, 5, 6, 7, 8, 15, 16]
    private static let tellingWords: Set<String> = ["said", "says", "announced", "announces", "decided"]

    /// The telling verb and subject of the modal at `k`: "Kenya said it would …" (``tellingVerb``), or, for a modal
    /// right after "and" with no subject of its own, those of the clause it is joined to ("said on Monday that it
    /// had taken note of the decision and would recall Meyer"), within 20 tokens and no semicolon, colon, dash,
    /// condition or other telling between.
    func toldSubject(ofModal k: Int, _ c: SentenceContext) -> (verb: Int, subject: ActorMention)? {
        if let j = tellingVerb(beforeModal: k, c), let subject = c.mention(endingAt: k) { return (j, subject) }
        guard k - 1 > c.start, word(k - 1) == "and", isFutureModal(k) else { return nil }
        var j = k - 2
        while j > c.start && k - j <= 20 {
            let kind = tokens[j].kind
            if kind == .semicolon || kind == .colon || kind == .dash || cls(j).contains(.conditional) { return nil }
            if let subject = c.mention(endingAt: j + 1), !subject.isPlace, let v = verb(before: subject, c),
                let w = word(v), EventCoder.tellingWords.contains(w)
            {
                return (v, subject)
            }
            if cls(j).contains(.speech) || (cls(j).contains(.barrier) && word(j) != "that") { return nil }
            j -= 1
        }
        return nil
    }

    /// The intent a cooperative act told in the future expresses ("said it would send aid": 033, intent to provide
    /// aid), when the modal before the anchor `a` is a decision told (``saidDecision``); nil otherwise.
    func intentCode(of code: CAMEOCode, at a: Int, _ pattern: VerbPattern, _ c: SentenceContext) -> CAMEOCode? {
        guard (4...7).contains(code.root), !pattern.flags.contains(.modalOK), !pattern.flags.contains(.noun) else {
            return nil
        }
        guard let k = modal(before: a, c), saidDecision(k, a, pattern, c) else { return nil }
        switch code.root {
        case 4: return "036"
        case 6: return "031"
        case 7: return "033"
        default: return "030"
        }
    }

    /// Whether the "to" at `k` follows a decision taken ("decision to", "voted on Tuesday to"), past a date, or
    /// an order given to someone ("Putin ordered his troops to pull back").
    func followsDecision(_ k: Int, _ c: SentenceContext) -> Bool {
        var j = k - 1
        while j > c.start, let d = c.dates.first(where: { $0.end == j + 1 }) { j = d.start - 1 }
        if j > c.start, word(j) == "on" || isAdverb(j) { j -= 1 }
        if j >= c.start && cls(j).contains(.decisionNoun) { return true }
        // "the decision by Ghana to expel".
        if let agent = c.mention(endingAt: j + 1), agent.start - 2 >= c.start, word(agent.start - 1) == "by",
            cls(agent.start - 2).contains(.decisionNoun)
        {
            return true
        }
        var o = k - 2
        while o >= c.start && k - o <= 6 {
            if tokens[o].kind != .word || cls(o).contains(.barrier) || cls(o).contains(.speech) { return false }
            if endsWith(o, "ed"), EventCoder.orderVerbs.contains(where: { isText(o, $0) }) { return true }
            o -= 1
        }
        return false
    }

    /// (Read from the text: "instructed", "directed" and "commanded" are in no dictionary.)
    private static let orderVerbs: [StaticString] = ["ordered", "instructed", "directed", "commanded"]

    /// "The war has killed more than 220,000 people", "… have been killed since 2015": violence in the perfect
    /// with nobody doing it is a running toll, not an act on a day.
    func isRunningToll(_ event: CodedEvent, at a: Int, _ c: SentenceContext) -> Bool {
        guard !event.noun, event.source == nil, (18...20).contains(event.code.root) else { return false }
        var k = a - 1
        while k >= c.start, tokens[k].kind == .word, isAdverb(k) || word(k) == "been" { k -= 1 }
        return k >= c.start && ["has", "have"].contains(word(k))
    }

    func isPassive(_ a: Int, _ c: SentenceContext) -> Bool {
        guard endsWith(a, "ed") || cls(a).contains(.participle) else { return false }
        var k = a - 1
        while k >= c.start && a - k <= 5 {
            let t = tokens[k]
            guard t.kind == .word else { break }
            let wc = cls(k)
            if wc.contains(.beForm) { return true }
            if isAdverb(k) || wc.contains(.conjunction) || wc.contains(.negation) || endsWith(k, "ed")
                || wc.contains(.participle)
            {
                k -= 1
                continue
            }
            break
        }
        // Reduced passive: "allegations dismissed by Tehran"; not "spoke by phone", "travelled by road".
        var j = a + 1
        while j < c.end && isAdverb(j) { j += 1 }
        return j < c.end && cls(j).contains(.by) && !(j + 1 < c.end && endsWith(j + 1, "ing"))
            && !(j + 1 < c.end && cls(j + 1).contains(.means))
    }

    /// Whether a mention sits in a prepositional phrase (so it is not a subject), and which preposition.
    func preposition(before m: ActorMention, _ c: SentenceContext) -> WordClass? {
        var k = m.start - 1
        while k >= c.start {
            let t = tokens[k]
            if t.kind == .number { k -= 1; continue }
            // "Sudan's ambassadors to the United States, France and Switzerland said": a later item of a list is in
            // the phrase its first item is in.
            if t.kind == .comma || isText(k, "and") || isText(k, "or"), k > c.start,
                let previous = c.mention(endingAt: k), previous.start < m.start, !previous.pronoun,
                m.role == nil, previous.role == nil, !m.named, !previous.named
            {
                // ("The presidents of Colombia and Venezuela agreed": after "of", the pair are who the role is of.)
                let first = preposition(before: previous, c)
                return first?.contains(.of) == true ? nil : first
            }
            guard t.kind == .word else { return nil }
            let wc = cls(k)
            if wc.contains(.of), k - 1 >= c.start, cls(k - 1).contains(.quantifier) {
                k -= 2
                continue
            }
            if wc.contains(.determiner) || wc.contains(.modifier) || wc.contains(.quantifier)
                || t.flags.contains(.affiliation) || isAdverb(k) || isApproximator(k)
            {
                k -= 1
                continue
            }
            return wc.contains(.preposition) ? wc : nil
        }
        return nil
    }

    /// "About 12,000 soldiers", "around 200 protesters": before a number, "about", "around" and "over" tell its
    /// size; they open no prepositional phrase.
    func isApproximator(_ k: Int) -> Bool {
        guard k + 1 < tokens.count, tokens[k + 1].kind == .number, cls(k).contains(.preposition), let w = word(k)
        else { return false }
        return w == "about" || w == "around" || w == "over"
    }

    func isLocative(_ m: ActorMention, _ c: SentenceContext) -> Bool {
        if preposition(before: m, c)?.contains(.locative) ?? false { return true }
        let k = m.start - 1
        // "a summit in Samarkand, Uzbekistan, …": the country of the place before it, between commas ("In
        // Moscow, Russia said" and "In Washington, US President Joe Biden" are actors).
        if m.role == nil, !m.named, k > c.start, tokens[k].kind == .comma,
            m.end >= c.end || [.comma, .period].contains(tokens[m.end].kind),
            let place = c.places.first(where: { $0.end == k })
        {
            let placeMention = ActorMention(
                start: place.start, end: place.end, name: "", country: nil, role: nil, named: false,
                possessive: false, weapon: nil, pronoun: false, isPlace: true)
            if preposition(before: placeMention, c)?.contains(.locative) ?? false { return true }
        }
        // "bases in Iraq and Syria": the preposition covers both.
        if k > c.start, cls(k).contains(.conjunction), let previous = c.mention(endingAt: k), previous.role == nil,
            !previous.named, previous.start < m.start
        {
            return preposition(before: previous, c)?.contains(.locative) ?? false
        }
        return false
    }
}
