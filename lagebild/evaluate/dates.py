"""`lagebild eval dates DIR [--baseline]`: publication-date accuracy on the htmldate benchmark.

DIR: expected_dates.json (list of {"file", "url", "date": "YYYY-MM-DD"}) + html/<file>.
A page is correct when the first 10 characters of the found date equal the expected date.
lagebild = `lagebild.ingest.html.find_publication_date` (htmldate with original_date=True, then
JSON-LD datePublished, htmldate default; script code left out, first-of-month defaults dropped);
--baseline = `htmldate.find_date(html, url=url, original_date=True, extensive_search=True)`, the
settings of htmldate's own benchmark (printed as `baseline_settings`), on the same decoded pages in
the same run.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from . import emit
from .pages import load_pages as pages_of
from .pages import run_system


def load_pages(root: Path) -> list[tuple[dict, str]]:
    return pages_of(root, "expected_dates.json")


def lagebild_date(html: str, url: str | None) -> str | None:
    from ..ingest.html import find_publication_date

    return find_publication_date(html, url=url)


BASELINE_SETTINGS = {"original_date": True, "extensive_search": True}  # htmldate's benchmark settings


def htmldate_date(html: str, url: str | None) -> str | None:
    from htmldate import find_date

    return find_date(html, url=url, **BASELINE_SETTINGS)


def _strategies() -> dict[str, Callable[[str, str | None], str | None]]:
    """Each single date source on its own, to measure which order wins (--strategies)."""
    from htmldate import find_date

    from ..ingest.html import jsonld_date

    def traf_meta(html, url):
        import trafilatura

        meta = trafilatura.extract_metadata(html, default_url=url)
        return meta.date if meta else None

    return {
        "htmldate_original": lambda h, u: find_date(h, url=u, extensive_search=True, original_date=True),
        "htmldate_fast_original": lambda h, u: find_date(h, url=u, extensive_search=False, original_date=True),
        "trafilatura_metadata": traf_meta,
        "jsonld_datePublished": lambda h, u: jsonld_date(h),
        "htmldate_default": lambda h, u: find_date(h, url=u),
    }


def score(pages: list[tuple[dict, str]], find: Callable[[str, str | None], str | None]) -> dict:
    """Share of pages whose publication date (YYYY-MM-DD) is found exactly."""
    dates, secs = run_system(pages, find, warmup=len(pages))
    found = sum(bool(d) for d in dates)
    ok = sum(bool(d) and str(d)[:10] == it["date"][:10] for (it, _), d in zip(pages, dates))
    n = len(pages)
    return {
        "accuracy": round(ok / n, 4) if n else 0.0,
        "correct": ok,
        "found": found,
        "pages_per_s": round(n / secs, 2) if secs else None,
    }


def run(
    directory: Path = typer.Argument(..., help="dir with expected_dates.json and html/"),
    baseline: bool = typer.Option(False, "--baseline", help="also score plain htmldate.find_date"),
    limit: int = typer.Option(0, "--limit", help="only the first N pages (0 = all)"),
    strategies: bool = typer.Option(False, "--strategies", help="also score each date source alone"),
) -> None:
    """Accuracy of the publication date (YYYY-MM-DD) against the benchmark (+ htmldate baseline)."""
    pages = load_pages(directory)
    if limit:
        pages = pages[:limit]
    result = {"task": "dates", "pages": len(pages), "lagebild": score(pages, lagebild_date)}
    if baseline:
        import htmldate

        result["htmldate"] = score(pages, htmldate_date)
        result["baseline_settings"] = {"function": "htmldate.find_date", "version": htmldate.__version__, **BASELINE_SETTINGS}
    if strategies:
        result["strategies"] = {name: score(pages, fn) for name, fn in _strategies().items()}
    emit(result)
