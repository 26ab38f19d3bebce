/// What a dictionary phrase names when it stands in an actor phrase.
struct ActorPiece: Sendable {
    enum Kind: UInt8, Sendable {
        /// A known actor: "Mike Pompeo", "Kata'ib Hezbollah", "State Department".
        case named
        /// A country by name or demonym: "Iran", "Iraqi". `code` is the ISO3 code.
        case country
        /// A capital used for its government: "Tehran", "Washington". `code` is the ISO3 code.
        case capital
        /// A group noun: "forces", "protesters". `code` is the role.
        case role
        /// A title that may precede a name: "Prime Minister", "Secretary of State". `code` is the role.
        case title
    }
    var kind: Kind
    var code: String
    var name: String
    /// For a named actor whose phrase is also a role noun ("Security Council": the UN's, and a body of any
    /// state), that role: read after a country in the same phrase ("Russia's Security Council").
    var roleAfterCountry: String? = nil
}

/// A gazetteer entry: canonical place name and its country.
struct Place: Sendable {
    var name: String
    var country: String?
}

struct CountryInfo: Sendable {
    var code: String
    var name: String
    var adjective: String
}

/// One step of a verb pattern.
///
/// One case only carries a payload: with two array payloads Swift keeps the case in the array pointer's spare
/// bits, and LeakSanitizer (CI's step 9) no longer recognized the pointer and reported the arrays as leaked.
enum PatternElement: Sendable {
    /// One of these words, right here; with `orWeapon`, or any weapon, whichever comes first
    /// (`strikes|raids|WEAPON`).
    case words([Int32], orWeapon: Bool = false)
    /// Up to six tokens of anything but a clause barrier.
    case gap
    /// Any weapon from the weapons dictionary.
    case weapon
    /// A quotation mark opening words of blame, not praise or a name (`QUOTE`: "called the vote \"treachery\"").
    case quote
}

struct PatternFlags: OptionSet, Sendable {
    let rawValue: UInt8
    /// The anchor is a noun ("attack on", "launch of"): needs a date in the sentence to count.
    static let noun = PatternFlags(rawValue: 1)
    /// The grammatical subject suffers the action and the speaker causes it ("they will pay a price").
    static let subjectIsTarget = PatternFlags(rawValue: 2)
    /// Modal verbs do not block it ("will pay a price" is the threat itself).
    static let modalOK = PatternFlags(rawValue: 4)
    /// The target may sit in a following "that" clause ("warned that Tehran would pay").
    static let targetInClause = PatternFlags(rawValue: 8)
    /// The pattern's own object is the target ("summoned the British ambassador"), not the source's own
    /// means ("deployed US troops").
    static let objectIsTarget = PatternFlags(rawValue: 16)
    /// The anchor is an adjective after "be" ("was disappointed by", "concerned about"): never a passive; the
    /// subject feels it, and what follows "by" is its object, not its agent.
    static let stative = PatternFlags(rawValue: 32)
    /// The pattern ends with "from" and the actor after it is the source, the subject the target ("the decision
    /// drew a protest from Tokyo").
    static let fromSource = PatternFlags(rawValue: 64)
    /// Naming nobody, the act is aimed at the actor's own country ("the opposition rejected the results": the
    /// results its own authorities announced).
    static let ownCountry = PatternFlags(rawValue: 128)
}

struct VerbPattern: Sendable {
    var code: CAMEOCode
    var elements: [PatternElement]
    var flags: PatternFlags
    var text: String

    /// How many words the pattern needs, its gaps aside: the more, the more specific.
    var wordCount: Int {
        elements.count { if case .gap = $0 { false } else { true } }
    }
}

/// The compiled dictionaries: vocabulary, word classes, an actor/place/weapon trie over word ids and verb
/// patterns indexed by their first word. Built once; read-only and shared across threads afterwards.
struct Lexicon: Sendable {
    var vocabulary = Vocabulary()
    var classes: [WordClass] = []
    /// 1…12 for month names and abbreviations, else 0.
    var months: [Int8] = []
    /// 1…7 (Sunday = 1) for weekday names, else 0.
    var weekdays: [Int8] = []
    var abbreviations: Set<Int32> = []
    /// Words that dictionaries write as acronyms of up to three capitals (`US`, `UN`, `UAE`).
    var acronyms: Set<Int32> = []
    /// Whether a word may begin a facility phrase (`facilities.tsv`): the cheap pre-check of facility scans.
    var facilityFirst: [Bool] = []

    var edges: [UInt64: Int32] = [:]
    var nodeActor: [Int32] = [-1]
    var nodePlace: [Int32] = [-1]
    var nodeWeapon: [Int32] = [-1]
    /// The facility kind (index into `facilityKinds`) a phrase ending at the node names, or -1.
    var nodeFacility: [Int32] = [-1]

    var pieces: [ActorPiece] = []
    var places: [Place] = []
    var weaponCodes: [CAMEOCode] = []
    /// Facility kinds by name; kind 0 is `any` (generic nouns such as "compound" that stand for any kind).
    var facilityKinds: [String] = ["any"]
    var countries: [String: CountryInfo] = [:]
    var patterns: [Int32: [VerbPattern]] = [:]
    var patternCount = 0

    func wordClass(_ id: Int32) -> WordClass { id >= 0 ? classes[Int(id)] : [] }

    @discardableResult
    mutating func intern(_ word: String) -> Int32 {
        let id = vocabulary.intern(word)
        while classes.count <= Int(id) {
            classes.append([])
            months.append(0)
            weekdays.append(0)
            facilityFirst.append(false)
        }
        return id
    }

    var tokenizer: Tokenizer { Tokenizer(vocabulary: vocabulary, abbreviations: abbreviations) }

    /// Stands for `'s` (or `s'`) inside a phrase ("People's Liberation Army"), beside the vocabulary's ids.
    static let possessiveID = Int32.max - 1

    /// The word ids of a dictionary phrase, tokenized exactly as article text is.
    mutating func phraseIDs(_ phrase: String) -> [Int32] {
        var bytes = Array(phrase.utf8)
        let tokens = bytes.withUnsafeMutableBufferPointer { tokenizer.tokenize(UnsafeBufferPointer($0)) }
        var ids: [Int32] = []
        for token in tokens where token.kind == .word || token.kind == .possessive {
            if token.kind == .possessive {
                ids.append(Lexicon.possessiveID)
                continue
            }
            var start = Int(token.start)
            var end = Int(token.end)
            if token.flags.contains(.hashtag) { start += 1 }
            if token.flags.contains(.abbreviation) { end -= 1 }
            var key = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
            key = key.replacingApostrophes()
            ids.append(intern(key))
        }
        return ids
    }

    /// Adds a phrase to the trie and returns its final node.
    mutating func insert(_ phrase: String) -> Int32? {
        let ids = phraseIDs(phrase)
        guard !ids.isEmpty else { return nil }
        if let first = phrase.split(separator: " ").first, (2...3).contains(first.count),
            first.allSatisfy({ $0.isASCII && $0.isUppercase })
        {
            acronyms.insert(ids[0])
        }
        var node: Int32 = 0
        for id in ids {
            let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
            if let next = edges[key] {
                node = next
            } else {
                let next = Int32(nodeActor.count)
                nodeActor.append(-1)
                nodePlace.append(-1)
                nodeWeapon.append(-1)
                nodeFacility.append(-1)
                edges[key] = next
                node = next
            }
        }
        return node
    }

    mutating func addActor(_ phrase: String, _ piece: ActorPiece) {
        guard let node = insert(phrase) else { return }
        var piece = piece
        // A phrase both a named actor and a role: the named reading, which keeps the role (either order).
        let existing = nodeActor[Int(node)]
        if existing >= 0 {
            let other = pieces[Int(existing)]
            if piece.kind == .named, other.kind == .role {
                piece.roleAfterCountry = other.code
            } else if piece.kind == .role, other.kind == .named {
                let role = piece.code
                piece = other
                piece.roleAfterCountry = role
            }
        }
        pieces.append(piece)
        nodeActor[Int(node)] = Int32(pieces.count - 1)
    }

    mutating func addPlace(_ phrase: String, _ place: Place) {
        guard let node = insert(phrase) else { return }
        places.append(place)
        nodePlace[Int(node)] = Int32(places.count - 1)
    }

    mutating func addWeapon(_ phrase: String, _ code: CAMEOCode) {
        guard let node = insert(phrase) else { return }
        weaponCodes.append(code)
        nodeWeapon[Int(node)] = Int32(weaponCodes.count - 1)
    }

    /// Adds a facility phrase of the kind named `kind` (`any` for generic nouns).
    mutating func addFacility(_ phrase: String, kind: String) {
        let ids = phraseIDs(phrase)
        guard let first = ids.first, let node = insert(phrase) else { return }
        var index = facilityKinds.firstIndex(of: kind) ?? -1
        if index < 0 {
            facilityKinds.append(kind)
            index = facilityKinds.count - 1
        }
        nodeFacility[Int(node)] = Int32(index)
        facilityFirst[Int(first)] = true
    }

    /// Longest dictionary phrases starting at token `start`: (end token, entry) for actors, places, weapons
    /// and facilities.
    struct Match {
        var actorEnd = -1, actor: Int32 = -1
        var placeEnd = -1, place: Int32 = -1
        var weaponEnd = -1, weapon: Int32 = -1
        var facilityEnd = -1, facility: Int32 = -1
    }

    func match(_ tokens: [Token], at start: Int, limit: Int) -> Match {
        var result = Match()
        var node: Int32 = 0
        var i = start
        while i < limit {
            let token = tokens[i]
            let id = token.kind == .possessive ? Lexicon.possessiveID : token.kind == .word ? token.id : -1
            guard id >= 0, i > start || token.kind == .word else { break }
            let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
            guard let next = edges[key] else { break }
            node = next
            i += 1
            let n = Int(node)
            if nodeActor[n] >= 0 { result.actorEnd = i; result.actor = nodeActor[n] }
            if nodePlace[n] >= 0 { result.placeEnd = i; result.place = nodePlace[n] }
            if nodeWeapon[n] >= 0 { result.weaponEnd = i; result.weapon = nodeWeapon[n] }
            if nodeFacility[n] >= 0 { result.facilityEnd = i; result.facility = nodeFacility[n] }
        }
        return result
    }

    /// Whether a token could begin a dictionary phrase (cheap pre-check before `match`). A short acronym of the
    /// dictionaries (`US`, `UN`, `EU`) begins one only in capitals: "told us", "Kim Jong Un".
    func startsPhrase(_ token: Token) -> Bool {
        token.id >= 0 && edges[UInt64(UInt32(bitPattern: token.id))] != nil
            && (token.flags.contains(.allCaps) || !acronyms.contains(token.id))
    }
}

extension String {
    func replacingApostrophes() -> String {
        guard utf8.contains(0xE2) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            out.unicodeScalars.append(scalar == "\u{2019}" || scalar == "\u{2018}" ? "'" : scalar)
        }
        return out
    }
}
