#!/usr/bin/env python3
"""Steady state: memory, CPU and wakeups of an idle tidingsd, next to the same daemon on an empty folder (the floor).

    bench/idle.py CORPUS_DIR STATE_DIR [--seconds 60] [--strace 30]

STATE_DIR must hold a store of CORPUS_DIR (e.g. from `tidingsd --once`), so the daemon has nothing to ingest.
For each of (an empty folder and store, the given ones): starts tidingsd, waits for `watching` and 5 s more, then
samples VmRSS and utime+stime from /proc once a second for --seconds, counts the context switches of all its
threads over that window (every wakeup of a sleeping thread is one), and runs `strace -c -f` for --strace seconds
to count syscalls (0 to skip). Also prints the store's size on disk per article.
"""
import argparse, glob, os, re, shutil, subprocess, tempfile, time
from tidings import Daemon, context_switches, cpu_seconds, load, rss_mb, switches_since


def idle(corpus, state, seconds, strace_seconds):
    with Daemon(corpus, state) as daemon:
        time.sleep(5)  # let the start-up reconcile's memory be given back
        pid, rss = daemon.pid, []
        cpu0, switches0, started = cpu_seconds(pid), context_switches(pid), time.perf_counter()
        for _ in range(seconds):
            time.sleep(1)
            rss.append(rss_mb(pid))
        elapsed = time.perf_counter() - started
        cpu, switches = cpu_seconds(pid) - cpu0, switches_since(pid, switches0)
        threads = len(os.listdir(f"/proc/{pid}/task"))
        syscalls = "-"
        if strace_seconds and shutil.which("strace"):
            result = subprocess.run(["timeout", "-s", "INT", str(strace_seconds), "strace", "-c", "-f", "-p", str(pid)],
                                    capture_output=True, text=True)
            total = re.search(r"^100\.00\s+\S+\s+\S+\s+(\d+)", result.stderr, re.M)
            if "attached" not in result.stderr:
                syscalls = "strace failed: " + result.stderr.strip().splitlines()[-1]
            else:  # no table when nothing was called
                syscalls = f"{int(total.group(1)) if total else 0} in {strace_seconds} s"
        return dict(files=daemon.status["files"], ready=daemon.ready_seconds, rss_min=min(rss), rss_max=max(rss),
                    cpu=cpu, wakeups=switches / elapsed, threads=threads, syscalls=syscalls)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("state")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--strace", type=int, default=30)
    args = parser.parse_args()
    if args.strace and not shutil.which("strace"):
        print("(strace not found: syscalls not counted; apt-get install strace)")
    empty = tempfile.mkdtemp(prefix="tidings-idle-")
    os.makedirs(f"{empty}/watch")
    print(f"load {load()}; {args.seconds} s idle each")
    print()
    print(f"| daemon | files | threads | RSS MB (min–max) | CPU s in {args.seconds} s | context switches/s | syscalls (strace -c -f) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, corpus, state in [("empty folder (floor)", f"{empty}/watch", f"{empty}/state"),
                                ("this store", args.corpus, args.state)]:
        r = idle(corpus, state, args.seconds, args.strace)
        print(f"| {name} | {r['files']} | {r['threads']} | {r['rss_min']:.1f}–{r['rss_max']:.1f} | {r['cpu']:.2f} "
              f"| {r['wakeups']:.2f} | {r['syscalls']} |")
    shutil.rmtree(empty, ignore_errors=True)
    size = sum(os.path.getsize(path) for path in glob.glob(os.path.join(args.state, "tidings.sqlite*")))
    print()
    print(f"store on disk: {size / 1e6:.1f} MB for {r['files']} files, {size / max(1, r['files']):.0f} bytes per file "
          f"(database + WAL; corpus {corpus_bytes(args.corpus) / 1e6:.1f} MB)")


def corpus_bytes(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, names in os.walk(folder) for f in names)


if __name__ == "__main__":
    main()
