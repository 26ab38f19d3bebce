import ArticleParsing

extension EventCoder {
    /// Source, target, date and place of a matched pattern; nil when the sentence names no usable actor.
    func analyse(
        _ a: Int, _ patternEnd: Int, _ pattern: VerbPattern, _ weapon: CAMEOCode?, _ c: SentenceContext,
        fronted: Int? = nil
    ) -> CodedEvent? {
        var source: ActorMention?
        var target: ActorMention?
        var instrument: ActorMention?
        var mutual = false
        var between = false
        // Killed "in a clash with" troops: fighting between forces (19), whatever the verb.
        var inFight = false
        let isNoun = pattern.flags.contains(.noun)
        // With a gap the object may sit inside it ("dismissed Trump's statement").
        let hasGap = pattern.elements.contains { if case .gap = $0 { return true } else { return false } }
        let objectStart = hasGap ? a : patternEnd
        if isNoun {
            if let inside = c.mention(containing: a) {
                source = inside
            } else if a - 1 >= c.start, tokens[a - 1].kind == .possessive {
                source = c.mention(endingAt: a - 1)
            } else {
                source = c.mention(endingAt: a)
            }
            target = findObject(after: objectStart, pattern, source, c)
            // "clashes between Armenian and Azerbaijani troops", "talks between Israel and Hamas": the two joined
            // actors after "between" act on each other.
            between = isText(patternEnd, "between")
            if source == nil, between, let first = target,
                let second = others(listedWith: first, c).first(where: { !sameActor($0, first) })
            {
                source = first
                target = second
                mutual = true
            }
            // "a night-time raid by US forces", "the attack on the embassy by militiamen": the agent did it.
            if let agent = findAgent(after: patternEnd, c), agent.start != source?.start {
                if target?.start == agent.start { target = source?.hasCountry == true ? source : nil }
                source = agent
            } else if source?.hasCountry != true, let doer = performer(ofNounAt: a, c) {
                // ("Hezbollah announced the killing of its commander" tells a loss, not an act of its own.)
                let victim = target.flatMap { fillCountry($0, possessorCountry(of: $0, c)).country }
                if !(18...20).contains(pattern.code.root) || doer.country == nil || doer.country != victim {
                    source = doer
                }
            }
        } else if pattern.flags.contains(.fromSource) {
            // "South Korea's decision drew a protest from Tokyo": whoever it came from did it, to the subject.
            target = resolve(findSubject(a, c, depth: 0), c)
            var j = patternEnd + 1
            while j < c.end, cls(j).contains(.determiner) { j += 1 }
            source = c.mention(startingAt: j).flatMap { $0.pronoun ? nil : $0 }
        } else if pattern.flags.contains(.subjectIsTarget) {
            target = resolve(findSubject(a, c, depth: 0), c)
            source = c.speaker
            if let first = c.mentions.first(where: { !$0.pronoun && $0.hasCountry && $0.end <= (target?.start ?? a) }),
                first.start < (target?.start ?? a)
            {
                source = first
            }
            if source == nil { source = tellerAfter(patternEnd, c) }
            // "Iran was behind the attack" is an accusation only when someone named makes it.
            if pattern.code.root == 11, source == nil { return nil }
        } else if !pattern.flags.contains(.stative), isPassive(a, c) {
            target = resolve(findSubject(a, c, depth: 0), c)
            source = findAgent(after: patternEnd, c)
            if source == nil, (18...20).contains(pattern.code.root), let opponent = findOpponent(after: patternEnd, c) {
                source = opponent
                inFight = true
            }
            // "was killed in a US drone strike", "were wounded in Israeli air strikes": the weapon's country used it.
            if source == nil, (18...20).contains(pattern.code.root), let arms = weaponOfCountry(after: patternEnd, c) {
                source = arms
            }
            // "56 people were killed in a stampede", "were killed in a car crash": an accident, no act of anyone's.
            if source == nil, (18...20).contains(pattern.code.root), killedInAccident(after: patternEnd, c) { return nil }
            if let t = target, t.isInstrument {
                instrument = t
                target = nil
            }
            // "US sanctions on Sudan were lifted": an actor right before the fronted object is whose it is; so is
            // one whose own means the object is ("The Turkish embassy in Kabul was reopened"), unless the pattern's
            // object is whom it acts on ("Pakistan's high commissioner was expelled").
            let ownMeans = !pattern.flags.contains(.objectIsTarget)
            if let fronted, let owner = target, source == nil,
                owner.end == fronted || (ownMeans && owner.start < fronted && fronted < owner.end)
            {
                source = owner
                target = nil
            }
            // "Sanctions on Iran were lifted": whom the fronted object concerns.
            if target == nil, let fronted {
                target = c.mentions.first {
                    $0.start > fronted && $0.end <= a && $0.hasCountry && !$0.pronoun && !$0.isPlace && !isLocative($0, c)
                }
            }
            if target == nil { target = findObject(after: objectStart, pattern, source, c) }
        } else {
            // "concerned about India's decision to ban Chinese apps": whose decision it is does the act.
            let subject = decider(of: a, c) ?? findSubject(a, c, depth: 0)
            source = resolve(subject, c)
            if let s = source, s.isInstrument {
                instrument = s
                source = nil
            }
            if source == nil, c.speaker != nil, onlyAdverbsBefore(a, c) { source = c.speaker }
            // "The delegation, led by Secretary of State Antony Blinken, met …": a group of no country named acts
            // through whoever leads it.
            if source == nil, subject == nil { source = leader(before: a, c) }
            // "agreed to withdraw troops": forces of no country named are the withdrawer's own, not whom it yields to.
            func yielded(_ t: ActorMention?) -> ActorMention? {
                guard pattern.code.rawValue == "0874", let t, t.country == nil, !t.named, t.role != nil else { return t }
                return nil
            }
            target = yielded(findObject(after: objectStart, pattern, source, c, patternEnd: patternEnd))
            // "Turkish troops and Syrian rebels pushed into Syria": the partner from elsewhere acts on it.
            if target == nil, let s = source, let partner = others(listedWith: s, c).first(where: { !sameActor($0, s) }),
                let object = yielded(findObject(after: objectStart, pattern, partner, c, patternEnd: patternEnd))
            {
                source = partner
                target = object
            }
            // "Saudi Arabia and Iran agreed …", "Trump and Kim met": in a reciprocal act without an object, the
            // first of two joined subjects acts on the second; an actor in a phrase after it ("met on the
            // sidelines of the G20 summit") is no object of theirs, one after "with" is.
            // Force "on", "against" or "at" someone is aimed at them: "The United States and Britain launched
            // strikes on Yemen" is no fight between the two.
            let objectInPhrase = target.flatMap { preposition(before: $0, c) } != nil
                && target.map { $0.start < 1 || word($0.start - 1) != "with" } ?? false
                && !(pattern.code.root >= 18 && target.map { isAimedAt($0, after: patternEnd, c) } ?? false)
            // Hosting, visiting and mediating are done to others, not between the pair that does them.
            // Nor are praise, verbal support, apologies, offers of aid or of mediation: "Iraq and Oman praised the
            // agreement" is no praise of each other.
            let reciprocal = ([3, 5].contains(pattern.code.root)
                && !["051", "052", "055", "033", "039"].contains(pattern.code.rawValue))
                || ["040", "041", "044", "046", "190", "0871", "0874"].contains(pattern.code.rawValue)
                // "Russia and Ukraine swapped prisoners": each freed the other's.
                || (pattern.code.rawValue == "0841" && (a...min(patternEnd, c.end - 1)).contains { k in
                    word(k).map { $0.hasPrefix("swap") || $0.hasPrefix("exchang") } ?? false })
            if target == nil || objectInPhrase, reciprocal, let second = source, let first = joined(before: second, c)
            {
                source = first
                target = second
            }
            // "The two leaders signed a joint statement": the pair named before acted on each other.
            if let subject, subject.isPairReference, target == nil || objectInPhrase, let (first, second) = pair(before: subject.start, c) {
                source = first
                target = second
                mutual = true
            }
        }
        if let s = source, let t = target, sameActor(s, t) { target = nil }
        // "Five Chinese missiles landed in Japan's waters": weapons strike, they do not visit, talk or agree.
        if pattern.code.root <= 8, source?.weapon != nil { source = nil }

        let location = findLocation(a, c, excluding: [source, target].compactMap { $0 })
        let locationCountry = location?.country
        // "its forces": the country of whoever "its" stands for.
        source = source.map { fillCountry($0, possessorCountry(of: $0, c)) }
        target = target.map { fillCountry($0, possessorCountry(of: $0, c)) }
        // "the military", "protesters": of the country where it happened, else where the story was filed from.
        source = source.map { fillCountry($0, locationCountry ?? c.storyCountry) }
        // Arrests and detentions happen under the state that makes them: "Turkish authorities rounded up
        // thousands of soldiers" are Turkish soldiers.
        if pattern.code.root == 17 { target = target.map { fillCountry($0, source?.country) } }
        target = target.map { fillCountry($0, locationCountry ?? c.storyCountry) }

        var code = pattern.code
        if inFight, code.root == 18 { code = "190" }
        let root = code.root
        if root == 18 || root == 19 {
            let generic = code.rawValue == "180" || code.rawValue == "190" || code.rawValue == "1823"
            let nearbyWeapon = weapon ?? source?.weapon ?? instrument?.weapon
                ?? c.mentions.first(where: { $0.weapon != nil && $0.start > a && $0.start <= patternEnd + 4 })?.weapon
            if generic, let nearbyWeapon {
                code = nearbyWeapon
            } else if code.rawValue == "180" || code.rawValue == "190", source?.role == "OPP" {
                code = "145"
            } else if code.rawValue == "180", source?.role == "MIL" {
                code = "190"
            } else if code.rawValue == "183", !isNoun, let source, source.country != nil,
                !["REB", "OPP", "CVL"].contains(source.role ?? ""), pattern.text.hasPrefix("bomb")
            {
                // "Sudanese army jets bombed RSF positions", "Russia bombed Aleppo": a state's bombing is from the air.
                code = "195"
            }
            // "Security forces stormed the protest camp": a state's force used on its own protesters is repression.
            if let source, ["COP", "MIL"].contains(source.role), target?.role == "OPP",
                source.country != nil, target?.country == source.country
            {
                code = "175"
            }
        }
        // "Beijing protested the decision": a government's protest is an official complaint (114), not dissent.
        if code.rawValue == "140", source?.role == "GOV" { code = "114" }
        // "Turkey protested to the Netherlands": a country by name is its government; "Palestinians protested" are
        // people.
        if code.rawValue == "140", let source, source.role == nil, !source.named, !source.pronoun,
            isCountryByName(source)
        {
            code = "114"
        }
        // "fired a ballistic missile over Japan", "launched missiles into the sea": a weapon fired at nobody is a show
        // of force (15), not an attack.
        if code.root == 19, !isNoun, firedAtNobody(after: patternEnd, target: target, c) { code = "150" }
        let violent = code.root >= 18 || code.rawValue.hasPrefix("145")
        // "Turkey reopened its embassy in Kabul": opening or closing one's own embassy is toward the country that
        // hosts it, the event's place.
        let ownPost = (code.root == 5 || code.root == 16) && isDiplomaticPost(fronted ?? patternEnd)
        if target == nil, violent || ownPost, let locationCountry, locationCountry != source?.country,
            let info = lexicon.countries[locationCountry]
        {
            target = ActorMention(
                start: a, end: a, name: info.name, country: locationCountry, role: nil, named: false,
                possessive: false, weapon: nil, pronoun: false, isPlace: false)
        }
        // An actor with a country that is no actor of the event (an unresolved pronoun) does not count.
        let hasActor = [source, target].contains { $0.map { $0.hasCountry && $0.ref != nil } ?? false }
        // "The offensive began on Wednesday with air strikes": violence that names nobody in its sentence goes on
        // with no sides; the extraction gives it those of the story's first act of force, or drops it. So does a
        // ceasefire ("A truce took effect at midnight on Friday"): it is between those who fought.
        let sideless = source == nil && target == nil
            && ((!isNoun && (18...20).contains(code.root)) || code.rawValue == "0871")
        guard sideless || hasActor, sideless || source?.ref != nil || target?.ref != nil else { return nil }
        if code.root == 1 && source?.ref == nil { return nil }

        let date = bindDate(a, isNoun, c, intent: code.root == 3)
        if isNoun && date == nil { return nil }
        return CodedEvent(
            code: code, source: source?.ref != nil ? source : nil, target: target?.ref != nil ? target : nil,
            location: location, date: date, anchor: a, noun: isNoun, mutual: mutual,
            ownCountry: pattern.flags.contains(.ownCountry), between: between)
    }

    /// Whether the word at `k` is an embassy or a consulate.
    func isDiplomaticPost(_ k: Int) -> Bool {
        EventCoder.diplomaticPosts.contains { isText(k, $0) }
    }

    private static let diplomaticPosts: [StaticString] = ["embassy", "embassies", "consulate", "consulates"]

    /// "Hamas announced the release of two hostages", "the group has carried out a string of attacks in the
    /// province": the subject of a verb that carries out or announces the act the noun at `a` names, right before
    /// its noun phrase (up to five words: determiners, numbers, describing words, "a string of").
    func performer(ofNounAt a: Int, _ c: SentenceContext) -> ActorMention? {
        var k = a - 1
        while k > c.start, a - k <= 6 {
            guard tokens[k].kind == .word || tokens[k].kind == .number, c.mention(containing: k) == nil,
                !cls(k).contains(.barrier), !cls(k).contains(.speech)
            else { return nil }
            var verb: Int?
            if isText(k, "out"), ["carried", "carries", "carry", "carrying"].contains(word(k - 1)) {
                verb = k - 1
            } else if EventCoder.performingVerbs.contains(where: { isText(k, $0) }) {
                verb = k
            }
            if let verb {
                return resolve(findSubject(verb, c, depth: 0), c).flatMap { $0.isCountryActor ? $0 : nil }
            }
            if hasPatterns(k) && !isNounUsage(k, c) { return nil }
            k -= 1
        }
        return nil
    }

    /// (Read from the text: several are in no dictionary.)
    private static let performingVerbs: [StaticString] = [
        "conducted", "launched", "staged", "mounted", "unleashed", "announced", "ordered", "began", "started",
        "completed", "conducts", "launches", "stages", "announces", "orders",
    ]

    /// The actor whose decision, move or order the verb at `a` tells, right before it: "India's decision to ban",
    /// "Moscow's sudden move to expel", "the decision by Ghana to withdraw".
    func decider(of a: Int, _ c: SentenceContext) -> ActorMention? {
        guard a - 3 >= c.start, cls(a - 1).contains(.to) else { return nil }
        // "Ghana's decision on Tuesday to withdraw": a date between the noun and "to".
        let n = skippingDate(endingAt: a - 2, c)
        func isDecision(_ k: Int) -> Bool { word(k).map { EventCoder.decisionNouns.contains($0) } ?? false }
        // "the decision by Ghana to withdraw"
        if let agent = c.mention(endingAt: n + 1), !agent.isPlace, !agent.pronoun, agent.start - 2 >= c.start,
            word(agent.start - 1) == "by", isDecision(agent.start - 2)
        {
            return agent
        }
        guard isDecision(n) else { return nil }
        var p = n - 1
        // One describing word: "Moscow's sudden move".
        if p > c.start, tokens[p].kind == .word, !cls(p).contains(.determiner), c.mention(endingAt: p + 1) == nil,
            !hasPatterns(p)
        {
            p -= 1
        }
        guard p > c.start, tokens[p].kind == .possessive, let owner = c.mention(endingAt: p), !owner.isPlace else {
            return nil
        }
        return owner
    }

    /// "Eritrean forces fought alongside the Ethiopian army": the act has a partner right after it, so the other
    /// side the story named before is no guess for its target.
    func actsAlongside(_ a: Int, _ c: SentenceContext) -> Bool {
        var k = a + 1
        while k < min(c.end, a + 3) {
            if isText(k, "alongside") { return true }
            k += 1
        }
        return false
    }

    private static let decisionNouns: Set<String> = ["decision", "move", "order", "orders", "vote"]

    /// Whether what was fired right before `b` flew "over" the target or went "into the sea" or "into waters".
    func firedAtNobody(after b: Int, target: ActorMention?, _ c: SentenceContext) -> Bool {
        var k = b + 1
        while k < min(c.end, b + 4) {
            switch word(k) {
            case "over":
                var j = k + 1
                while j < c.end, cls(j).contains(.determiner) { j += 1 }
                return target.map { $0.start == j } ?? false
            case "into":
                var j = k + 1
                while j < c.end, cls(j).contains(.determiner) { j += 1 }
                // "into Japanese waters", "into Japan's waters": past whose waters they are.
                if j < c.end, let m = c.mention(startingAt: j), !m.pronoun {
                    j = m.end
                    if j < c.end, tokens[j].kind == .possessive { j += 1 }
                }
                // (Read from the text: "waters" and "ocean" are in no dictionary.)
                return j < c.end && (isText(j, "sea") || isText(j, "waters") || isText(j, "ocean"))
            default:
                if tokens[k].kind != .word || cls(k).contains(.barrier) { return false }
            }
            k += 1
        }
        return false
    }

    /// The same act by or on the others of a list of actors, PETRARCH's compound actors: "Saudi Arabia and Iran
    /// agreed" both ways, "Britain and France condemned" by each, "Saudi Arabia, the UAE, Bahrain and Egypt cut
    /// ties with Qatar" by each of the four, "relations with the United Arab Emirates and Bahrain" with each.
    func partners(of event: CodedEvent, _ c: SentenceContext) -> [CodedEvent] {
        if let source = event.source, let target = event.target, event.mutual || joined(before: target, c)?.start == source.start {
            // The pair acted on each other (``analyse`` made the first the source): the second acted too.
            var reverse = event
            reverse.source = target
            reverse.target = source
            return [reverse]
        }
        let sources = [event.source] + (event.source.map { others(listedWith: $0, c) } ?? []).map(Optional.some)
        let targets = [event.target] + (event.target.map { others(listedWith: $0, c) } ?? []).map(Optional.some)
        var more: [CodedEvent] = []
        for source in sources {
            for target in targets {
                if source?.start == event.source?.start && target?.start == event.target?.start { continue }
                if let source, let target, sameActor(source, target) { continue }
                // "host Iraqi, American and coalition forces": a partner with no country, on its own, names nobody.
                if !(source?.hasCountry ?? false) && !(target?.hasCountry ?? false) { continue }
                var copy = event
                copy.source = source
                copy.target = target
                more.append(copy)
            }
        }
        return more
    }

    /// The other actors of a list `m` is in, linked by commas and at least one "and" ("A, B and C", "A and B").
    func others(listedWith m: ActorMention, _ c: SentenceContext) -> [ActorMention] {
        var others: [ActorMention] = []
        var hasAnd = false
        var current = m
        while let (previous, isAnd) = link(before: current, c) {
            others.append(previous)
            hasAnd = hasAnd || isAnd
            current = previous
        }
        current = m
        while let (next, isAnd) = link(after: current, c) {
            others.append(next)
            hasAnd = hasAnd || isAnd
            current = next
        }
        return hasAnd ? others.filter { !sameActor($0, m) } : []
    }

    /// The actor phrase right after `m` past a comma or "and" (or both), and whether "and" was among them.
    private func link(after m: ActorMention, _ c: SentenceContext) -> (ActorMention, isAnd: Bool)? {
        var k = m.end
        var isAnd = false
        var separated = false
        while k < c.end, tokens[k].kind == .comma || cls(k).contains(.conjunction) {
            isAnd = isAnd || cls(k).contains(.conjunction)
            separated = true
            k += 1
        }
        while k < c.end, cls(k).contains(.determiner) { k += 1 }
        guard separated, let next = c.mention(startingAt: k), !next.pronoun, !next.isPlace, next.ref != nil,
            !beginsClause(next, after: m, c)
        else {
            return nil
        }
        return (next, isAnd)
    }

    /// "summoned Turkey's ambassador and Egypt condemned …": after an object, an actor followed by its own verb
    /// begins a new clause; it is no list with the object ("Saudi Arabia and Iran agreed" is one).
    private func beginsClause(_ later: ActorMention, after earlier: ActorMention, _ c: SentenceContext) -> Bool {
        guard later.end < c.end, hasPatterns(later.end), !isNounUsage(later.end, c) else { return false }
        var k = earlier.start - 1
        while k >= c.start, cls(k).contains(.determiner) || isAdverb(k) { k -= 1 }
        return k >= c.start && hasPatterns(k) && !isNounUsage(k, c)
    }

    /// The actor phrase right before `m` past a comma or "and" (or both), and whether "and" was among them.
    private func link(before m: ActorMention, _ c: SentenceContext) -> (ActorMention, isAnd: Bool)? {
        var k = m.start - 1
        while k > c.start, cls(k).contains(.determiner) { k -= 1 }
        var isAnd = false
        var separated = false
        while k > c.start, tokens[k].kind == .comma || cls(k).contains(.conjunction) {
            isAnd = isAnd || cls(k).contains(.conjunction)
            separated = true
            k -= 1
        }
        guard separated, let previous = c.mention(endingAt: k + 1), !previous.pronoun, !previous.isPlace,
            previous.ref != nil, !beginsClause(m, after: previous, c)
        else { return nil }
        return (previous, isAnd)
    }

    /// Whether an actor phrase with a country and no role names the country ("Turkey", "the Netherlands"), not
    /// its people ("Palestinians", "Iraqis", "Chinese"): its words do not begin with the country's adjective.
    func isCountryByName(_ m: ActorMention) -> Bool {
        // "South Koreans": the adjective's last word against the phrase's.
        guard let code = m.country, let adjective = lexicon.countries[code]?.adjective.split(separator: " ").last,
            m.end > m.start
        else { return false }
        let last = tokens[m.end - 1]
        let text = String(decoding: bytes[Int(last.start)..<Int(last.end)], as: UTF8.self).lowercased()
        // "Thousands of Serbs protested", "Kurds", "Poles": a plural that is not the name's own last word
        // ("Philippines", "United States") is people.
        if text.hasSuffix("s"), !text.hasSuffix("ss"),
            lexicon.countries[code]?.name.split(separator: " ").last.map({ $0.lowercased() != text }) ?? true
        {
            return false
        }
        return !text.hasPrefix(adjective.lowercased())
    }

    /// A weapon phrase naming a country right after a passive act of force, after "in" or "by" and an article
    /// ("in a US drone strike", "by Israeli air strikes").
    func weaponOfCountry(after b: Int, _ c: SentenceContext) -> ActorMention? {
        var k = b + 1
        guard k < c.end, let w = word(k), w == "in" || w == "by" else { return nil }
        k += 1
        while k < c.end, cls(k).contains(.determiner) { k += 1 }
        guard let m = c.mention(startingAt: k), m.weapon != nil, m.country != nil, !m.pronoun else { return nil }
        return m
    }

    /// Whether `m` follows "on", "against" or "at" (past determiners and modifiers) right after the pattern that
    /// ends at `patternEnd`: what its force is aimed at ("strikes on Yemen", not "pushed into Syria on the second
    /// day of an offensive against Kurdish-led forces").
    func isAimedAt(_ m: ActorMention, after patternEnd: Int, _ c: SentenceContext) -> Bool {
        var k = m.start - 1
        while k > c.start, cls(k).contains(.determiner) || cls(k).contains(.modifier) || tokens[k].flags.contains(.affiliation) {
            k -= 1
        }
        // One word may finish the pattern's noun phrase ("missile strikes on": the weapon ended at "missile").
        let finishes = k == patternEnd + 2 && tokens[k - 1].kind == .word && !cls(k - 1).contains(.preposition)
        guard k == patternEnd + 1 || finishes, let w = word(k) else { return false }
        return w == "on" || w == "against" || w == "at"
    }

    /// The actor phrase joined to `m` by "and" right before it ("Saudi Arabia and Iran").
    func joined(before m: ActorMention, _ c: SentenceContext) -> ActorMention? {
        guard let (first, isAnd) = link(before: m, c), isAnd else { return nil }
        return first
    }

    func onlyAdverbsBefore(_ a: Int, _ c: SentenceContext) -> Bool {
        var k = a - 1
        while k >= c.start {
            if tokens[k].kind == .word && !isAdverb(k) && !cls(k).contains(.conjunction) { return false }
            k -= 1
        }
        return true
    }

    /// Same country and same or unknown role: "the US … the U.S. embassy" is not a target of the US.
    func sameActor(_ a: ActorMention, _ b: ActorMention) -> Bool {
        if a.named && b.named { return a.name == b.name }
        guard let ca = a.country, ca == b.country else { return false }
        return a.role == nil || b.role == nil || a.role == b.role
    }

    /// The country of the actor a possessive pronoun before a role stands for ("Russia said its forces …",
    /// "their troops"): the nearest actor named before it, else the previous sentence's first.
    /// Also a country's own possessive, past up to three describing words ("Israel's newly appointed consul in
    /// New York", "Russia's top envoy in Berlin"): the actor's nationality, which beats the place of the event.
    func possessorCountry(of m: ActorMention, _ c: SentenceContext) -> String? {
        guard m.country == nil, !m.named, m.role != nil, m.start > c.start else { return nil }
        var k = m.start - 1
        while k > c.start, m.start - k <= 3, tokens[k].kind == .word, !tokens[k].flags.contains(.capitalized),
            c.mention(containing: k) == nil, isAdverb(k) || cls(k).contains(.modifier) || isCompoundModifier(k)
                || (cls(k).isEmpty && !hasPatterns(k))
        {
            k -= 1
        }
        if tokens[k].kind == .possessive, let owner = c.mention(endingAt: k), !owner.pronoun, !owner.isPlace,
            let country = owner.country
        {
            return country
        }
        guard let possessive = word(m.start - 1), ["its", "their", "his", "her"].contains(possessive)
        else { return nil }
        return antecedent(before: m.start - 1, c) { $0.country != nil }?.country ?? c.previousActor?.country
    }

    /// A role without a country ("protesters") takes the country of the place the event happened.
    func fillCountry(_ m: ActorMention, _ country: String?) -> ActorMention {
        guard m.country == nil, !m.named, !m.pronoun, !m.isInstrument, let role = m.role, let country,
            let info = lexicon.countries[country]
        else { return m }
        var filled = m
        filled.country = country
        if m.weapon == nil { filled.name = info.adjective + " " + (ActorMention.roleLabels[role] ?? role.lowercased()) }
        return filled
    }

    /// "he", "they", "it": the nearest earlier actor of the sentence, else the previous sentence's first actor;
    /// "we", "I" in a quoted post: its author; "the country": a country other than `other`'s
    /// (``country(referredToBy:_:other:)``).
    func resolve(_ m: ActorMention?, _ c: SentenceContext, other: ActorMention? = nil) -> ActorMention? {
        guard let m, m.pronoun else { return m }
        if m.isCountryReference { return country(referredToBy: m, c, other: other) }
        if m.isPairReference { return pair(before: m.start, c)?.first }
        let word = lexicon.vocabulary.word(tokens[m.start].id)
        if word == "we" || word == "i" { return c.speaker }
        // An object ("Saudi Arabia and Egypt cut ties with Qatar, accusing it of …") stands for none of a list of
        // subjects that act together. (With one subject, "it" standing for it is no object, and none is found:
        // "Tehran blames it", the group named before, is not another country of the sentence.)
        // "Biden urged him to walk away": "him" and "them" are never the subject that acts on them.
        let listed = other.map { others(listedWith: $0, c) } ?? []
        let acting = listed.isEmpty && !isObjectPronoun(m) ? [] : listed + (other.map { [$0] } ?? [])
        return antecedent(before: m.start, c) { m in m.hasCountry && !acting.contains { sameActor($0, m) } }
            ?? c.previousActor
    }

    /// "him", "them": a pronoun that is never a subject.
    func isObjectPronoun(_ m: ActorMention) -> Bool {
        guard m.pronoun, !m.isPairReference, !m.isCountryReference, let w = word(m.start) else { return false }
        return w == "him" || w == "them"
    }

    /// What a pronoun at `k` stands for within its sentence: the nearest actor before it, a subject rather than
    /// the object of a preposition ("Pakistan suspended a train service with India, a day after it expelled …":
    /// "it" is Pakistan; "Poland closed a crossing on its border with Belarus and its prime minister …").
    private func antecedent(
        before k: Int, _ c: SentenceContext, where qualifies: (ActorMention) -> Bool
    ) -> ActorMention? {
        func earlier(_ m: ActorMention) -> Bool { m.end <= k && !m.pronoun && !m.isPlace && qualifies(m) }
        return c.mentions.last { earlier($0) && preposition(before: $0, c) == nil } ?? c.mentions.last(where: earlier)
    }

    /// The last two actors of different countries named before `k`, in this sentence or the one before, in
    /// the order they were named: what "the two leaders" stands for ("Trump and Kim met … The two leaders signed").
    /// But the two sides of the latest two-sided act of the highest rank (``StoryPair``) of this sentence or the two
    /// before come first: the mediator, the host or those who welcomed a deal named after the parties are no side.
    func pair(before k: Int, _ c: SentenceContext) -> (first: ActorMention, second: ActorMention)? {
        var best: StoryPair?
        for p in c.storyPairs where p.second.start < c.start || p.second.end <= k {
            if p.rank >= (best?.rank ?? -1) { best = p }
        }
        if let best { return (best.first, best.second) }
        var picked: [ActorMention] = []
        for m in (c.previousActors + c.mentions.filter { $0.end <= k }).reversed()
        where !m.pronoun && !m.isPlace && m.country != nil && !picked.contains(where: { $0.country == m.country })
            // "were in Beijing": a capital after "in", "at", "near" is where they were, not a side.
            && !(m.start > 0 && cls(m.start - 1).contains(.locative))
        {
            picked.append(m)
            if picked.count == 2 { return (picked[1], picked[0]) }
        }
        return nil
    }

    /// The country "the country" stands for: the latest one named before it, as an actor or a place ("sent
    /// troops into Haiti, and France imposed sanctions on the country"), but not the other side's, else the
    /// previous sentence's first actor's.
    func country(referredToBy m: ActorMention, _ c: SentenceContext, other: ActorMention?) -> ActorMention? {
        var latest: (end: Int, country: String)?
        for mention in c.mentions where mention.end <= m.start && !mention.pronoun {
            if let country = mention.country, country != other?.country { latest = (mention.end, country) }
        }
        for place in c.places where place.end <= m.start && place.end > (latest?.end ?? -1) {
            if let country = lexicon.places[Int(place.place)].country, country != other?.country {
                latest = (place.end, country)
            }
        }
        let previous = c.previousActor?.country.flatMap { $0 != other?.country ? $0 : nil }
        guard let code = latest?.country ?? previous, let info = lexicon.countries[code] else { return nil }
        return ActorMention(
            start: m.start, end: m.end, name: info.name, country: code, role: nil, named: false, possessive: false,
            weapon: nil, pronoun: false, isPlace: false)
    }

    /// The subject: the nearest actor phrase to the left that is not inside a prepositional phrase, within the
    /// clause. Relative pronouns and participle clauses ("while protesting") lead to the main clause's subject;
    /// "… and condemned" to the subject of the coordinated verb.
    func findSubject(_ a: Int, _ c: SentenceContext, depth: Int) -> ActorMention? {
        guard depth < 3 else { return nil }
        var k = a - 1
        var contentSeen = false
        var commaSeen = false
        // "a statement by Israel Katz condemning …": the phrase right before a participle is its subject.
        if endsWith(a, "ing"), let m = c.mention(endingAt: a), !m.isPlace { return m }
        // "X gave the junta a week, warning …": a participle after a comma shares the sentence's subject, not
        // the object just before the comma.
        if endsWith(a, "ing"), a - 1 > c.start, tokens[a - 1].kind == .comma, let subject = sentenceSubject(before: a, c) {
            return subject
        }
        while k >= c.start && a - k <= 22 {
            // "Russia, which on Monday expelled …": a calendar date between subject and verb is no content of the
            // clause ("and two days later declared" still reads on, past the date, to the clause's own subject).
            if let d = c.dates.first(where: { $0.start <= k && k < $0.end && !$0.possessive && $0.shift == nil }) {
                k = d.start - 1
                if k >= c.start, cls(k).contains(.preposition), word(k) == "on" { k -= 1 }
                continue
            }
            if let m = c.mention(endingAt: k + 1) {
                // "Russia, which has military bases in both republics, urged": an actor inside a relative clause
                // set off by commas is not the subject; the clause's antecedent is.
                if commaSeen, let antecedent = antecedentOfRelativeClause(endingAt: m.start, c) { return antecedent }
                // "China, which has ties with both countries, urged": an object pronoun is no subject, nor is "the
                // country" in "protesters demanding the removal of the country's elite clashed".
                // "… urged them to …": an object pronoun is no subject either.
                if isObjectPronoun(m) {
                    k = m.start - 1
                    contentSeen = true
                    continue
                }
                if m.pronoun, m.isPairReference || m.isCountryReference ? preposition(before: m, c) == nil : true {
                    return m
                }
                if !isLocative(m, c) && preposition(before: m, c) == nil {
                    var v = m.start - 1
                    while v >= c.start && (cls(v).contains(.determiner) || cls(v).contains(.modifier)) { v -= 1 }
                    if v >= c.start, hasPatterns(v), !isNounUsage(v, c) { return findSubject(v, c, depth: depth + 1) }
                    // "U.S. Marines assigned to … Marine … deploy": prefer the phrase that names the country.
                    if !m.hasCountry, let better = c.mentions.last(where: {
                        $0.end <= m.start && $0.hasCountry && $0.role == m.role && !isLocative($0, c)
                            && preposition(before: $0, c) == nil
                    }) {
                        return better
                    }
                    return m
                }
                k = m.start - 1
                contentSeen = true
                continue
            }
            let t = tokens[k]
            switch t.kind {
            case .semicolon, .colon:
                return nil
            case .word:
                let wc = cls(k)
                if !contentSeen && (wc.contains(.relative) || wc.contains(.subordinator) || wc.contains(.conjunction)) {
                    return mainSubject(before: k, c, depth: depth)
                }
                // "Russia, which denies the charges, struck Kyiv": past a relative clause set off by commas, its
                // antecedent is the subject.
                if wc.contains(.relative), commaSeen, k - 1 > c.start, tokens[k - 1].kind == .comma,
                    let m = c.mention(endingAt: k - 1), !m.pronoun, !m.isPlace, !isLocative(m, c),
                    preposition(before: m, c) == nil
                {
                    return m
                }
                // "fishermen, who it said were beaten": a teller inside a relative clause is an aside; the
                // relative pronoun before it is the subject.
                if !contentSeen, wc.contains(.speech), let teller = c.mention(endingAt: k), teller.start > c.start,
                    cls(teller.start - 1).contains(.relative)
                {
                    return mainSubject(before: teller.start - 1, c, depth: depth)
                }
                if wc.contains(.barrier) || wc.contains(.speech) { return nil }
                if !(isAdverb(k) || wc.contains(.auxiliary) || wc.contains(.beForm) || wc.contains(.blocker)
                    || endsWith(k, "ed"))
                {
                    contentSeen = true
                }
            case .comma:
                // "Russia, which has bases in both republics and counts them as allies, urged": past the comma that
                // closes a relative clause, however long, its antecedent is the subject.
                if !commaSeen, !contentSeen, let antecedent = antecedentOfRelativeClause(endingAt: k, c) {
                    return antecedent
                }
                commaSeen = true
            default:
                break
            }
            k -= 1
        }
        return nil
    }

    /// The actor a relative clause or an "including" phrase set off by a comma describes, when the clause runs
    /// up to `end` (words only, no barrier): "Russia, which has bases in both republics,", "Security forces,
    /// including members of the RSF,".
    private func antecedentOfRelativeClause(endingAt end: Int, _ c: SentenceContext) -> ActorMention? {
        var k = end - 1
        while k > c.start && end - k <= 40 {
            if let m = c.mention(endingAt: k + 1), m.start < k {
                k = m.start - 1
                continue
            }
            let t = tokens[k]
            // "which keeps about 350 troops in Gabon": a number inside the clause is part of it.
            if t.kind == .number { k -= 1; continue }
            if t.kind != .word { return nil }
            // ", which …" and ", including members of the RSF," both describe the actor before the comma.
            if cls(k).contains(.relative) || cls(k).contains(.inclusion) {
                guard tokens[k - 1].kind == .comma else { return nil }
                // "France, the former colonial power, which keeps troops in Gabon,": past an apposition too.
                var close = k - 1
                if c.mention(endingAt: close) == nil {
                    var j = close - 1
                    while j > c.start && close - j <= 6 && tokens[j].kind == .word { j -= 1 }
                    if j > c.start, tokens[j].kind == .comma { close = j }
                }
                guard let antecedent = c.mention(endingAt: close), !antecedent.pronoun,
                    !antecedent.isPlace, preposition(before: antecedent, c) == nil
                else { return nil }
                return antecedent
            }
            // "hundreds of protesters, some waving Russian flags, attacked": a participle phrase set off by commas
            // (after "some", "many", … or none) describes the actor before it too.
            if endsWith(k, "ing") || endsWith(k, "ed") {
                var open = k - 1
                if open > c.start, cls(open).contains(.quantifier) { open -= 1 }
                if open > c.start, tokens[open].kind == .comma, let antecedent = c.mention(endingAt: open),
                    !antecedent.pronoun, !antecedent.isPlace, preposition(before: antecedent, c) == nil
                {
                    return antecedent
                }
            }
            if cls(k).contains(.barrier) || cls(k).contains(.speech) { return nil }
            k -= 1
        }
        return nil
    }

    /// For "…, who agreed", "… while protesting", "… and condemned": the antecedent of a relative pronoun,
    /// else the subject of the nearest verb pattern to the left, else the first actor of the sentence.
    func mainSubject(before k: Int, _ c: SentenceContext, depth: Int) -> ActorMention? {
        if cls(k).contains(.relative) {
            var j = k - 1
            if j >= c.start, tokens[j].kind == .comma { j -= 1 }
            if let m = c.mention(endingAt: j + 1), !isLocative(m, c), !m.isPlace { return m }
            // "Vietnamese fishermen, who …": a nationality before a noun no dictionary lists stands for it.
            if j > c.start, tokens[j].kind == .word, !tokens[j].flags.contains(.capitalized), cls(j).isEmpty,
                let m = c.mention(endingAt: j), m.end - m.start == 1, m.role == nil, !m.pronoun, !m.isPlace,
                !isLocative(m, c)
            {
                return m
            }
            return nil
        }
        var j = k - 1
        while j >= c.start {
            if cls(j).contains(.relative), let m = c.mention(endingAt: j) ?? c.mention(endingAt: j - 1) { return m }
            if hasPatterns(j) && !isNounUsage(j, c) { return findSubject(j, c, depth: depth + 1) }
            j -= 1
        }
        return sentenceSubject(before: k, c)
    }

    /// The first actor of the sentence before `k` that is not a place or inside a prepositional phrase.
    func sentenceSubject(before k: Int, _ c: SentenceContext) -> ActorMention? {
        c.mentions.first { $0.end <= k && !$0.isPlace && !isLocative($0, c) && preposition(before: $0, c) == nil }
    }

    /// The object: the first actor phrase to the right within the clause, skipping places ("in Baghdad") and
    /// the source itself; for disapproval and rejection, victims ("the attack on X") are not targets.
    func findObject(
        after b: Int, _ pattern: VerbPattern, _ source: ActorMention?, _ c: SentenceContext, patternEnd: Int = -1
    ) -> ActorMention? {
        var k = b + 1
        var fallback: ActorMention?
        let root = pattern.code.root
        while k < c.end && k - b <= 14 {
            if let m = c.mention(startingAt: k) {
                let prep = preposition(before: m, c)
                // "lodged a protest with China": a preposition that ends the pattern is part of it.
                // (Also past a determiner: "rallied outside the Japanese embassy".)
                let prepInPattern = m.start - 1 <= b || m.start - 1 == patternEnd
                    || (m.start - 2 == patternEnd && cls(m.start - 1).contains(.determiner))
                var skip = false
                // "fought alongside the Ethiopian army": a partner in the act, not its target.
                var before = m.start - 1
                if before > b, cls(before).contains(.determiner) { before -= 1 }
                if before > b, isText(before, "alongside") { skip = true }
                // "dispatching additional forces": the pattern's own object is not the target.
                if m.start <= patternEnd && patternEnd < m.end && !pattern.flags.contains(.objectIsTarget) { skip = true }
                // "rallied in Taipei", "marched in Goma": where a protest is held is no target of it.
                if root == 14, m.isPlace || (prep?.contains(.locative) ?? false) && !isText(before, "outside") {
                    skip = true
                }
                // "hit targets in Iraq and Syria": the second of two places after "in" is a place too.
                if !prepInPattern, m.isPlace, prep == nil, !(m.start > c.start && cls(m.start - 1).contains(.locative)) {
                    skip = true
                }
                if !prepInPattern, let prep {
                    // "fired six missiles at the building", "fired tear gas at protesters": what force aims at is
                    // its target.
                    // (Arrests "at Moscow's airport" are made there: of coercion, only firing aims.)
                    let aims = (18...19).contains(root) || pattern.code.rawValue.hasPrefix("175")
                    if prep.contains(.locative) && !(prep.contains(.at) && aims) { skip = true }
                    if (root == 11 || root == 12) && !prep.contains(.of) && !isProposer(m, c) { skip = true }
                }
                // "tariffs of their own", "its own troops": a reflexive possessive is the source's, no object.
                if m.pronoun, m.end < c.end, isText(m.end, "own") { skip = true }
                if m.pronoun, let resolved = resolve(m, c, other: source) {
                    if !skip, source.map({ !sameActor($0, resolved) }) ?? true { return resolved }
                } else if !skip && !m.pronoun && !m.isInstrument && !(source.map { sameActor($0, m) } ?? false) {
                    if (18...20).contains(root), let occupants = housed(after: m, c),
                        occupants.country != source?.country
                    {
                        return occupants
                    }
                    if m.hasCountry { return m }
                    fallback = fallback ?? m
                }
                k = max(m.end, k + 1)
                continue
            }
            let t = tokens[k]
            switch t.kind {
            case .semicolon, .colon, .period, .exclamation, .question, .comma:
                return fallback
            case .word:
                let wc = cls(k)
                if wc.contains(.relative) && pattern.flags.contains(.targetInClause) && k == b + 1 { break }
                if wc.contains(.barrier) || wc.contains(.speech) { return fallback }
                // "called on X to stand against Y": the object is before the infinitive (one inside the pattern,
                // "ready to use force against Y", is not).
                // "marched in Goma on Monday to denounce Rwanda": what a protest is held to denounce is its target.
                let protestAim = root == 14 && wc.contains(.to) && k + 1 < c.end
                    && EventCoder.protestAims.contains { isText(k + 1, $0) }
                if protestAim {
                    k += 2
                    continue
                }
                if wc.contains(.to), k > patternEnd, k + 1 < c.end, tokens[k + 1].kind == .word,
                    c.mention(startingAt: k + 1) == nil, !cls(k + 1).contains(.determiner),
                    !cls(k + 1).contains(.modifier)
                {
                    return fallback
                }
                // Another verb ends the clause, but not a word of the pattern itself ("announced sanctions on
                // Thursday targeting Russia's banks").
                // "ousted and arrested President Omar al-Bashir": a verb joined right after the pattern shares its
                // object.
                let sharesObject = k == patternEnd + 2 && cls(k - 1).contains(.conjunction) && endsWith(k, "ed")
                if k > b + 1 && k > patternEnd && hasPatterns(k) && !isNounUsage(k, c) && !sharesObject {
                    return fallback
                }
            default:
                break
            }
            k += 1
        }
        return fallback
    }

    /// The actor after "led by" or "headed by" before the verb at `a`, in its clause ("A delegation led by X met").
    func leader(before a: Int, _ c: SentenceContext) -> ActorMention? {
        var k = a - 1
        while k > c.start + 1, a - k <= 20 {
            if tokens[k].kind == .semicolon || cls(k).contains(.speech) { return nil }
            if isText(k, "by"), isText(k - 1, "led") || isText(k - 1, "headed") {
                var j = k + 1
                while j < a, cls(j).contains(.determiner) { j += 1 }
                return c.mention(startingAt: j).flatMap { $0.isCountryActor ? $0 : nil }
            }
            k -= 1
        }
        return nil
    }

    /// Whether "in" and an accident ("a stampede", "a car crash", "the earthquake") follow the pattern ending at
    /// `b`, past up to three words of its noun phrase.
    func killedInAccident(after b: Int, _ c: SentenceContext) -> Bool {
        var k = b + 1
        while k < c.end, k - b <= 3, !isText(k, "in") {
            guard tokens[k].kind == .word || tokens[k].kind == .number, !cls(k).contains(.barrier) else { return false }
            k += 1
        }
        guard k < c.end, isText(k, "in") else { return false }
        var j = k + 1
        while j < c.end, j - k <= 4, tokens[j].kind == .word {
            if EventCoder.accidents.contains(where: { isText(j, $0) }) { return true }
            j += 1
        }
        return false
    }

    static let accidents: [StaticString] = [
        "stampede", "crash", "accident", "earthquake", "quake", "flood", "floods", "landslide", "avalanche", "storm",
        "cyclone", "hurricane", "typhoon", "tsunami", "fire", "blaze", "collapse", "crush",
    ]

    /// Verbs after "to" that say what a protest is against ("rallied to denounce", "marched to protest against").
    static let protestAims: [StaticString] = [
        "denounce", "condemn", "protest", "oppose", "decry", "criticise", "criticize", "reject", "demand",
    ]

    /// "\"The Lithuanian side must bear the consequences,\" it said", "…, the ministry said": who tells the
    /// sentence, after a comma or quotation mark that follows the pattern ending at `b`.
    func tellerAfter(_ b: Int, _ c: SentenceContext) -> ActorMention? {
        var k = b + 1
        var crossed = false
        while k < c.end {
            let kind = tokens[k].kind
            if kind == .comma || kind == .quote { crossed = true }
            if crossed, cls(k).contains(.speech) {
                var j = k - 1
                while j > b, isAdverb(j) { j -= 1 }
                guard let teller = c.mention(endingAt: j + 1) ?? c.mention(startingAt: k + 1) else { return nil }
                // A pronoun after a quotation that opens the sentence stands for whoever the story named before it,
                // not for an actor inside the quotation.
                let who = teller.pronoun && tokens[c.start].kind == .quote ? c.previousActor : resolve(teller, c)
                return who.flatMap { $0.isCountryActor ? $0 : nil }
            }
            if cls(k).contains(.speech) { return nil }
            k += 1
        }
        return nil
    }

    /// "fired missiles at two Iraqi bases housing U.S. troops": whom a place struck houses or hosts, right after
    /// it, is whom the force is aimed at.
    func housed(after m: ActorMention, _ c: SentenceContext) -> ActorMention? {
        guard m.end + 1 < c.end, isText(m.end, "housing") || isText(m.end, "hosting") else { return nil }
        var j = m.end + 1
        while j < c.end, tokens[j].kind == .number || cls(j).contains(.determiner) || cls(j).contains(.quantifier) {
            j += 1
        }
        return c.mention(startingAt: j).flatMap { $0.isCountryActor ? $0 : nil }
    }

    /// "rejected a proposal by President Moon", "condemned remarks from Beijing": whoever made what is rejected
    /// or condemned is its target.
    private func isProposer(_ m: ActorMention, _ c: SentenceContext) -> Bool {
        var k = m.start - 1
        while k > c.start, cls(k).contains(.determiner) { k -= 1 }
        return k > c.start && (cls(k).contains(.by) || word(k) == "from") && cls(k - 1).contains(.utteranceNoun)
    }

    /// The agent of a passive: the actor after "by" ("was then attacked on Dec. 31 by a group of militiamen").
    /// (Read from the text: "confrontation", "firefight" and "gunfight" are in no dictionary, so the vocabulary has
    /// no id for them.)
    private static let fightNouns: [StaticString] = [
        "clash", "clashes", "fighting", "battle", "battles", "skirmish", "skirmishes", "confrontation", "firefight",
        "gunfight",
    ]
    private static let spelledCounts = ["a": 1, "one": 1, "two": 2, "three": 3]

    /// The other side of a fight the passive names: "soldiers were killed in a clash with Chinese troops".
    func findOpponent(after b: Int, _ c: SentenceContext) -> ActorMention? {
        var k = b + 1
        while k + 1 < c.end && k - b <= 6 {
            if EventCoder.fightNouns.contains(where: { isText(k, $0) }), word(k + 1) == "with" {
                var j = k + 2
                while j < c.end, cls(j).contains(.determiner) { j += 1 }
                return c.mention(startingAt: j).flatMap { $0.pronoun ? nil : $0 }
            }
            if tokens[k].kind == .semicolon || cls(k).contains(.barrier) { return nil }
            k += 1
        }
        return nil
    }

    func findAgent(after b: Int, _ c: SentenceContext) -> ActorMention? {
        var k = b + 1
        while k < c.end && k - b <= 10 {
            if cls(k).contains(.by) {
                if k + 1 < c.end && endsWith(k + 1, "ing") { return nil }
                var j = k + 1
                while j < c.end && j - k <= 7 {
                    if let m = c.mention(startingAt: j), !m.pronoun { return m }
                    if tokens[j].kind != .word && tokens[j].kind != .number { return nil }
                    if cls(j).contains(.barrier) { return nil }
                    j += 1
                }
                return nil
            }
            if tokens[k].kind == .semicolon || cls(k).contains(.barrier) { return nil }
            k += 1
        }
        return nil
    }

    /// The place of the event: the gazetteer entry nearest the verb that is a location (after "in", "at",
    /// "near"…, or a place that is not also a country or capital).
    func findLocation(_ a: Int, _ c: SentenceContext, excluding actors: [ActorMention]) -> Place? {
        var best: Place?
        var bestDistance = Int.max
        for p in c.places {
            if actors.contains(where: { $0.start <= p.start && p.end <= $0.end && $0.end > $0.start }) { continue }
            if c.mentions.contains(where: { $0.start == p.start && p.end < $0.end }) { continue }
            if c.mentions.contains(where: { $0.start <= p.start && p.end <= $0.end }) {
                // A country or capital inside an actor phrase is a location only after "in", "at", "near"…
                var k = p.start - 1
                while k >= c.start && (cls(k).contains(.determiner) || cls(k).contains(.modifier)) { k -= 1 }
                guard k >= c.start, cls(k).contains(.locative) else { continue }
            }
            let distance = p.start >= a ? p.start - a : (a - p.end) + 2
            if distance < bestDistance {
                bestDistance = distance
                best = lexicon.places[Int(p.place)]
            }
        }
        return best
    }

    /// The nearest date in the clause; a date across a clause boundary or from the previous sentence is
    /// approximate; with none, the reference day (provenance `.articleDate`). Noun patterns need their own date.
    /// "…on Tuesday, a day after soldiers detained her": a clause after "N days after" (or "before"), between a
    /// date and the act, happened that many days before (after) the date. The days to add, if there is one.
    func dayShift(from start: Int, to end: Int) -> Int? {
        var shift: Int?
        var k = start
        while k + 2 < end {
            defer { k += 1 }
            // The word class first: most tokens are not "day" or "days", and reading a word builds a string.
            guard cls(k + 1).contains(.dateWord) else { continue }
            let count: Int? =
                tokens[k].kind == .number ? Int(tokens[k].value) : EventCoder.spelledCounts[word(k) ?? ""]
            guard let count, (1...7).contains(count), ["day", "days"].contains(word(k + 1)) else { continue }
            switch word(k + 2) {
            case "after": shift = -count
            case "before": shift = count
            default: continue
            }
        }
        return shift
    }

    /// Whether the verb at `a` is in a clause that "after" opens, the nearest clause boundary
    /// between `start` and it, with a finite verb of its own: not "after meeting Xi" (the same subject, most
    /// often the same day), nor "hours after", "shortly after".
    func isInAfterClause(_ a: Int, from start: Int) -> Bool {
        guard !endsWith(a, "ing") else { return false }
        var k = a - 1
        while k >= start {
            let wc = cls(k)
            // "said … after weekend attacks on its plants, as Iran's leader ruled out talks": another clause.
            let kind = tokens[k].kind
            let isAs = tokens[k].end - tokens[k].start == 2 && word(k) == "as"
            if kind == .semicolon || kind == .comma || kind == .dash || wc.contains(.speech) || isAs {
                return false
            }
            if wc.contains(.barrier) {
                guard word(k) == "after", k > 0 else { return false }
                // Read from the text: most of these words are in no dictionary.
                let t = tokens[k - 1]
                let before = String(decoding: bytes[Int(t.start)..<Int(t.end)], as: UTF8.self).lowercased()
                return !EventCoder.shortWhileWords.contains(before)
            }
            k -= 1
        }
        return false
    }

    private static let shortWhileWords: Set<String> = [
        "hours", "hour", "minutes", "moments", "shortly", "soon", "just", "immediately", "right", "only",
    ]

    /// When the date `d` is inside a relative clause set off by a comma (", who visited Beirut on Thursday,",
    /// ", which struck on Monday"): the comma that opens it and the token that closes it (a comma, semicolon or
    /// dash, or the sentence's end).
    func relativeAside(around d: DateMention, _ c: SentenceContext) -> (open: Int, close: Int)? {
        var k = d.start - 1
        var open: Int?
        while k > c.start && d.start - k <= 14 {
            let kind = tokens[k].kind
            if kind == .comma || kind == .semicolon || kind == .dash || kind == .colon { return nil }
            if cls(k).contains(.relative), tokens[k - 1].kind == .comma, word(k) != "that" {
                open = k - 1
                break
            }
            k -= 1
        }
        guard let open else { return nil }
        var close = d.end
        while close < c.end, tokens[close].kind != .comma, tokens[close].kind != .semicolon,
            tokens[close].kind != .dash
        {
            close += 1
        }
        return (open, close)
    }

    /// Whether the verb at `a` is in the simple present's third person after its subject ("Iran says", "Beijing
    /// strongly urges"), outside quotes (a speaker's present is the day of the telling) and outside a relative
    /// clause ("a group which it calls a terrorist organisation": a description, as old as the story).
    func isPresentTense(_ a: Int, _ c: SentenceContext) -> Bool {
        guard endsWith(a, "s"), !endsWith(a, "ss"), !endsWith(a, "us") else { return false }
        var k = a - 1
        while k > c.start, isAdverb(k) { k -= 1 }
        // The subject right before the verb: not a noun read as one ("school raids", "planned visits").
        guard let subject = c.mention(endingAt: k + 1) else { return false }
        if subject.start > c.start, cls(subject.start - 1).contains(.relative) { return false }
        return !c.sentence.isQuoted(a, tokens: tokens, bytes: bytes)
    }

    /// Whether the date `d` follows a verb of saying, directly or after "on" ("said on Tuesday", "told Friday").
    func isTellingDate(_ d: DateMention, _ c: SentenceContext) -> Bool {
        var k = d.start - 1
        if k > c.start, word(k) == "on" { k -= 1 }
        return k >= c.start && cls(k).contains(.speech)
    }

    /// Whether the date `d` belongs to a clause in the past perfect ("had fired … on Tuesday", "had been seized on
    /// July 4"): "had" and a past participle before it in its clause.
    func isPastPerfect(_ d: DateMention, _ c: SentenceContext) -> Bool {
        var k = d.start - 1
        while k >= c.start && d.start - k <= 15 {
            let wc = cls(k)
            if tokens[k].kind == .semicolon || wc.contains(.barrier) || wc.contains(.speech) { return false }
            if wc.contains(.auxiliary), word(k) == "had" {
                var v = k + 1
                while v < d.start, isAdverb(v) || word(v) == "been" { v += 1 }
                return v < d.start && (endsWith(v, "ed") || cls(v).contains(.participle))
            }
            k -= 1
        }
        return false
    }

    /// "killed in Sunday's strike", "detained during Monday's raids": whether the possessive date `d` follows "in"
    /// or "during" and is of an act named by a noun right after it, past up to two words ("Sunday's drone strike").
    func isDateOfEnclosingAct(_ d: DateMention, _ c: SentenceContext) -> Bool {
        guard d.start - 1 >= c.start, isText(d.start - 1, "in") || isText(d.start - 1, "during") else { return false }
        var k = d.end
        while k < min(c.end, d.end + 3), tokens[k].kind == .word, !cls(k).contains(.barrier) {
            if cls(k).contains(.actNoun) { return true }
            k += 1
        }
        return false
    }

    /// Whether the tokens from `start` up to `end` go on with one noun phrase: no punctuation, clause word or verb.
    func isNounPhrase(from start: Int, to end: Int, _ c: SentenceContext) -> Bool {
        for k in start..<end {
            guard tokens[k].kind == .word || tokens[k].kind == .number || tokens[k].kind == .possessive else {
                return false
            }
            if cls(k).contains(.barrier) || cls(k).contains(.speech) || (hasPatterns(k) && !isNounUsage(k, c)) {
                return false
            }
        }
        return true
    }

    /// An intent (03) is dated by the day it was told, not by the day of what it plans, after an infinitive:
    /// "Maduro and Ali agreed to meet in Kingstown on Thursday" is no agreement on Thursday.
    func bindDate(_ a: Int, _ isNoun: Bool, _ c: SentenceContext, intent: Bool = false) -> EventDate? {
        var best: (crossed: Int, rank: Int, distance: Int, date: EventDate, before: Int?)?
        let told = !isNoun && isToldDecision(a, c)
        // The first "to" after the anchor, in reach: dates after it are the planned act's.
        var plan = Int.max
        if intent && !isNoun {
            var k = a + 1
            while k < min(c.end, a + 8) {
                // An infinitive ("agreed to meet"), not a preposition before whom the intent is for ("pledged aid
                // to Lebanon on Sunday", "offered help to the people of Turkey").
                if cls(k).contains(.to), k + 1 < c.end, tokens[k + 1].kind == .word,
                    !tokens[k + 1].flags.contains(.capitalized), !cls(k + 1).contains(.determiner),
                    c.mention(startingAt: k + 1) == nil
                {
                    plan = k
                    break
                }
                k += 1
            }
        }
        // "declared a state of emergency and said the army would hand power to civilians in July 2023": a date
        // after the reference day is a plan's, no act's.
        // (A month is dated mid-month: "in October" told on Oct. 5 is no plan.)
        let reference = c.reference
        for d in c.dates {
            if told && d.start > a { continue }
            if d.start > plan { continue }
            // ("Two weeks later" counts from the story's dates: no plan.)
            if let reference, d.shift == nil, d.date.day > reference.adding(days: d.date.precision == .day ? 1 : 16) {
                continue
            }
            // "Macron, who visited Beirut on Thursday, urged its leaders …": a date inside a relative clause
            // between commas dates that clause's verb only.
            if let aside = relativeAside(around: d, c), !(aside.open < a && a < aside.close) { continue }
            // "Tuesday's attack killed seven": a possessive date belongs to its noun, and through it to the verb
            // the noun is the subject of, when nothing else in the clause dates it.
            var possessivePenalty = 0
            if d.possessive && !(d.end <= a && a - d.end <= 1) {
                if d.end > a {
                    // "were killed in Sunday's strike", "detained ministers in Monday's raids": the act was part of
                    // the one the date is of.
                    if !isDateOfEnclosingAct(d, c) { continue }
                } else {
                    // Only a noun phrase's own date before the verb ("Tuesday's deadly attack on the camp killed",
                    // "Sunday's drone strike on the port of Odesa by Russian forces killed"), not one of a phrase
                    // further back ("blaming last week's explosion, as protesters clashed").
                    if a - d.end > 12 || (a - d.end > 6 && !isNounPhrase(from: d.end, to: a, c)) { continue }
                    possessivePenalty = 1
                }
            }
            let (from, to) = d.end <= a ? (d.end, a) : (a + 1, d.start)
            var crossed = false
            // "broke out on Wednesday and escalated on Friday into fighting": a date before an "and" is the first
            // verb's, so one as near after the verb wins.
            var coordinated = 0
            var clauseAnd = false
            if from < to {
                for k in from..<to {
                    let wc = cls(k)
                    if tokens[k].kind == .semicolon || wc.contains(.barrier) || wc.contains(.speech) {
                        crossed = true
                        break
                    }
                    if d.end <= a, wc.contains(.conjunction) {
                        coordinated = 1
                        if k > from, tokens[k - 1].kind == .comma { clauseAnd = true }
                    }
                    // "… seized two towns over the weekend, and thousands of people marched in Goma on Monday": past
                    // ", and" and a subject of the verb's own, the date is the first clause's.
                    if clauseAnd, c.mention(startingAt: k) != nil { coordinated = 20 }
                }
            }
            if possessivePenalty > 0 && crossed { continue }
            let distance = to - from + possessivePenalty * 1000 + coordinated
            // "Turkey said on Wednesday its navy shelled an island last week": the date right after "said" is the
            // telling's, so one of the told act's own wins over it however near (and dates it when there is none).
            let telling = d.end <= a && isTellingDate(d, c) ? 10 : 0
            let rank = (crossed ? 1 : 0, distance + telling)
            if best == nil || rank < (best!.crossed, best!.rank) {
                best = (rank.0, rank.1, distance, d.date, d.end <= a ? d.end : nil)
            }
        }
        if var found = best, let dateEnd = found.before, let shift = dayShift(from: dateEnd, to: a) {
            found.date.day = found.date.day.adding(days: shift)
            best = found
        } else if var found = best, found.crossed == 1, let dateEnd = found.before, found.date.precision == .day,
            isInAfterClause(a, from: dateEnd)
        {
            // "Iranian diplomats left on Thursday after Albania cut ties": what the main clause follows came
            // before its day; the day before is the nearest guess (and within a day of the same day).
            found.date.day = found.date.day.adding(days: -1)
            best = found
        }
        if isNoun {
            guard let best, best.crossed == 0, best.distance <= 12 else { return nil }
            return best.date
        }
        if let best {
            var date = best.date
            if best.crossed == 1 { date.precision = .approximate }
            return date
        }
        // "Iran says it will retaliate", "Beijing urges restraint": told in the present, the act is the day the
        // article speaks, not the day the sentences before it told of.
        if var carried = c.previousDate?.date, isNoun || !isPresentTense(a, c) {
            // "The exchange came a day after Netanyahu bowed to pressure": counted from the story's date too (a
            // bare "after" is not: the main clause's own day is unknown, and the story's may be the act's).
            if let shift = dayShift(from: c.start, to: a) { carried.day = carried.day.adding(days: shift) }
            carried.precision = .approximate
            return carried
        }
        guard let reference = c.reference else { return nil }
        // "Russia attacked Ukraine two days after Kyiv struck Belgorod": from the article's day too.
        let shift = dayShift(from: c.start, to: a) ?? 0
        return EventDate(day: reference.adding(days: shift), precision: .day, provenance: .articleDate)
    }
}
