#!/usr/bin/env python3
"""A subscriber catching up: `changes.subscribe` with `since: 0` on a full store, until every replayed change is read.

    bench/catchup.py CORPUS_DIR STATE_DIR [--runs 3]

STATE_DIR must hold a store of CORPUS_DIR. Starts tidingsd, then per run: a raw socket client subscribes from 0 and
reads (counting lines, no JSON parsing but the last line's) until the change at the subscription's `seq` arrives.
Next to it, the floor: `sqlite3 -json` reading the same rows from the same database file: the change log joined,
as the daemon joins it, to the current row of each event an `event.added` or `event.updated` names by id (rows
logged before migration v9 carry their face and are not joined).
"""
import json, resource, socket, sqlite3, sys, time
from tidings import Daemon, cpu_seconds, load, median, store_arguments, timed


FLOOR_QUERY = """
    SELECT c.seq, c.kind, c.path, c.payload, c.time, e.id, e.code, e.rootCode, e.quadClass, e.label, e.date,
        e.datePrecision, e.dateProvenance, e.sourceName, e.sourceCode, e.targetName, e.targetCode, e.location,
        e.summary, e.mentionCount, e.articleCount
    FROM change c LEFT JOIN event e ON c.payload IS NULL AND e.id = c.eventId ORDER BY c.seq"""


def floor_query(database):
    """The joined query, or the log alone for a store a daemon from before migration v9 wrote."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(change)")]
    return FLOOR_QUERY if "eventId" in columns else "SELECT seq, kind, path, payload, time FROM change ORDER BY seq"


def catch_up(sock_path):
    """(changes read, seconds, bytes) from sending the subscription to reading the change at its head."""
    with socket.socket(socket.AF_UNIX) as client:
        client.connect(sock_path)
        started = time.perf_counter()
        client.sendall(b'{"jsonrpc":"2.0","id":1,"method":"changes.subscribe","params":{"since":0}}\n')
        buffer, lines, received, head = b"", 0, 0, None
        while True:
            chunk = client.recv(1 << 20)
            if not chunk:
                sys.exit("the daemon closed the connection")
            received += len(chunk)
            buffer += chunk
            *complete, buffer = buffer.split(b"\n")
            if head is None and complete:
                head = json.loads(complete.pop(0))["result"]["seq"]
            lines += len(complete)
            if complete:
                last = json.loads(complete[-1])
                if last.get("method") == "changes.lagged":
                    sys.exit("the daemon dropped this subscriber as too slow (changes.lagged)")
                if last["params"]["seq"] >= head:
                    return lines, time.perf_counter() - started, received


def main():
    args = store_arguments(__doc__)
    database = args.database
    seconds, floors, daemon_cpu, client_cpu = [], [], [], []
    with Daemon(args.corpus, args.state) as daemon:
        print(f"load {load()}; medians of {args.runs} runs")
        for _ in range(args.runs):
            cpu0, mine0 = cpu_seconds(daemon.pid), resource.getrusage(resource.RUSAGE_SELF)
            changes, elapsed, received = catch_up(daemon.sock)
            mine = resource.getrusage(resource.RUSAGE_SELF)
            seconds.append(elapsed)
            daemon_cpu.append(cpu_seconds(daemon.pid) - cpu0)
            client_cpu.append(mine.ru_utime + mine.ru_stime - mine0.ru_utime - mine0.ru_stime)
            floors.append(timed(["sqlite3", "-readonly", "-json", database, floor_query(database)]))
    wall, floor = median(seconds), median(floors)
    print()
    print("| changes | MB sent | catch-up s | changes/s | tidingsd CPU s | client CPU s | sqlite3 -json floor s | floor changes/s |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(f"| {changes} | {received / 1e6:.0f} | {wall:.2f} | {changes / wall:,.0f} | {median(daemon_cpu):.2f} "
          f"| {median(client_cpu):.2f} | {floor:.2f} | {changes / floor:,.0f} |")


if __name__ == "__main__":
    main()
