internal import GRDB

/// What one write transaction has read and written of the event and mention tables, so that an event touched
/// by many articles of a batch is looked up, and its mentions read, once per batch rather than once per article.
///
/// It mirrors the tables exactly: every write to an event or mention row in the transaction goes through the
/// cache too, and a mention list the cache cannot keep exact is dropped (read again when needed). It lives
/// only inside one transaction, so a rollback throws it away with everything else.
struct EventCache {
    /// What the cache knows of an event's mentions.
    enum Mentions {
        /// All of them, in id order.
        case all([MentionRow])
        /// Those the stored face was derived from (its ``StoredPicks``), plus these, inserted by this
        /// transaction (in id order): the face can be brought up to date from its picks and these alone, however
        /// many mentions the event has (see ``EventFace/init(updating:picks:added:)``).
        case stored(plus: [MentionRow])
        /// Not known: a mention the cache never read left the event, so every one must be read again.
        case unknown
    }

    struct Event {
        var id: Int64
        /// Whether the table has its row: an event this transaction created is inserted, face and all, when
        /// its face is first written (nothing reads the row before), instead of inserted and then rewritten.
        var isStored: Bool
        /// The face stored in the table; nil for an event not announced yet.
        var face: EventFace?
        /// The stored mentions that `face` was chosen from; nil when the row has none (stored before them).
        var picks: StoredPicks?
        var mentions: Mentions
    }

    /// By event key; a key not here has not been looked up (or its event was deleted) in this transaction.
    private var events: [EventKey: Event] = [:]
    /// Keys of events that lost a mention before they were looked up: their stored face is out of date.
    private var lostMentions: Set<EventKey> = []
    /// The id the next created event gets (SQLite's own choice: one more than the largest).
    private var nextId: Int64?

    subscript(key: EventKey) -> Event? {
        events[key]
    }

    /// Records an event read from the table. Without its picks (an event stored before they were), or with a
    /// mention gone, its mentions are read again when its face is rewritten.
    mutating func remember(_ key: EventKey, face: EventFace, picks: StoredPicks?) {
        // A face without mentions is a placeholder: treat it as no face at all, as `refresh` does.
        guard face.mentionCount > 0 else {
            events[key] = Event(id: face.id, isStored: true, face: nil, picks: nil, mentions: .unknown)
            return
        }
        let upToDate = picks != nil && !lostMentions.contains(key)
        events[key] = Event(
            id: face.id, isStored: true, face: face, picks: picks,
            mentions: upToDate ? .stored(plus: []) : .unknown)
    }

    /// Creates an event with `key` and no mentions yet, to be stored with its first face; returns its id.
    /// `largestStoredId` is read once per transaction.
    mutating func create(_ key: EventKey, largestStoredId: () throws -> Int64) rethrows -> Int64 {
        let id = try nextId ?? largestStoredId() + 1
        nextId = id + 1
        events[key] = Event(id: id, isStored: false, face: nil, picks: nil, mentions: .all([]))
        return id
    }

    /// Records the face written for `key`, with every mention it has now.
    mutating func updateFace(_ face: EventFace, picks: StoredPicks, mentions: [MentionRow]?, ofKey key: EventKey) {
        // One lookup of the key, then changes in place.
        guard let index = events.index(forKey: key) else { return }
        events.values[index].isStored = true
        events.values[index].face = face
        events.values[index].picks = picks
        events.values[index].mentions = mentions.map { .all($0) } ?? .stored(plus: [])
    }

    mutating func forget(_ key: EventKey) {
        events[key] = nil
    }

    /// A mention row was inserted for the event with `key`. Its file's earlier mentions are all deleted, so its
    /// path is among no `stored` event's mentions: it adds an article to the count.
    mutating func add(_ mention: MentionRow, toKey key: EventKey) {
        events[key]?.mentions.insert(mention)
    }

    /// A mention row was deleted from the event with `key`; returns it when the cache held it.
    @discardableResult
    mutating func remove(mentionId: Int64, fromKey key: EventKey) -> MentionRow? {
        guard events[key] != nil else {
            lostMentions.insert(key)
            return nil
        }
        return events[key]!.mentions.remove(mentionId)
    }

    /// A mention row moved from one event to another (re-anchored). Re-anchoring comes before `refresh` reads
    /// any list in full, so a row the cache holds was inserted by this transaction, as for ``add(_:toKey:)``.
    mutating func move(mentionId: Int64, fromKey: EventKey, toKey: EventKey) {
        guard let moved = remove(mentionId: mentionId, fromKey: fromKey) else {
            // The row itself was never read: read the destination's mentions again when needed.
            events[toKey]?.mentions = .unknown
            return
        }
        events[toKey]?.mentions.insert(moved)
    }
}

extension EventCache.Mentions {
    // `self = .unknown` before changing a list taken out of `self`: otherwise `self` still holds the list, and
    // the change copies all of it.
    fileprivate mutating func insert(_ mention: MentionRow) {
        switch self {
        case .all(var list):
            self = .unknown
            list.insertInIdOrder(mention)
            self = .all(list)
        case .stored(var plus):
            self = .unknown
            plus.insertInIdOrder(mention)
            self = .stored(plus: plus)
        case .unknown:
            break
        }
    }

    fileprivate mutating func remove(_ mentionId: Int64) -> MentionRow? {
        switch self {
        case .all(var list):
            guard let index = list.firstIndex(where: { $0.id == mentionId }) else { return nil }
            self = .unknown
            let mention = list.remove(at: index)
            self = .all(list)
            return mention
        case .stored(var plus):
            guard let index = plus.firstIndex(where: { $0.id == mentionId }) else {
                // A stored mention left: the face's representatives may be gone with it.
                self = .unknown
                return nil
            }
            self = .unknown
            let mention = plus.remove(at: index)
            self = .stored(plus: plus)
            return mention
        case .unknown:
            return nil
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
    var text = text
    // Searched over the contiguous bytes: every string of every new mention passes here.
    let cut = text.withUTF8 { utf8 in
        utf8.firstIndex(of: 0).map { String(decoding: UnsafeBufferPointer(rebasing: utf8[..<$0]), as: UTF8.self) }
    }
    return cut ?? text
}
