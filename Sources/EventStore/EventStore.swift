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
            }
        }
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

    /// The kernel's id of this boot; nil where there is none.
    public static func currentBootId() -> String? {
        (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Records that the store was closed cleanly, and makes every committed transaction durable: a restart
    /// after this keeps the generation even after a reboot. Nothing may be written after it.
    public func markCleanStop() throws(EventStoreError) {
        try write { db in try EventStore.setMeta("cleanStop", "1", db) }
        try checkpointDurably()
    }

    /// Copies the WAL into the database file and syncs it.
    private func checkpointDurably() throws(EventStoreError) {
        guard writer is DatabasePool else { return }
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
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
        do {
            try EventStore.migrator.migrate(writer)
            (generation, rotatedAfterUncleanStop) = try writer.write { db in
                try EventStore.startSession(bootId: bootId, db)
            }
        } catch {
            throw EventStoreError(
                isCorruption(error) ? .corrupt : .cannotWrite, "cannot prepare the database \(location): \(error)",
                underlying: error)
        }
        // Durable before anything else is written: a power loss from now on finds the stop unclean.
        try checkpointDurably()
    }

    /// The generation to use, and whether it is new because the last session may have lost transactions.
    ///
    /// With `synchronous = NORMAL` a crash of the process loses nothing committed, but a crash of the machine
    /// (power loss) may lose the last transactions, so seqs clients saw may come back with other changes. That
    /// can only have happened when the machine restarted (another boot id) and the store was not stopped
    /// cleanly; then a new generation tells clients to resync.
    private static func startSession(bootId: String?, _ db: Database) throws -> (String, Bool) {
        let meta = Dictionary(
            try Row.fetchAll(db, sql: "SELECT key, value FROM meta").map { ($0["key"] as String, $0["value"] as String) },
            uniquingKeysWith: { a, _ in a })
        var generation = meta["generation"]
        let lostPossibly = generation != nil && meta["cleanStop"] != "1" && meta["bootId"] != nil
            && meta["bootId"] != bootId
        if generation == nil || lostPossibly {
            generation = UUID().uuidString.lowercased()
            try setMeta("generation", generation!, db)
        }
        if let bootId { try setMeta("bootId", bootId, db) }
        try setMeta("cleanStop", "0", db)
        return (generation!, lostPossibly)
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
            return try writer.write(body)
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
