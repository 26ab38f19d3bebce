#!/usr/bin/env python3
"""The cost curve: ingest cost against corpus size, from the CSV that `CSV=FILE bench/ingest.sh` appends to.

    bench/plot.py [bench/cost-curve.csv] [-o bench/cost-curve.png]

Four panels against the number of articles (log scale): ingest wall time with the `cat` floor, CPU per
article, store bytes per article, and peak RSS. Needs matplotlib (`pip install matplotlib`).
"""
import argparse, csv, os, sys

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit("matplotlib not found: pip install matplotlib")

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", nargs="?", default=os.path.join(HERE, "cost-curve.csv"))
    parser.add_argument("-o", "--output", default=os.path.join(HERE, "cost-curve.png"))
    args = parser.parse_args()
    rows = sorted(csv.DictReader(open(args.csv)), key=lambda row: int(row["articles"]))
    if not rows:
        sys.exit(f"{args.csv} has no rows: run CSV={args.csv} bench/ingest.sh 1000 10000 100000")
    n = [int(row["articles"]) for row in rows]
    column = lambda name: [float(row[name]) for row in rows]
    figure, axes = plt.subplots(2, 2, figsize=(10, 7), constrained_layout=True)
    panels = [
        (axes[0][0], "ingest time (s, log)", [("tidingsd --once (wall)", column("ingest_s")),
                                              ("tidingsd CPU (user+sys)", column("cpu_s")),
                                              ("cat floor", column("cat_s"))], True),
        (axes[0][1], "CPU per article (ms)", [("tidingsd", column("cpu_ms_per_article"))], False),
        (axes[1][0], "store bytes per article", [("database + WAL", column("store_bytes_per_article"))], False),
        (axes[1][1], "peak RSS during ingest (MB)", [("tidingsd", column("peak_rss_mb"))], False),
    ]
    for axis, title, lines, log_y in panels:
        for label, values in lines:
            axis.plot(n, values, marker="o", label=label)
            for x, y in zip(n, values):
                axis.annotate(f"{y:,.0f}" if y >= 100 else f"{y:.3g}", (x, y), textcoords="offset points", xytext=(4, 6), fontsize=8)
        axis.set_xscale("log")
        if log_y:
            axis.set_yscale("log")
        else:
            axis.set_ylim(bottom=0, top=max(max(values) for _, values in lines) * 1.25)
        axis.set_xticks(n, [f"{x:,}" for x in n])
        axis.set_title(title)
        axis.set_xlabel("articles ingested into an empty store (tidingsd --once)")
        axis.grid(True, alpha=0.3)
        if len(lines) > 1:
            axis.legend(fontsize=8)
    runs = ", ".join(f"{int(row['articles']):,}: {row['runs']} (load {row['load']})" for row in rows)
    figure.suptitle(f"Tidings bulk-ingest cost curve; runs (median) per size: {runs}", fontsize=10)
    figure.savefig(args.output, dpi=100)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
