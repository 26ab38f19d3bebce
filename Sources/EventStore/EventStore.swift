internal import CSQLiteTuning
internal import Foundation
internal import GRDB

/// The persisted, derived view of the watched folder: files, articles and the change log.
///
/// Files are the truth; everything here can be rebuilt from the folder. One writer (GRDB serializes
/// writes); reads run concurrently in WAL mode on disk.
public final class EventStore: Sendable {
    let writer: any DatabaseWriter
    /// Identifies this store's history. A rebuilt store gets a new one, so clients holding a cursor
    /// into the old history know to resync.
    public let generation: String
    /// Where the database lives, or `:memory:`.
    public let location: String
    /// Whether opening started a new generation because the machine restarted since the store was last used
    /// and the store was not closed with ``markCleanStop()``: the last transactions may have been lost.
    public let rotatedAfterUncleanStop: Bool
    /// Whether the session before this one ended with ``markCleanStop()`` (a new database counts as clean).
    public let lastStopWasClean: Bool
    /// This session's record (generation, boot id, `cleanStop = 0`) until a commit writes it: a session that
    /// commits nothing can lose nothing, and a full disk at start must not stop the daemon.
    private let pendingSession: PendingSession

    struct Session {
        var generation: String
        var bootId: String?
    }

    /// Opens (creating if needed) the database at `path`, in WAL mode, and migrates it. `bootId` tells this
    /// boot of the machine from earlier ones (see ``rotatedAfterUncleanStop``).
    public convenience init(path: String, bootId: String? = EventStore.currentBootId()) throws(EventStoreError) {
        var configuration = Configuration()
        configuration.label = "tidings.store"
        configuration.prepareDatabase { db in
            // WAL + NORMAL: a crash of the process loses nothing committed; a power loss may lose the
            // last transactions, which the start-up reconcile re-derives from the files.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if !db.configuration.readonly {
                // The writer re-reads index and event pages all over the file during a bulk ingest; the
                // default 2 MB cache sends most of those reads to the kernel. Given back when idle
                // (``releaseMemory()``).
                try db.execute(sql: "PRAGMA cache_size = -\(EventStore.writerCacheKiB)")
                // A bulk ingest rewrites the same index pages batch after batch: checkpointing every 32 MB of
                // WAL instead of every 4 MB copies each of them back once instead of eight times. The WAL file
                // is cut back to 4 MB after a checkpoint, so an idle store does not keep it.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
                try db.execute(sql: "PRAGMA journal_size_limit = 4194304")
                // Debian's build zeroes what a write frees (rewritten event rows, deleted mentions): work the
                // writer does not need, since the articles are in the watched folder anyway.
                try db.execute(sql: "PRAGMA secure_delete = OFF")
            }
        }
        _ = EventStore.memoryStatisticsOff
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw EventStoreError(
                isCorruption(error) ? .corrupt : .cannotOpen, "cannot open the database \(path): \(error)",
                underlying: error)
        }
        try self.init(writer: pool, location: path, bootId: bootId)
    }

    /// Turned off before the first connection opens, once per process: SQLite would otherwise count every
    /// allocation under a global mutex (6 of each 100 instructions of a bulk ingest's writer went to its
    /// allocations). Later stores of the process (tests) find SQLite initialized, and it stays as it is.
    private static let memoryStatisticsOff: Void = { _ = tidings_sqlite_disable_memory_statistics() }()

    /// The kernel's id of this boot; nil where there is none.
    public static func currentBootId() -> String? {
        (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Records that the store was closed cleanly, and makes every committed transaction durable: a restart
    /// after this keeps the generation even after a reboot. Nothing may be written after it.
    public func markCleanStop() throws(EventStoreError) {
        try write { db in
            try writePendingSession(db)
            try EventStore.setMeta("cleanStop", "1", db)
        }
        try checkpointDurably()
    }

    /// Writes this session's record in the transaction of `db` if no commit has yet; returns whether it did.
    /// The caller makes that commit durable (``checkpointDurably()``) before anyone learns of it: a power
    /// loss after that finds the stop unclean.
    @discardableResult
    func writePendingSession(_ db: Database) throws -> Bool {
        guard let session = pendingSession.session else { return false }
        try EventStore.setMeta("generation", session.generation, db)
        if let bootId = session.bootId { try EventStore.setMeta("bootId", bootId, db) }
        try EventStore.setMeta("cleanStop", "0", db)
        return true
    }

    /// After the commit that wrote the session's record: nothing more to write once it is synced. If it
    /// cannot be (a full disk), the next commit writes the record again and tries once more.
    func sessionWritten() {
        guard (try? checkpointDurably()) != nil else { return }
        pendingSession.session = nil
    }

    /// Copies the WAL into the database file and syncs it. The WAL file keeps its size (up to the journal size
    /// limit): a start on a full disk can then still open the database, which writes a WAL header.
    private func checkpointDurably() throws(EventStoreError) {
        guard writer is DatabasePool else { return }
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(FULL)") }
        } catch {
            throw EventStoreError(.cannotWrite, "cannot checkpoint the database \(location): \(error)", underlying: error)
        }
    }

    /// Runs SQLite's `PRAGMA quick_check` (page and b-tree structure, not index contents, so it stays quick);
    /// throws ``EventStoreError/Code/corrupt`` with the first problems it found.
    public func checkIntegrity() throws(EventStoreError) {
        let problems: [String]
        do {
            problems = try writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
        } catch {
            throw EventStoreError(
                isCorruption(error) ? .corrupt : .cannotRead, "cannot check the database \(location): \(error)",
                underlying: error)
        }
        guard problems != ["ok"] else { return }
        let summary = problems.joined(separator: "; ").replacingOccurrences(of: "\n", with: "; ")
        throw EventStoreError(.corrupt, "the database \(location) is damaged: \(summary)")
    }

    /// Closes the database (e.g. before moving its file); the store cannot be used afterwards.
    public func close() throws(EventStoreError) {
        do {
            try writer.close()
        } catch {
            throw EventStoreError(.cannotWrite, "cannot close the database \(location): \(error)", underlying: error)
        }
    }

    /// The writer's page cache, in KiB: at most this much is kept between ``releaseMemory()`` calls.
    public static let writerCacheKiB = 32 * 1024

    /// Frees the page caches (e.g. once the backlog is empty), so an idle daemon stays small.
    public func releaseMemory() {
        switch writer {
        case let pool as DatabasePool: pool.releaseMemory()
        case let queue as DatabaseQueue: queue.releaseMemory()
        default: break
        }
    }

    /// A store that lives in memory only (tests, dry runs).
    public static func inMemory() throws(EventStoreError) -> EventStore {
        do {
            return try EventStore(writer: DatabaseQueue(), location: ":memory:", bootId: nil)
        } catch {
            throw EventStoreError(.cannotOpen, "cannot open an in-memory database: \(error)", underlying: error)
        }
    }

    init(writer: any DatabaseWriter, location: String, bootId: String?) throws(EventStoreError) {
        self.writer = writer
        self.location = location
        let meta: [String: String]
        do {
            try EventStore.migrator.migrate(writer)
            meta = try writer.read { db in
                Dictionary(
                    try Row.fetchAll(db, sql: "SELECT key, value FROM meta").map { ($0[0] as String, $0[1] as String) },
                    uniquingKeysWith: { a, _ in a })
            }
        } catch {
            throw EventStoreError(
                isCorruption(error) ? .corrupt : .cannotWrite, "cannot prepare the database \(location): \(error)",
                underlying: error)
        }
        // With `synchronous = NORMAL` a crash of the process loses nothing committed, but a crash of the machine
        // (power loss) may lose the last transactions, whose seqs clients saw and the store hands out again. That
        // can only have happened when the machine restarted (another boot id) after a session that committed
        // and did not stop cleanly; then a new generation tells clients to resync.
        let stored = meta["generation"]
        lastStopWasClean = stored == nil || meta["cleanStop"] == "1"
        let rotated = stored != nil && meta["cleanStop"] == "0" && meta["bootId"] != bootId
        rotatedAfterUncleanStop = rotated
        generation = (rotated ? nil : stored) ?? UUID().uuidString.lowercased()
        pendingSession = PendingSession(Session(generation: generation, bootId: bootId))
        if stored == nil {
            // A new database: its generation is part of its creation.
            _ = try write { db in try writePendingSession(db) }
            sessionWritten()
        }
    }

    private static func setMeta(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    /// Runs a read, mapping database failures to ``EventStoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(EventStoreError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw EventStoreError(
                isCorruption(error) ? .corrupt : .cannotRead, "cannot read the database \(location): \(error)",
                underlying: error)
        }
    }

    /// Runs one write transaction, mapping database failures to ``EventStoreError``.
    func write<T>(_ body: (Database) throws -> T) throws(EventStoreError) -> T {
        do {
            return try writer.write { db in
                defer { RawStatement.transactionEnded(db) }
                return try body(db)
            }
        } catch {
            throw EventStoreError(
                isCorruption(error) ? .corrupt : .cannotWrite, "cannot write the database \(location): \(error)",
                underlying: error)
        }
    }
}

/// Whether a database failure means the file is damaged or is no SQLite database at all (garbage, a
/// truncated copy), rather than that it could not be reached (permissions, full disk, locks).
private func isCorruption(_ error: any Error) -> Bool {
    guard let error = error as? DatabaseError else { return false }
    return error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
}

/// The session's record until a commit writes it, behind a pthread mutex (`NSLock`): Synchronization's `Mutex`
/// locks with futex calls on Linux, which ThreadSanitizer does not see (see the daemon's `Locked`).
private final class PendingSession: @unchecked Sendable {  // `value` guarded by `lock`
    private let lock = NSLock()
    private var value: EventStore.Session?

    init(_ session: EventStore.Session) {
        value = session
    }

    var session: EventStore.Session? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
