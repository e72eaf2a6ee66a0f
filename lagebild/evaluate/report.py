"""`lagebild eval report PATH...`: run the pipeline and check every span."""
from __future__ import annotations

import time
from typing import List

import typer

from . import emit


def span_check(dossier: dict) -> tuple[int, int]:
    """(items, items whose text[start:end] equals their text)."""
    texts = {a["id"]: a["text"] for a in dossier["articles"]}
    n = ok = 0
    for s in dossier["stories"]:
        items = list(s["quotes"]) + list(s["figures"]) + [t for t in s["timeline"] if "start" in t]
        items += [m for e in s["entities"] for m in e["mentions"]]
        for it in items:
            n += 1
            t = texts.get(it["article_id"])
            if t is not None and t[it["start"]:it["end"]] == it["text"]:
                ok += 1
    return n, ok


def run(paths: List[str] = typer.Argument(..., help="files, directories or globs")) -> None:
    """Run the whole pipeline; print counts, span validity and throughput."""
    from ..pipeline import run as run_pipeline

    t0 = time.perf_counter()
    dossier = run_pipeline(paths).to_dict()
    secs = time.perf_counter() - t0
    n, ok = span_check(dossier)
    kinds = {k: sum(len(s[k]) for s in dossier["stories"]) for k in ("entities", "quotes", "figures", "figure_groups", "timeline")}
    emit({
        "task": "report",
        "articles": len(dossier["articles"]),
        "stories": len(dossier["stories"]),
        "errors": len(dossier["errors"]),
        **kinds,
        "indirect_quotes": sum(1 for s in dossier["stories"] for q in s["quotes"] if not q["direct"]),
        "items": n,
        "span_ok_share": round(ok / n, 4) if n else 1.0,
        "articles_per_s": round(len(dossier["articles"]) / secs, 2) if secs else None,
    })
