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
        migrator.registerMigration("v2: statements, events, mentions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE statement (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,
                        author TEXT NOT NULL,
                        handle TEXT,
                        date TEXT,
                        text TEXT NOT NULL
                    );
                    -- Each article's own copy of a quoted post; the statement row shows the copy of the
                    -- first article by path, so the store does not depend on the order articles arrived in.
                    CREATE TABLE statementArticle (
                        statementId INTEGER NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
                        fileId INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        author TEXT NOT NULL,
                        handle TEXT,
                        date TEXT,
                        text TEXT NOT NULL,
                        PRIMARY KEY (statementId, fileId)
                    ) WITHOUT ROWID;
                    CREATE INDEX statementArticleByFile ON statementArticle(fileId);
                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,
                        code TEXT NOT NULL,
                        rootCode TEXT NOT NULL,
                        quadClass INTEGER NOT NULL,
                        label TEXT NOT NULL,
                        date TEXT,
                        datePrecision TEXT,
                        dateProvenance TEXT,
                        sourceName TEXT,
                        sourceCode TEXT,
                        targetName TEXT,
                        targetCode TEXT,
                        location TEXT,
                        summary TEXT NOT NULL,
                        mentionCount INTEGER NOT NULL,
                        articleCount INTEGER NOT NULL
                    );
                    CREATE INDEX eventByDate ON event(date);
                    CREATE TABLE mention (
                        id INTEGER PRIMARY KEY,
                        eventId INTEGER NOT NULL REFERENCES event(id),
                        fileId INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        sentenceIndex INTEGER NOT NULL,
                        start INTEGER NOT NULL,
                        end INTEGER NOT NULL,
                        sentence TEXT NOT NULL,
                        confidence REAL NOT NULL,
                        summaryQuality REAL NOT NULL,
                        code TEXT NOT NULL,
                        family TEXT NOT NULL,
                        sourceName TEXT,
                        sourceCode TEXT,
                        sourceKey TEXT NOT NULL,
                        targetName TEXT,
                        targetCode TEXT,
                        targetKey TEXT NOT NULL,
                        location TEXT,
                        locationCountry TEXT,
                        day INTEGER,
                        datePrecision TEXT,
                        dateProvenance TEXT,
                        anchorDay INTEGER
                    );
                    -- A group: one action family between the same sides (see EventKey).
                    CREATE INDEX mentionByGroup ON mention(family, sourceKey, targetKey, day);
                    CREATE INDEX mentionByEvent ON mention(eventId);
                    CREATE INDEX mentionByFile ON mention(fileId);
                    """)
        }
        migrator.registerMigration("v3: anchors and rough mentions indexed apart") { db in
            // Re-anchoring probes a group's anchors by day and scans its rough mentions near a day. Two partial
            // indexes (each mention is in one of them, or in none when undated) answer both from the index
            // alone, where the group index needed a row lookup for every date precision it checked.
            try db.execute(
                sql: """
                    DROP INDEX mentionByGroup;
                    CREATE INDEX mentionAnchorByGroup ON mention(family, sourceKey, targetKey, day)
                        WHERE datePrecision = 'day' AND dateProvenance != 'articleDate';
                    CREATE INDEX mentionRoughByGroup
                        ON mention(family, sourceKey, targetKey, day, datePrecision, dateProvenance, anchorDay)
                        WHERE NOT (datePrecision = 'day' AND dateProvenance != 'articleDate');
                    """)
        }
        migrator.registerMigration("v4: events in listing order") { db in
            // `events.list` pages through events by date (undated last), then id: without this index every
            // page sorted all events (0.12 s at 100k articles; 0.01 s with it).
            try db.execute(sql: "CREATE INDEX eventByListingOrder ON event(date IS NULL, date, id)")
        }
        migrator.registerMigration("v5: the actors of every mention, on the event") { db in
            // `events.list --actor` matched names and codes over every mention (0.56 s at 100k articles, 1.1M
            // mentions); the event now carries them (``EventFace/actors``), so the filter reads events only.
            try db.execute(
                sql: """
                    ALTER TABLE event ADD COLUMN actors TEXT NOT NULL DEFAULT '';
                    UPDATE event SET actors = COALESCE((
                        SELECT char(10) || group_concat(name, char(10)) || char(10) FROM (
                            SELECT sourceName AS name FROM mention WHERE eventId = event.id AND sourceName IS NOT NULL
                            UNION SELECT sourceCode FROM mention WHERE eventId = event.id AND sourceCode IS NOT NULL
                            UNION SELECT targetName FROM mention WHERE eventId = event.id AND targetName IS NOT NULL
                            UNION SELECT targetCode FROM mention WHERE eventId = event.id AND targetCode IS NOT NULL
                            ORDER BY 1)), '');
                    """)
        }
        migrator.registerMigration("v6: the mentions each event's face is taken from") { db in
            // A batch that adds mentions to an event brings its face up to date from these few mentions and
            // the new ones (``EventFace/init(updating:picks:added:)``) instead of reading all of
            // them: at 100k articles, events hold hundreds, and reading them took 42 % of the ingest's CPU.
            // NULL for events stored before: their mentions are read in full once, the next time they change.
            try db.execute(sql: "ALTER TABLE event ADD COLUMN faceMentionIds TEXT")
        }
        migrator.registerMigration("v7: no date index beside the listing index") { db in
            // `eventByListingOrder` (date IS NULL, date, id) answers date ranges too, once the query says it
            // wants dated events only. Every index of a table a bulk ingest fills in random order is rewritten
            // page by page with each batch, and this one was one of the event table's four.
            try db.execute(sql: "DROP INDEX eventByDate")
        }
        migrator.registerMigration("v8: each statement's article count and shown copy, kept on its row") { db in
            // A batch that touched a post counted its articles and sorted their paths to find the copy it shows:
            // work that grew with every article quoting it (7 % of the writer at 100k articles, quoting 15
            // posts). Kept up to date by each batch instead (``EventStore/settleStatements(_:now:db:)``).
            try db.execute(
                sql: """
                    ALTER TABLE statement ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE statement ADD COLUMN shownFileId INTEGER;
                    UPDATE statement SET
                        articles = (SELECT COUNT(*) FROM statementArticle a WHERE a.statementId = statement.id),
                        shownFileId = (
                            SELECT a.fileId FROM statementArticle a JOIN file f ON f.id = a.fileId
                            WHERE a.statementId = statement.id ORDER BY f.path LIMIT 1);
                    """)
        }
        migrator.registerMigration("v9: event changes by the event's id") { db in
            // An `event.added` or `event.updated` row keeps the event's id instead of its face (a third of the
            // store, and of what a bulk ingest writes); a replay sends the event as it is then. The index finds
            // the last face of an event removed since, and the largest id ever given (ids are not reused).
            try db.execute(
                sql: """
                    ALTER TABLE change ADD COLUMN eventId INTEGER;
                    CREATE INDEX changeByRemovedEvent ON change(eventId) WHERE kind = 'event.removed';
                    """)
        }
        migrator.registerMigration("v10: events keyed and mentions indexed by their group's id") { db in
            // The group (family, sourceKey, targetKey) was three texts in every mention and in the event's text
            // key: a bulk ingest, which inserts into these indexes in random order, compared and rewrote them
            // for every mention. Each group now has a row, and mentions and events carry its id. Both tables are
            // rebuilt (SQLite cannot drop a UNIQUE column); GRDB runs migrations with foreign keys off and checks
            // them before committing. An event's group and anchor day are those of any of its mentions (they
            // are written together); an event without mentions, which `refresh` never leaves, is not kept.
            // `groupId` declares no foreign key: group rows are never deleted, and with a batch's checks deferred
            // (see `apply`) SQLite would search the mentions for the id of every group inserted, and the partial
            // indexes cannot serve that search. SQLite lets NULLs repeat under `eventByKey`'s UNIQUE: an undated
            // event is one per group because the writer looks each key up (`anchorDay IS ?`) before creating one.
            try db.execute(
                sql: """
                    CREATE TABLE eventGroup (
                        id INTEGER PRIMARY KEY,
                        family TEXT NOT NULL,
                        sourceKey TEXT NOT NULL,
                        targetKey TEXT NOT NULL,
                        UNIQUE (family, sourceKey, targetKey)
                    );
                    INSERT INTO eventGroup (family, sourceKey, targetKey)
                        SELECT DISTINCT family, sourceKey, targetKey FROM mention ORDER BY 1, 2, 3;

                    CREATE TABLE newMention (
                        id INTEGER PRIMARY KEY,
                        eventId INTEGER NOT NULL REFERENCES event(id),
                        fileId INTEGER NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                        groupId INTEGER NOT NULL,
                        sentenceIndex INTEGER NOT NULL,
                        start INTEGER NOT NULL,
                        end INTEGER NOT NULL,
                        sentence TEXT NOT NULL,
                        confidence REAL NOT NULL,
                        summaryQuality REAL NOT NULL,
                        code TEXT NOT NULL,
                        sourceName TEXT,
                        sourceCode TEXT,
                        targetName TEXT,
                        targetCode TEXT,
                        location TEXT,
                        locationCountry TEXT,
                        day INTEGER,
                        datePrecision TEXT,
                        dateProvenance TEXT,
                        anchorDay INTEGER
                    );
                    INSERT INTO newMention
                        SELECT m.id, m.eventId, m.fileId, g.id, m.sentenceIndex, m.start, m.end, m.sentence,
                            m.confidence, m.summaryQuality, m.code, m.sourceName, m.sourceCode, m.targetName,
                            m.targetCode, m.location, m.locationCountry, m.day, m.datePrecision, m.dateProvenance,
                            m.anchorDay
                        FROM mention m JOIN eventGroup g
                            ON g.family = m.family AND g.sourceKey = m.sourceKey AND g.targetKey = m.targetKey;
                    DROP TABLE mention;
                    ALTER TABLE newMention RENAME TO mention;
                    CREATE INDEX mentionAnchorByGroup ON mention(groupId, day)
                        WHERE datePrecision = 'day' AND dateProvenance != 'articleDate';
                    CREATE INDEX mentionRoughByGroup
                        ON mention(groupId, day, datePrecision, dateProvenance, anchorDay)
                        WHERE NOT (datePrecision = 'day' AND dateProvenance != 'articleDate');
                    CREATE INDEX mentionByEvent ON mention(eventId);
                    CREATE INDEX mentionByFile ON mention(fileId);

                    CREATE TABLE newEvent (
                        id INTEGER PRIMARY KEY,
                        groupId INTEGER NOT NULL,
                        anchorDay INTEGER,
                        code TEXT NOT NULL,
                        rootCode TEXT NOT NULL,
                        quadClass INTEGER NOT NULL,
                        label TEXT NOT NULL,
                        date TEXT,
                        datePrecision TEXT,
                        dateProvenance TEXT,
                        sourceName TEXT,
                        sourceCode TEXT,
                        targetName TEXT,
                        targetCode TEXT,
                        location TEXT,
                        summary TEXT NOT NULL,
                        mentionCount INTEGER NOT NULL,
                        articleCount INTEGER NOT NULL,
                        actors TEXT NOT NULL DEFAULT '',
                        faceMentionIds TEXT
                    );
                    INSERT INTO newEvent
                        SELECT e.id, m.groupId, m.anchorDay, e.code, e.rootCode, e.quadClass, e.label, e.date,
                            e.datePrecision, e.dateProvenance, e.sourceName, e.sourceCode, e.targetName, e.targetCode,
                            e.location, e.summary, e.mentionCount, e.articleCount, e.actors, e.faceMentionIds
                        FROM event e JOIN mention m ON m.id = (SELECT min(id) FROM mention WHERE eventId = e.id);
                    DROP TABLE event;
                    ALTER TABLE newEvent RENAME TO event;
                    CREATE UNIQUE INDEX eventByKey ON event(groupId, anchorDay);
                    CREATE INDEX eventByListingOrder ON event(date IS NULL, date, id);
                    """)
        }
        migrator.registerMigration("v11: event listings find their articles in the event index") { db in
            // A listing names the articles of each event it shows (`articlePaths`): with the file in the index
            // they are read from it, not from each mention's row, scattered over the whole table.
            try db.execute(
                sql: """
                    DROP INDEX mentionByEvent;
                    CREATE INDEX mentionByEvent ON mention(eventId, fileId);
                    """)
        }
        return migrator
    }
}
