#!/usr/bin/env python3
"""Out-of-fold scores of a change over several training seeds, since one retraining moves F1 by about
+-0.004 on its own (SGD order, bagging): trains release pgx with PGX_SEED=s into a scratch copy of rules/
(rules/ itself is left alone) and prints, per seed and their mean, the figures the extraction issue names:

  PGxMine dev       F1 at the model's cut; precision at recall 0.60
  PGxCorpus dev     pair F1 at the model's cut
  PharmGKB dev      precision lower bound at recall 0.85; recall at precision bound 0.55

  scripts/seeds.py [--seeds 1,2,3,4] [--pgx .build/release/pgx] [--keep DIR] [--drop 0.02]

PGX_SEED varies only the linear model's order of examples: the sentence model's trees are a deterministic
function of their training data, so a change that alters a few candidates can move every seed the same
way (by up to about 0.006). --drop P makes each seed's fold models also leave out a share P of the
training sentences, so that the means average over what the trees make of slightly different data too.

Scores are ../shared/eval/score.py's own, imported, so the figures are those the report prints.
"""
import argparse, importlib.util, json, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("PGX_SHARED", os.path.join(ROOT, "..", "shared"))
G = os.path.join(SHARED, "data", "gold")

spec = importlib.util.spec_from_file_location("score", os.path.join(SHARED, "eval", "score.py"))
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)


def cut_for_recall(fn, preds, target):
    """The highest confidence cut at which fn(cut)["recall"] reaches target, and fn's result there."""
    cuts = sorted({round(t["confidence"], 6) for t in preds}, reverse=True)
    lo, hi = 0, len(cuts) - 1
    if not cuts or fn(cuts[-1])["recall"] < target:
        return None, None
    while lo < hi:
        mid = (lo + hi) // 2
        if fn(cuts[mid])["recall"] >= target: hi = mid
        else: lo = mid + 1
    return cuts[lo], fn(cuts[lo])


def recall_at_precision(fn, preds, key, target):
    """The largest recall among cuts whose precision (key) is at least target."""
    best = 0.0
    for c in sorted({round(t["confidence"], 6) for t in preds})[::max(1, len(preds) // 400)]:
        r = fn(c)
        if r[key] >= target: best = max(best, r["recall"])
    return best


def figures(oof, cut):
    mine_g, mine_p = score.load(os.path.join(G, "pgxmine-dev.jsonl")), score.load(os.path.join(oof, "pgxmine-dev.oof.jsonl"))
    corp_g, corp_p = score.load(os.path.join(G, "pgxcorpus-dev.jsonl")), score.load(os.path.join(oof, "pgxcorpus-dev.oof.jsonl"))
    docs_g, docs_p = score.load(os.path.join(G, "pharmgkb-dev.jsonl")), score.load(os.path.join(oof, "pharmgkb-dev.oof.jsonl"))
    f = {}
    f["mine_f1"] = score.spans(mine_g, mine_p, cut)["f1"]
    _, r = cut_for_recall(lambda c: score.spans(mine_g, mine_p, c), mine_p, 0.60)
    f["mine_p@r.60"] = r["precision"] if r else 0.0
    f["corpus_f1"] = score.spans(corp_g, corp_p, cut)["f1"]
    _, r = cut_for_recall(lambda c: score.docs(docs_g, docs_p, c), docs_p, 0.85)
    f["docs_p@r.85"] = r["precision_lower_bound"] if r else 0.0
    f["docs_r@p.55"] = recall_at_precision(lambda c: score.docs(docs_g, docs_p, c), docs_p, "precision_lower_bound", 0.55)
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="1,2,3,4")
    ap.add_argument("--pgx", default=os.path.join(ROOT, ".build", "release", "pgx"))
    ap.add_argument("--keep", help="keep each seed's out-of-fold files in DIR/seed-N")
    ap.add_argument("--drop", type=float, default=0.0,
                    help="each seed's fold models also leave out this share of the training sentences (PGX_DROP), "
                         "so the means vary the data the deterministic trees see, not only the linear model's order")
    a = ap.parse_args()
    rows = []
    for s in [int(x) for x in a.seeds.split(",")]:
        work = tempfile.mkdtemp(prefix=f"pgx-seed{s}-")
        rules = os.path.join(work, "rules")
        shutil.copytree(os.path.join(ROOT, "rules"), rules)
        # pgx train also reads the project's annotated sentences beside rules/ (corpus/annotated)
        annotated = os.path.join(ROOT, "corpus", "annotated")
        if os.path.isdir(annotated):
            shutil.copytree(annotated, os.path.join(work, "corpus", "annotated"))
        oof = os.path.join(work, "oof")
        os.makedirs(oof)
        env = dict(os.environ, PGX_SEED=str(s))
        if a.drop > 0:
            env["PGX_DROP"] = str(a.drop)
        r = subprocess.run([a.pgx, "train", "--rules", rules, "--oof", oof,
                        "--gold", os.path.join(G, "pgxmine-dev.jsonl"), "--gold", os.path.join(G, "pgxcorpus-dev.jsonl"),
                        "--docs-gold", os.path.join(G, "pharmgkb-dev.jsonl"), "--docs", os.path.join(SHARED, "data", "pubmed", "pharmgkb-dev"),
                        "--background", os.path.join(SHARED, "data", "pubmed", "samples")],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # exit 1: an input of the samples folder that is no PubMed XML was skipped (as the report notes)
        if r.returncode not in (0, 1):
            sys.exit(f"pgx train failed (exit {r.returncode}):\n{r.stderr}")
        cut = json.load(open(os.path.join(rules, "model", "model.json")))["threshold"]
        f = figures(oof, cut)
        rows.append(f)
        print(f"seed {s}: " + "  ".join(f"{k} {v:.4f}" for k, v in f.items()), flush=True)
        if a.keep:
            shutil.copytree(oof, os.path.join(a.keep, f"seed-{s}"), dirs_exist_ok=True)
        shutil.rmtree(work)
    print("mean:   " + "  ".join(f"{k} {sum(r[k] for r in rows) / len(rows):.4f}" for k in rows[0]))


if __name__ == "__main__":
    main()
