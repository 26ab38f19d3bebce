#!/usr/bin/env bash
# Bulk-ingest benchmark: `tidingsd --once` on a generated corpus, next to the I/O floor (`cat` of the same files).
#
#   bench/ingest.sh [N…]          # default: 1000 10000
#
# For each size N: generates the corpus once (bench/gen_corpus.py, deterministic; kept in $CORPUS_DIR), then
# RUNS times: `cat`s every article (the floor), ingests into an empty state folder, and records wall time,
# CPU time, peak RSS and the store's size. Prints a Markdown table of medians.
#
# Environment: RUNS (default 3), CORPUS_DIR (default /tmp/tidings-bench), SCRATCH (swift build
# --scratch-path, default .build), TIDINGSD (a tidingsd binary to use instead of building one),
# CSV (also append one row per size to this file, for bench/plot.py), KEEP_STATE (keep the last run's store
# as $KEEP_STATE/state-N instead of deleting it, for the benchmarks that need a full store).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-3}
corpus_dir=${CORPUS_DIR:-/tmp/tidings-bench}
scratch=${SCRATCH:-.build}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

if [ -n "${TIDINGSD:-}" ]; then
    bin=$TIDINGSD
else
    swift build -c release --product tidingsd --scratch-path "$scratch" >&2
    bin=$scratch/release/tidingsd
fi
mkdir -p "$corpus_dir"
csv=${CSV:-}
if [ -n "$csv" ] && [ ! -s "$csv" ]; then
    echo "articles,corpus_mb,load,runs,ingest_s,cpu_s,cpu_ms_per_article,peak_rss_mb,cat_s,store_bytes_per_article" > "$csv"
fi

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }

echo "| articles | corpus MB | load | ingest s (median of $runs) | articles/s | MB/s | CPU s (user+sys) | peak RSS MB | cat MB/s (floor) | store bytes/article |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
    corpus=$corpus_dir/corpus-$n
    # `.complete` is a hidden name: tidingsd ignores it.
    if [ ! -f "$corpus/.complete" ]; then
        rm -rf "$corpus"
        python3 bench/gen_corpus.py "$corpus" "$n"
        touch "$corpus/.complete"
    fi
    bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    load=$(cut -d' ' -f1 /proc/loadavg)
    walls=() cats=() cpus=() rss=() store=0
    for _ in $(seq "$runs"); do
        start=$(now)
        find "$corpus" -name '*.txt' -print0 | xargs -0 cat > /dev/null
        cats+=("$(echo "$(now) - $start" | bc)")

        state=$(mktemp -d "$corpus_dir/state.XXXXXX")
        /usr/bin/time -f '%e %U %S %M' -o "$state.time" \
            "$bin" --once --watch "$corpus" --state "$state" 2> "$state.log"  # the default log level, as users run it
        read -r wall user sys maxrss < "$state.time"
        walls+=("$wall")
        cpus+=("$(echo "$user + $sys" | bc)")
        rss+=("$maxrss")
        store=$(du -cb "$state"/tidings.sqlite* | tail -1 | cut -f1)
        rm -f "$state.time" "$state.log"
        if [ -n "${KEEP_STATE:-}" ]; then
            rm -rf "$KEEP_STATE/state-$n" && mkdir -p "$KEEP_STATE" && mv "$state" "$KEEP_STATE/state-$n"
        else
            rm -rf "$state"
        fi
    done
    wall=$(printf '%s\n' "${walls[@]}" | median)
    cat_s=$(printf '%s\n' "${cats[@]}" | median)
    cpu=$(printf '%s\n' "${cpus[@]}" | median)
    peak=$(printf '%s\n' "${rss[@]}" | median)
    awk -v n="$n" -v b="$bytes" -v load="$load" -v w="$wall" -v c="$cat_s" -v cpu="$cpu" -v rss="$peak" -v st="$store" \
        'BEGIN { printf "| %d | %.1f | %s | %.2f | %.0f | %.2f | %.1f | %.0f | %.0f | %.0f |\n",
                 n, b / 1e6, load, w, n / w, b / 1e6 / w, cpu, rss / 1024, b / 1e6 / c, st / n }'
    if [ -n "$csv" ]; then
        awk -v n="$n" -v b="$bytes" -v load="$load" -v r="$runs" -v w="$wall" -v c="$cat_s" -v cpu="$cpu" -v rss="$peak" -v st="$store" \
            'BEGIN { printf "%d,%.1f,%s,%d,%.2f,%.2f,%.3f,%.0f,%.3f,%.0f\n",
                     n, b / 1e6, load, r, w, cpu, cpu * 1000 / n, rss / 1024, c, st / n }' >> "$csv"
    fi
done
