"""Fit lagebild/analyse/quote_confidence.json: how often a quote with given evidence is right.

Runs lagebild's quote stage (with the entity stage before it, as in the pipeline) on the tuning split
of German Wikinews SpkAtt task 2 (`split_ids(..., "dev")`; the held-out fifth is never read) and
judges every predicted quote as lagebild eval quotes does (message token-F1 >= 0.5 with the assigned
gold annotation and a shared Source token). Per evidence bucket (kind of quote | cue or not | speaker
kind, backing off to kind | speaker kind and to kind) the confidence is the smoothed share of right
quotes, (right + 1) / (n + 2), kept where n >= MIN_N. The display threshold is the lowest confidence
at which the quotes shown (confidence >= threshold, with a speaker) are right at least TARGET of the
time on the same split.

Usage: `python training/quotes/fit_confidence.py [--limit N]` (writes the JSON, prints a summary).
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from lagebild.analyse.quote_checks import evidence_keys
from lagebild.datapaths import shared_data
from lagebild.evaluate.quotes import gold_annotations, load, predict, split_ids
from lagebild.evaluate.spkatt import judged

MIN_N = 8
TARGET = 0.9
OUT = Path(__file__).resolve().parents[2] / "lagebild" / "analyse" / "quote_confidence.json"


def observations(limit: int = 0) -> list[tuple[list[str], bool, bool]]:
    """(bucket keys, has a speaker, right) per predicted quote of the tuning split."""
    docs = load(shared_data("quotes", "wikinews-spkatt", "train"))
    keep = split_ids([d for d, _ in docs], "dev")
    docs = [(i, d) for i, d in docs if i in keep][: limit or None]
    out = []
    for _doc_id, d in docs:
        sents = [s["Tokens"] for s in sorted(d["Sentences"], key=lambda s: int(s["SentenceId"]))]
        gold = [g for g in gold_annotations(d) if not g["nested"]]
        pred = [p for p in predict(sents)[0] if not p.get("inner")]
        ok, _ = judged(gold, pred)
        for p, right in zip(pred, ok):
            out.append((evidence_keys(p["found_kind"], p["has_cue"], p["speaker_kind"]), p["speaker"] is not None,
                        right))
    return out


def fit(obs) -> dict:
    counts = defaultdict(lambda: [0, 0])
    for keys, _spk, right in obs:
        for k in keys:
            counts[k][0] += right
            counts[k][1] += 1
    buckets = {k: round((r + 1) / (n + 2), 3) for k, (r, n) in counts.items() if n >= MIN_N}
    prior = round((sum(r for _, _, r in obs) + 1) / (len(obs) + 2), 3)

    def conf(keys):
        return next((buckets[k] for k in keys if k in buckets), prior)

    scored = sorted(((conf(keys), right) for keys, spk, right in obs if spk), reverse=True)
    threshold, n_ok = 1.0, 0
    for n, (c, right) in enumerate(scored, 1):
        n_ok += right
        nxt = scored[n][0] if n < len(scored) else -1
        if nxt != c and n_ok / n >= TARGET:  # cut between confidence levels only
            threshold = c
    shown = [r for c, r in scored if c >= threshold]
    return {"threshold": threshold, "prior": prior, "target_precision": TARGET,
            "dev_shown_precision": round(sum(shown) / len(shown), 4) if shown else None,
            "dev_shown": len(shown), "dev_with_speaker": len(scored),
            "counts": {k: counts[k] for k in sorted(buckets)}, "buckets": dict(sorted(buckets.items()))}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    table = fit(observations(args.limit))
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in table.items() if k not in ("buckets", "counts")}))


if __name__ == "__main__":
    main()
