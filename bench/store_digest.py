#!/usr/bin/env python3
"""Prints what a tidings store holds, minus wall-clock times, so two stores built from the same input can be
compared with diff (e.g. before and after a performance change).

    bench/store_digest.py STATE_DIR/tidings.sqlite > before.txt

Every row of change (time left out), event, mention, statement, statementArticle, article and file
(ingestedAt, device and inode left out: they differ between copies of a folder), in primary-key order.
"""
import sqlite3
import sys

QUERIES = [
    "SELECT seq, kind, path, payload FROM change ORDER BY seq",
    "SELECT * FROM event ORDER BY id",
    "SELECT * FROM mention ORDER BY id",
    "SELECT * FROM statement ORDER BY id",
    "SELECT * FROM statementArticle ORDER BY statementId, fileId",
    "SELECT * FROM article ORDER BY fileId",
    "SELECT id, path, size, mtimeNs, hash, status, error FROM file ORDER BY id",
]


def main():
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    out = sys.stdout
    for query in QUERIES:
        out.write(f"## {query}\n")
        for row in db.execute(query):
            out.write(repr(row) + "\n")


if __name__ == "__main__":
    main()
