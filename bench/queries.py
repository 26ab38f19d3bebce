#!/usr/bin/env python3
"""Query latency: `tidingsctl` listings on a full store, next to two floors measured in the same run.

    bench/queries.py CORPUS_DIR STATE_DIR [--runs 3]

STATE_DIR must hold a store of CORPUS_DIR. Starts tidingsd on them, then runs each command --runs times (output
to /dev/null) and prints medians: wall time, CPU of tidingsctl and of the daemon, and the floors: `sqlite3` running
the equivalent SELECT on the same database file (read-only; `-json` for the --json forms), and `tidingsctl status`
(one round trip: process start, connect, a tiny request). The same methods are also timed from a raw socket
client (send the request, read the reply line; no JSON parsing): the daemon's share, without tidingsctl.
"""
import json, resource, socket, subprocess, time
from tidings import Daemon, binary, cpu_seconds, load, median, store_arguments, timed

EVENTS = """SELECT e.id, e.code, e.rootCode, e.quadClass, e.label, e.date, e.datePrecision, e.dateProvenance,
  e.sourceName, e.sourceCode, e.targetName, e.targetCode, e.location, e.summary, e.mentionCount, e.articleCount{paths}
FROM event e {where} ORDER BY {order} {limit}"""
# Each event's article paths: what `--json` and `withArticles` (the default) ask for; the tables do without.
PATHS = """,
  (SELECT group_concat(path) FROM (SELECT DISTINCT f.path FROM mention m JOIN file f ON f.id = m.fileId
   WHERE m.eventId = e.id ORDER BY f.path)) AS articles"""
ARTICLES = """SELECT f.path, a.title, a.published, a.publishedSource, f.status, f.error, f.hash, f.size, f.ingestedAt,
  (SELECT COUNT(DISTINCT m.eventId) FROM mention m WHERE m.fileId = f.id) AS events
FROM file f LEFT JOIN article a ON a.fileId = f.id ORDER BY f.path LIMIT 1000"""
LISTING = "e.date IS NULL, e.date, e.id"
ACTOR = "WHERE e.actors LIKE '%Pompeo%'"
# As the daemon asks for a date range since migration v7: dated events only, so the listing index serves it.
WEEK = "WHERE (e.date IS NULL) = 0 AND e.date >= '2020-01-01' AND e.date <= '2020-01-07'"

# (tidingsctl arguments, equivalent SQL)
QUERIES = [
    (["events"], EVENTS.format(paths="", where="", order=LISTING, limit="LIMIT 1000")),
    (["events", "--json"], EVENTS.format(paths=PATHS, where="", order=LISTING, limit="LIMIT 1000")),
    (["events", "--limit", "50"], EVENTS.format(paths="", where="", order=LISTING, limit="LIMIT 50")),
    (["events", "--actor", "Pompeo"], EVENTS.format(paths="", where=ACTOR, order=LISTING, limit="LIMIT 1000")),
    (["events", "--actor", "Pompeo", "--json"], EVENTS.format(paths=PATHS, where=ACTOR, order=LISTING, limit="LIMIT 1000")),
    (["events", "--from", "2020-01-01", "--to", "2020-01-07"], EVENTS.format(paths="", where=WEEK, order="e.date, e.id", limit="LIMIT 1000")),
    (["events", "--from", "2020-01-01", "--to", "2020-01-07", "--json"], EVENTS.format(paths=PATHS, where=WEEK, order="e.date, e.id", limit="LIMIT 1000")),
    (["timeline"], EVENTS.format(paths="", where="", order=LISTING, limit="LIMIT 1000")),
    (["timeline", "--json"], EVENTS.format(paths=PATHS, where="", order=LISTING, limit="LIMIT 1000")),
    (["timeline", "--from", "2020-01-01", "--to", "2020-01-07"], EVENTS.format(paths="", where=WEEK, order="e.date, e.id", limit="LIMIT 1000")),
    (["articles"], ARTICLES),
    (["articles", "--json"], ARTICLES),
]


# (JSON-RPC method and params, equivalent SQL) for the raw client
RAW = [
    ("events.list", {"limit": 1000}, EVENTS.format(paths=PATHS, where="", order=LISTING, limit="LIMIT 1000")),
    ("events.list", {"limit": 1000, "withArticles": False}, EVENTS.format(paths="", where="", order=LISTING, limit="LIMIT 1000")),
    ("events.list", {"limit": 50}, EVENTS.format(paths=PATHS, where="", order=LISTING, limit="LIMIT 50")),
    ("events.list", {"actor": "Pompeo", "limit": 1000}, EVENTS.format(paths=PATHS, where=ACTOR, order=LISTING, limit="LIMIT 1000")),
    ("events.list", {"from": "2020-01-01", "to": "2020-01-07", "limit": 1000}, EVENTS.format(paths=PATHS, where=WEEK, order="e.date, e.id", limit="LIMIT 1000")),
    ("articles.list", {"limit": 1000}, ARTICLES),
]


def raw_call(sock_path, method, params):
    """Seconds and bytes from connecting to reading the whole reply line."""
    started = time.perf_counter()
    with socket.socket(socket.AF_UNIX) as client:
        client.connect(sock_path)
        client.sendall(json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode() + b"\n")
        reply = client.makefile("rb").readline()
    return time.perf_counter() - started, len(reply)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main():
    args = store_arguments(__doc__)
    database = args.database
    ctl = binary("tidingsctl")
    with Daemon(args.corpus, args.state) as daemon:
        base = [ctl, "--socket", daemon.sock]
        status = median([timed(base + ["status"]) for _ in range(args.runs)])
        print(f"load {load()}; {daemon.status['files']} files, {daemon.status['events']} events; "
              f"medians of {args.runs} runs; round-trip floor (`tidingsctl status`): {status * 1000:.0f} ms")
        print()
        print("| command | output KB | wall ms | tidingsctl CPU ms | tidingsd CPU ms | sqlite3 floor ms |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for arguments, sql in QUERIES:
            walls, client, server, floors, failed = [], [], [], [], None
            for _ in range(args.runs):
                cpu0, daemon0 = children_cpu(), cpu_seconds(daemon.pid)
                started = time.perf_counter()
                run = subprocess.run(base + arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                walls.append(time.perf_counter() - started)
                client.append(children_cpu() - cpu0)
                server.append(cpu_seconds(daemon.pid) - daemon0)
                mode = ["-json"] if "--json" in arguments else []
                floors.append(timed(["sqlite3", "-readonly", *mode, database, sql]))
                if run.returncode != 0:  # once is enough to show it
                    failed = run.stderr.decode().strip().split(" (from")[0]
                    break
            out = f"fails after {len(walls)} run: {failed}" if failed else f"{len(run.stdout) / 1024:.0f}"
            print(f"| `tidingsctl {' '.join(arguments)}` | {out} | {median(walls) * 1000:.0f} "
                  f"| {median(client) * 1000:.0f} | {median(server) * 1000:.0f} | {median(floors) * 1000:.0f} |")
        for method, params, sql in RAW:
            walls, server, floors = [], [], []
            for _ in range(args.runs):
                daemon0 = cpu_seconds(daemon.pid)
                wall, size = raw_call(daemon.sock, method, params)
                walls.append(wall)
                server.append(cpu_seconds(daemon.pid) - daemon0)
                floors.append(timed(["sqlite3", "-readonly", "-json", database, sql]))
            print(f"| raw client: `{method}` `{json.dumps(params)}` | {size / 1024:.0f} | {median(walls) * 1000:.0f} "
                  f"| - | {median(server) * 1000:.0f} | {median(floors) * 1000:.0f} |")


if __name__ == "__main__":
    main()
