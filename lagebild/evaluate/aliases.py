"""`lagebild eval aliases [FILE]`: how well canonical linking merges the spellings of one entity.

FILE (default tests/data/aliases.jsonl) holds one story per line:

    {"id": "...", "kind": "translit",
     "articles": {"a1": {"lang": "de", "text": "optional article text"}},
     "mentions": [["Wolodymyr Selenskyj", "PER", "a1", "selenskyj"],
                  ["nordkoreanische", "LOC", "a1", "kp", "derived"], ...]}

Each mention is [surface, label, article id, gold cluster, optional "derived"]. With an article
text the surfaces are found there in order (so appositions and '(ISW)' work); without one the
article text is the surfaces joined by '. '. The scores compare predicted entities with gold
clusters over all mention pairs of each story (pairwise P/R/F1) and per mention (B-cubed).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Optional

import typer

from . import emit, prf, shown_path

DEFAULT = Path(__file__).resolve().parents[2] / "tests" / "data" / "aliases.jsonl"


def build_docs(case: dict):
    """AnalysedArticles with Mention spans for one test story; returns (docs, gold list)."""
    from ..records import AnalysedArticle, Article, Mention

    arts = case.get("articles", {})
    by_article: dict[str, list[list]] = defaultdict(list)
    for row in case["mentions"]:
        by_article[row[2]].append(row)
    docs, gold = [], []
    for aid, rows in by_article.items():
        meta = arts.get(aid, {})
        text = meta.get("text") or ". ".join(r[0] for r in rows) + "."
        doc = AnalysedArticle(Article(id=aid, source=f"{case['id']}/{aid}", text=text, language=meta.get("lang", "de")))
        pos = 0
        for row in rows:
            start = text.find(row[0], pos)
            if start < 0:
                raise ValueError(f"{case['id']}: {row[0]!r} not found in article {aid} after offset {pos}")
            m = Mention(aid, start, start + len(row[0]), row[0], row[1], derived=len(row) > 4 and row[4] == "derived")
            doc.mentions.append(m)
            gold.append((m, row[3]))
            pos = start + len(row[0])
        docs.append(doc)
    return docs, gold


def score_case(case: dict) -> dict:
    """Pairwise and B-cubed counts for one story, plus its wrong pairs."""
    from ..link.canonical import canonical_entities

    docs, gold = build_docs(case)
    entities = canonical_entities(docs)
    spans = [(m.article_id, m.start, m.end, n) for n, ent in enumerate(entities) for m in ent.mentions]

    def predicted(m, k: int) -> int:
        """The entity holding this mention's span (or a repaired sub-span of it); singleton if none."""
        exact = [n for a, s, e, n in spans if a == m.article_id and s == m.start and e == m.end]
        inside = [n for a, s, e, n in spans if a == m.article_id and s < m.end and m.start < e]
        return (exact or inside or [-1 - k])[0]

    items = [(m, g, predicted(m, k)) for k, (m, g) in enumerate(gold)]
    tp = fp = fn = 0
    errors = []
    for (m1, g1, p1), (m2, g2, p2) in combinations(items, 2):
        same_gold, same_pred = g1 == g2, p1 == p2
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
        if same_gold != same_pred:
            errors.append(f"{case['id']}: {'merged' if same_pred else 'split'} {m1.text!r}~{m2.text!r}")
    gold_sizes = Counter(g for _, g, _ in items)
    pred_sizes = Counter(p for _, _, p in items)
    both = Counter((g, p) for _, g, p in items)
    b_p = sum(both[(g, p)] / pred_sizes[p] for _, g, p in items)
    b_r = sum(both[(g, p)] / gold_sizes[g] for _, g, p in items)
    return {"tp": tp, "fp": fp, "fn": fn, "b_p": b_p, "b_r": b_r, "n": len(items), "errors": errors,
            "gold_pairs": sum(c * (c - 1) // 2 for c in gold_sizes.values())}


def run(
    file: Optional[str] = typer.Argument(None, help="alias test set (JSONL); default tests/data/aliases.jsonl"),
    show_errors: int = typer.Option(10, help="how many wrong pairs to list"),
) -> None:
    """Pairwise and B-cubed precision/recall/F1 of entity merges on an alias test set."""
    path = Path(file) if file else DEFAULT
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tot = Counter()
    kinds: dict[str, Counter] = defaultdict(Counter)
    errors: list[str] = []
    for case in cases:
        r = score_case(case)
        for key in ("tp", "fp", "fn", "b_p", "b_r", "n", "gold_pairs"):
            tot[key] += r[key]
            kinds[case.get("kind", "other")][key] += r[key]
        errors += r["errors"]
    n = tot["n"] or 1
    bp, br = tot["b_p"] / n, tot["b_r"] / n
    emit({
        "task": "aliases",
        "file": shown_path(path),
        "stories": len(cases),
        "mentions": tot["n"],
        "gold_pairs": tot["gold_pairs"],
        "pairwise": prf(tot["tp"], tot["fp"], tot["fn"]),
        "bcubed": {"precision": round(bp, 4), "recall": round(br, 4), "f1": round(2 * bp * br / (bp + br), 4) if bp + br else 0.0},
        "by_kind": {k: {"gold_pairs": c["gold_pairs"], **prf(c["tp"], c["fp"], c["fn"])} for k, c in sorted(kinds.items())},
        "wrong_pairs": len(errors),
        "errors": errors[:show_errors],
    })
