#!/usr/bin/env python3
"""How well pgx's confidence reads as a probability: out-of-fold triples binned by confidence, and in each
bin the share that the gold says is right, judged as ../shared/eval/score.py judges them.

  scripts/calibration.py spans GOLD.jsonl PREDS.jsonl   sentence gold: a triple is right when it matches an
                                                        associated pair; triples the gold does not judge
                                                        (PGxMine's unsampled pairs) are left out
  scripts/calibration.py docs GOLD.jsonl PREDS.jsonl    PharmGKB: a gene-drug pair (its highest confidence)
                                                        is right when curated; a lower bound, as there

Prints one line per bin: range, count, mean confidence, share right. Used by scripts/report.sh.
"""
import importlib.util, os, sys
from collections import defaultdict

# the scorer's own reading, span overlap and drug-name normalisation
SHARED = os.environ.get("PGX_SHARED", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
_spec = importlib.util.spec_from_file_location("score", os.path.join(SHARED, "eval", "score.py"))
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)
load, overlap, norm_drug = score.load, score.overlap, score.norm_drug

EDGES = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]


def spans(gold, preds):
    """(confidence, right) per judged triple, one per (drug span, genetic span) as the scorer counts them."""
    by_doc = defaultdict(list)
    for t in preds:
        by_doc[str(t["doc"])].append(t)
    out = []
    for g in gold:
        judged_all = "subset" not in g
        golds = [p for p in g["pairs"] if p.get("associated", True)]
        negs = [p for p in g["pairs"] if not p.get("associated", True)]
        best = {}
        for t in by_doc.get(g["id"], []):
            gene, var = t.get("gene"), t.get("variant")
            key = (t["drug"]["start"], t["drug"]["end"], *((gene or var or {}).get(k) for k in ("start", "end")))
            if key not in best or t["confidence"] > best[key]["confidence"]:
                best[key] = t
        for t in best.values():
            gene, var = t.get("gene"), t.get("variant")
            def hits(p):
                return overlap(t["drug"], p["drug"]) and (overlap(gene, p["genetic"]) or overlap(var, p["genetic"]))
            if any(hits(p) for p in golds):
                out.append((t["confidence"], True))
            elif judged_all or any(hits(p) for p in negs):
                out.append((t["confidence"], False))
    return out


def docs(gold, preds):
    curated = {str(g["pmid"]): {(p["gene"].upper(), norm_drug(p["drug"])) for p in g["pairs"]} for g in gold}
    best = {}
    for t in preds:
        doc = str(t["doc"])
        if doc not in curated or not (t.get("gene") and t["gene"].get("symbol")):
            continue
        k = (doc, t["gene"]["symbol"].upper(), norm_drug(t["drug"]["name"]))
        best[k] = max(best.get(k, 0.0), t["confidence"])
    return [(c, (k[1], k[2]) in curated[k[0]]) for k, c in best.items()]


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("spans", "docs"):
        sys.exit(__doc__)
    mode, gold, preds = sys.argv[1], load(sys.argv[2]), load(sys.argv[3])
    rows = spans(gold, preds) if mode == "spans" else docs(gold, preds)
    print(f"{'confidence':<12} {'n':>6} {'mean conf':>10} {'share right':>12}")
    for lo, hi in zip(EDGES, EDGES[1:]):
        b = [(c, y) for c, y in rows if lo <= c < hi]
        if not b:
            continue
        print(f"{lo:.1f}-{min(hi, 1.0):.1f}      {len(b):>6} {sum(c for c, _ in b) / len(b):>10.3f} {sum(y for _, y in b) / len(b):>12.3f}")


if __name__ == "__main__":
    main()
