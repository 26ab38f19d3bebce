internal import GRDB

extension EventStore {
    /// Append-only: never edit a registered migration, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: files, articles, change log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    CREATE TABLE file (
                        id INTEGER PRIMARY KEY,
                        path TEXT NOT NULL UNIQUE,
                        device INTEGER NOT NULL,
                        inode INTEGER NOT NULL,
                        size INTEGER NOT NULL,
                        mtimeNs INTEGER NOT NULL,
                        hash TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
                        error TEXT,
                        ingestedAt REAL NOT NULL
                    );
                    CREATE TABLE article (
                        fileId INTEGER PRIMARY KEY NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        title TEXT,
                        published TEXT,
                        publishedSource TEXT,
                        body TEXT NOT NULL,
                        warnings TEXT NOT NULL DEFAULT ''
                    );
                    CREATE TABLE change (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        path TEXT,
                        payload TEXT,
                        time REAL NOT NULL
                    );
                    """)
        }
        return migrator
    }
}
