"""`lagebild eval TASK ...`: each task is a module here exposing `run(...)` (a typer command
function) that prints one JSON line. Heavy imports stay inside `run` so the CLI starts fast."""
from __future__ import annotations

import json
import sys

TASKS = ["report", "boilerplate", "dates", "ner", "aliases", "quotes", "numbers", "time", "cluster", "translation", "stories", "metadata"]


def emit(result: dict) -> dict:
    """Print one JSON line (the contract of every eval task) and return it."""
    sys.stdout.write(json.dumps(result, ensure_ascii=False, sort_keys=False) + "\n")
    sys.stdout.flush()
    return result


def shown_path(path) -> str:
    """A path for the JSON line: relative to the working directory when below it (no machine paths)."""
    import os

    p = os.path.abspath(str(path))
    rel = os.path.relpath(p)
    return rel if not rel.startswith("..") else str(path)


def prf(tp: float, fp: float, fn: float) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
