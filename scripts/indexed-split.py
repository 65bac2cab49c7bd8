#!/usr/bin/env python3
"""PharmGKB document scores split by whether the record carries NLM's index (a MEDLINE ChemicalList),
which the document stage reads: records not yet indexed, as many in update files are, take the same cut.
Scores are ../shared/eval/score.py's own, at each given cut.

  scripts/indexed-split.py GOLD.jsonl PRED.jsonl XML_DIR [--cuts 0.1,0.2] [--scorer PATH]
"""
import argparse, glob, importlib.util, os, re

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("pred"); ap.add_argument("xml")
ap.add_argument("--cuts", default="0.1,0.2")
ap.add_argument("--scorer", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "score.py"))
a = ap.parse_args()
spec = importlib.util.spec_from_file_location("score", a.scorer)
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)

indexed = {}
for path in sorted(glob.glob(os.path.join(a.xml, "*.xml"))):
    with open(path, encoding="utf-8") as f:
        for record in f.read().split("<PubmedArticle>")[1:]:
            pmid = re.search(r"<PMID[^>]*>(\d+)</PMID>", record)
            if pmid:
                indexed[pmid.group(1)] = "<ChemicalList>" in record
gold, preds = score.load(a.gold), score.load(a.pred)
for flag, name in ((True, "indexed"), (False, "not indexed")):
    g = [d for d in gold if indexed.get(str(d["pmid"])) == flag]
    ids = {str(d["pmid"]) for d in g}
    p = [t for t in preds if str(t["doc"]) in ids]
    for c in a.cuts.split(","):
        r = score.docs(g, p, float(c))
        print(f"{name + ',':13s} {len(g):4d} records, cut {c}:  recall={r['recall']} precision_lower_bound={r['precision_lower_bound']} "
              f"category_accuracy={r['category_accuracy']}")
