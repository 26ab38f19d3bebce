/// Finds actor phrases in a sentence and resolves each to a canonical name and a CAMEO-style code.
///
/// An actor phrase is a run of dictionary pieces — country names and demonyms, capitals, role nouns
/// ("forces", "protesters"), titles ("Prime Minister") and named actors — joined by modifiers ("senior",
/// "Shiite", "pro-Iran", "Iran-backed"), a possessive before a further piece ("Iran's foreign ministry"),
/// "of" before a country ("the government of Iraq") or "and" between role nouns ("militiamen and
/// demonstrators"). After a title, up to three capitalized words are the person's name ("Israeli Foreign
/// Minister Israel Katz"). The code is a named actor's code; else the first country plus the head role (the
/// last role before "of", else the last role); a capital alone means its government.
/// Affiliation modifiers (`Iran-backed`, `pro-Iran`) name a backer, so they add no country.
///
/// A person named after a title ("Nigerian President Bola Tinubu", "Foreign Secretary Jeremy Hunt") is known by
/// surname for the rest of the article ("Tinubu said …"), as news writing refers to people after introducing them.
struct MentionFinder {
    let lexicon: Lexicon
    let bytes: [UInt8]
    let tokens: [Token]
    /// Surnames introduced so far in the article, with the actor each stands for.
    private var introduced: [(surname: Range<Int>, actor: ActorMention)] = []

    init(lexicon: Lexicon, bytes: [UInt8], tokens: [Token]) {
        self.lexicon = lexicon
        self.bytes = bytes
        self.tokens = tokens
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[Int(tokens[start].start)..<Int(tokens[end - 1].end)], as: UTF8.self)
    }

    mutating func find(_ start: Int, _ end: Int, places: inout [(start: Int, end: Int, place: Int32)]) -> [ActorMention] {
        var mentions: [ActorMention] = []
        var i = start
        while i < end {
            let token = tokens[i]
            if token.flags.contains(.capitalized), let known = introducedActor(at: i, end) {
                mentions.append(known)
                i = known.end
                continue
            }
            if let pair = pairReference(at: i, end) {
                mentions.append(pair)
                i = pair.end
                continue
            }
            guard token.kind == .word, token.id >= 0 else {
                i += 1
                continue
            }
            let wordClass = lexicon.classes[Int(token.id)]
            if wordClass.contains(.countryNoun),
                let referenceStart = countryReferenceStart(before: i, start, &mentions)
            {
                var reference = ActorMention(
                    start: referenceStart, end: i + 1, name: "", country: nil, role: nil, named: false,
                    possessive: false, weapon: nil, pronoun: true, isPlace: false)
                reference.isCountryReference = true
                mentions.append(reference)
                i += 1
                continue
            }
            if wordClass.contains(.pronoun) && !token.flags.contains(.hashtag) {
                mentions.append(ActorMention(
                    start: i, end: i + 1, name: "", country: nil, role: nil, named: false, possessive: false,
                    weapon: nil, pronoun: true, isPlace: false))
                i += 1
                continue
            }
            guard lexicon.startsPhrase(token) else {
                i += 1
                continue
            }
            let match = lexicon.match(tokens, at: i, limit: end)
            if match.place >= 0 { places.append((i, match.placeEnd, match.place)) }
            if match.actor >= 0 || match.weapon >= 0 {
                let (mention, surname) = phrase(from: i, end)
                // A title without a country ("Foreign Secretary Jeremy Hunt") names a person too: the role takes
                // the country of the place or the dateline wherever the surname comes back ("Hunt had warned").
                if let surname, mention.country != nil || mention.role != nil, isNewName(surname) {
                    introduced.append((Int(tokens[surname].start)..<Int(tokens[surname].end), mention))
                }
                mentions.append(mention)
                i = max(mention.end, i + 1)
            } else {
                i = max(i + 1, match.placeEnd)
            }
        }
        return mentions
    }

    /// Where a reference to a country ends by the country noun at `k` begins: "the country", "his country", or
    /// "the oil-producing Central African nation", whose demonym describes the country named before rather than
    /// naming one (its mention, the last found, is dropped). Nil when the noun is no reference ("a country").
    private func countryReferenceStart(before k: Int, _ start: Int, _ mentions: inout [ActorMention]) -> Int? {
        func isDefinite(_ j: Int) -> Bool {
            tokens[j].kind == .word && tokens[j].id >= 0 && lexicon.classes[Int(tokens[j].id)].contains(.definite)
        }
        if k > start, isDefinite(k - 1) { return k - 1 }
        // "the Moroccan kingdom" is Morocco: only a nation or country is described by a region's demonym.
        let noun = lexicon.vocabulary.word(tokens[k].id)
        if noun == "kingdom" || noun == "emirate" { return nil }
        guard let demonym = mentions.last, demonym.end == k, demonym.country != nil, demonym.role == nil,
            !demonym.named, !demonym.possessive
        else { return nil }
        // Up to three describing words between "the" and the demonym ("small", "oil-producing").
        var j = demonym.start - 1
        while j >= max(start, demonym.start - 4) {
            if isDefinite(j) {
                mentions.removeLast()
                return j
            }
            guard tokens[j].kind == .word || tokens[j].kind == .dash || tokens[j].kind == .other else { return nil }
            j -= 1
        }
        return nil
    }

    /// "the two leaders", "both sides": a reference to the last two actors named (``EventCoder/pair(before:_:)``).
    private func pairReference(at k: Int, _ limit: Int) -> ActorMention? {
        guard k + 1 < limit, lexicon.wordClass(tokens[k].id).contains(.pairNumber),
            lexicon.wordClass(tokens[k + 1].id).contains(.pairNoun)
        else { return nil }
        var reference = ActorMention(
            start: k, end: k + 2, name: "", country: nil, role: nil, named: false, possessive: false, weapon: nil,
            pronoun: true, isPlace: false)
        reference.isPairReference = true
        return reference
    }

    /// The person a surname introduced earlier stands for, when the word at `k` is that surname (possibly
    /// after the first name: "Bola Tinubu").
    private func introducedActor(at k: Int, _ limit: Int) -> ActorMention? {
        guard !introduced.isEmpty else { return nil }
        var j = k
        // "Bola Tinubu": a first name before the surname.
        if j + 1 < limit, tokens[j + 1].flags.contains(.capitalized), tokens[j].id < 0 { j += 1 }
        for candidate in [k, j] {
            let t = tokens[candidate]
            let text = bytes[Int(t.start)..<Int(t.end)]
            guard let known = introduced.last(where: { bytes[$0.surname].elementsEqual(text) })?.actor else { continue }
            var mention = known
            mention.start = k
            mention.end = candidate + 1
            mention.possessive = candidate + 1 < limit && tokens[candidate + 1].kind == .possessive
            return mention
        }
        return nil
    }

    /// A surname worth remembering: not a word the dictionaries use for anything else, not known already.
    private func isNewName(_ k: Int) -> Bool {
        let t = tokens[k]
        if t.id >= 0, !lexicon.classes[Int(t.id)].isEmpty || lexicon.patterns[t.id] != nil
            || lexicon.startsPhrase(t)
        {
            return false
        }
        let text = bytes[Int(t.start)..<Int(t.end)]
        return !introduced.contains { bytes[$0.surname].elementsEqual(text) }
    }

    /// Reads one actor phrase starting at a dictionary piece; also returns the last word of a person's name
    /// read after a title, if any.
    private func phrase(from start: Int, _ limit: Int) -> (ActorMention, surname: Int?) {
        var named: ActorPiece?
        var country: ActorPiece?
        var headRole: String?
        var roleBeforeOf: String?
        var sawOf = false
        var weapon: CAMEOCode?
        var lastWasTitle = false
        var lastWasRole = false
        var nameStart = -1
        var nameEnd = -1
        var i = start
        var end = start

        func piece(at k: Int) -> (ActorPiece?, CAMEOCode?, Int) {
            guard k < limit, tokens[k].kind == .word, lexicon.startsPhrase(tokens[k]) else { return (nil, nil, k) }
            let m = lexicon.match(tokens, at: k, limit: limit)
            if m.actor >= 0 && m.actorEnd >= m.weaponEnd { return (lexicon.pieces[Int(m.actor)], nil, m.actorEnd) }
            if m.weapon >= 0 { return (nil, lexicon.weaponCodes[Int(m.weapon)], m.weaponEnd) }
            return (nil, nil, k)
        }
        func isNameWord(_ k: Int) -> Bool {
            guard k < limit else { return false }
            let t = tokens[k]
            guard t.kind == .word, t.flags.contains(.capitalized), !t.flags.contains(.handle) else { return false }
            if t.id >= 0 {
                if lexicon.classes[Int(t.id)].contains(.function) { return false }
                if lexicon.months[Int(t.id)] > 0 || lexicon.weekdays[Int(t.id)] > 0 { return false }
            }
            return true
        }
        func isFiller(_ k: Int) -> Bool {
            guard k < limit, tokens[k].kind == .word else { return false }
            return tokens[k].flags.contains(.affiliation) || lexicon.wordClass(tokens[k].id).contains(.modifier)
                || isDesignation(k)
        }
        // A model designation ("Israeli F-35 warplanes", "Russian Su-24 bombers"): letters with digits.
        func isDesignation(_ k: Int) -> Bool {
            tokens[k].id < 0 && bytes[Int(tokens[k].start)..<Int(tokens[k].end)].contains { $0 >= 48 && $0 <= 57 }
        }

        while i < limit {
            let (p, w, pieceEnd) = piece(at: i)
            if let p {
                if lastWasTitle && p.kind != .named && isNameWord(i) && p.kind != .title && p.kind != .role {
                    // "Foreign Minister Israel Katz": a capitalized word after a title is a name.
                } else {
                    switch p.kind {
                    case .named where country != nil && p.roleAfterCountry != nil:
                        headRole = p.roleAfterCountry
                        if !sawOf { roleBeforeOf = p.roleAfterCountry }
                    case .named: named = p
                    case .country, .capital:
                        if country == nil { country = p }
                    case .role, .title:
                        headRole = p.code
                        if !sawOf { roleBeforeOf = p.code }
                    }
                    lastWasTitle = p.kind == .title
                    lastWasRole = p.kind == .role || p.kind == .title || (p.kind == .named && named == nil)
                    i = pieceEnd
                    end = i
                    continue
                }
            }
            if let w {
                weapon = weapon ?? w
                headRole = headRole ?? "MIL"
                lastWasTitle = false
                lastWasRole = true
                i = pieceEnd
                end = i
                continue
            }
            if lastWasTitle || nameStart >= 0, named == nil, isNameWord(i), nameEnd - nameStart < 3 || nameStart < 0 {
                if nameStart < 0 { nameStart = i }
                nameEnd = i + 1
                i += 1
                end = i
                lastWasRole = false
                continue
            }
            // Modifiers inside the phrase, only when a piece follows ("Iraqi Shiite militia").
            if isFiller(i) {
                var k = i
                while isFiller(k) { k += 1 }
                if piece(at: k).0 != nil || piece(at: k).1 != nil {
                    i = k
                    continue
                }
                break
            }
            // "Russia's missile strikes": a weapon after a country's possessive is that country's, as "Russian
            // missile strikes" is.
            if tokens[i].kind == .possessive, case let next = piece(at: i + 1),
                next.0.map({ $0.kind != .country }) ?? (next.1 != nil)
            {
                i += 1
                continue
            }
            let wordClass = tokens[i].kind == .word ? lexicon.wordClass(tokens[i].id) : []
            // "the government of Iraq"; "the Security Council of Russia" (a named actor that is also a role).
            let roleOfNamed = named?.roleAfterCountry
            if wordClass.contains(.of), country == nil, named == nil ? lastWasRole : roleOfNamed != nil {
                var k = i + 1
                while k < limit, lexicon.wordClass(tokens[k].id).contains(.determiner) || isFiller(k) { k += 1 }
                let (next, _, _) = piece(at: k)
                // "the leader of Hezbollah", "the head of the IAEA": a title of a named actor is that actor's.
                let ofNamed = next?.kind == .named && named == nil && lastWasTitle
                if let next, next.kind == .country || next.kind == .capital || next.kind == .role || ofNamed {
                    if let roleOfNamed {
                        guard next.kind != .role else { break }
                        (named, headRole, roleBeforeOf) = (nil, roleOfNamed, roleOfNamed)
                    }
                    sawOf = true
                    // "the president of Iran": past "of", a capitalized word is no longer the person's name.
                    lastWasTitle = false
                    i = k
                    continue
                }
            }
            if wordClass.contains(.conjunction), lastWasRole, named == nil {
                var k = i + 1
                while isFiller(k) { k += 1 }
                if let next = piece(at: k).0, next.kind == .role {
                    i = k
                    continue
                }
            }
            break
        }

        let role = roleBeforeOf ?? headRole
        let possessive = end < limit && tokens[end].kind == .possessive
        if let named {
            let (c, r) = ActorCode.split(named.code)
            let mention = ActorMention(
                start: start, end: end, name: named.name, country: c, role: r, named: true, possessive: possessive,
                weapon: weapon, pronoun: false, isPlace: false, namedCode: named.code)
            return (mention, nil)
        }
        let countryCode = country?.code
        var finalRole = role
        if finalRole == nil, country?.kind == .capital { finalRole = "GOV" }
        var name: String
        if nameStart >= 0 {
            name = text(nameStart, nameEnd)
        } else if let country, let finalRole {
            let adjective = lexicon.countries[country.code]?.adjective ?? country.name
            name = adjective + " " + (ActorMention.roleLabels[finalRole] ?? finalRole.lowercased())
        } else if let country {
            name = country.name
        } else {
            name = finalRole.map { ActorMention.roleLabels[$0] ?? $0.lowercased() } ?? text(start, end)
        }
        if weapon != nil && country == nil && nameStart < 0 { name = "unidentified forces" }
        let mention = ActorMention(
            start: start, end: max(end, start + 1), name: name, country: countryCode, role: finalRole, named: false,
            possessive: possessive, weapon: weapon, pronoun: false, isPlace: false)
        return (mention, nameStart >= 0 && nameEnd - nameStart >= 2 ? nameEnd - 1 : nil)
    }
}
