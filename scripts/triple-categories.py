#!/usr/bin/env python3
"""Category agreement per triple on PharmGKB documents: of the triples of curated pairs at a cut, the share
whose category is one the curators filed for the pair. The scorer's category accuracy counts a pair as
right when any one of its triples carries a filed category; a reviewer, though, sees and approves each
triple, and each approved triple's category becomes a rule's. Pairs are matched as the scorer matches
them (gene symbol; drug name lower-cased, letters and digits only).

  scripts/triple-categories.py GOLD.jsonl PRED.jsonl [--cuts 0.1,0.2]

Prints, per cut, the agreement and how the rest split by our category against the curators' ("other"
where no sentence of the pair names an effect).
"""
import argparse, collections, json, re

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("pred")
ap.add_argument("--cuts", default="0.1,0.2")
a = ap.parse_args()

norm = lambda s: re.sub(r"[^a-z0-9]", "", s.lower())
filed = {}
for line in open(a.gold, encoding="utf-8"):
    g = json.loads(line)
    pairs = collections.defaultdict(set)
    for p in g["pairs"]:
        pairs[(p["gene"].upper(), norm(p["drug"]))].update(p["categories"])
    filed[str(g["pmid"])] = pairs
triples = [json.loads(line) for line in open(a.pred, encoding="utf-8")]
for cut in a.cuts.split(","):
    ok = n = 0
    wrong = collections.Counter()
    for t in triples:
        gene = (t.get("gene") or {}).get("symbol")
        if t.get("confidence", 1.0) < float(cut) or not gene:
            continue
        cats = filed.get(str(t["doc"]), {}).get((gene.upper(), norm(t["drug"]["name"])))
        if not cats:
            continue
        ours = (t.get("effect") or {}).get("category")
        n += 1
        if ours in cats:
            ok += 1
        else:
            wrong[ours == "other" and "other" or "another category"] += 1
    rest = ", ".join(f"{k} {v}" for k, v in sorted(wrong.items()))
    print(f"cut {cut}:  {ok / max(n, 1):.4f} of {n} triples of curated pairs carry a filed category ({rest})")
