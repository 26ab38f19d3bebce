internal import ArticleParsing
internal import ControlProtocol
internal import EventExtraction
internal import Foundation
internal import GRDB

/// Events are the connected groups of mentions that ``isSameEvent(_:_:)`` links. Groups depend only on the
/// set of mentions, not on the order articles arrived in, so the store after any sequence of edits equals
/// the store built from scratch (event ids aside).
extension EventStore {
    /// Widest date window two mentions of one event can span (the largest tolerance of ``EventDate``).
    static let mergeWindowDays = 20

    /// Replaces a file's mentions with `events`, merging them into existing events or creating new ones,
    /// and splitting or removing the events its old mentions held together. Returns the event changes.
    func replaceMentions(
        fileId: Int64, path: String, with events: [ExtractedEvent], now: Double, db: Database
    ) throws -> [ChangeRecord] {
        var touched = Set(
            try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT DISTINCT eventId FROM mention WHERE fileId = ?"), arguments: [fileId]))
        if events.isEmpty && touched.isEmpty { return [] }
        var before: [Int64: EventFace] = [:]
        for id in touched { before[id] = try face(ofEvent: id, db: db) }
        try db.cachedStatement(sql: "DELETE FROM mention WHERE fileId = ?").execute(arguments: [fileId])

        for event in events {
            let eventId = try eventFor(event, db: db, before: &before, touched: &touched)
            try insertMention(event, eventId: eventId, fileId: fileId, db: db)
        }
        // Withdrawn mentions may have been the only link between parts of an event: split it.
        for id in touched.sorted() {
            touched.formUnion(try splitIfDisconnected(id, db: db))
        }
        return try refresh(touched.sorted(), before: before, path: path, now: now, db: db)
    }

    /// The event a new mention joins: the one its matching mentions belong to, several merged into the
    /// oldest when it links them, or a new one. Every event it changes goes into `touched`.
    private func eventFor(
        _ event: ExtractedEvent, db: Database, before: inout [Int64: EventFace], touched: inout Set<Int64>
    ) throws -> Int64 {
        let signature = event.signature
        var matched = Set<Int64>()
        if let day = event.date?.day.daysSinceEpoch {
            let candidates = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT \(MentionRow.columns) FROM mention m JOIN file f ON f.id = m.fileId
                        WHERE m.family = ? AND m.day BETWEEN ? AND ?
                        """),
                arguments: [signature.actionFamily, day - EventStore.mergeWindowDays, day + EventStore.mergeWindowDays])
            for row in candidates {
                let mention = MentionRow(row)
                if !matched.contains(mention.eventId), isSameEvent(signature, mention.signature) {
                    matched.insert(mention.eventId)
                }
            }
        }
        guard let target = matched.min() else {
            let created = try insertPlaceholderEvent(db: db)
            touched.insert(created)
            return created
        }
        for id in matched where before[id] == nil && !touched.contains(id) {
            before[id] = try face(ofEvent: id, db: db)
        }
        for other in matched where other != target {
            try db.cachedStatement(sql: "UPDATE mention SET eventId = ? WHERE eventId = ?").execute(arguments: [target, other])
        }
        touched.formUnion(matched)
        return target
    }

    private func insertMention(_ event: ExtractedEvent, eventId: Int64, fileId: Int64, db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO mention (eventId, fileId, sentenceIndex, start, end, sentence, confidence, summaryQuality,
                    code, family, sourceName, sourceCode, targetName, targetCode, location, locationCountry, day,
                    datePrecision, dateProvenance)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            eventId, fileId, event.sentenceIndex, event.range.lowerBound, event.range.upperBound, event.sentence,
            event.confidence, event.summaryQuality, event.code.rawValue, event.signature.actionFamily,
            event.source?.name, event.source?.code, event.target?.name, event.target?.code, event.location,
            event.locationCountry, event.date?.day.daysSinceEpoch, event.date?.precision.rawValue,
            event.date?.provenance.rawValue,
        ])
    }

    private func insertPlaceholderEvent(db: Database) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO event (code, rootCode, quadClass, label, summary, mentionCount, articleCount)
                VALUES ('010', '01', 1, '', '', 0, 0)
                """
        ).execute()
        return db.lastInsertedRowID
    }

    /// Splits an event whose mentions no longer form one connected group; returns the new events' ids.
    /// The group holding the best mention keeps the id.
    private func splitIfDisconnected(_ eventId: Int64, db: Database) throws -> [Int64] {
        let mentions = try mentions(ofEvent: eventId, db: db)
        guard mentions.count > 1 else { return [] }
        var parent = Array(mentions.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        let signatures = mentions.map(\.signature)
        for i in mentions.indices {
            for j in (i + 1)..<mentions.count where root(i) != root(j) && isSameEvent(signatures[i], signatures[j]) {
                parent[root(j)] = root(i)
            }
        }
        var groups: [Int: [MentionRow]] = [:]
        for index in mentions.indices { groups[root(index), default: []].append(mentions[index]) }
        guard groups.count > 1 else { return [] }
        let ordered = groups.values.sorted { a, b in
            MentionRow.representsBetter(a.sorted(by: MentionRow.representsBetter)[0], b.sorted(by: MentionRow.representsBetter)[0])
        }
        var created: [Int64] = []
        for group in ordered.dropFirst() {
            let newId = try insertPlaceholderEvent(db: db)
            created.append(newId)
            for mention in group {
                try db.cachedStatement(sql: "UPDATE mention SET eventId = ? WHERE id = ?").execute(arguments: [newId, mention.id])
            }
        }
        return created
    }

    /// Rewrites each touched event's face from its mentions (deleting events left without any) and logs
    /// `event.added`, `event.updated` or `event.removed` where subscribers would see a difference.
    private func refresh(
        _ ids: [Int64], before: [Int64: EventFace], path: String, now: Double, db: Database
    ) throws -> [ChangeRecord] {
        var changes: [ChangeRecord] = []
        for id in ids {
            let mentions = try mentions(ofEvent: id, db: db)
            guard !mentions.isEmpty else {
                try db.cachedStatement(sql: "DELETE FROM event WHERE id = ?").execute(arguments: [id])
                if let old = before[id], old.mentionCount > 0 {
                    changes.append(try logChange(ChangeKind.eventRemoved, path: path, payload: try EventStore.json(old), now: now, db: db))
                }
                continue
            }
            let face = EventFace(id: id, mentions: mentions)
            guard face != before[id] else { continue }
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
            // A face without mentions is a placeholder made in this transaction: never announced.
            let kind = (before[id]?.mentionCount ?? 0) == 0 ? ChangeKind.eventAdded : ChangeKind.eventUpdated
            changes.append(try logChange(kind, path: path, payload: try EventStore.json(face), now: now, db: db))
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

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
