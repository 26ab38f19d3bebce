#!/usr/bin/env python3
"""Restart with nothing changed: time until tidingsd reports `watching`, and how many files it re-parsed.

    bench/restart.py CORPUS_DIR STATE_DIR [--runs 3] [--tidingsd .build/release/tidingsd]

STATE_DIR must already hold a store of CORPUS_DIR (e.g. from `tidingsd --once`). Each run starts the daemon,
waits for its `watching` log line (and reads the CPU time it used until then), and compares the change log's
head with the one stored before the first run (no new change means no re-parse). Next to it, the floor:
`find DIR -type f -printf '%s %T@\\n'` over the same folder.
"""
import argparse, os, sqlite3
from tidings import Daemon, binary, load, median, timed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("state")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tidingsd")
    args = parser.parse_args()
    database = sqlite3.connect(os.path.join(args.state, "tidings.sqlite"))
    head_before = database.execute("SELECT COALESCE(MAX(seq), 0) FROM change").fetchone()[0]
    database.close()
    ready, cpu, floor = [], [], []
    print(f"load {load()}")
    for _ in range(args.runs):
        floor.append(timed(["find", args.corpus, "-type", "f", "-printf", "%s %T@\n"]))
        with Daemon(args.corpus, args.state, tidingsd=args.tidingsd or binary("tidingsd")) as daemon:
            ready.append(daemon.ready_seconds)
            cpu.append(daemon.ready_cpu)
            files, head = daemon.status["files"], daemon.status["seq"]
    # Any re-parse of an unchanged file would log a change: the head must not move.
    print()
    print(f"| files | ready (median of {args.runs}) | CPU until ready | re-parsed | find floor |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    print(f"| {files} | {median(ready):.3f} s | {median(cpu):.2f} s | {head - head_before} | {median(floor):.3f} s |")


if __name__ == "__main__":
    main()
