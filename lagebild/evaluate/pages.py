"""Shared by the web-page evals (boilerplate, dates): load archived pages, run a system over them."""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path


def load_pages(root: Path, index_name: str) -> list[tuple[dict, str]]:
    """(expectation, decoded HTML) pairs; pages are decoded like ingest does (UTF-8, then detection)."""
    from ..ingest.sniff import declared_charset, decode_bytes

    items = json.loads((root / index_name).read_text(encoding="utf-8"))
    pages = []
    for it in items:
        path = root / "html" / it["file"]
        if path.exists():
            data = path.read_bytes()
            pages.append((it, decode_bytes(data, declared_charset(data)).text))
    return pages


def reset_caches() -> None:
    try:
        from trafilatura.meta import reset_caches as reset

        reset()  # also resets htmldate's and courlan's caches
    except Exception:
        pass


def run_system(pages: list[tuple[dict, str]], system: Callable, warmup: int) -> tuple[list, float]:
    """Outputs of `system(html, url)` per page (None when it raised) and the seconds it took.

    Warm-up outside the timed loop, for every system alike: the first pass over varied pages is
    several times slower (lazy imports, regex/parser set-up inside htmldate/dateparser/lxml);
    caches are reset afterwards so that each system starts cold."""
    for it, html in pages[:warmup]:
        try:
            system(html, it.get("url"))
        except Exception:
            pass
    reset_caches()
    outputs = []
    t0 = time.perf_counter()
    for it, html in pages:
        try:
            outputs.append(system(html, it.get("url")))
        except Exception:  # one crashing page counts as "nothing found"
            outputs.append(None)
    return outputs, time.perf_counter() - t0
