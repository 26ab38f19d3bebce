#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/Package.swift (-sanitize=fuzzer,address) and runs each for SECONDS
# (default 600), one after the other. The corpus grows in .build-fuzz/corpus/FUZZER and is reused by the
# next run; a crash fails the script and leaves its input in .build-fuzz/crashes/FUZZER/.
# Usage: fuzz/run.sh [SECONDS [FUZZER…]]     (FUZZER: FuzzArticleParser, FuzzControlProtocol)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
fuzzers=("$@")
[ ${#fuzzers[@]} -gt 0 ] || fuzzers=(FuzzArticleParser FuzzControlProtocol)
scratch=$PWD/.build-fuzz

# SwiftPM links an executable target's main as <target>_main, so the fuzzers call libFuzzer's driver from
# their own main (fuzz/Sources/FuzzDriver). gold warns about every ASan helper it cannot export: not shown.
swift build --package-path fuzz -c debug --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 | grep -v 'Cannot export local symbol'
bin=$(swift build --package-path fuzz -c debug --scratch-path "$scratch" --show-bin-path)

# Seed corpora, made anew each run: the seed articles plus an HTML page and a JSON record; every JSON-RPC line
# of docs/protocol.md, one per file and all in one, plus a few malformed ones.
seeds=$scratch/seeds
rm -rf "$seeds"
mkdir -p "$seeds/FuzzArticleParser" "$seeds/FuzzControlProtocol"
cp Tests/EndToEndTests/Fixtures/seeds/*.txt fuzz/seeds/article/* "$seeds/FuzzArticleParser/"
grep -o '{"jsonrpc".*}' docs/protocol.md >"$seeds/FuzzControlProtocol/all-lines"
split -l 1 -d -a 3 "$seeds/FuzzControlProtocol/all-lines" "$seeds/FuzzControlProtocol/line-"
cp fuzz/seeds/protocol/* "$seeds/FuzzControlProtocol/"

failed=()
for fuzzer in "${fuzzers[@]}"; do
    corpus=$scratch/corpus/$fuzzer
    crashes=$scratch/crashes/$fuzzer
    mkdir -p "$corpus" "$crashes"
    echo "== $fuzzer: ${seconds}s (corpus $corpus)"
    # -timeout: an input taking over 10 s is a hang and counts as a crash; -rss_limit_mb likewise.
    if ! "$bin/$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "$corpus" "$seeds/$fuzzer" 2>"$scratch/$fuzzer.log"; then
        tail -n 60 "$scratch/$fuzzer.log"
        failed+=("$fuzzer")
        echo "== $fuzzer FAILED: input in $crashes (log $scratch/$fuzzer.log)"
        continue
    fi
    grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added)' "$scratch/$fuzzer.log" || true
    echo "== $fuzzer: no crash ($(ls "$corpus" | wc -l) inputs in the corpus)"
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzz/run.sh: crashes in ${failed[*]}" >&2; exit 1; }
