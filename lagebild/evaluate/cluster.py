"""`lagebild eval cluster FILE.jsonl`: story clustering against gold clusters.

Input lines: {"id", "title", "text", "published", "language", "cluster"}. By default articles are
clustered from text alone (names and numbers read off the text, no NER run) with the shipped
clusterer (the same index and configuration the pipeline uses); `--ner` runs the pipeline's
sentence and entity stages first, as `lagebild report` does.
Prints B-cubed and pairwise precision/recall/F1 and throughput."""
from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path

import typer

from . import emit, prf


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> dict:
    """B-cubed precision/recall/F1 (Bagga & Baldwin), averaged over items."""
    g_members: dict[str, set[str]] = defaultdict(set)
    p_members: dict[str, set[str]] = defaultdict(set)
    for item, c in gold.items():
        g_members[c].add(item)
    for item, c in pred.items():
        p_members[c].add(item)
    p_sum = r_sum = 0.0
    for item in gold:
        gs, ps = g_members[gold[item]], p_members[pred[item]]
        inter = len(gs & ps)
        p_sum += inter / len(ps)
        r_sum += inter / len(gs)
    n = len(gold) or 1
    p, r = p_sum / n, r_sum / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> dict:
    """Pairwise precision/recall/F1 over same-cluster item pairs (counted, not enumerated)."""
    joint = Counter((gold[i], pred[i]) for i in gold)
    tp = sum(c * (c - 1) / 2 for c in joint.values())
    pred_pairs = sum(c * (c - 1) / 2 for c in Counter(pred[i] for i in gold).values())
    gold_pairs = sum(c * (c - 1) / 2 for c in Counter(gold.values()).values())
    return prf(tp, pred_pairs - tp, gold_pairs - tp)


def load(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def predict(rows: list[dict], ner: bool = False) -> dict[str, str]:
    """Cluster the rows with the shipped clusterer; {id: story id}.

    With `ner`, the pipeline's own sentence and entity stages run first, so that the entity
    channel holds NER names (exactly what `lagebild report` clusters on); otherwise names are the
    capitalised words of the text."""
    from ..link.cluster import cluster_articles, cluster_features
    from ..link.similarity import extract_features

    if ner:
        from ..analyse import analyse_article
        from ..records import Article

        docs = [analyse_article(Article(id=str(r["id"]), source="eval", text=r.get("text") or "", title=r.get("title"),
                                        published=r.get("published"), language=r.get("language") or "de"),
                                skip=("quotes", "timexes", "figures")) for r in rows]
        clusters = cluster_articles(docs)
    else:
        feats = [extract_features(str(r["id"]), r.get("text") or "", r.get("title"), r.get("language") or "de",
                                  r.get("published")) for r in rows]
        clusters = cluster_features(feats)
    return {aid: c["id"] for c in clusters for aid in c["article_ids"]}


def run(path: Path = typer.Argument(..., help="JSONL with id, title, text, published, language, cluster"),
        ner: bool = typer.Option(False, "--ner", help="run the pipeline's entity stage first (German model)")) -> None:
    """Cluster the articles of FILE and score against its gold clusters."""
    rows = load(path)
    t0 = time.perf_counter()
    pred = predict(rows, ner=ner)
    secs = time.perf_counter() - t0
    gold = {str(r["id"]): str(r["cluster"]) for r in rows}
    emit({
        "task": "cluster",
        "file": Path(path).name,
        "entities": "ner" if ner else "capitalised words",
        "articles": len(rows),
        "gold_clusters": len(set(gold.values())),
        "pred_clusters": len(set(pred.values())),
        "bcubed": bcubed(gold, pred),
        "pairwise": pairwise(gold, pred),
        "articles_per_s": round(len(rows) / secs, 1) if secs else None,
    })
