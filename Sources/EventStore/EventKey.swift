internal import EventExtraction

/// Which event a mention belongs to, as a function of the mention and its group alone.
///
/// A *group* is one action family between the same two sides, each side reduced to its country and whether
/// the actor is a state or a non-state one (`USA` for Pompeo, Trump and the Pentagon alike, `IRQ~` for Iraqi
/// protesters or militias, `REB` for a militia of no known country, `?` for a side the sentence leaves out).
/// Within a group, mentions dated to the day are one event per day; a mention dated only roughly (a month,
/// "late last month", the article's own date) joins the nearest day-dated event of its group within its
/// tolerance, else stands on its own day. So events never chain (no transitive merging across weeks), and
/// they depend only on the set of mentions, not on the order articles arrived in.
struct EventKey: Hashable {
    var family: String
    var source: String
    var target: String
    /// The day the event is anchored to; nil when no mention of it is dated.
    var anchorDay: Int?

    /// `family|source|target|day`, the event table's unique key.
    var text: String { "\(family)|\(source)|\(target)|\(anchorDay.map(String.init) ?? "-")" }

    /// A side's part of the key.
    static func side(_ actor: ActorRef?) -> String {
        guard let actor else { return "?" }
        guard let country = actor.country else { return actor.role ?? actor.code }
        return nonStateRoles.contains(actor.role ?? "") ? country + "~" : country
    }

    /// Roles of actors that are not the state (CAMEO: opposition, rebels, insurgents, civilians, …).
    static let nonStateRoles: Set<String> = ["OPP", "REB", "INS", "CVL", "UAF", "MED", "BUS", "EDU", "REL", "LAB"]
}
