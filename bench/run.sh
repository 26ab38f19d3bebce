#!/usr/bin/env bash
# Runs every benchmark, or the ones named, each printing a Markdown table with its floor (see BENCHMARKS.md).
#
#   bench/run.sh [--smoke] [ingest|latency|restart|idle|queries|catchup|micro|plot]...
#
# Full run (30–45 minutes on 2 cores): bulk ingest at 1k and 10k (3 runs each) and 100k (1 run, 8–20 minutes), whose
# store is kept as $CORPUS_DIR/state-100000 and reused by restart, idle, queries and catchup (built by
# `tidingsd --once` if `ingest` is not chosen and it is missing); the ingest rows go to bench/cost-curve.csv,
# which `plot` draws as bench/cost-curve.png. Corpora are generated once (bench/gen_corpus.py, deterministic)
# and kept in $CORPUS_DIR (default /tmp/tidings-bench).
#
# --smoke: each benchmark once on 200 articles in a temporary folder, in well under 2 minutes after the build:
# it checks that the benchmarks run (for CI) and measures nothing worth keeping. Nothing here asserts on time.
#
# Environment: SCRATCH (swift build --scratch-path, default .build), CORPUS_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
if [ "${1:-}" = --smoke ]; then smoke=true; shift; fi
chosen=("$@")
[ ${#chosen[@]} -gt 0 ] || chosen=(ingest latency restart idle queries catchup micro plot)
wants() { [[ " ${chosen[*]} " == *" $1 "* ]]; }

for tool in swift python3 sqlite3 bc /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "bench/run.sh: $tool not found (Debian: apt-get install sqlite3 bc time)" >&2; exit 1; }
done
export SCRATCH=${SCRATCH:-.build}
swift build -c release --scratch-path "$SCRATCH" --product tidingsd >&2
swift build -c release --scratch-path "$SCRATCH" --product tidingsctl >&2
export TIDINGSD=$SCRATCH/release/tidingsd

if $smoke; then
    CORPUS_DIR=$(mktemp -d /tmp/tidings-smoke.XXXXXX)
    trap 'rm -rf "$CORPUS_DIR"' EXIT
    n=200 csv=$CORPUS_DIR/cost-curve.csv png=$CORPUS_DIR/cost-curve.png
    export TIDINGS_BENCH_SMOKE=1
else
    CORPUS_DIR=${CORPUS_DIR:-/tmp/tidings-bench}
    n=100000 csv=bench/cost-curve.csv png=bench/cost-curve.png
fi
export CORPUS_DIR
corpus=$CORPUS_DIR/corpus-$n state=$CORPUS_DIR/state-$n

section() { printf '\n## %s (load %s)\n\n' "$1" "$(cut -d' ' -f1 /proc/loadavg)"; }

if wants ingest; then
    section "bulk ingest"
    rm -f "$csv"
    if $smoke; then
        RUNS=1 CSV=$csv KEEP_STATE=$CORPUS_DIR bench/ingest.sh "$n"
    else
        RUNS=3 CSV=$csv bench/ingest.sh 1000 10000
        RUNS=1 CSV=$csv KEEP_STATE=$CORPUS_DIR bench/ingest.sh 100000 | tail -1
    fi
fi
# The later benchmarks need a store of the corpus: the one ingest kept, or a new one.
if [ ! -f "$state/tidings.sqlite" ] && { wants restart || wants idle || wants queries || wants catchup; }; then
    if [ ! -f "$corpus/.complete" ]; then
        python3 bench/gen_corpus.py "$corpus" "$n" && touch "$corpus/.complete"
    fi
    echo "building the store $state (tidingsd --once)…" >&2
    "$TIDINGSD" --once --watch "$corpus" --state "$state" --log-level warning
fi
if wants latency; then
    section "drop-to-notification latency"
    python3 bench/latency.py --tidingsd "$TIDINGSD" --count "$($smoke && echo 20 || echo 200)"
fi
if wants restart; then
    section "restart with nothing changed"
    python3 bench/restart.py "$corpus" "$state" --tidingsd "$TIDINGSD" --runs "$($smoke && echo 1 || echo 3)"
fi
if wants idle; then
    section "idle daemon"
    if $smoke; then python3 bench/idle.py "$corpus" "$state" --seconds 2 --strace 1; else python3 bench/idle.py "$corpus" "$state"; fi
fi
if wants queries; then
    section "queries"
    python3 bench/queries.py "$corpus" "$state" --runs "$($smoke && echo 1 || echo 3)"
fi
if wants catchup; then
    section "subscriber catch-up"
    python3 bench/catchup.py "$corpus" "$state" --runs "$($smoke && echo 1 || echo 3)"
fi
if wants micro; then
    section "micro-benchmarks (bench/micro, ordo-one/benchmark)"
    (cd bench/micro && swift package benchmark --format markdown --no-progress)
fi
if wants plot; then
    section "cost curve"
    if [ -f "$csv" ]; then python3 bench/plot.py "$csv" -o "$png"; else echo "no $csv: run the ingest benchmark first"; fi
fi
