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

    private typealias RoughMention = EventBatch.RoughMention

    /// Whether a date anchors others: dated to the day by the text itself, not taken from the article's date.
    /// Rough dates are the other ones.
    private static func isAnchor(precision: String, provenance: String) -> Bool {
        precision == EventDate.Precision.day.rawValue && provenance != EventDate.Provenance.articleDate.rawValue
    }

    /// Replaces a file's mentions with `events`, each provisionally in the event of its own day, and notes in
    /// `batch` what ``settleEvents(_:now:db:)`` must re-anchor and rewrite once the batch's files are all in.
    /// `isNewFile`: the file's row was inserted by this transaction, so it has no mentions to look up yet.
    func replaceMentions(
        fileId: Int64, path: String, with events: [ExtractedEvent], isNewFile: Bool = false, batch: inout EventBatch,
        db: Database
    ) throws {
        var removed: [(key: EventKey, mentionId: Int64)] = []
        for row in try isNewFile ? [] : Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT id, groupId, anchorDay, day, datePrecision, dateProvenance FROM mention WHERE fileId = ?"),
            arguments: [fileId])
        {
            // A mention's anchor day is always its event's: the two make the event's key.
            let mentionId: Int64 = row[0]
            let group: Int64 = row[1]
            let key = EventKey(group: group, anchorDay: row[2])
            batch.affected[key] = path
            removed.append((key, mentionId))
            batch.groups[group, default: .init(path: path)].path = path
            // A row this batch inserted (the same path stored twice) goes: its id may be handed out again.
            batch.groups[group]!.newRough.removeAll { $0.id == mentionId }
            if let day: Int = row[3], let precision: String = row[4], let provenance: String = row[5],
                EventStore.isAnchor(precision: precision, provenance: provenance)
            {
                // Unless a file before it in the batch touched that day, it was anchored (by this row) before.
                batch.groups[group]!.anchoredBefore[day] = batch.groups[group]!.anchoredBefore[day] ?? true
                batch.groups[group]!.insertedAnchors[day]?.remove(mentionId)
            }
        }
        if !removed.isEmpty {
            try db.cachedStatement(sql: "DELETE FROM mention WHERE fileId = ?").execute(arguments: [fileId])
            for (key, mentionId) in removed { batch.cache.remove(mentionId: mentionId, fromKey: key) }
        }

        for event in events {
            let group = try groupId(of: EventGroup(event), batch: &batch, db: db)
            let key = EventKey(group: group, anchorDay: event.date?.day.daysSinceEpoch)
            let anchor = event.date.map {
                EventStore.isAnchor(precision: $0.precision.rawValue, provenance: $0.provenance.rawValue)
            }
            let (eventId, isNew) = try eventId(for: key, cache: &batch.cache, db: db)
            if anchor == true, let day = key.anchorDay, batch.groups[group]?.anchoredBefore[day] == nil {
                // Nothing in the batch touched that day yet, so the table still tells how it was before; an
                // anchor there would have made the event of that day, so a new one means there was none.
                let before = try !isNew && anchorExists(group, day: day, db: db)
                batch.groups[group, default: .init(path: path)].anchoredBefore[day] = before
            }
            batch.affected[key] = path
            let mentionId = try insertMention(event, key: key, eventId: eventId, fileId: fileId, db: db)
            batch.cache.add(MentionRow(event, id: mentionId, path: path), toKey: key)
            guard let date = event.date, let day = key.anchorDay else { continue }
            batch.groups[group, default: .init(path: path)].path = path
            if anchor == true {
                batch.groups[group]!.insertedAnchors[day, default: []].insert(mentionId)
            } else {
                batch.groups[group]!.newRough.append(
                    RoughMention(id: mentionId, day: day, tolerance: date.toleranceDays, anchorDay: day))
            }
        }
    }

    /// Re-anchors the rough mentions the batch can have moved, then rewrites the events whose mentions changed
    /// and returns their changes.
    func settleEvents(_ batch: inout EventBatch, now: Double, db: Database) throws -> [ChangeRecord] {
        for (group, change) in batch.groups.sorted(by: { $0.key < $1.key }) {
            try reanchor(group, change, batch: &batch, db: db)
        }
        return try refresh(batch.affected.sorted { $0.key < $1.key }, now: now, cache: &batch.cache, db: db)
    }

    /// Re-anchors the rough mentions of a group that the batch can move: its own, and every rough mention
    /// within reach of a day that became, or stopped being, an anchor.
    ///
    /// Every other rough mention already sits at its nearest anchor (each batch re-anchors around the anchor
    /// days it changes), and anchors elsewhere did not change. Mentions are visited by day, then id, so events
    /// are created in an order that does not depend on how the changes were batched.
    private func reanchor(
        _ group: Int64, _ change: EventBatch.GroupChange, batch: inout EventBatch, db: Database
    ) throws {
        var candidates = change.newRough
        for (day, before) in change.anchoredBefore.sorted(by: { $0.key < $1.key }) {
            let after = try !(change.insertedAnchors[day] ?? []).isEmpty || anchorExists(group, day: day, db: db)
            if after != before { candidates += try roughMentions(group, near: day, db: db) }
        }
        var seen = Set<Int64>()
        for mention in candidates.sorted(by: { ($0.day, $0.id) < ($1.day, $1.id) }) where seen.insert(mention.id).inserted {
            let anchor = try nearestAnchor(group, to: mention.day, within: mention.tolerance, db: db) ?? mention.day
            let key = EventKey(group: group, anchorDay: anchor)
            // A mention's anchorDay is always its event's: both are written together.
            let current = EventKey(group: group, anchorDay: mention.anchorDay)
            guard key != current else { continue }
            let (eventId, _) = try eventId(for: key, cache: &batch.cache, db: db)
            try RawStatement(
                db, "UPDATE mention SET eventId = ?, anchorDay = ? WHERE id = ?", .integer(eventId), .integer(anchor),
                .integer(mention.id)
            ).run()
            batch.cache.move(mentionId: mention.id, fromKey: current, toKey: key)
            batch.affected[current] = batch.affected[current] ?? change.path
            batch.affected[key] = batch.affected[key] ?? change.path
        }
    }

    /// Whether a mention dated to the day by its text anchors the group on `day`.
    private func anchorExists(_ group: Int64, day: Int, db: Database) throws -> Bool {
        try RawStatement(
            db,
            """
            SELECT 1 FROM mention
            WHERE groupId = ? AND day = ?
                AND datePrecision = 'day' AND dateProvenance != 'articleDate'
            LIMIT 1
            """,
            .integer(group), .integer(day)
        ).exists()
    }

    /// The group's rough mentions within ``anchorWindowDays`` of `day`.
    private func roughMentions(_ group: Int64, near day: Int, db: Database) throws -> [RoughMention] {
        let window = EventStore.anchorWindowDays
        return try RawStatement(
            db,
            """
            SELECT id, day, datePrecision, dateProvenance, anchorDay FROM mention
            WHERE groupId = ? AND day BETWEEN ? AND ?
                AND NOT (datePrecision = 'day' AND dateProvenance != 'articleDate')
            """,
            .integer(group), .integer(day - window), .integer(day + window)
        ).all { row in
            RoughMention(
                id: row.int64(0) ?? 0, day: row.int(1) ?? 0,
                tolerance: EventStore.tolerance(precision: row.text(2), provenance: row.text(3)),
                anchorDay: row.int(4))
        }
    }

    /// The anchor day of the group nearest to `day` within `tolerance`, the earlier of two equally near.
    private func nearestAnchor(_ group: Int64, to day: Int, within tolerance: Int, db: Database) throws -> Int? {
        // Walking the group index from `day` down and up stops at the first anchor on each side.
        let below = try RawStatement(
            db,
            """
            SELECT day FROM mention
            WHERE groupId = ? AND day BETWEEN ? AND ?
                AND datePrecision = 'day' AND dateProvenance != 'articleDate'
            ORDER BY day DESC LIMIT 1
            """,
            .integer(group), .integer(day - tolerance), .integer(day)
        ).int64().map { Int($0) }
        if below == day { return day }
        let above = try RawStatement(
            db,
            """
            SELECT day FROM mention
            WHERE groupId = ? AND day BETWEEN ? AND ?
                AND datePrecision = 'day' AND dateProvenance != 'articleDate'
            ORDER BY day LIMIT 1
            """,
            .integer(group), .integer(day), .integer(day + tolerance)
        ).int64().map { Int($0) }
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

    private static let eventByKey =
        "SELECT \(EventFace.columns), faceMentionIds FROM event WHERE groupId = ? AND anchorDay IS ?"

    /// The event with `key` as the table holds it now, read once per transaction.
    private func event(forKey key: EventKey, cache: inout EventCache, db: Database) throws -> EventCache.Event? {
        if let event = cache[key] { return event }
        let stored = try RawStatement(db, EventStore.eventByKey, .integer(key.group), .integer(key.anchorDay)).first {
            row in
            (face: EventFace(row), picks: row.text(EventFace.columnCount))
        }
        guard let stored else { return nil }
        cache.remember(key, face: stored.face, picks: stored.picks.flatMap(StoredPicks.init(text:)))
        return cache[key]
    }

    /// The id of the event with `key`, created when there is none (stored by ``refresh``, with its face);
    /// `isNew` when this call created it.
    private func eventId(for key: EventKey, cache: inout EventCache, db: Database) throws -> (id: Int64, isNew: Bool) {
        if let event = try event(forKey: key, cache: &cache, db: db) { return (event.id, false) }
        let id = try cache.create(key) {
            // Never an id a removed event had: a replay reads `event.added` and `event.updated` by id.
            try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT max(coalesce((SELECT max(id) FROM event), 0),
                            coalesce((SELECT max(eventId) FROM change WHERE kind = 'event.removed'), 0))
                        """)) ?? 0
        }
        return (id, true)
    }

    /// The id of `group`'s row, inserted when there is none. Rows of groups are never deleted: there are a few
    /// thousand, and a group left without mentions may well get some again.
    private func groupId(of group: EventGroup, batch: inout EventBatch, db: Database) throws -> Int64 {
        if let id = batch.groupIds[group] { return id }
        let values: [SQLiteValue] = [.text(group.family), .text(group.source), .text(group.target)]
        let id =
            try RawStatement(
                db, "SELECT id FROM eventGroup WHERE family = ? AND sourceKey = ? AND targetKey = ?", values
            ).int64()
            ?? {
                try RawStatement(db, "INSERT INTO eventGroup (family, sourceKey, targetKey) VALUES (?, ?, ?)", values)
                    .run()
                return db.lastInsertedRowID
            }()
        batch.groupIds[group] = id
        return id
    }

    /// Stores a mention with its event id and anchor day (always its event's key's day); returns its id.
    private func insertMention(
        _ event: ExtractedEvent, key: EventKey, eventId: Int64, fileId: Int64, db: Database
    ) throws -> Int64 {
        try RawStatement(
            db,
            """
            INSERT INTO mention (eventId, fileId, groupId, sentenceIndex, start, end, sentence, confidence,
                summaryQuality, code, sourceName, sourceCode, targetName, targetCode, location, locationCountry, day,
                datePrecision, dateProvenance, anchorDay)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            .integer(eventId), .integer(fileId), .integer(key.group), .integer(event.sentenceIndex),
            .integer(event.range.lowerBound), .integer(event.range.upperBound), .text(event.sentence),
            .real(event.confidence), .real(event.summaryQuality), .text(event.code.rawValue),
            .text(event.source?.name), .text(event.source?.code), .text(event.target?.name),
            .text(event.target?.code), .text(event.location), .text(event.locationCountry),
            .integer(event.date?.day.daysSinceEpoch), .text(event.date?.precision.rawValue),
            .text(event.date?.provenance.rawValue), .integer(key.anchorDay)
        ).run()
        return db.lastInsertedRowID
    }

    /// Rewrites the face of each affected event (its key, and the last file that changed it) from its mentions,
    /// deleting events left without any, and logs `event.added`, `event.updated` or `event.removed` with that
    /// file's path where subscribers would see a difference.
    ///
    /// Nothing writes an event row before this, so the face in `cache` is still the one subscribers were last
    /// told about.
    private func refresh(
        _ keys: [(key: EventKey, value: String)], now: Double, cache: inout EventCache, db: Database
    ) throws -> [ChangeRecord] {
        var changes: [ChangeRecord] = []
        for (key, path) in keys {
            guard let event = try event(forKey: key, cache: &cache, db: db) else { continue }
            if case .stored(let added) = event.mentions, added.isEmpty { continue }
            let old = event.face
            guard let (face, picks, mentions) = try currentFace(of: event, db: db) else {
                if event.isStored {
                    try db.cachedStatement(sql: "DELETE FROM event WHERE id = ?").execute(arguments: [event.id])
                }
                cache.forget(key)
                if let old {
                    changes.append(try logEventChange(ChangeKind.eventRemoved, path: path, face: old, now: now, db: db))
                }
                continue
            }
            cache.updateFace(face, picks: picks, mentions: mentions, ofKey: key)
            guard face != old || picks != event.picks else { continue }
            try store(face, key: key, picks: picks, isStored: event.isStored, db: db)
            guard face != old else { continue }
            let kind = old == nil ? ChangeKind.eventAdded : ChangeKind.eventUpdated
            changes.append(try logEventChange(kind, path: path, face: face, now: now, db: db))
        }
        return changes
    }

    /// Stores an event's face: a new row for an event this transaction created, else its row rewritten.
    private func store(
        _ face: EventFace, key: EventKey, picks: StoredPicks, isStored: Bool, db: Database
    ) throws {
        let sql =
            isStored
            ? """
            UPDATE event SET code = ?, rootCode = ?, quadClass = ?, label = ?, date = ?, datePrecision = ?,
                dateProvenance = ?, sourceName = ?, sourceCode = ?, targetName = ?, targetCode = ?, location = ?,
                summary = ?, mentionCount = ?, articleCount = ?, actors = ?, faceMentionIds = ?
            WHERE id = ? AND groupId = ? AND anchorDay IS ?
            """  // the key only to keep the insert's order of parameters
            : """
            INSERT INTO event (code, rootCode, quadClass, label, date, datePrecision, dateProvenance, sourceName,
                sourceCode, targetName, targetCode, location, summary, mentionCount, articleCount, actors,
                faceMentionIds, id, groupId, anchorDay)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        try RawStatement(
            db, sql, .text(face.code), .text(face.rootCode), .integer(face.quadClass), .text(face.label),
            .text(face.date), .text(face.datePrecision), .text(face.dateProvenance), .text(face.sourceName),
            .text(face.sourceCode), .text(face.targetName), .text(face.targetCode), .text(face.location),
            .text(face.summary), .integer(face.mentionCount), .integer(face.articleCount), .text(face.actors),
            .text(picks.text), .integer(face.id), .integer(key.group), .integer(key.anchorDay)
        ).run()
    }

    /// The face of `event` from the mentions it has now, the mentions it is taken from, and all of its
    /// mentions when they had to be read; nil when it has none left.
    private func currentFace(of event: EventCache.Event, db: Database) throws
        -> (EventFace, StoredPicks, [MentionRow]?)?
    {
        let mentions: [MentionRow]
        switch event.mentions {
        case .stored(let added):
            if let old = event.face, let stored = event.picks {
                let picks = FaceMentions((stored.mentions(giving: old) + added).sorted { $0.id < $1.id })
                return (EventFace(updating: old, picks: picks, added: added), StoredPicks(picks), nil)
            }
            // Never expected (the cache marks an event whose mentions left): derive the face from them all.
            mentions = try self.mentions(ofEvent: event.id, db: db)
        case .all(let all):
            mentions = all
        case .unknown:
            mentions = try self.mentions(ofEvent: event.id, db: db)
        }
        guard !mentions.isEmpty else { return nil }
        let picks = FaceMentions(mentions)
        return (EventFace(id: event.id, mentions: mentions, picks: picks), StoredPicks(picks), mentions)
    }

    func mentions(ofEvent eventId: Int64, db: Database) throws -> [MentionRow] {
        try RawStatement(db, EventStore.mentionsOfEvent, .integer(eventId)).all(MentionRow.init)
    }

    private static let mentionsOfEvent =
        "SELECT \(MentionRow.columns) FROM mention m JOIN file f ON f.id = m.fileId WHERE m.eventId = ?"

    func face(ofEvent eventId: Int64, db: Database) throws -> EventFace? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(EventFace.columns) FROM event WHERE id = ?"), arguments: [eventId]
        ).map(EventFace.init)
    }
}
