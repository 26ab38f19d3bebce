internal import GRDB

/// What one write transaction has read and written of the event and mention tables, so that an event touched
/// by many articles of a batch is looked up, and its mentions read, once per batch rather than once per article.
///
/// It mirrors the tables exactly: every write to an event or mention row in the transaction goes through the
/// cache too, and a mention list the cache cannot keep exact is dropped (read again when needed). It lives
/// only inside one transaction, so a rollback throws it away with everything else.
struct EventCache {
    struct Event {
        var id: Int64
        /// The face stored in the table; nil for a placeholder that has no mentions yet (never announced).
        var face: EventFace?
        /// The event's mentions in id order, as ``EventStore/mentions(ofEvent:db:)`` reads them; nil until read.
        var mentions: [MentionRow]?
    }

    /// By event key; a key not here has not been looked up (or its event was deleted) in this transaction.
    private var events: [String: Event] = [:]

    subscript(key: String) -> Event? {
        events[key]
    }

    /// Records an event read from the table, or created (a placeholder, with no mentions).
    mutating func remember(_ key: String, id: Int64, face: EventFace?, mentions: [MentionRow]?) {
        // A face without mentions is a placeholder: treat it as no face at all, as `refresh` does.
        events[key] = Event(id: id, face: face.flatMap { $0.mentionCount > 0 ? $0 : nil }, mentions: mentions)
    }

    mutating func rememberMentions(_ mentions: [MentionRow], ofKey key: String) {
        events[key]?.mentions = mentions
    }

    mutating func updateFace(_ face: EventFace, ofKey key: String) {
        events[key]?.face = face
    }

    mutating func forget(_ key: String) {
        events[key] = nil
    }

    /// A mention row was inserted for the event with `key`.
    mutating func add(_ mention: MentionRow, toKey key: String) {
        guard events[key]?.mentions != nil else { return }
        events[key]!.mentions!.insertInIdOrder(mention)
    }

    /// A mention row was deleted from the event with `key`; returns it when the cache held it.
    @discardableResult
    mutating func remove(mentionId: Int64, fromKey key: String) -> MentionRow? {
        guard let index = events[key]?.mentions?.firstIndex(where: { $0.id == mentionId }) else { return nil }
        return events[key]!.mentions!.remove(at: index)
    }

    /// A mention row moved from one event to another (re-anchored).
    mutating func move(mentionId: Int64, fromKey: String, toKey: String, toEventId: Int64) {
        guard events[toKey]?.mentions != nil else {
            remove(mentionId: mentionId, fromKey: fromKey)
            return
        }
        if var moved = remove(mentionId: mentionId, fromKey: fromKey) {
            moved.eventId = toEventId
            events[toKey]!.mentions!.insertInIdOrder(moved)
        } else {
            // The row itself was never read: read the destination's mentions again when needed.
            events[toKey]!.mentions = nil
        }
    }
}

extension [MentionRow] {
    fileprivate mutating func insertInIdOrder(_ mention: MentionRow) {
        // New rows get the largest id, so this almost always appends.
        var index = endIndex
        while index > startIndex, self[index - 1].id > mention.id { index -= 1 }
        insert(mention, at: index)
    }
}

/// Text as SQLite keeps it: GRDB binds strings NUL-terminated, so a NUL ends the stored value.
func sqliteText(_ text: String) -> String {
    guard let nul = text.utf8.firstIndex(of: 0) else { return text }
    return String(decoding: text.utf8[..<nul], as: UTF8.self)
}
