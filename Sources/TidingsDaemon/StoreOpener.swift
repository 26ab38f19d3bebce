internal import EventStore
internal import Glibc
internal import Logging

/// Opens the store at start-up, and replaces a damaged one.
///
/// A database that is no SQLite file (garbage), or whose pages fail `PRAGMA quick_check` (a truncated copy, a
/// bad disk), is moved aside with its `-wal` and `-shm` to `tidings.sqlite.corrupt-<UTC time>`, and a new one is
/// created. Files are the truth: the start-up reconcile rebuilds the store from the folder, and the new database's
/// generation id tells clients to resync. A database that cannot be reached (permissions, full disk) is left
/// alone: moving it would not help, and the start fails saying so.
struct StoreOpener {
    let databasePath: String
    let stateDirectory: String
    let logger: Logger

    func open() throws(DaemonError) -> EventStore {
        let damage: EventStoreError
        do throws(EventStoreError) {
            return try openChecked()
        } catch where error.code == .corrupt {
            damage = error
        } catch {
            throw cannotOpen(error)
        }
        let aside = try moveAside(damage)
        unlink(checkRequest)
        logger.critical(
            """
            the database was damaged: moved it aside, rebuilding the store from the folder (clients resync); \
            nothing else to do: keep the copy to find out what damaged it (disk errors, power loss, another \
            program writing it), or delete it
            """,
            metadata: ["store.database": "\(databasePath)", "store.movedTo": "\(aside)", "store.error": "\(damage)"])
        do throws(EventStoreError) {
            return try EventStore(path: databasePath)
        } catch {
            throw cannotOpen(error)
        }
    }

    /// Asks the next start to check the database's pages (a commit found it damaged while running).
    var checkRequest: String { databasePath + ".check" }

    private func openChecked() throws(EventStoreError) -> EventStore {
        let store = try EventStore(path: databasePath)
        // The check reads the whole file (seconds for a 100k-article store): it runs when damage is likely, after
        // a crash or when the last session saw a damaged page, not on every restart.
        guard !store.lastStopWasClean || access(checkRequest, F_OK) == 0 else { return store }
        do throws(EventStoreError) {
            try store.checkIntegrity()
            unlink(checkRequest)
        } catch {
            // Closed before its files are moved: SQLite would otherwise clean up a `-wal` by name later.
            try? store.close()
            throw error
        }
        return store
    }

    /// Renames the database, its `-wal` and its `-shm` (those that exist) to `…corrupt-<UTC time>` with the same
    /// suffixes; returns the new name of the database.
    private func moveAside(_ damage: EventStoreError) throws(DaemonError) -> String {
        var aside = "\(databasePath).corrupt-\(Self.utcStamp())"
        var taken = 1
        while access(aside, F_OK) == 0 {
            taken += 1
            aside = "\(databasePath).corrupt-\(Self.utcStamp())-\(taken)"
        }
        // The database first: a `-wal` left behind on its own would be replayed into the new database, so a
        // failure stops the start.
        for suffix in ["", "-wal", "-shm"] where rename(databasePath + suffix, aside + suffix) != 0 && errno != ENOENT {
            throw DaemonError(
                "\(damage.message); cannot move \(databasePath + suffix) aside to \(aside + suffix): "
                    + "\(String(cString: strerror(errno))); move or delete the database files in \(stateDirectory) "
                    + "and start again (the store is rebuilt from the folder)")
        }
        return aside
    }

    private func cannotOpen(_ error: EventStoreError) -> DaemonError {
        DaemonError("\(error.message); check that \(stateDirectory) is writable or pass --state DIR")
    }

    /// Now as `20250131T235959Z`.
    private static func utcStamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y%m%dT%H%M%SZ", &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
