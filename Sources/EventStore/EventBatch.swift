/// What the files of one write transaction changed in the event tables, settled once at its end.
///
/// Files replace their mentions one by one; re-anchoring rough mentions and rewriting event faces wait for
/// the whole batch, so an event that 200 articles of a batch mention is rewritten and announced once, with the
/// face subscribers can see after the commit (the states in between were never visible to anyone).
struct EventBatch {
    /// What the batch changes in a group.
    struct GroupChange {
        /// Each anchor day a file of the batch gave or took, with whether it anchored the group before the batch.
        var anchoredBefore: [Int: Bool] = [:]
        /// The anchors the batch inserted (and did not delete again), by day: a day with one is anchored after it.
        var insertedAnchors: [Int: Set<Int64>] = [:]
        /// Rough mentions the batch inserted.
        var newRough: [RoughMention] = []
        /// The last file of the batch that changed the group: the `path` of the changes re-anchoring causes.
        var path: String
    }

    /// A roughly dated mention: it joins the nearest anchor (a mention dated to the day by its text).
    struct RoughMention {
        var id: Int64
        var day: Int
        var tolerance: Int
        var anchorDay: Int?
    }

    var cache = EventCache()
    /// Keys of the events whose mentions changed, with the last file that changed each one.
    var affected: [EventKey: String] = [:]
    /// What changed in each group, by the group's id.
    var groups: [Int64: GroupChange] = [:]
    /// The ids of the groups this transaction looked up or created.
    var groupIds: [EventGroup: Int64] = [:]
}
