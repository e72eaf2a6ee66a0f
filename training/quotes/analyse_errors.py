"""Error breakdown on the tuning split (never held-out): which role errors cost most tokens.
Usage: python training/quotes/analyse_errors.py [CATEGORY N]"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from lagebild.datapaths import shared_data
from lagebild.evaluate.quotes import _assign, _ids, load, predict, split_ids


def main() -> None:
    want = sys.argv[1] if len(sys.argv) > 1 else None
    nshow = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    docs = load(Path(shared_data("quotes", "wikinews-spkatt", "train")))
    keep = split_ids([d for d, _ in docs], "dev")
    cost = Counter()
    samples: dict[str, list] = {}
    for doc_id, d in docs:
        if doc_id not in keep:
            continue
        sents = [s["Tokens"] for s in sorted(d["Sentences"], key=lambda s: int(s["SentenceId"]))]
        gold = [{"Message": _ids(a.get("Message", [])), "Source": _ids(a.get("Source", [])),
                 "Cue": _ids(a.get("Cue", [])), "Form": a["Form"]} for a in d["Annotations"]]
        pred, _ = predict(sents)
        pairs = _assign(gold, pred)
        gm = dict(pairs)
        pm = {j for _, j in pairs}

        def show(ids):
            return " ".join(sents[s][t] for s, t in sorted(ids))

        def add(cat, n, item):
            cost[cat] += n
            samples.setdefault(cat, []).append((doc_id,) + item)

        for i, g in enumerate(gold):
            if i not in gm:
                add("miss/" + g["Form"], sum(len(g[r]) for r in ("Message", "Source", "Cue")),
                    (show(g["Source"]), show(g["Cue"]), show(g["Message"])[:160]))
                continue
            p = pred[gm[i]]
            for r in ("Source", "Cue"):
                G, P = g[r], p[r]
                if G == P:
                    continue
                if not P:
                    cat = f"{r}/pred-empty"
                elif not G:
                    cat = f"{r}/gold-empty"
                elif not G & P:
                    cat = f"{r}/disjoint"
                elif P < G:
                    cat = f"{r}/pred-short"
                elif G < P:
                    cat = f"{r}/pred-long"
                else:
                    cat = f"{r}/partial"
                add(cat, len(G ^ P), (show(G), "PRED: " + show(P), p.get("kind"), show(g["Message"])[:120]))
            G, P = g["Message"], p["Message"]
            if G != P:
                add("Message/" + ("short" if P < G else "long" if G < P else "other") + "/" + g["Form"],
                    len(G ^ P), (show(G)[:160], "PRED: " + show(P)[:160], p.get("kind")))
        for j, p in enumerate(pred):
            if j not in pm:
                add("FP/" + str(p.get("kind")), sum(len(p[r]) for r in ("Message", "Source", "Cue")),
                    (show(p["Source"]), show(p["Cue"]), show(p["Message"])[:160]))
    for cat, n in cost.most_common():
        print(f"{n:6d} {len(samples[cat]):5d}  {cat}")
    if want:
        import random
        random.seed(1)
        pool = samples.get(want, [])
        for s in random.sample(pool, min(nshow, len(pool))):
            print(" | ".join(str(x) for x in s))


if __name__ == "__main__":
    main()
