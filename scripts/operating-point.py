#!/usr/bin/env python3
"""Precision at a given recall, by ../shared/eval/score.py's own `spans` scoring: the highest confidence
cut whose recall reaches the target, on one subset of a sentence gold set (PGxMine's "variant_star_rs" or
"variant_other"), so that pgx can be set beside an operating point a paper published.

  scripts/operating-point.py GOLD.jsonl PRED.jsonl --recall 0.39 [--subset variant_star_rs] [--scorer PATH]
"""
import argparse, importlib.util, json, os, sys

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("pred")
ap.add_argument("--recall", type=float, required=True)
ap.add_argument("--subset")
ap.add_argument("--scorer", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "score.py"))
a = ap.parse_args()

spec = importlib.util.spec_from_file_location("score", a.scorer)
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
gold = [g for g in score.load(a.gold) if a.subset is None or g.get("subset") == a.subset]
ids = {g["id"] for g in gold}
preds = [t for t in score.load(a.pred) if t["doc"] in ids]
cuts = sorted({t["confidence"] for t in preds}, reverse=True)
# recall only grows as the cut falls: the first cut (from the top) that reaches the target
lo, hi = 0, len(cuts) - 1
if not cuts or score.spans(gold, preds, cuts[-1])["recall"] < a.recall:
    sys.exit(f"recall {a.recall} is not reached at any cut")
while lo < hi:
    mid = (lo + hi) // 2
    if score.spans(gold, preds, cuts[mid])["recall"] >= a.recall: hi = mid
    else: lo = mid + 1
r = score.spans(gold, preds, cuts[lo])
print(f"precision {r['precision']:.3f} at recall {r['recall']:.3f} (cut {cuts[lo]}, tp={r['tp']} fp={r['fp']} fn={r['fn']})")
