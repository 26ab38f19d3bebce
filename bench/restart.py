#!/usr/bin/env python3
"""Restart with nothing changed: time until tidingsd reports `watching`, and how many files it re-parsed.

    bench/restart.py CORPUS_DIR STATE_DIR [--runs 3] [--tidingsd .build/release/tidingsd]

STATE_DIR must already hold a store of CORPUS_DIR (e.g. from `tidingsd --once`). Each run starts the daemon,
polls `status` until `watching` (and reads the CPU time it used until then), and compares the change log's head
with the one stored before the first run (no new change means no re-parse). Next to it, the floor: `find DIR -type f -printf '%s %T@\\n'` over the same folder.
"""
import argparse, json, os, socket, sqlite3, statistics, subprocess, sys, tempfile, time


def status(sock):
    client = socket.socket(socket.AF_UNIX)
    client.connect(sock)
    client.sendall(b'{"jsonrpc":"2.0","id":1,"method":"status"}\n')
    return json.loads(client.makefile("rb").readline())["result"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("state")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tidingsd", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "tidingsd"))
    args = parser.parse_args()
    sock = os.path.join(tempfile.mkdtemp(prefix="tidings-restart-"), "c.sock")
    database = sqlite3.connect(os.path.join(args.state, "tidings.sqlite"))
    head_before = database.execute("SELECT COALESCE(MAX(seq), 0) FROM change").fetchone()[0]
    database.close()
    ready, cpu, floor, files, new_changes = [], [], [], 0, []
    for _ in range(args.runs):
        started = time.perf_counter()
        subprocess.run(["find", args.corpus, "-type", "f", "-printf", "%s %T@\n"], stdout=subprocess.DEVNULL, check=True)
        floor.append(time.perf_counter() - started)

        started = time.perf_counter()
        daemon = subprocess.Popen([args.tidingsd, "--watch", args.corpus, "--state", args.state, "--socket", sock,
                                   "--log-level", "warning"])
        try:
            while True:
                try:
                    result = status(sock)
                    if result["state"] == "watching":
                        break
                except OSError:
                    pass
                if daemon.poll() is not None:
                    sys.exit("tidingsd exited")
                time.sleep(0.005)
            ready.append(time.perf_counter() - started)
            fields = open(f"/proc/{daemon.pid}/stat").read().rsplit(")", 1)[1].split()
            cpu.append((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))
            files = result["files"]
            new_changes.append(result["seq"])
        finally:
            daemon.terminate()
            daemon.wait()
    # Any re-parse of an unchanged file would log a change: the head must not move.
    reparsed = new_changes[-1] - head_before
    print(f"| files | ready (median of {args.runs}) | CPU until ready | re-parsed | find floor |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    print(f"| {files} | {statistics.median(ready):.3f} s | {statistics.median(cpu):.2f} s | {reparsed} "
          f"| {statistics.median(floor):.3f} s |")


if __name__ == "__main__":
    main()
