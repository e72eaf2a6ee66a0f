"""`lagebild eval boilerplate DIR [--baseline]`: main-text extraction on the trafilatura benchmark.

DIR: expectations.json (list of {"file", "url", "with": [...], "without": [...]}) + html/<file>.
Metric as in trafilatura's tests/evaluate.py: the extracted text is whitespace-normalised
(' '.join(text.split())); a "with" snippet found = TP, missing = FN; a "without" snippet found = FP,
absent = TN. lagebild = HTML ingest (trafilatura, no comments) + clean (boilerplate lines removed);
--baseline scores plain `trafilatura.extract(html)` on the same decoded pages in the same run.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import typer

from . import emit, prf


def load_pages(root: Path) -> list[tuple[dict, str]]:
    """(expectation, decoded HTML) pairs; pages are decoded like ingest does (UTF-8, then detection)."""
    from ..ingest.sniff import declared_charset, decode_bytes

    items = json.loads((root / "expectations.json").read_text(encoding="utf-8"))
    pages = []
    for it in items:
        path = root / "html" / it["file"]
        if not path.exists():
            continue
        data = path.read_bytes()
        pages.append((it, decode_bytes(data, declared_charset(data)).text))
    return pages


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


def trafilatura_text(html: str, url: str | None = None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def _reset_caches() -> None:
    try:
        from trafilatura.meta import reset_caches

        reset_caches()  # also resets htmldate's and courlan's caches
    except Exception:
        pass


def score(pages: list[tuple[dict, str]], extract: Callable[[str, str | None], str]) -> dict:
    tp = fn = fp = tn = 0
    # Warm-up outside the timed loop, for every system alike: the first pass over varied pages is
    # several times slower (lazy imports, regex/parser set-up inside htmldate/dateparser/lxml).
    for it, html in pages[:20]:
        try:
            extract(html, it.get("url"))
        except Exception:
            pass
    _reset_caches()  # htmldate/trafilatura memoise per page: each system starts cold (after warm-up)
    t0 = time.perf_counter()
    for it, html in pages:
        try:
            text = extract(html, it.get("url"))
        except Exception:  # one crashing page counts as "nothing extracted"
            text = ""
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
    secs = time.perf_counter() - t0
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
    emit(result)
