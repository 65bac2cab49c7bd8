#!/usr/bin/env python3
"""Operating points by ../shared/eval/score.py's own scoring: precision at a given recall (the highest
confidence cut whose recall reaches the target), or recall at a given precision (the largest recall among
cuts whose precision reaches it). `spans` (sentence gold, optionally one subset: PGxMine's "variant_star_rs"
or "variant_other", so that pgx can be set beside an operating point a paper published) or `docs` (PharmGKB
documents; precision is the scorer's lower bound).

  scripts/operating-point.py GOLD.jsonl PRED.jsonl --recall 0.39 [--subset variant_star_rs] [--scorer PATH]
  scripts/operating-point.py GOLD.jsonl PRED.jsonl --mode docs --recall 0.85
  scripts/operating-point.py GOLD.jsonl PRED.jsonl --mode docs --precision 0.55
"""
import argparse, importlib.util, os, sys

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("pred")
ap.add_argument("--recall", type=float)
ap.add_argument("--precision", type=float)
ap.add_argument("--mode", choices=["spans", "docs"], default="spans")
ap.add_argument("--subset")
ap.add_argument("--scorer", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "score.py"))
a = ap.parse_args()
if (a.recall is None) == (a.precision is None):
    sys.exit("give one of --recall or --precision")

spec = importlib.util.spec_from_file_location("score", a.scorer)
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
if a.mode == "spans":
    gold = [g for g in score.load(a.gold) if a.subset is None or g.get("subset") == a.subset]
    ids = {g["id"] for g in gold}
    preds = [t for t in score.load(a.pred) if t["doc"] in ids]
    run, pkey = score.spans, "precision"
else:
    gold, preds = score.load(a.gold), score.load(a.pred)
    run, pkey = score.docs, "precision_lower_bound"
cuts = sorted({t["confidence"] for t in preds}, reverse=True)
if not cuts:
    sys.exit("no predictions")


def line(c, r):
    name = "precision" if a.mode == "spans" else "precision bound"
    return f"{name} {r[pkey]:.3f} at recall {r['recall']:.3f} (cut {c}, tp={r['tp']} fp={r['fp']} fn={r['fn']})"


if a.recall is not None:
    # recall only grows as the cut falls: the first cut (from the top) that reaches the target
    lo, hi = 0, len(cuts) - 1
    if run(gold, preds, cuts[-1])["recall"] < a.recall:
        sys.exit(f"recall {a.recall} is not reached at any cut")
    while lo < hi:
        mid = (lo + hi) // 2
        if run(gold, preds, cuts[mid])["recall"] >= a.recall: hi = mid
        else: lo = mid + 1
    print(line(cuts[lo], run(gold, preds, cuts[lo])))
else:
    # precision is not monotone in the cut: cuts are tried across the range (every one, or 600 evenly
    # spaced among them when there are more, as the scorer takes a moment per cut)
    best = None
    for c in cuts[::max(1, len(cuts) // 600)]:
        r = run(gold, preds, c)
        if r[pkey] >= a.precision and (best is None or r["recall"] > best[1]["recall"]):
            best = (c, r)
    if best is None:
        sys.exit(f"precision {a.precision} is not reached at any cut")
    print(line(*best))
