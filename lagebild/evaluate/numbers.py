"""`lagebild eval numbers PATH`: figure spans and values against a JSONL gold file.

Each line: {"text": ..., "language": "de"|"en"|"fr" (optional, default "de"),
"figures": [{"start", "end", "value", "low", "high", "qualifier", "unit" (optional)}]}.
Prints span precision/recall/F1 (exact offsets; `lenient_f1` counts any overlap), the share
of matched figures whose value, low and high all equal gold (relative tolerance 1e-6, None
equals None), qualifier accuracy over matched figures, unit accuracy over matched figures whose gold
names a unit key ('EUR', 'm', '%', null for plain counts; `units_exact`, absent when no gold has one),
and figures per second.
`--errors` lists every miss and mismatch on stderr.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import typer

from . import emit, prf


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def _load(path: Path) -> list[dict]:
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if line:
                try:
                    cases.append(json.loads(line))
                except ValueError as e:
                    raise typer.BadParameter(f"{path}:{n}: not JSON ({e})")
    return cases


def predict(text: str, doc_id: str = "case", language: str = "de"):
    """Figures for one text through the real stage (sentences + figures; no other stage)."""
    from ..analyse import sentences
    from ..analyse.figures import find_figures
    from ..records import AnalysedArticle, Article

    doc = AnalysedArticle(article=Article(id=doc_id, source="eval", text=text, language=language))
    sentences(doc)
    find_figures(doc)
    return doc.figures


def score(cases: list[dict], errors: bool = False) -> dict:
    tp = fp = fn = 0
    lenient_tp = 0
    values_ok = qual_ok = 0
    units_ok = units_n = 0
    n_pred = 0
    secs = 0.0
    for lang in sorted({c.get("language") or "de" for c in cases} | {"de"}):
        predict("Warm-up: 3 Tests.", "warm", lang)  # load splitter and lemmatiser outside the timing
    for k, case in enumerate(cases):
        text = case["text"]
        t0 = time.perf_counter()
        pred = predict(text, f"case{k}", case.get("language") or "de")
        secs += time.perf_counter() - t0
        n_pred += len(pred)
        gold = case.get("figures", [])
        by_span = {(p.start, p.end): p for p in pred}
        matched = set()
        for g in gold:
            p = by_span.get((g["start"], g["end"]))
            if any(q.start < g["end"] and g["start"] < q.end for q in pred):
                lenient_tp += 1
            if p is None:
                fn += 1
                if errors:
                    print(f"MISS  {text[g['start']:g['end']]!r} in {text!r}", file=sys.stderr)
                continue
            tp += 1
            matched.add((p.start, p.end))
            v_ok = _same(p.value, g.get("value")) and _same(p.low, g.get("low")) and _same(p.high, g.get("high"))
            q_ok = p.qualifier == g.get("qualifier")
            values_ok += v_ok
            qual_ok += q_ok
            if "unit" in g:
                units_n += 1
                units_ok += p.unit == g["unit"]
                if errors and p.unit != g["unit"]:
                    print(f"UNIT  {p.text!r}: got {p.unit!r}, gold {g['unit']!r}", file=sys.stderr)
            if errors and not (v_ok and q_ok):
                print(f"VALUE {p.text!r}: got {p.qualifier} {p.value}/{p.low}/{p.high}, gold "
                      f"{g.get('qualifier')} {g.get('value')}/{g.get('low')}/{g.get('high')}", file=sys.stderr)
        for p in pred:
            if (p.start, p.end) not in matched:
                fp += 1
                if errors:
                    print(f"EXTRA {p.text!r} in {text!r}", file=sys.stderr)
    n_gold = tp + fn
    lenient = prf(lenient_tp, max(0, n_pred - lenient_tp), n_gold - lenient_tp)
    return {
        "cases": len(cases), "gold": n_gold, "predicted": n_pred, **prf(tp, fp, fn),
        "lenient_f1": lenient["f1"],
        "values_exact": round(values_ok / tp, 4) if tp else 0.0,
        "qualifier_accuracy": round(qual_ok / tp, 4) if tp else 0.0,
        **({"units_exact": round(units_ok / units_n, 4)} if units_n else {}),
        "figures_per_s": round(n_pred / secs, 1) if secs else None,
    }


def run(
    path: Path = typer.Argument(..., help="JSONL with {text, figures:[{start,end,value,low,high,qualifier}]}"),
    errors: bool = typer.Option(False, "--errors", help="list misses and mismatches on stderr"),
) -> None:
    """Score figure extraction on a gold JSONL file; print one JSON line."""
    cases = _load(path)
    emit({"task": "numbers", "path": str(path), **score(cases, errors)})
