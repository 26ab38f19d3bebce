#!/usr/bin/env python3
"""The store's write floor: what SQLite alone costs to write the rows an ingest leaves, with the same schema.

    bench/store_floor.py STATE_DIR [--runs 3]

Reads every row of STATE_DIR/tidings.sqlite (a store `tidingsd --once` made), then, timed, inserts them into a fresh
database with the same schema and indexes (`executemany` on one prepared statement per table, one transaction,
WAL and synchronous=NORMAL as the daemon uses), table by table in the order an ingest fills them. No reads, no
updates, no extraction: a lower bound on the single writer's work per article. Prints CPU seconds (this process:
Python's share is binding values, about a microsecond a row) and the per-article figure.
"""
import argparse, os, resource, sqlite3, tempfile, time

TABLES = ["meta", "file", "article", "statement", "statementArticle", "eventGroup", "event", "mention", "change"]


def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("state")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    source = sqlite3.connect(f"file:{os.path.join(args.state, 'tidings.sqlite')}?mode=ro", uri=True)
    schema = [sql for (sql,) in source.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "AND name != 'grdb_migrations' ORDER BY type = 'index', rowid")]
    rows = {table: source.execute(f"SELECT * FROM {table}").fetchall() for table in TABLES}
    articles = len(rows["file"])
    results = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            db = sqlite3.connect(os.path.join(folder, "floor.sqlite"), isolation_level=None)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            for sql in schema:
                db.execute(sql)
            started, wall = cpu(), time.monotonic()
            db.execute("BEGIN")
            for table in TABLES:
                if rows[table]:
                    marks = ", ".join("?" * len(rows[table][0]))
                    db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows[table])
            db.execute("COMMIT")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            results.append((cpu() - started, time.monotonic() - wall))
            db.close()
    cpu_s = sorted(r[0] for r in results)[len(results) // 2]
    wall_s = sorted(r[1] for r in results)[len(results) // 2]
    counts = ", ".join(f"{len(rows[t])} {t}" for t in TABLES if t != "meta")
    print(f"{articles} articles ({counts}); load {os.getloadavg()[0]:.2f}; median of {args.runs}: "
          f"{cpu_s:.2f} s CPU, {wall_s:.2f} s wall: {1000 * cpu_s / articles:.3f} ms CPU per article, "
          f"at most {articles / cpu_s:.0f} articles per CPU second for the writer")


if __name__ == "__main__":
    main()
