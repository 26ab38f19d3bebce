#!/usr/bin/env python3
"""Soak test: churn a running tidingsd for a while, then check its store against a fresh ingest.

    bench/soak.py [--duration 3600] [--seed N] [--tidingsd .build/debug/tidingsd] [--keep]

For DURATION seconds, random file operations on seed-derived articles (drops, in-place and atomic edits,
renames of files and folders, deletes, bulk drops) run against the daemon's folder, while a second thread
churns clients (status, articles.list, subscribe with a random `since` and hang up mid-stream; every
subscriber checks that its notices come in seq order with no gap). Then the churn stops, a last file is
dropped as a marker, and the daemon must settle (the marker ingested, state `watching`, backlog 0) within
--settle-timeout. It must exit 0 on SIGTERM; its store must equal what `tidingsd --once` makes of the final
folder (files, articles, events by key, mentions by (event key, path, sentenceIndex, start), statements;
ids and times ignored) and its change log must have no gap in seq. Exits 1 on any difference. A client that
gets no reply within 30 s fails the run too, after the daemon's sockets (`ss -xp`), descriptors and threads'
stacks (gdb) are written to stall-stacks.txt in the kept folder.
"""
import argparse, json, os, random, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, threading, time

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SEEDS = os.path.join(REPO, "Tests", "EndToEndTests", "Fixtures", "seeds")


class Failure(Exception):
    pass


class Stall(Failure):
    """The daemon did not answer a request in time."""


# ---------------------------------------------------------------- talking to the daemon

class Client:
    """One JSON-RPC connection: requests and the lines that come back."""

    def __init__(self, path, timeout=30):
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.lines = self.sock.makefile("rb")
        self.next_id = 0

    def send(self, method, params=None):
        self.next_id += 1
        request = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            request["params"] = params
        self.sock.sendall(json.dumps(request).encode() + b"\n")

    def read(self):
        line = self.lines.readline()
        if not line:
            raise Failure("the daemon closed the connection")
        return json.loads(line)

    def call(self, method, params=None):
        self.send(method, params)
        try:
            reply = self.read()
        except socket.timeout:
            raise Stall(f"no reply to {method} {json.dumps(params)} within {self.sock.gettimeout()} s")
        if "error" in reply:
            raise Failure(f"{method}: {reply['error']}")
        return reply["result"]

    def close(self):
        self.sock.close()


def call(sock, method, params=None):
    client = Client(sock)
    try:
        return client.call(method, params)
    finally:
        client.close()


def churn_clients(sock, rng, stop, errors, on_stall):
    """Clients come and go until `stop`; any protocol misbehaviour lands in `errors`."""
    head = 0
    while not stop.is_set():
        try:
            action = rng.random()
            if action < 0.4:
                head = call(sock, "status")["seq"]
            elif action < 0.5:
                call(sock, "articles.list", {"limit": rng.randint(1, 50)})
            else:
                subscribe(sock, rng.randint(0, head), rng.randint(0, 200))
        except (Failure, OSError, ValueError) as error:
            if isinstance(error, (Stall, socket.timeout)):
                on_stall()
            errors.append(f"client: {error!r}")
            return


def subscribe(sock, since, wanted):
    """Subscribes from `since`, reads up to `wanted` notices (seq must go up by one), then hangs up."""
    client = Client(sock)
    try:
        result = client.call("changes.subscribe", {"since": since})
        client.sock.settimeout(2)
        expected = result["since"] + 1
        for _ in range(wanted):
            try:
                notice = client.read()
            except socket.timeout:
                return  # caught up and nothing new: fine
            if notice.get("method") == "changes.lagged":
                return
            seq = notice["params"]["seq"]
            if seq != expected:
                raise Failure(f"subscriber since {since}: got seq {seq}, expected {expected}")
            expected += 1
    finally:
        client.close()  # often mid-stream: the daemon must cope


# ---------------------------------------------------------------- churning the folder

def seed_texts():
    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    return [open(os.path.join(SEEDS, n), encoding="utf-8").read() for n in names]


def variant(rng, seeds):
    """An article derived from a seed: some of its paragraphs, as text or as a news-please JSON record."""
    paragraphs = rng.choice(seeds).split("\n")
    kept = [p for p in paragraphs if rng.random() < 0.8] or paragraphs[:1]
    if rng.random() < 0.2:
        record = {"title": kept[0][:80], "maintext": "\n".join(kept), "date_publish": "2020-01-0%d 10:00:00" % rng.randint(1, 9)}
        return ".json", json.dumps(record).encode()
    return ".txt", "\n".join(kept).encode()


class Folder:
    """The watched folder and the operations done on it."""

    def __init__(self, root, rng, seeds):
        self.root, self.rng, self.seeds, self.counter = root, rng, seeds, 0

    def files(self):
        found = []
        for folder, _, names in os.walk(self.root):
            found += [os.path.join(folder, n) for n in names if not n.startswith(".")]
        return found

    def folders(self):
        return [f for f, _, _ in os.walk(self.root) if f != self.root]

    def new_path(self, extension):
        self.counter += 1
        folder = self.rng.choice([self.root] + self.folders())
        if self.rng.random() < 0.1 and folder.count(os.sep) - self.root.count(os.sep) < 3:
            folder = os.path.join(folder, f"d{self.counter}")
            os.makedirs(folder, exist_ok=True)
        return os.path.join(folder, f"a{self.counter}{extension}")

    def write(self, path, data, atomic):
        if atomic:  # as editors and Foundation do: a hidden temporary, then a rename
            temporary = os.path.join(os.path.dirname(path), f".tmp{self.counter}")
            with open(temporary, "wb") as out:
                out.write(data)
            os.rename(temporary, path)
        else:
            with open(path, "wb") as out:
                out.write(data)

    def step(self):
        rng, files = self.rng, self.files()
        action = rng.random() if len(files) < 150 else 0.8
        if action < 0.35 or not files:
            for _ in range(rng.choice([1, 1, 1, 20])):  # sometimes a bulk drop
                extension, data = variant(rng, self.seeds)
                self.write(self.new_path(extension), data, atomic=rng.random() < 0.5)
        elif action < 0.6:
            path = rng.choice(files)
            _, data = variant(rng, self.seeds)
            if path.endswith(".json"):
                data = json.dumps({"title": "Edited", "maintext": data.decode()}).encode()
            self.write(path, data, atomic=rng.random() < 0.5)
        elif action < 0.75:
            path = rng.choice(files)
            os.rename(path, self.new_path(os.path.splitext(path)[1]))
        elif action < 0.8 and self.folders():
            folder = rng.choice(self.folders())
            self.counter += 1
            os.rename(folder, os.path.join(os.path.dirname(folder), f"r{self.counter}"))
        elif action < 0.97:
            os.remove(rng.choice(files))
        elif self.folders():
            shutil.rmtree(rng.choice(self.folders()))


# ---------------------------------------------------------------- comparing stores

# An event's key across stores: its group's texts and its day (group ids differ between two stores).
EVENT_KEY = "g.family || '|' || g.sourceKey || '|' || g.targetKey || '|' || coalesce(e.anchorDay, '-')"


def digest(database):
    """The store minus ids and times: rows keyed by what identifies them across two ingests."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row

    def rows(sql, key, drop):
        out = {}
        for row in db.execute(sql):
            record = {k: row[k] for k in row.keys() if k not in drop}
            out[tuple(record[k] for k in key)] = record
        return out

    result = {
        "file": rows("SELECT * FROM file", ["path"], {"id", "device", "inode", "ingestedAt"}),
        "article": rows("SELECT f.path, a.* FROM article a JOIN file f ON f.id = a.fileId", ["path"], {"fileId"}),
        # The mentions a face is taken from, by what identifies them in both stores (their ids differ).
        # `faceMentionIds` holds a line per pick, "id<TAB>…<TAB>path" (StoredPicks): a pick's line starts with its
        # id and a tab.
        "event": rows(
            "SELECT e.*, (SELECT group_concat(k, ' ') FROM (SELECT f.path || '#' || m.sentenceIndex || '#' || m.start "
            "AS k FROM mention m JOIN file f ON f.id = m.fileId WHERE m.eventId = e.id "
            "AND instr(char(10) || e.faceMentionIds, char(10) || m.id || char(9)) > 0 ORDER BY k)) AS faceMentions"
            f", {EVENT_KEY} AS key FROM event e JOIN eventGroup g ON g.id = e.groupId", ["key"],
            {"id", "faceMentionIds", "groupId"}),
        "mention": rows(
            f"SELECT {EVENT_KEY} AS eventKey, f.path, m.* FROM mention m JOIN event e ON e.id = m.eventId "
            "JOIN eventGroup g ON g.id = e.groupId JOIN file f ON f.id = m.fileId",
            ["eventKey", "path", "sentenceIndex", "start"], {"id", "eventId", "fileId", "groupId"}),
        # The file whose copy a statement shows, by path: file ids differ between the two stores.
        "statement": rows(
            "SELECT s.*, f.path AS shownPath FROM statement s LEFT JOIN file f ON f.id = s.shownFileId", ["key"],
            {"id", "shownFileId"}),
        "statementArticle": rows(
            "SELECT s.key, f.path, sa.* FROM statementArticle sa JOIN statement s ON s.id = sa.statementId "
            "JOIN file f ON f.id = sa.fileId", ["key", "path"], {"statementId", "fileId"}),
    }
    seqs = [seq for (seq,) in db.execute("SELECT seq FROM change ORDER BY seq")]
    db.close()
    return result, seqs


def compare(live, fresh):
    problems = []
    for table in live:
        a, b = live[table], fresh[table]
        for key in sorted(set(a) | set(b), key=repr):
            if a.get(key) != b.get(key):
                problems.append(f"{table} {key}:\n    daemon: {a.get(key)}\n    --once: {b.get(key)}")
    return problems


# ---------------------------------------------------------------- the run

def dump_stacks(pid, path):
    """A stalled daemon's sockets, descriptors and threads' stacks, for the person who reads the failure."""
    with open(path, "wb") as out:
        for command in (["ss", "-xp"], ["ls", "-l", f"/proc/{pid}/fd"],
                        ["gdb", "-batch", "-p", str(pid), "-ex", "thread apply all bt"]):
            if shutil.which(command[0]):
                out.write(f"$ {' '.join(command)}\n".encode())
                out.flush()
                subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, timeout=120)
    print(f"soak: the daemon's stacks during the stall are in {path}", file=sys.stderr)


def wait_until(what, timeout, condition):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except (Failure, OSError):
            pass
        if time.monotonic() > deadline:
            raise Failure(f"not {what} within {timeout} s")
        time.sleep(0.05)  # between polls of the condition, not a synchronization


def settled(sock):
    status = call(sock, "status")
    return status["state"] == "watching" and status["backlog"] == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=3600, help="seconds of churn (default 3600)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (printed; reuse it to replay)")
    parser.add_argument("--tidingsd", default=os.path.join(REPO, ".build", "debug", "tidingsd"))
    parser.add_argument("--settle-timeout", type=float, default=120)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    work = tempfile.mkdtemp(prefix="tidings-soak-")
    root, state, fresh, sock = (os.path.join(work, n) for n in ("news", "state", "fresh", "control.sock"))
    os.makedirs(root)
    print(f"soak: seed {seed}, {args.duration:.0f} s, {args.tidingsd}, in {work}", flush=True)
    log = open(os.path.join(work, "tidingsd.log"), "wb")
    daemon = subprocess.Popen([args.tidingsd, "--watch", root, "--state", state, "--socket", sock,
                               "--log-level", "warning"], stderr=log)
    ok = False
    try:
        wait_until("watching", 60, lambda: settled(sock))
        folder, stop, errors = Folder(root, random.Random(seed), seed_texts()), threading.Event(), []
        stall = lambda: dump_stacks(daemon.pid, os.path.join(work, "stall-stacks.txt"))
        churner = threading.Thread(target=churn_clients, args=(sock, random.Random(seed + 1), stop, errors, stall))
        churner.start()
        steps, started = 0, time.monotonic()
        while time.monotonic() - started < args.duration and not errors and daemon.poll() is None:
            folder.step()
            steps += 1
            time.sleep(folder.rng.random() * 0.02)  # pacing: bursts and lulls
        stop.set()
        churner.join()
        if errors:
            raise Failure(errors[0])
        if daemon.poll() is not None:
            raise Failure(f"tidingsd exited with {daemon.returncode} during the churn")
        # The marker lands after every other change: once it is ingested and the backlog is empty, the
        # daemon has seen everything.
        folder.write(os.path.join(root, "zz-settled.txt"), variant(folder.rng, folder.seeds)[1], atomic=True)
        begun = time.monotonic()
        wait_until("settled", args.settle_timeout,
                   lambda: call(sock, "article.get", {"path": "zz-settled.txt"}) and settled(sock))
        status = call(sock, "status")
        print(f"soak: {steps} folder steps; settled in {time.monotonic() - begun:.1f} s: "
              f"{status['files']} files, {status['events']} events, seq {status['seq']}", flush=True)
        daemon.send_signal(signal.SIGTERM)
        if daemon.wait(timeout=60) != 0:
            raise Failure(f"tidingsd exited with {daemon.returncode} on SIGTERM")
        subprocess.run([args.tidingsd, "--once", "--watch", root, "--state", fresh, "--log-level", "error"],
                       check=True, timeout=600)
        live, seqs = digest(os.path.join(state, "tidings.sqlite"))
        once, _ = digest(os.path.join(fresh, "tidings.sqlite"))
        problems = compare(live, once)
        if seqs and len(seqs) != seqs[-1] - seqs[0] + 1:
            missing = sorted(set(range(seqs[0], seqs[-1] + 1)) - set(seqs))
            problems.append(f"the change log has gaps: {len(missing)} seqs missing, first {missing[:10]}")
        if problems:
            tables = ", ".join(f"{sum(p.startswith(t + ' ') for p in problems)} in {t}" for t in live)
            raise Failure(f"{len(problems)} differences ({tables}); the first:\n" + "\n".join(problems[:10]))
        counts = ", ".join(f"{len(rows)} {table}" for table, rows in live.items())
        print(f"soak: ok: the store equals a fresh ingest ({counts}); change log 1…{len(seqs)} without gaps")
        ok = True
    except (Failure, subprocess.SubprocessError) as error:
        print(f"soak FAILED (seed {seed}): {error}", file=sys.stderr)
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
        log.close()
        if not ok:
            sys.stderr.write(open(log.name, errors="replace").read()[-4000:])
        if ok and not args.keep:
            shutil.rmtree(work)
        else:
            print(f"soak: kept {work}", file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
