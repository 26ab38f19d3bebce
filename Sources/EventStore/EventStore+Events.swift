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

    /// One action family between the same two sides (see ``EventKey``): the mentions that may share events.
    private struct Group: Hashable {
        var family: String
        var source: String
        var target: String

        func key(anchorDay: Int?) -> String {
            EventKey(family: family, source: source, target: target, anchorDay: anchorDay).text
        }

        static func < (a: Group, b: Group) -> Bool { (a.family, a.source, a.target) < (b.family, b.source, b.target) }
    }

    /// What one file changes in a group: the anchor days it takes away and brings, and its new rough mentions.
    private struct GroupChange {
        var oldAnchorDays: Set<Int> = []
        var newAnchorDays: Set<Int> = []
        var newRough: [RoughMention] = []
    }

    /// A roughly dated mention: it joins the nearest anchor (a mention dated to the day by its text).
    private struct RoughMention {
        var id: Int64
        var day: Int
        var tolerance: Int
        var anchorDay: Int?
    }

    /// Whether a date anchors others: dated to the day by the text itself, not taken from the article's date.
    /// Rough dates are the other ones.
    private static func isAnchor(precision: String, provenance: String) -> Bool {
        precision == EventDate.Precision.day.rawValue && provenance != EventDate.Provenance.articleDate.rawValue
    }

    /// Replaces a file's mentions with `events`, then re-anchors the rough mentions around them and rewrites
    /// the events whose mentions changed. Returns the event changes.
    ///
    /// Events and their mentions are looked up through `cache`, which the whole batch shares: an event many
    /// articles mention is read once per batch, not once per article.
    func replaceMentions(
        fileId: Int64, path: String, with events: [ExtractedEvent], now: Double, cache: inout EventCache,
        db: Database
    ) throws -> [ChangeRecord] {
        var affected = Set<String>()  // event keys
        var groups: [Group: GroupChange] = [:]
        var removed: [(key: String, mentionId: Int64)] = []
        for row in try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT e.key, m.id, m.family, m.sourceKey, m.targetKey, m.day, m.datePrecision, m.dateProvenance
                    FROM mention m JOIN event e ON e.id = m.eventId WHERE m.fileId = ?
                    """),
            arguments: [fileId])
        {
            let key: String = row[0]
            affected.insert(key)
            removed.append((key, row[1]))
            let group = Group(family: row[2], source: row[3], target: row[4])
            if let day: Int = row[5], let precision: String = row[6], let provenance: String = row[7],
                EventStore.isAnchor(precision: precision, provenance: provenance)
            {
                groups[group, default: GroupChange()].oldAnchorDays.insert(day)
            }
        }
        if events.isEmpty && affected.isEmpty { return [] }
        try db.cachedStatement(sql: "DELETE FROM mention WHERE fileId = ?").execute(arguments: [fileId])
        for (key, mentionId) in removed { cache.remove(mentionId: mentionId, fromKey: key) }

        for event in events {
            let key = EventKey(
                family: event.signature.actionFamily, source: EventKey.side(event.source),
                target: EventKey.side(event.target), anchorDay: event.date?.day.daysSinceEpoch)
            // Provisionally anchored to its own day; rough dates are re-anchored below.
            let eventId = try eventId(for: key.text, cache: &cache, db: db)
            affected.insert(key.text)
            let mentionId = try insertMention(event, key: key, eventId: eventId, fileId: fileId, db: db)
            cache.add(MentionRow(event, id: mentionId, eventId: eventId, path: path), toKey: key.text)
            guard let date = event.date, let day = key.anchorDay else { continue }
            let group = Group(family: key.family, source: key.source, target: key.target)
            if EventStore.isAnchor(precision: date.precision.rawValue, provenance: date.provenance.rawValue) {
                groups[group, default: GroupChange()].newAnchorDays.insert(day)
            } else {
                groups[group, default: GroupChange()].newRough.append(
                    RoughMention(id: mentionId, day: day, tolerance: date.toleranceDays, anchorDay: day))
            }
        }
        for (group, change) in groups.sorted(by: { $0.key < $1.key }) {
            try reanchor(group, change, fileId: fileId, affected: &affected, cache: &cache, db: db)
        }
        return try refresh(affected.sorted(), path: path, now: now, cache: &cache, db: db)
    }

    /// Re-anchors the rough mentions of a group that a file's change can move: the file's own, and every rough
    /// mention within reach of an anchor day that appeared or disappeared.
    ///
    /// Every other rough mention already sits at its nearest anchor (each change re-anchors around the anchor
    /// days it touches), and anchors elsewhere did not change. Mentions are visited by day, then id: the order
    /// in which re-anchoring every rough mention near every touched day would first reach them, so events are
    /// created in the same order.
    private func reanchor(
        _ group: Group, _ change: GroupChange, fileId: Int64, affected: inout Set<String>, cache: inout EventCache,
        db: Database
    ) throws {
        var candidates = change.newRough
        for day in change.oldAnchorDays.symmetricDifference(change.newAnchorDays).sorted()
        where try !otherAnchorExists(group, day: day, fileId: fileId, db: db) {
            candidates += try roughMentions(group, near: day, db: db)
        }
        var seen = Set<Int64>()
        for mention in candidates.sorted(by: { ($0.day, $0.id) < ($1.day, $1.id) }) where seen.insert(mention.id).inserted {
            let anchor = try nearestAnchor(group, to: mention.day, within: mention.tolerance, db: db) ?? mention.day
            let key = group.key(anchorDay: anchor)
            // A mention's anchorDay is always its event's: both are written together.
            let current = group.key(anchorDay: mention.anchorDay)
            guard key != current else { continue }
            let eventId = try eventId(for: key, cache: &cache, db: db)
            try db.cachedStatement(sql: "UPDATE mention SET eventId = ?, anchorDay = ? WHERE id = ?")
                .execute(arguments: [eventId, anchor, mention.id])
            cache.move(mentionId: mention.id, fromKey: current, toKey: key, toEventId: eventId)
            affected.insert(current)
            affected.insert(key)
        }
    }

    /// Whether another file anchors the group on `day` (then this file adding or removing its anchor there
    /// moves nobody).
    private func otherAnchorExists(_ group: Group, day: Int, fileId: Int64, db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT 1 FROM mention
                    WHERE family = ? AND sourceKey = ? AND targetKey = ? AND day = ? AND fileId != ?
                        AND datePrecision = 'day' AND dateProvenance != 'articleDate'
                    LIMIT 1
                    """),
            arguments: [group.family, group.source, group.target, day, fileId]) ?? false
    }

    /// The group's rough mentions within ``anchorWindowDays`` of `day`.
    private func roughMentions(_ group: Group, near day: Int, db: Database) throws -> [RoughMention] {
        let window = EventStore.anchorWindowDays
        return try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, day, datePrecision, dateProvenance, anchorDay FROM mention
                    WHERE family = ? AND sourceKey = ? AND targetKey = ? AND day BETWEEN ? AND ?
                        AND NOT (datePrecision = 'day' AND dateProvenance != 'articleDate')
                    """),
            arguments: [group.family, group.source, group.target, day - window, day + window]
        ).map {
            RoughMention(
                id: $0[0], day: $0[1], tolerance: EventStore.tolerance(precision: $0[2], provenance: $0[3]),
                anchorDay: $0[4])
        }
    }

    /// The anchor day of the group nearest to `day` within `tolerance`, the earlier of two equally near.
    private func nearestAnchor(_ group: Group, to day: Int, within tolerance: Int, db: Database) throws -> Int? {
        // Walking the group index from `day` down and up stops at the first anchor on each side.
        let below = try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT day FROM mention
                    WHERE family = ? AND sourceKey = ? AND targetKey = ? AND day BETWEEN ? AND ?
                        AND datePrecision = 'day' AND dateProvenance != 'articleDate'
                    ORDER BY day DESC LIMIT 1
                    """),
            arguments: [group.family, group.source, group.target, day - tolerance, day])
        if below == day { return day }
        let above = try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT day FROM mention
                    WHERE family = ? AND sourceKey = ? AND targetKey = ? AND day BETWEEN ? AND ?
                        AND datePrecision = 'day' AND dateProvenance != 'articleDate'
                    ORDER BY day LIMIT 1
                    """),
            arguments: [group.family, group.source, group.target, day, day + tolerance])
        switch (below, above) {
        case (let below?, let above?): return day - below <= above - day ? below : above
        case (let below?, nil): return below
        case (nil, let above): return above
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

    /// The event with `key` as the table holds it now, read once per transaction.
    private func event(forKey key: String, cache: inout EventCache, db: Database) throws -> EventCache.Event? {
        if let event = cache[key] { return event }
        guard let face = try face(ofEventKey: key, db: db) else { return nil }
        cache.remember(key, id: face.id, face: face, mentions: nil)
        return cache[key]
    }

    /// The id of the event with `key`, created (as a placeholder until ``refresh``) when there is none.
    private func eventId(for key: String, cache: inout EventCache, db: Database) throws -> Int64 {
        if let event = try event(forKey: key, cache: &cache, db: db) { return event.id }
        try db.cachedStatement(
            sql: """
                INSERT INTO event (key, code, rootCode, quadClass, label, summary, mentionCount, articleCount)
                VALUES (?, '010', '01', 1, '', '', 0, 0)
                """
        ).execute(arguments: [key])
        let id = db.lastInsertedRowID
        cache.remember(key, id: id, face: nil, mentions: [])
        return id
    }

    /// Stores a mention with its event id and anchor day (always its event's key's day); returns its id.
    private func insertMention(
        _ event: ExtractedEvent, key: EventKey, eventId: Int64, fileId: Int64, db: Database
    ) throws -> Int64 {
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
        return db.lastInsertedRowID
    }

    /// Rewrites each affected event's face from its mentions (deleting events left without any) and logs
    /// `event.added`, `event.updated` or `event.removed` where subscribers would see a difference.
    ///
    /// Nothing writes an event row between a file's first look at it and its refresh (placeholders aside, which
    /// have no face), so the face in `cache` is still the one subscribers were last told about: also for an
    /// event that only lost a re-anchored mention, which is logged as updated or removed.
    private func refresh(
        _ keys: [String], path: String, now: Double, cache: inout EventCache, db: Database
    ) throws -> [ChangeRecord] {
        var changes: [ChangeRecord] = []
        for key in keys {
            guard let event = try event(forKey: key, cache: &cache, db: db) else { continue }
            let mentions = try event.mentions ?? mentions(ofEvent: event.id, db: db)
            cache.rememberMentions(mentions, ofKey: key)
            let old = event.face
            guard !mentions.isEmpty else {
                try db.cachedStatement(sql: "DELETE FROM event WHERE id = ?").execute(arguments: [event.id])
                cache.forget(key)
                if let old {
                    changes.append(try logChange(ChangeKind.eventRemoved, path: path, payload: old.json, now: now, db: db))
                }
                continue
            }
            let face = EventFace(id: event.id, mentions: mentions)
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
                face.location, face.summary, face.mentionCount, face.articleCount, event.id,
            ])
            cache.updateFace(face, ofKey: key)
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
