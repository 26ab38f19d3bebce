#!/usr/bin/env python3
"""Drop-to-notification latency of tidingsd, next to a bare inotify watcher on the same folder (the floor).

    bench/latency.py [--count 200] [--tidingsd .build/release/tidingsd]

Starts tidingsd on a fresh folder, subscribes over the control socket, then moves COUNT seed-like articles
into the folder one by one (write a hidden temporary, rename). For each, it times from the rename to
(a) the IN_MOVED_TO event of its own inotify watch and (b) the daemon's article.added notification.
Prints p50, p99 and max of both, in milliseconds, as a Markdown table.
"""
import argparse, ctypes, json, os, select, shutil, socket, struct, subprocess, sys, tempfile, time

IN_MOVED_TO = 0x80
libc = ctypes.CDLL("libc.so.6", use_errno=True)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--tidingsd", default=os.path.join(os.path.dirname(__file__), "..", ".build", "release", "tidingsd"))
    args = parser.parse_args()
    seed = open(os.path.join(os.path.dirname(__file__), "..", "Tests", "EndToEndTests", "Fixtures", "seeds",
                             "000_37ec91bf7b474bbb.txt"), "rb").read()
    base = tempfile.mkdtemp(prefix="tidings-latency-")
    watch, sock = os.path.join(base, "watch"), os.path.join(base, "c.sock")
    os.makedirs(watch)
    daemon = subprocess.Popen([args.tidingsd, "--watch", watch, "--state", os.path.join(base, "state"),
                               "--socket", sock, "--log-level", "warning"])
    try:
        deadline = time.time() + 30
        while not os.path.exists(sock):
            if time.time() > deadline or daemon.poll() is not None:
                sys.exit("tidingsd did not start")
            time.sleep(0.01)
        client = socket.socket(socket.AF_UNIX)
        client.connect(sock)
        replies = client.makefile("rb")
        client.sendall(b'{"jsonrpc":"2.0","id":1,"method":"changes.subscribe"}\n')
        replies.readline()

        inotify = libc.inotify_init1(0)
        libc.inotify_add_watch(inotify, watch.encode(), IN_MOVED_TO)
        floor, daemon_latency = [], []
        for index in range(args.count):
            temporary = os.path.join(watch, f".drop-{index}.tmp")
            with open(temporary, "wb") as handle:
                handle.write(seed.replace(b"Pompeo", b"Pompeo %d" % index))
            started = time.perf_counter()
            os.rename(temporary, os.path.join(watch, f"drop-{index}.txt"))
            select.select([inotify], [], [])
            floor.append((time.perf_counter() - started) * 1000)
            os.read(inotify, 4096)
            while True:
                message = json.loads(replies.readline())
                if message.get("params", {}).get("kind") == "article.added":
                    break
            daemon_latency.append((time.perf_counter() - started) * 1000)
        print(f"| what ({args.count} drops) | p50 ms | p99 ms | max ms |")
        print("| --- | ---: | ---: | ---: |")
        for name, values in [("bare inotify watcher (floor)", floor), ("tidingsd article.added", daemon_latency)]:
            print(f"| {name} | {percentile(values, 0.5):.2f} | {percentile(values, 0.99):.2f} | {max(values):.2f} |")
    finally:
        daemon.terminate()
        daemon.wait()
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
