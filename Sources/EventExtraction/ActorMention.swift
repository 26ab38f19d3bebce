/// An actor phrase found in a sentence, resolved to a code.
struct ActorMention: Sendable {
    var start: Int
    var end: Int
    var name: String
    var country: String?
    var role: String?
    var named: Bool
    /// Followed by `'s`.
    var possessive: Bool
    /// The phrase is a weapon ("US airstrikes"): its code refines fighting verbs.
    var weapon: CAMEOCode?
    /// "he", "they", "we": resolved against earlier mentions.
    var pronoun: Bool
    /// Only a country or capital, right after "in", "at", "near": a place, not an actor.
    var isPlace: Bool
    /// A named actor's full dictionary code (`IGOUNO`, `IMGSEPREB`).
    var namedCode: String? = nil
    /// "the country", "the nation": a pronoun that stands for a country, resolved to the one named last.
    var isCountryReference = false
    /// "the two leaders", "both sides": the last two actors of different countries named before it.
    var isPairReference = false

    var code: String { namedCode ?? ((country ?? "") + (role ?? "")) }
    var hasCountry: Bool { country != nil || named }
    /// An actor the text names or gives a country: no pronoun, no place.
    var isCountryActor: Bool { !pronoun && !isPlace && hasCountry }
    /// "airstrikes" with no country: a weapon, not an actor.
    var isInstrument: Bool { weapon != nil && country == nil && !named }

    var ref: ActorRef? {
        guard !pronoun, !code.isEmpty, !(weapon != nil && country == nil && !named) else { return nil }
        return ActorRef(name: name, code: code, country: country, role: role)
    }
}

extension ActorMention {
    /// A country the text does not name where an act implies it ("Sargsyan resigned" is aimed at Armenia),
    /// placed at the act's anchor `at`.
    static func implied(country: String, name: String, role: String? = nil, at anchor: Int) -> ActorMention {
        ActorMention(
            start: anchor, end: anchor, name: name, country: country, role: role, named: false, possessive: false,
            weapon: nil, pronoun: false, isPlace: false)
    }

    static let roleLabels: [String: String] = [
        "GOV": "government", "MIL": "military", "COP": "police", "OPP": "protesters", "REB": "militia",
        "INS": "insurgents", "CVL": "civilians", "SPY": "intelligence services", "JUD": "judiciary",
        "LEG": "legislature", "MED": "media", "BUS": "business", "REL": "clergy", "LAB": "labor",
        "UAF": "armed group", "EDU": "education", "HLH": "health services", "REF": "refugees",
    ]
}
