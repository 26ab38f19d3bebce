internal import ArticleParsing
public import ControlProtocol
internal import Foundation
internal import GRDB

/// Read queries over events, statements and actors, answered in the protocol's shapes.
extension EventStore {
    /// Events matching every given filter, by date (undated last), then id; `offset` events are skipped first.
    /// `withArticles`: each with its articles' paths, which take most of the time of a page of widely reported events.
    public func events(
        from: String? = nil, to: String? = nil, actor: String? = nil, code: String? = nil, article: String? = nil,
        limit: Int? = nil, offset: Int = 0, withArticles: Bool = true
    ) throws(EventStoreError) -> [EventSummary] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if from != nil || to != nil {
                // Only dated events match: said so, the listing index (`date IS NULL`, date, id) finds the
                // range and gives its order, as the date index it replaced did (migration v7).
                conditions.append("(e.date IS NULL) = 0")
            }
            if let from {
                conditions.append("e.date >= ?")
                arguments += [from]
            }
            if let to {
                conditions.append("e.date <= ?")
                arguments += [to]
            }
            if let actor, !actor.isEmpty {
                // Any mention's actors count, not only the event's face: "Pompeo" finds the call that
                // another article attributes to "the Secretary".
                conditions.append("e.actors LIKE ?")
                arguments += ["%\(EventStore.escapeLike(actor))%"]
            }
            if let code, !code.isEmpty {
                conditions.append("e.code LIKE ?")
                arguments += ["\(EventStore.escapeLike(code))%"]
            }
            if let article {
                conditions.append("e.id IN (SELECT m.eventId FROM mention m JOIN file f ON f.id = m.fileId WHERE f.path = ?)")
                arguments += [article]
            }
            var sql = "SELECT \(EventStore.prefixed(EventFace.columns, "e.")) FROM event e"
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += from != nil || to != nil ? " ORDER BY e.date, e.id" : " ORDER BY e.date IS NULL, e.date, e.id"
            sql += " LIMIT \(limit.map { max(0, $0) } ?? -1) OFFSET \(max(0, offset))"
            let faces = try Row.fetchAll(db, sql: sql, arguments: arguments)
                .map(EventFace.init)
            guard withArticles else { return faces.map { EventStore.summary($0, articles: nil) } }
            let paths = try articlePaths(ofEvents: faces.map(\.id), db: db)
            return faces.map { EventStore.summary($0, articles: paths[$0.id] ?? []) }
        }
    }

    /// One event with every mention, or nil.
    public func event(id: Int64) throws(EventStoreError) -> EventDetail? {
        try read { db in
            guard let face = try face(ofEvent: id, db: db) else { return nil }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.path, m.sentenceIndex, m.start, m.end, m.sentence, m.confidence, m.code, m.sourceName,
                        m.sourceCode, m.targetName, m.targetCode, m.day, m.datePrecision
                    FROM mention m JOIN file f ON f.id = m.fileId WHERE m.eventId = ?
                    ORDER BY f.path, m.sentenceIndex
                    """,
                arguments: [id])
            let mentions = rows.map { row in
                MentionInfo(
                    article: row["path"], sentenceIndex: row["sentenceIndex"], start: row["start"], end: row["end"],
                    sentence: row["sentence"], confidence: row["confidence"], code: row["code"],
                    source: EventStore.actor(row["sourceName"], row["sourceCode"]),
                    target: EventStore.actor(row["targetName"], row["targetCode"]),
                    date: (row["day"] as Int?).map { CalendarDay(daysSinceEpoch: $0).description },
                    datePrecision: row["datePrecision"])
            }
            return EventDetail(
                event: EventStore.summary(face, articles: Array(Set(mentions.map(\.article))).sorted()),
                mentionList: mentions)
        }
    }

    /// Every statement, by date then id.
    public func statements() throws(EventStoreError) -> [StatementSummary] {
        try read { db in
            var articles: [Int64: [String]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT s.statementId, f.path FROM statementArticle s JOIN file f ON f.id = s.fileId ORDER BY f.path")
            {
                articles[row["statementId"], default: []].append(row["path"])
            }
            return try Row.fetchAll(db, sql: "SELECT id, author, handle, date, text FROM statement ORDER BY date, id").map {
                row in
                StatementSummary(
                    id: row["id"], author: row["author"], handle: row["handle"], date: row["date"], text: row["text"],
                    articles: articles[row["id"]] ?? [])
            }
        }
    }

    /// Every actor named as a source or target, most frequent first.
    public func actors() throws(EventStoreError) -> [ActorSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT name, code, COUNT(DISTINCT eventId) AS events, COUNT(*) AS mentions FROM (
                        SELECT sourceName AS name, sourceCode AS code, eventId FROM mention WHERE sourceCode IS NOT NULL
                        UNION ALL
                        SELECT targetName, targetCode, eventId FROM mention WHERE targetCode IS NOT NULL)
                    GROUP BY code, name ORDER BY events DESC, mentions DESC, code, name
                    """
            ).map { row in
                ActorSummary(name: row["name"] ?? "", code: row["code"], events: row["events"], mentions: row["mentions"])
            }
        }
    }

    private func articlePaths(ofEvents ids: [Int64], db: Database) throws -> [Int64: [String]] {
        guard !ids.isEmpty else { return [:] }
        var paths: [Int64: [String]] = [:]
        let statement = try db.cachedStatement(sql: EventStore.articlePathsOfEvent)
        for id in ids {
            paths[id] = try String.fetchAll(statement, arguments: [id])
        }
        return paths
    }

    /// Reads the event index alone for the files (migration v11), then each file's row.
    static let articlePathsOfEvent =
        "SELECT DISTINCT f.path FROM mention m JOIN file f ON f.id = m.fileId WHERE m.eventId = ? ORDER BY f.path"

    static func summary(_ face: EventFace, articles: [String]?) -> EventSummary {
        EventSummary(
            id: face.id, date: face.date, datePrecision: face.datePrecision, dateProvenance: face.dateProvenance,
            code: face.code, rootCode: face.rootCode, label: face.label, quadClass: face.quadClass,
            source: actor(face.sourceName, face.sourceCode), target: actor(face.targetName, face.targetCode),
            location: face.location, summary: face.summary, articles: articles, articleCount: face.articleCount,
            mentions: face.mentionCount)
    }

    private static func actor(_ name: String?, _ code: String?) -> ActorInfo? {
        guard let code else { return nil }
        return ActorInfo(name: name ?? code, code: code)
    }

    /// User text is matched as text: `LIKE`'s wildcards are dropped from it.
    private static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
    }

    private static func prefixed(_ columns: String, _ prefix: String) -> String {
        columns.split(separator: ",").map { prefix + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .joined(separator: ", ")
    }
}
