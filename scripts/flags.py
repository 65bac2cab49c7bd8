#!/usr/bin/env python3
"""How well two things ../shared/eval/score.py does not score agree with PGxCorpus's annotations:
pgx's `speculative` flag with `hypothetical` (a relation the sentence puts as a hypothesis, an aim or a
question, not as a result), and the `metabolism` category with a pharmacokinetic phenotype
(`phenotype_type` Pharmacokinetic_phenotype).

  scripts/flags.py GOLD.jsonl PREDS.jsonl --min-confidence CUT

Triples at or above CUT are matched to associated gold pairs as the scorer matches them (one triple per
drug and genetic span, the first; drug span and genetic span overlap; each gold pair once). Prints, for each, counts, precision and recall (and for
`speculative` accuracy) on the matched pairs. Used by scripts/report.sh.
"""
import argparse, importlib.util, os
from collections import defaultdict

SHARED = os.environ.get("PGX_SHARED", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
_spec = importlib.util.spec_from_file_location("score", os.path.join(SHARED, "eval", "score.py"))
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)
load, overlap = score.load, score.overlap


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold"); ap.add_argument("preds")
    ap.add_argument("--min-confidence", type=float, default=0.0)
    a = ap.parse_args()
    by_doc = defaultdict(list)
    for t in load(a.preds):
        if t.get("confidence", 1.0) >= a.min_confidence:
            by_doc[str(t["doc"])].append(t)
    n = defaultdict(int)  # (gold hypothetical, predicted speculative) -> pairs
    pk = defaultdict(int)  # (gold pharmacokinetic phenotype, predicted metabolism) -> pairs
    for g in load(a.gold):
        golds = [p for p in g["pairs"] if p.get("associated", True)]
        used = set()
        seen = set()
        for t in by_doc.get(g["id"], []):
            gene, var = t.get("gene"), t.get("variant")
            # one triple per drug and genetic span, the first in file order, as the scorer counts them
            key = (t["drug"]["start"], t["drug"]["end"], *((gene or var or {}).get(k) for k in ("start", "end")))
            if key in seen:
                continue
            seen.add(key)
            hit = next((i for i, p in enumerate(golds) if i not in used and overlap(t["drug"], p["drug"])
                        and (overlap(gene, p["genetic"]) or overlap(var, p["genetic"]))), None)
            if hit is None:
                continue
            used.add(hit)
            pk[(golds[hit].get("phenotype_type") == "Pharmacokinetic_phenotype",
                (t.get("effect") or {}).get("category") == "metabolism")] += 1
            if "hypothetical" in golds[hit]:
                n[(bool(golds[hit]["hypothetical"]), bool(t.get("speculative")))] += 1
    tp, fp, fn, tn = n[(True, True)], n[(False, True)], n[(True, False)], n[(False, False)]
    total = tp + fp + fn + tn
    r = lambda x, y: round(x / y, 4) if y else None
    print(f"speculative: matched pairs={total} hypothetical={tp + fn} flagged={tp + fp} precision={r(tp, tp + fp)} "
          f"recall={r(tp, tp + fn)} accuracy={r(tp + tn, total)}")
    tp, fp, fn = pk[(True, True)], pk[(False, True)], pk[(True, False)]
    print(f"metabolism: matched pairs={sum(pk.values())} pharmacokinetic={tp + fn} metabolism={tp + fp} "
          f"precision={r(tp, tp + fp)} recall={r(tp, tp + fn)}")


if __name__ == "__main__":
    main()
