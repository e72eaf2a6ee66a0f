"""`lagebild eval boilerplate DIR [--baseline]`: main-text extraction on the trafilatura benchmark.

DIR: expectations.json (list of {"file", "url", "with": [...], "without": [...]}) + html/<file>.
Metric as in trafilatura's tests/evaluate.py: the extracted text is whitespace-normalised
(' '.join(text.split())); a "with" snippet found = TP, missing = FN; a "without" snippet found = FP,
absent = TN. lagebild = HTML ingest (trafilatura, no comments) + clean (boilerplate lines removed);
--baseline scores plain trafilatura on the same decoded pages in the same run, with the settings of
trafilatura's own evaluation benchmark (`include_comments=False, include_tables=True`);
the JSON line prints them. The shared 150 pages were read while writing lagebild's cleaning rules:
lagebild's figure on them is in-sample ("tuned on").
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from . import emit, prf
from .pages import load_pages as pages_of
from .pages import run_system


def load_pages(root: Path) -> list[tuple[dict, str]]:
    return pages_of(root, "expectations.json")


def lagebild_text(html: str, url: str | None = None) -> str:
    """Cleaned article text exactly as the pipeline produces it ('' when no article is found).

    It includes the title line that clean puts first (see lagebild.clean): the scored text is
    the text every offset refers to, not a benchmark-specific variant.
    """
    from ..clean import clean_document
    from ..ingest.html import NoArticle, html_to_document

    try:
        raw = html_to_document(html, source="eval", doc_id="eval", url=url, find_date=False)
    except NoArticle:
        return ""
    return clean_document(raw).text


BASELINE_SETTINGS = {"include_comments": False, "include_tables": True}


def trafilatura_text(html: str, url: str | None = None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, **BASELINE_SETTINGS) or ""


def score(pages: list[tuple[dict, str]], extract: Callable[[str, str | None], str]) -> dict:
    """The benchmark's snippet metric: a 'with' snippet found is a TP, a 'without' snippet an FP."""
    tp = fn = fp = tn = 0
    texts, secs = run_system(pages, extract, warmup=20)
    for (it, _), text in zip(pages, texts):
        flat = " ".join((text or "").split())
        for snip in it.get("with") or []:
            if snip is None:
                continue
            snip = " ".join(snip.split())
            tp, fn = (tp + 1, fn) if snip in flat else (tp, fn + 1)
        for snip in it.get("without") or []:
            if snip is None:
                continue
            snip = " ".join(snip.split())
            fp, tn = (fp + 1, tn) if snip in flat else (fp, tn + 1)
    total = tp + fn + fp + tn
    return {
        **prf(tp, fp, fn),
        "accuracy": round((tp + tn) / total, 4) if total else 0.0,
        "tp": tp, "fn": fn, "fp": fp, "tn": tn,
        "pages_per_s": round(len(pages) / secs, 2) if secs else None,
    }


def run(
    directory: Path = typer.Argument(..., help="dir with expectations.json and html/"),
    baseline: bool = typer.Option(False, "--baseline", help="also score plain trafilatura.extract"),
    limit: int = typer.Option(0, "--limit", help="only the first N pages (0 = all)"),
) -> None:
    """Snippet precision/recall/F1/accuracy of lagebild's extraction (+ trafilatura baseline)."""
    pages = load_pages(directory)
    if limit:
        pages = pages[:limit]
    result = {"task": "boilerplate", "pages": len(pages), "lagebild": score(pages, lagebild_text)}
    if baseline:
        result["trafilatura"] = score(pages, trafilatura_text)
        result["baseline_settings"] = {"call": "trafilatura.extract(html, url=url, ...)", **BASELINE_SETTINGS,
                                       "source": "trafilatura's own evaluation benchmark"}
    emit(result)
