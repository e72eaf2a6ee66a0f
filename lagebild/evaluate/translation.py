"""`lagebild eval translation [FILE] [--originals N]`: translations recognised without a note.

FILE (default tests/data/translation_cases.jsonl) holds invented German articles, one per line:
{"id", "text", "language", "agency": [...], "translated_from": "fr" | "en" | null}. Prints one JSON
line: precision/recall of the decision, source-language accuracy, and (unless --originals 0) the
false-positive rate on German originals from shared/data (10kGNAD, German Wikinews, SmartData news;
skipped when the data is absent), with throughput.
"""
from __future__ import annotations

import time
from typing import Optional

import typer

from . import emit


def run(
    file: Optional[str] = typer.Argument(None, help="cases jsonl (default: tests/data/translation_cases.jsonl)"),
    originals: int = typer.Option(-1, help="originals per source for the FP rate (-1 = all, 0 = skip)"),
) -> None:
    """P/R of the translation-artefact detector and its false-positive rate on German originals."""
    from ..link.translation import evaluate_cases, evaluate_originals, load_cases

    t0 = time.perf_counter()
    cases = evaluate_cases(load_cases(file))
    out = {"task": "translation", "file": file or "tests/data/translation_cases.jsonl",
           **{k: v for k, v in cases.items() if k != "errors"}, "errors": cases["errors"]}
    if originals:
        orig = evaluate_originals(max(originals, 0))
        out["originals"] = {"total": orig["total"], "false_positives": sum(orig["false_positives"].values()),
                            "fp_rate": orig["fp_rate"], "near_misses": orig["near_misses"],
                            "per_source": orig["articles"]}
        n = orig["total"] + len(load_cases(file))
    else:
        n = len(load_cases(file))
    secs = time.perf_counter() - t0
    out["articles_per_s"] = round(n / secs, 1) if secs else None
    emit(out)
