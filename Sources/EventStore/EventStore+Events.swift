internal import ArticleParsing
internal import ControlProtocol
internal import EventExtraction
internal import Foundation
internal import GRDB

/// Events are the mentions that share an ``EventKey``. Keys depend only on the set of mentions, so the store
/// after any sequence of edits equals the store built from scratch (event ids aside).
extension EventStore {
    /// The widest tolerance of a rough date (``EventDate/toleranceDays``): how far a change can move anchors.
    static let anchorWindowDays = 20

    /// A group and a day whose neighbourhood must be re-anchored.
    private struct Neighbourhood: Hashable {
        var family: String
        var source: String
        var target: String
        var day: Int
    }

    /// Replaces a file's mentions with `events`, then re-anchors the rough mentions around them and rewrites
    /// the events whose mentions changed. Returns the event changes.
    func replaceMentions(
        fileId: Int64, path: String, with events: [ExtractedEvent], now: Double, db: Database
    ) throws -> [ChangeRecord] {
        var affected = Set<String>()  // event keys
        var neighbourhoods = Set<Neighbourhood>()
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT e.key, m.family, m.sourceKey, m.targetKey, m.day FROM mention m JOIN event e ON e.id = m.eventId WHERE m.fileId = ?"),
            arguments: [fileId])
        {
            affected.insert(row["key"])
            if let day: Int = row["day"] {
                neighbourhoods.insert(Neighbourhood(family: row["family"], source: row["sourceKey"], target: row["targetKey"], day: day))
            }
        }
        if events.isEmpty && affected.isEmpty { return [] }
        var before: [String: EventFace] = [:]
        for key in affected { before[key] = try face(ofEventKey: key, db: db) }
        try db.cachedStatement(sql: "DELETE FROM mention WHERE fileId = ?").execute(arguments: [fileId])

        for event in events {
            let key = EventKey(
                family: event.signature.actionFamily, source: EventKey.side(event.source),
                target: EventKey.side(event.target), anchorDay: event.date?.day.daysSinceEpoch)
            // Provisionally anchored to its own day; rough dates are re-anchored below.
            let eventId = try eventId(for: key.text, before: &before, db: db)
            affected.insert(key.text)
            try insertMention(event, key: key, eventId: eventId, fileId: fileId, db: db)
            if let day = key.anchorDay {
                neighbourhoods.insert(Neighbourhood(family: key.family, source: key.source, target: key.target, day: day))
            }
        }
        for neighbourhood in neighbourhoods.sorted(by: { ($0.family, $0.source, $0.target, $0.day) < ($1.family, $1.source, $1.target, $1.day) }) {
            try reanchor(neighbourhood, affected: &affected, before: &before, db: db)
        }
        return try refresh(affected.sorted(), before: before, path: path, now: now, db: db)
    }

    /// Re-anchors every roughly dated mention of a group within reach of a day that changed.
    private func reanchor(
        _ place: Neighbourhood, affected: inout Set<String>, before: inout [String: EventFace], db: Database
    ) throws {
        let rough = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT m.id, m.day, m.datePrecision, m.dateProvenance, e.key FROM mention m JOIN event e ON e.id = m.eventId
                    WHERE m.family = ? AND m.sourceKey = ? AND m.targetKey = ? AND m.day BETWEEN ? AND ?
                        AND NOT (m.datePrecision = 'day' AND m.dateProvenance != 'articleDate')
                    """),
            arguments: [place.family, place.source, place.target, place.day - EventStore.anchorWindowDays, place.day + EventStore.anchorWindowDays])
        for row in rough {
            let day: Int = row["day"]
            let tolerance = EventStore.tolerance(precision: row["datePrecision"], provenance: row["dateProvenance"])
            let anchor = try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT day FROM mention
                        WHERE family = ? AND sourceKey = ? AND targetKey = ? AND day BETWEEN ? AND ?
                            AND datePrecision = 'day' AND dateProvenance != 'articleDate'
                        ORDER BY abs(day - ?), day LIMIT 1
                        """),
                arguments: [place.family, place.source, place.target, day - tolerance, day + tolerance, day]) ?? day
            let key = EventKey(family: place.family, source: place.source, target: place.target, anchorDay: anchor).text
            let current: String = row["key"]
            guard key != current else { continue }
            let eventId = try eventId(for: key, before: &before, db: db)
            try db.cachedStatement(sql: "UPDATE mention SET eventId = ?, anchorDay = ? WHERE id = ?")
                .execute(arguments: [eventId, anchor, row["id"] as Int64])
            affected.insert(current)
            affected.insert(key)
        }
    }

    /// How far a rough date may sit from the day it is anchored to.
    static func tolerance(precision: String?, provenance: String?) -> Int {
        let day = CalendarDay(year: 2000, month: 1, day: 1)!
        guard let precision = precision.flatMap(EventDate.Precision.init(rawValue:)),
            let provenance = provenance.flatMap(EventDate.Provenance.init(rawValue:))
        else { return 0 }
        return EventDate(day: day, precision: precision, provenance: provenance).toleranceDays
    }

    /// The id of the event with `key`, created (as a placeholder until ``refresh``) when there is none.
    private func eventId(for key: String, before: inout [String: EventFace], db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM event WHERE key = ?"), arguments: [key]) {
            if before[key] == nil { before[key] = try face(ofEventKey: key, db: db) }
            return id
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO event (key, code, rootCode, quadClass, label, summary, mentionCount, articleCount)
                VALUES (?, '010', '01', 1, '', '', 0, 0)
                """
        ).execute(arguments: [key])
        return db.lastInsertedRowID
    }

    private func insertMention(
        _ event: ExtractedEvent, key: EventKey, eventId: Int64, fileId: Int64, db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO mention (eventId, fileId, sentenceIndex, start, end, sentence, confidence, summaryQuality,
                    code, family, sourceName, sourceCode, sourceKey, targetName, targetCode, targetKey, location,
                    locationCountry, day, datePrecision, dateProvenance, anchorDay)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            eventId, fileId, event.sentenceIndex, event.range.lowerBound, event.range.upperBound, event.sentence,
            event.confidence, event.summaryQuality, event.code.rawValue, key.family, event.source?.name,
            event.source?.code, key.source, event.target?.name, event.target?.code, key.target, event.location,
            event.locationCountry, event.date?.day.daysSinceEpoch, event.date?.precision.rawValue,
            event.date?.provenance.rawValue, key.anchorDay,
        ])
    }

    /// Rewrites each affected event's face from its mentions (deleting events left without any) and logs
    /// `event.added`, `event.updated` or `event.removed` where subscribers would see a difference.
    private func refresh(
        _ keys: [String], before: [String: EventFace], path: String, now: Double, db: Database
    ) throws -> [ChangeRecord] {
        var changes: [ChangeRecord] = []
        for key in keys {
            guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM event WHERE key = ?"), arguments: [key])
            else { continue }
            let mentions = try mentions(ofEvent: id, db: db)
            // A face without mentions is a placeholder made in this transaction: never announced.
            let old = before[key].flatMap { $0.mentionCount > 0 ? $0 : nil }
            guard !mentions.isEmpty else {
                try db.cachedStatement(sql: "DELETE FROM event WHERE id = ?").execute(arguments: [id])
                if let old {
                    changes.append(try logChange(ChangeKind.eventRemoved, path: path, payload: old.json, now: now, db: db))
                }
                continue
            }
            let face = EventFace(id: id, mentions: mentions)
            guard face != old else { continue }
            try db.cachedStatement(
                sql: """
                    UPDATE event SET code = ?, rootCode = ?, quadClass = ?, label = ?, date = ?, datePrecision = ?,
                        dateProvenance = ?, sourceName = ?, sourceCode = ?, targetName = ?, targetCode = ?,
                        location = ?, summary = ?, mentionCount = ?, articleCount = ?
                    WHERE id = ?
                    """
            ).execute(arguments: [
                face.code, face.rootCode, face.quadClass, face.label, face.date, face.datePrecision,
                face.dateProvenance, face.sourceName, face.sourceCode, face.targetName, face.targetCode,
                face.location, face.summary, face.mentionCount, face.articleCount, id,
            ])
            let kind = old == nil ? ChangeKind.eventAdded : ChangeKind.eventUpdated
            changes.append(try logChange(kind, path: path, payload: face.json, now: now, db: db))
        }
        return changes
    }

    func mentions(ofEvent eventId: Int64, db: Database) throws -> [MentionRow] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT \(MentionRow.columns) FROM mention m JOIN file f ON f.id = m.fileId WHERE m.eventId = ?"),
            arguments: [eventId]
        ).map(MentionRow.init)
    }

    func face(ofEvent eventId: Int64, db: Database) throws -> EventFace? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(EventFace.columns) FROM event WHERE id = ?"), arguments: [eventId]
        ).map(EventFace.init)
    }

    private func face(ofEventKey key: String, db: Database) throws -> EventFace? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(EventFace.columns) FROM event WHERE key = ?"), arguments: [key]
        ).map(EventFace.init)
    }
}
