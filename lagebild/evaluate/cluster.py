"""`lagebild eval cluster FILE.jsonl`: story clustering against gold clusters.

Input lines: {"id", "title", "text", "published", "language", "cluster"}. By default articles are
clustered from text alone (names and numbers read off the text, no NER run) with the shipped
clusterer (the same index and configuration the pipeline uses); `--ner` runs the pipeline's
sentence and entity stages first, as `lagebild report` does.
Prints B-cubed and pairwise precision/recall/F1 and throughput.

Order and ids must not leak the answer: the clusterer reads articles in (published, id) order and
ECB+ ids encode the gold topic. By default every run shuffles the rows with a fixed seed and gives
them neutral ids (`d00000`, … in shuffled order), for seeds 0, 1, 2, and reports the mean and the
spread; `--order given` keeps the file's order and ids (for debugging only)."""
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


def neutral(rows: list[dict], seed: int) -> tuple[list[dict], dict[str, str]]:
    """The rows in a content-defined order shuffled by `seed`, each with a neutral id (`d00000`, … in shuffled order), and
    {neutral id: gold cluster}. The system sees neither the file order nor the file's ids; the
    gold labels stay with the scorer."""
    import hashlib
    import random

    # first a canonical order that depends on the content only (not on the file's order or ids),
    # then the seeded shuffle: the same rows in any file order give the same runs
    def content(i: int) -> str:
        r = rows[i]
        return hashlib.sha1(f"{r.get('title') or ''}\n{r.get('text') or ''}".encode()).hexdigest()

    order = sorted(range(len(rows)), key=lambda i: (content(i), i))
    random.Random(seed).shuffle(order)
    out, gold = [], {}
    for k, i in enumerate(order):
        nid = f"d{k:05d}"
        out.append({key: v for key, v in rows[i].items() if key not in ("id", "cluster")} | {"id": nid})
        gold[nid] = str(rows[i]["cluster"])
    return out, gold


def _spread(values: list[float]) -> dict:
    import statistics

    return {"mean": round(statistics.mean(values), 4), "min": round(min(values), 4), "max": round(max(values), 4),
            "std": round(statistics.pstdev(values), 4)}


def evaluate(rows: list[dict], ner: bool = False, order: str = "shuffled", seeds: int = 3) -> dict:
    """Scores over `seeds` shuffled, neutrally-renamed runs (mean + spread), or one given-order run."""
    runs = []
    secs = 0.0
    plans = [(None, [dict(r, id=str(r["id"])) for r in rows],
              {str(r["id"]): str(r["cluster"]) for r in rows})] if order == "given" else \
        [(seed, *neutral(rows, seed)) for seed in range(seeds)]
    for seed, sys_rows, gold in plans:
        t0 = time.perf_counter()
        pred = predict(sys_rows, ner=ner)
        secs += time.perf_counter() - t0
        runs.append({"seed": seed, "pred_clusters": len(set(pred.values())),
                     "bcubed": bcubed(gold, pred), "pairwise": pairwise(gold, pred)})
    res: dict = {"order": order, "seeds": [r["seed"] for r in runs]}
    for metric in ("bcubed", "pairwise"):
        res[metric] = {k: round(sum(r[metric][k] for r in runs) / len(runs), 4) for k in ("precision", "recall", "f1")}
        res[metric + "_f1_spread"] = _spread([r[metric]["f1"] for r in runs])
    res["pred_clusters"] = [r["pred_clusters"] for r in runs]
    res["articles_per_s"] = round(len(rows) * len(runs) / secs, 1) if secs else None
    res["runs"] = runs
    return res


def run(path: Path = typer.Argument(..., help="JSONL with id, title, text, published, language, cluster"),
        ner: bool = typer.Option(False, "--ner", help="run the pipeline's entity stage first (German model)"),
        order: str = typer.Option("shuffled", "--order", help="shuffled (neutral ids, several seeds) or given"),
        seeds: int = typer.Option(3, "--seeds", help="number of shuffled runs (seeds 0..N-1)")) -> None:
    """Cluster the articles of FILE and score against its gold clusters (mean over shuffled runs)."""
    if order not in ("shuffled", "given"):
        raise typer.BadParameter("--order is 'shuffled' or 'given'")
    rows = load(path)
    gold_clusters = len({str(r["cluster"]) for r in rows})
    emit({
        "task": "cluster",
        "file": Path(path).name,
        "entities": "ner" if ner else "capitalised words",
        "articles": len(rows),
        "gold_clusters": gold_clusters,
        **evaluate(rows, ner=ner, order=order, seeds=seeds),
    })
