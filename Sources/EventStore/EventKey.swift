internal import EventExtraction

/// One action family between the same two sides: the mentions that may share events.
///
/// Each side is reduced to its country and whether the actor is a state or a non-state one (`USA` for Pompeo,
/// Trump and the Pentagon alike, `IRQ~` for Iraqi protesters or militias, `REB` for a militia of no known
/// country, `?` for a side the sentence leaves out). The store gives each group a row (`eventGroup`) and keys
/// events and indexes mentions by its id: an integer compares and hashes faster than three texts, and keeps the
/// indexes a bulk ingest rewrites small.
struct EventGroup: Hashable {
    var family: String
    var source: String
    var target: String

    /// The group of an extracted event.
    init(_ event: ExtractedEvent) {
        family = event.signature.actionFamily
        source = EventGroup.side(event.source)
        target = EventGroup.side(event.target)
    }

    /// A side's part of the group.
    static func side(_ actor: ActorRef?) -> String {
        guard let actor else { return "?" }
        guard let country = actor.country else { return actor.role ?? actor.code }
        return nonStateRoles.contains(actor.role ?? "") ? country + "~" : country
    }

    /// Roles of actors that are not the state (CAMEO: opposition, rebels, insurgents, civilians, …).
    static let nonStateRoles: Set<String> = ["OPP", "REB", "INS", "CVL", "UAF", "MED", "BUS", "EDU", "REL", "LAB"]
}

/// Which event a mention belongs to, as a function of the mention and its group alone: the event table's
/// unique key (`groupId`, `anchorDay`).
///
/// Within a group, mentions dated to the day are one event per day; a mention dated only roughly (a month,
/// "late last month", the article's own date) joins the nearest day-dated event of its group within its
/// tolerance, else stands on its own day. So events never chain (no transitive merging across weeks), and
/// they depend only on the set of mentions, not on the order articles arrived in.
struct EventKey: Hashable, Comparable {
    /// The row id of the ``EventGroup``.
    var group: Int64
    /// The day the event is anchored to; nil when no mention of it is dated.
    var anchorDay: Int?

    static func < (a: EventKey, b: EventKey) -> Bool {
        (a.group, a.anchorDay ?? .min) < (b.group, b.anchorDay ?? .min)
    }
}
