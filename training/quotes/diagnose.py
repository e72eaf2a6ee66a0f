"""Error analysis on the tuning split (never the held-out one): per gold type, message/source
recall; samples of missed gold annotations and of false-positive predictions.
Usage: python training/quotes/diagnose.py [N_SAMPLES] [TYPE]"""
from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

from lagebild.datapaths import shared_data
from lagebild.evaluate.quotes import _assign, _ids, detokenize, load, predict, split_ids


def main() -> None:
    nshow = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    want = sys.argv[2] if len(sys.argv) > 2 else None
    docs = load(Path(shared_data("quotes", "wikinews-spkatt", "train")))
    keep = split_ids([d for d, _ in docs], "dev")
    tot, hit, stot, shit = Counter(), Counter(), Counter(), Counter()
    missed, fps = [], []
    for doc_id, d in docs:
        if doc_id not in keep:
            continue
        sents = [s["Tokens"] for s in sorted(d["Sentences"], key=lambda s: int(s["SentenceId"]))]
        text, offsets, _ = detokenize(sents)
        gold = [{"Message": _ids(a.get("Message", [])), "Source": _ids(a.get("Source", [])),
                 "Cue": _ids(a.get("Cue", [])), "Form": a["Form"]} for a in d["Annotations"]]
        pred, _ = predict(sents)
        pairs = _assign(gold, pred)
        gm = dict(pairs)
        pm = {j: i for i, j in pairs}

        def show(ids):
            return " ".join(sents[s][t] for s, t in sorted(ids))

        for i, g in enumerate(gold):
            tot[g["Form"]] += len(g["Message"])
            stot[g["Form"]] += len(g["Source"])
            if i in gm:
                p = pred[gm[i]]
                hit[g["Form"]] += len(g["Message"] & p["Message"])
                shit[g["Form"]] += len(g["Source"] & p["Source"])
                if g["Source"] and g["Source"] != p["Source"]:
                    missed.append((g["Form"] + "/SRC", doc_id, show(g["Source"]), "PRED:" + show(p["Source"]),
                                   show(g["Cue"]), show(g["Message"])[:150]))
            else:
                missed.append((g["Form"], doc_id, show(g["Source"]), "", show(g["Cue"]), show(g["Message"])[:200]))
        for j, p in enumerate(pred):
            if j not in pm:
                fps.append(("FP", doc_id, show(p["Source"]), "", show(p["Cue"]), show(p["Message"])[:200]))
    for f in tot:
        print(f, "msg recall", round(hit[f] / max(1, tot[f]), 3),
              "src recall", round(shit[f] / max(1, stot[f]), 3), tot[f])
    random.seed(0)
    pool = [m for m in missed + fps if want is None or m[0] == want]
    for m in random.sample(pool, min(nshow, len(pool))):
        print(" | ".join(m))


if __name__ == "__main__":
    main()
