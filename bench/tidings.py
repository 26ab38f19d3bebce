"""Helpers shared by the benchmark scripts: run tidingsd, talk JSON-RPC to it, read /proc, medians."""
import argparse, json, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

BENCH = os.path.dirname(os.path.abspath(__file__))
RELEASE = os.path.join(BENCH, "..", os.environ.get("SCRATCH", ".build"), "release")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def binary(name):
    """A built tidingsd/tidingsctl (release), or a clear error."""
    path = os.path.join(RELEASE, name)
    if not os.access(path, os.X_OK):
        sys.exit(f"{path} not found: build it with `swift build -c release` (bench/run.sh does)")
    return path


def store_arguments(doc):
    """CORPUS_DIR STATE_DIR [--runs N] of a benchmark on a full store with an sqlite3 floor; args.database is set."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("state")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("sqlite3"):
        sys.exit("sqlite3 not found (the floor): apt-get install sqlite3")
    args.database = os.path.join(args.state, "tidings.sqlite")
    return args


def rpc(sock_path, method, params=None):
    with socket.socket(socket.AF_UNIX) as client:
        client.connect(sock_path)
        request = {"jsonrpc": "2.0", "id": 1, "method": method}
        if params is not None:
            request["params"] = params
        client.sendall(json.dumps(request).encode() + b"\n")
        return json.loads(client.makefile("rb").readline())["result"]


class Daemon:
    """`with Daemon(corpus, state) as d:` starts tidingsd and waits until it logs `watching`.

    Readiness is read from the daemon's log, not by polling `status`: on a large store each `status` costs tens
    of milliseconds of CPU (it counts rows), which a tight polling loop would take from the start-up it times.
    """

    def __init__(self, corpus, state, tidingsd=None, timeout=900):
        self.corpus, self.state, self.timeout = corpus, state, timeout
        self.tidingsd = tidingsd or binary("tidingsd")
        self.sock = os.path.join(tempfile.mkdtemp(prefix="tidings-bench-"), "c.sock")

    def __enter__(self):
        started = time.perf_counter()
        self.process = subprocess.Popen([self.tidingsd, "--watch", self.corpus, "--state", self.state,
                                         "--socket", self.sock, "--log-level", "info"], stderr=subprocess.PIPE)
        self.pid = self.process.pid
        watching = threading.Event()
        threading.Thread(target=self._drain_log, args=(watching,), daemon=True).start()
        if not watching.wait(self.timeout):
            self.__exit__()
            sys.exit(f"tidingsd was not watching after {self.timeout} s")
        self.ready_seconds = time.perf_counter() - started
        self.ready_cpu = cpu_seconds(self.pid)
        if self.process.poll() is not None:
            sys.exit("tidingsd exited before it was watching")
        self.status = rpc(self.sock, "status")
        return self

    def _drain_log(self, watching):
        for line in self.process.stderr:
            if b" info tidingsd: watching " in line:
                watching.set()
            elif b" info " not in line:
                sys.stderr.buffer.write(line)
        watching.set()  # exited: __enter__ reports it

    def __exit__(self, *_):
        self.process.terminate()
        self.process.wait()


def cpu_seconds(pid):
    """user + sys CPU of a process (all its threads) so far."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024


def context_switches(pid):
    """Voluntary + involuntary context switches by thread id: each wakeup of a sleeping thread counts one."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            counts[task] = sum(int(line.split()[1]) for line in open(f"/proc/{pid}/task/{task}/status")
                               if "ctxt_switches" in line)
        except FileNotFoundError:
            pass
    return counts


def switches_since(pid, before):
    """Context switches since `before` (from context_switches): threads that exited meanwhile are not counted."""
    return sum(count - before.get(task, 0) for task, count in context_switches(pid).items())


def load():
    return open("/proc/loadavg").read().split()[0]


def timed(command, **kwargs):
    """Wall seconds of a command, output discarded; exits if it fails."""
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True, **kwargs)
    return time.perf_counter() - started


def median(values):
    return statistics.median(values)
