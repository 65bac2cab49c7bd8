#!/usr/bin/env python3
"""pgx benchmark: times pgx against the C libxml2 reference (../shared/bench/xr_extract.c) measured in
the same run, and prints ratios and medians. Anyone can run it; it builds what it needs.

  bench/bench.py [--runs 3] [--records 30000] [--peers] [--stages parse,memory]

stages:
  parse   pgx parse --format count on bench-baseline.xml and .xml.gz vs `xr_extract full` on the .xml
          (targets: xml <= 1.15x, gz <= 1.3x of the same C time; peak RSS < 64 MB)
  memory  peak RSS of pgx parse on 30,000 vs 90,000 records (must not grow with the file)
--peers also times lxml and pubmed_parser through ../shared/bench/run-peers.sh (installs them in a venv).

Timings alternate between tools run by run, so machine noise hits all of them alike; medians are quoted.
"""
import argparse, os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("PGX_SHARED", os.path.join(ROOT, "..", "shared"))
OUT = os.environ.get("PGX_BENCH_DIR", os.path.join(HERE, "out"))

def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)

def ensure_bench(n):
    d = OUT if n == 30000 else os.path.join(OUT, f"n{n}")
    xml = os.path.join(d, "bench-baseline.xml")
    if not os.path.exists(xml + ".gz"):
        print(f"building the {n}-record benchmark file in {d} ...", file=sys.stderr)
        sh([sys.executable, os.path.join(SHARED, "bench", "make-bench.py"), d, str(n)])
    return xml

def ensure_tools():
    sh(["swift", "build", "-c", "release", "--product", "pgx"], cwd=ROOT, stdout=subprocess.DEVNULL)
    pgx = os.path.join(ROOT, ".build", "release", "pgx")
    xr = os.path.join(OUT, "xr_extract")
    if not os.path.exists(xr):
        flags = subprocess.run(["xml2-config", "--cflags", "--libs"], capture_output=True, text=True, check=True).stdout.split()
        sh(["gcc", "-O2", "-o", xr, os.path.join(SHARED, "bench", "xr_extract.c")] + flags)
    return pgx, xr

def measure(cmd):
    """Wall seconds and peak RSS (MB) of one run, via /usr/bin/time when present."""
    if os.path.exists("/usr/bin/time"):
        t0 = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t0
        rss = int(r.stderr.strip().splitlines()[-1]) / 1024
    else:
        t0 = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t0
        rss = float("nan")
    if r.returncode != 0:
        sys.exit(f"benchmark command failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-500:]}")
    return wall, rss

def series(named_cmds, runs):
    res = {name: [] for name, _ in named_cmds}
    for _ in range(runs):
        for name, cmd in named_cmds:
            res[name].append(measure(cmd))
    return {name: (statistics.median(w for w, _ in v), max(r for _, r in v)) for name, v in res.items()}

def verdict(ok):
    return "ok" if ok else "OVER TARGET"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--peers", action="store_true")
    ap.add_argument("--stages", default="parse,memory,extract,store")
    a = ap.parse_args()
    stages = a.stages.split(",")
    os.makedirs(OUT, exist_ok=True)
    xml = ensure_bench(30000)
    pgx, xr = ensure_tools()
    print(f"pgx benchmark  file={xml} ({os.path.getsize(xml) / 1e6:.0f} MB, 30,000 records)  runs={a.runs}  medians")
    failed = False
    if "parse" in stages:
        r = series([("c-libxml2 full .xml", [xr, "full", xml]),
                    ("pgx parse .xml", [pgx, "parse", "--format", "count", xml]),
                    ("pgx parse .xml.gz", [pgx, "parse", "--format", "count", xml + ".gz"])], a.runs)
        c = r["c-libxml2 full .xml"][0]
        for name, (wall, rss) in r.items():
            print(f"  {name:28s} {wall:7.2f} s  {rss:6.1f} MB  ratio to C {wall / c:5.2f}")
        rx, rg = r["pgx parse .xml"][0] / c, r["pgx parse .xml.gz"][0] / c
        mem = max(r["pgx parse .xml"][1], r["pgx parse .xml.gz"][1])
        print(f"  parse .xml ratio {rx:.2f} (target <= 1.15) {verdict(rx <= 1.15)};"
              f" .xml.gz ratio {rg:.2f} (target <= 1.30) {verdict(rg <= 1.30)}; peak {mem:.1f} MB (target < 64) {verdict(mem < 64)}")
        failed |= not (rx <= 1.15 and rg <= 1.30 and mem < 64)
    if "memory" in stages:
        big = ensure_bench(90000)
        r30 = series([("30k", [pgx, "parse", "--format", "count", xml + ".gz"])], 1)["30k"][1]
        r90 = series([("90k", [pgx, "parse", "--format", "count", big + ".gz"])], 1)["90k"][1]
        grow = r90 / r30
        print(f"  peak RSS 30,000 records {r30:.1f} MB, 90,000 records {r90:.1f} MB: x{grow:.2f} (constant memory: {verdict(grow < 1.25)})")
        failed |= grow >= 1.25
    if "extract" in stages:
        r = series([("c-libxml2 full .xml", [xr, "full", xml]),
                    ("pgx parse .xml.gz", [pgx, "parse", "--format", "count", xml + ".gz"]),
                    ("pgx extract entities .gz", [pgx, "extract", "--format", "entities", xml + ".gz"]),
                    ("pgx extract jsonl .gz", [pgx, "extract", "--format", "jsonl", xml + ".gz"])], a.runs)
        c = r["c-libxml2 full .xml"][0]
        p = r["pgx parse .xml.gz"][0]
        for name, (wall, rss) in r.items():
            print(f"  {name:28s} {wall:7.2f} s  {rss:6.1f} MB  ratio to C {wall / c:5.2f}")
        ner_added = (r["pgx extract entities .gz"][0] - p) / p
        ext = r["pgx extract jsonl .gz"][0] / c
        mem = r["pgx extract jsonl .gz"][1]
        print(f"  segmentation+entities add {ner_added:.2f}x the parse time (target <= 1.5) {verdict(ner_added <= 1.5)};"
              f" extract jsonl ratio to C {ext:.2f} (target <= 2.5) {verdict(ext <= 2.5)}; peak {mem:.0f} MB (target < 200) {verdict(mem < 200)}")
        failed |= not (ner_added <= 1.5 and ext <= 2.5 and mem < 200)
    if "store" in stages:
        db = os.path.join(OUT, "bench-store.sqlite")
        def fresh_store_cmd():
            for ext in ("", "-wal", "-shm"):
                if os.path.exists(db + ext):
                    os.remove(db + ext)
            return [pgx, "extract", "--quiet", "--batch", "bench", "--store", db, xml + ".gz"]
        walls = {"plain": [], "store": []}
        for _ in range(a.runs):
            walls["plain"].append(measure([pgx, "extract", xml + ".gz"])[0])
            walls["store"].append(measure(fresh_store_cmd())[0])
        pl, st = statistics.median(walls["plain"]), statistics.median(walls["store"])
        add = st / pl - 1
        print(f"  pgx extract .gz {pl:.2f} s; with --batch (SQLite store) {st:.2f} s: storing adds {add * 100:.0f}% (target <= 25%) {verdict(add <= 0.25)}")
        failed |= add > 0.25
    if a.peers:
        print("  peers (../shared/bench/run-peers.sh):")
        sh(["bash", os.path.join(SHARED, "bench", "run-peers.sh"), xml, "c", "lxml", "pubmed_parser"])
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()
