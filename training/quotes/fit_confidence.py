"""Fit lagebild/analyse/quote_confidence.json: how often a quote with given evidence is right.

Runs lagebild's quote stage (with the entity stage before it, as in the pipeline) on the tuning split
of German Wikinews SpkAtt task 2 (`split_ids(..., "dev")`; the held-out fifth is never read) and
judges every predicted quote as lagebild eval quotes does (message token-F1 >= 0.5 with the assigned
gold annotation and a shared Source token). The confidence is a logistic regression on the features of
lagebild.analyse.quote_checks.features (kind of quote, cue word, speaker kind, lengths, distance of
speaker and message); the display threshold is the lowest confidence at which the quotes shown
(confidence >= threshold, with a speaker) are right at least TARGET of the time, read off 5-fold
out-of-fold confidences on the same split (folds by document, so no document trains its own score). A bucket table (kind | cue | speaker kind, smoothed share of
right quotes) is kept as a fallback for a missing model. The quotes lagebild finds on the real-page dev
set (tests/data/speech_pages_dev.jsonl, judged as `lagebild eval quotes` judges it) join the training
data (weight PAGE_WEIGHT), and the threshold must reach TARGET on both dev sets (out-of-fold); the
held-out page set is never read.

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
C = 1.0
PAGE_WEIGHT = 3.0
TARGET = 0.9
FOLDS = 5
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "lagebild" / "analyse" / "quote_confidence.json"
PAGES_DEV = ROOT / "tests" / "data" / "speech_pages_dev.jsonl"


def spkatt_observations(limit: int = 0) -> list[tuple]:
    """(bucket keys, features, could be shown (typed speaker), right, 'spkatt') per quote of the tuning split."""
    docs = load(shared_data("quotes", "wikinews-spkatt", "train"))
    keep = split_ids([d for d, _ in docs], "dev")
    docs = [(i, d) for i, d in docs if i in keep][: limit or None]
    out = []
    for n, (_doc_id, d) in enumerate(docs):
        sents = [s["Tokens"] for s in sorted(d["Sentences"], key=lambda s: int(s["SentenceId"]))]
        gold = [g for g in gold_annotations(d) if not g["nested"]]
        pred = [p for p in predict(sents)[0] if not p.get("inner")]
        ok, _ = judged(gold, pred)
        for p, right in zip(pred, ok):
            out.append((evidence_keys(p["found_kind"], p["has_cue"], p["speaker_kind"]), p["features"],
                        p["speaker"] is not None and p["speaker_kind"] not in (None, "unknown", "pronoun"),
                        right, "spkatt", n))
    return out


def page_observations_dev() -> list[tuple]:
    from lagebild.evaluate.speech_pages import page_observations

    return [([], feats, spk, right, "pages", page) for _c, spk, right, feats, page in page_observations(PAGES_DEV)]


def pick_threshold(scored: list[tuple[float, bool]]) -> float:
    """The lowest confidence at which the quotes at or above it are right >= TARGET of the time."""
    scored = sorted(scored, reverse=True)
    threshold, n_ok = 1.0, 0
    for n, (c, right) in enumerate(scored, 1):
        n_ok += right
        nxt = scored[n][0] if n < len(scored) else -1
        if nxt != c and n_ok / n >= TARGET:  # cut between confidence levels only
            threshold = c
    return threshold


def pick_joint(oof: dict[str, list[tuple[float, bool]]]) -> float:
    """The lowest confidence at which every dev set's shown quotes reach TARGET."""
    for t in sorted({c for rows in oof.values() for c, _ in rows}):
        if all(not [r for c, r in rows if c >= t] or
               sum(r for c, r in rows if c >= t) / len([r for c, r in rows if c >= t]) >= TARGET
               for rows in oof.values()):
            return t
    return 1.0


def fit_buckets(obs) -> dict:
    counts = defaultdict(lambda: [0, 0])
    for keys, _f, _spk, right, _src, _doc in obs:
        for k in keys:
            counts[k][0] += right
            counts[k][1] += 1
    return {k: round((r + 1) / (n + 2), 3) for k, (r, n) in counts.items() if n >= MIN_N}


def fit_logistic(obs, c: float = C) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([o[1] for o in obs])
    y = [o[3] for o in obs]
    weight = [PAGE_WEIGHT if o[4] == "pages" else 1.0 for o in obs]
    model = LogisticRegression(C=c, max_iter=3000, fit_intercept=False).fit(x, y, sample_weight=weight)
    return {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-4}


def _prob(weights: dict, feats: dict) -> float:
    import math

    return 1.0 / (1.0 + math.exp(-sum(weights.get(k, 0.0) * v for k, v in feats.items())))


def fit(obs) -> dict:
    oof: dict[str, list] = defaultdict(list)
    for k in range(FOLDS):  # out-of-fold confidences (folds by document) pick the threshold
        w = fit_logistic([o for o in obs if o[5] % FOLDS != k])
        for o in obs:
            if o[5] % FOLDS == k and o[2]:
                oof[o[4]].append((_prob(w, o[1]), o[3]))
    threshold = round(pick_joint(oof), 4)
    report = {}
    for name, rows in oof.items():
        shown = [r for c, r in rows if c >= threshold]
        report[name] = {"with_speaker": len(rows), "shown": len(shown),
                        "shown_precision_oof": round(sum(shown) / len(shown), 4) if shown else None,
                        "threshold_alone": round(pick_threshold(rows), 4)}
    return {"threshold": threshold, "prior": round((sum(o[3] for o in obs) + 1) / (len(obs) + 2), 3),
            "target_precision": TARGET,
            "model": f"logistic regression, C={C}, page weight {PAGE_WEIGHT}, features of quote_checks.features",
            "dev": report, "weights": dict(sorted(fit_logistic(obs).items())),
            "buckets": dict(sorted(fit_buckets(obs).items()))}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-pages", action="store_true", help="fit on the SpkAtt tuning split only")
    args = ap.parse_args()
    obs = spkatt_observations(args.limit)
    if PAGES_DEV.exists() and not args.no_pages:
        obs += page_observations_dev()
    table = fit(obs)
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in table.items() if k not in ("buckets", "weights")}))


if __name__ == "__main__":
    main()
