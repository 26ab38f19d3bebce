import GRDB

@testable import EventStore

extension EventStore {
    /// A line for each event whose stored face, or list of the mentions it was taken from, is not what all of
    /// its mentions give now.
    func facesDifferingFromTheirMentions() throws -> [String] {
        try writer.read { db in
            var problems: [String] = []
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(EventFace.columns), faceMentionIds, groupId || '|' || coalesce(anchorDay, '-') AS key FROM event")
            for row in rows {
                let stored = EventFace(row)
                let key: String = row["key"]
                let mentions = try mentions(ofEvent: stored.id, db: db)
                guard !mentions.isEmpty else {
                    problems.append("stale|\(key)|an event without mentions")
                    continue
                }
                let picks = FaceMentions(mentions)
                let derived = EventFace(id: stored.id, mentions: mentions, picks: picks)
                if derived != stored { problems.append("stale|\(key)|stored \(stored)|derived \(derived)") }
                let derivedPicks = StoredPicks(picks).text
                let storedPicks: String? = row["faceMentionIds"]
                if storedPicks != derivedPicks {
                    problems.append("stale|\(key)|face picks \(storedPicks ?? "NULL")|derived \(derivedPicks ?? "NULL")")
                }
            }
            return problems
        }
    }
}
