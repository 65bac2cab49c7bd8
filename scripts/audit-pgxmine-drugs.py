#!/usr/bin/env python3
"""PGxMine's dev gold marks a chemical only where it is part of one of its sampled drug x variant pairs (all
1,066 gold Chemical spans are), so every other drug pgx finds in those sentences counts against its drug
precision ("olanzapine or clozapine": only clozapine is marked). This audit says how many of those "extra"
drug mentions are real drugs, chemicals or drug classes, and how many are errors:

  scripts/audit-pgxmine-drugs.py [--pgx .build/release/pgx] [--entities FILE]

It runs `pgx extract --format entities` on the PGxMine dev sentences (or reads FILE), finds the extra drug
mentions exactly as ../shared/eval/score.py counts them, and joins them by (text, canonical name) with the
judgements in docs/audit/pgxmine-drug-extras.tsv (written by a person reading each mention in its sentence;
names only, no PubMed text). Extras without a judgement are listed: judge them and add them to the file.
"""
import argparse, collections, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("PGX_SHARED", os.path.join(ROOT, "..", "shared"))
GOLD = os.path.join(SHARED, "data", "gold", "pgxmine-dev.jsonl")
AUDIT = os.path.join(ROOT, "docs", "audit", "pgxmine-drug-extras.tsv")

ap = argparse.ArgumentParser()
ap.add_argument("--pgx", default=os.path.join(ROOT, ".build", "release", "pgx"))
ap.add_argument("--entities")
a = ap.parse_args()

gold = {}
for line in open(GOLD, encoding="utf-8"):
    g = json.loads(line); gold[g["id"]] = g
if a.entities:
    lines = open(a.entities, encoding="utf-8").read().splitlines()
else:
    lines = subprocess.run([a.pgx, "extract", "--format", "entities", "--input-format", "text", GOLD],
                           capture_output=True, text=True, check=True).stdout.splitlines()
pred = collections.defaultdict(list)
for line in lines:
    e = json.loads(line)
    if e["type"] == "drug": pred[str(e["doc"])].append(e)

def overlap(x, y): return x["start"] < y["end"] and y["start"] < x["end"]

hits = extras = 0
extra = collections.Counter()
for gid, g in gold.items():
    chem = [e for e in g["entities"] if e["type"] == "Chemical"]
    for p in {(e["start"], e["end"]): e for e in pred[gid]}.values():
        if any(overlap(c, p) for c in chem): hits += 1
        else:
            extras += 1; extra[(g["text"][p["start"]:p["end"]], p.get("name") or "")] += 1

judged = {}
for line in open(AUDIT, encoding="utf-8"):
    if line.startswith("#") or line.startswith("text\t"): continue
    text, name, judgement, note = (line.rstrip("\n").split("\t") + ["", "", "", ""])[:4]
    judged[(text, name)] = judgement
kinds = collections.Counter()
unjudged = []
for k, n in extra.items():
    j = judged.get(k)
    if j is None: unjudged.append((k, n))
    else: kinds[j] += n
errors = kinds["error"]
real = sum(n for j, n in kinds.items() if j != "error")
total = hits + extras
print(f"drug mentions {total}: {hits} on a gold Chemical, {extras} extra; of the extras {real} real "
      f"({', '.join(f'{j} {n}' for j, n in sorted(kinds.items()) if j != 'error')}), {errors} errors, "
      f"{sum(n for _, n in unjudged)} not judged yet")
print(f"precision against the gold {hits / total:.4f}; counting the real drugs the gold leaves unmarked as right "
      f"{(hits + real) / total:.4f}" + (" (a lower bound: unjudged extras count as errors)" if unjudged else ""))
for (text, name), n in sorted(unjudged, key=lambda x: -x[1]):
    print(f"  not judged: {text!r} -> {name!r} ({n})", file=sys.stderr)
