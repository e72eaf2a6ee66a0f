"""`lagebild eval time FILE.jsonl`: time-expression extraction and normalisation (TempEval-3 style).

Input lines: {"text", "dct": ISO date or null, "lang"?: "de", "split"?: "dev"|"heldout",
"timexes": [{"start", "end", "text", "type", "value", "alt_values"?}]}.

Scores (printed as one JSON line, for the whole file and per split):
- strict P/R/F1: predicted span == gold span; relaxed P/R/F1: spans overlap (one-to-one matching).
- type_accuracy / value_accuracy: over relaxed matches (value only where the gold has one).
  A value counts as right when it equals `value` or one of `alt_values` after canonicalisation
  ('T20' == 'T20:00'; a gold clock time without a date, 'T08:40', matches a predicted
  '2016-11-07T08:40'); value_f1 = relaxed F1 counting only matches with the right value.
- expressions_per_s: predicted expressions per second of extraction + normalisation.
Headline figures never mix own invented cases (source 'lagebild-*' or origin 'own') with
independent ones: own cases are reported under `own_cases`, each source under `sources`.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

import typer

from . import emit, prf


def canonical(value: str | None) -> str | None:
    if value is None:
        return None
    v = value.strip().upper()
    v = re.sub(r"T(\d\d)(?=$|[^:\d])", r"T\1:00", v)  # T20 -> T20:00
    v = re.sub(r"(T\d\d:\d\d):00$", r"\1", v)  # seconds :00 are noise
    return v


def value_ok(pred: str, gold: dict) -> bool:
    p = canonical(pred)
    for g in [gold.get("value")] + list(gold.get("alt_values") or []):
        g = canonical(g)
        if g is None:
            continue
        if p == g or (g.startswith("T") and p is not None and p.endswith(g) and re.match(r"^(\d{4}-\d\d-\d\d)?T", p)):
            return True
    return False


def match(gold: list[dict], pred: list[dict], strict: bool) -> list[tuple[dict, dict]]:
    """One-to-one matching: exact spans, or largest overlap first (relaxed)."""
    pairs = []
    for g in gold:
        for p in pred:
            if strict:
                if g["start"] == p["start"] and g["end"] == p["end"]:
                    pairs.append((g["end"] - g["start"], g, p))
            else:
                ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
                if ov > 0:
                    pairs.append((ov, g, p))
    used_g, used_p, out = set(), set(), []
    for _, g, p in sorted(pairs, key=lambda t: -t[0]):
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def predict(row: dict) -> list[dict]:
    """Run sentence splitting + the timex stage on one row (no other stages: fast and isolated)."""
    from ..analyse import sentences
    from ..analyse.timex import find_timexes
    from ..records import AnalysedArticle, Article

    art = Article(id="eval", source="<eval>", text=row["text"], published=row.get("dct"), language=row.get("lang") or "de")
    doc = AnalysedArticle(article=art)
    sentences(doc)
    find_timexes(doc)
    return [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value} for t in doc.timexes]


def score(rows: list[dict], preds: list[list[dict]]) -> dict:
    counts = {"gold": 0, "pred": 0, "strict_tp": 0, "relaxed_tp": 0, "type_ok": 0, "value_n": 0, "value_ok": 0}
    for row, pred in zip(rows, preds):
        gold = row.get("timexes", [])
        counts["gold"] += len(gold)
        counts["pred"] += len(pred)
        counts["strict_tp"] += len(match(gold, pred, strict=True))
        for g, p in match(gold, pred, strict=False):
            counts["relaxed_tp"] += 1
            counts["type_ok"] += g.get("type") == p["type"]
            if g.get("value") is not None:
                counts["value_n"] += 1
                counts["value_ok"] += value_ok(p["value"], g)
    c = counts
    strict = prf(c["strict_tp"], c["pred"] - c["strict_tp"], c["gold"] - c["strict_tp"])
    relaxed = prf(c["relaxed_tp"], c["pred"] - c["relaxed_tp"], c["gold"] - c["relaxed_tp"])
    vacc = c["value_ok"] / c["value_n"] if c["value_n"] else 0.0
    # value F1 over the part of the gold that carries values (TempEval-3 'value F1' analogue)
    return {
        "docs": len(rows), "gold": c["gold"], "pred": c["pred"],
        "strict": strict, "relaxed": relaxed,
        "type_accuracy": round(c["type_ok"] / c["relaxed_tp"], 4) if c["relaxed_tp"] else 0.0,
        "value_accuracy": round(vacc, 4), "value_n": c["value_n"],
        "value_f1": round(relaxed["f1"] * vacc, 4),
    }


def errors(rows: list[dict], preds: list[list[dict]], limit: int = 50) -> list[dict]:
    out = []
    for row, pred in zip(rows, preds):
        gold = row.get("timexes", [])
        pairs = match(gold, pred, strict=False)
        bad = [(g["text"], g.get("type"), g.get("value"), p["text"], p["type"], p["value"]) for g, p in pairs
               if g.get("type") != p["type"] or (g.get("value") is not None and not value_ok(p["value"], g))]
        missed = [g["text"] for g in gold if all(g is not gg for gg, _ in pairs)]
        spurious = [(p["text"], p["value"]) for p in pred if all(p is not pp for _, pp in pairs)]
        if bad or missed or spurious:
            out.append({"text": row["text"][:160], "dct": row.get("dct"), "wrong": bad, "missed": missed, "spurious": spurious})
    return out[:limit]


OWN_PREFIX = "lagebild"  # rows whose `source` starts with this are cases we invented ourselves


def source_of(row: dict) -> str:
    return (row.get("source") or "").split("/")[0] or "unnamed"


def is_own(row: dict) -> bool:
    """An own invented case (written by this project while building the rules), not an independent one."""
    return row.get("origin") == "own" or source_of(row).startswith(OWN_PREFIX)


def report(rows: list[dict], preds: list[list[dict]]) -> dict:
    """Headline over the independent cases only; own invented cases beside it, never mixed in;
    one block per source."""
    idx_ind = [i for i, r in enumerate(rows) if not is_own(r)]
    idx_own = [i for i, r in enumerate(rows) if is_own(r)]
    pick = lambda idx: ([rows[i] for i in idx], [preds[i] for i in idx])  # noqa: E731
    out: dict = {"cases": "independent" if idx_ind else "own", **score(*pick(idx_ind or idx_own))}
    if idx_ind and idx_own:
        out["own_cases"] = score(*pick(idx_own))
    sources = sorted({source_of(r) for r in rows})
    if len(sources) > 1:
        out["sources"] = {}
        for src in sources:
            sc = score(*pick([i for i, r in enumerate(rows) if source_of(r) == src]))
            sc["own"] = src.startswith(OWN_PREFIX)
            out["sources"][src] = sc
    return out


def run(
    path: Path = typer.Argument(..., help="jsonl with text, dct, timexes"),
    split: str = typer.Option("", help="only rows of this split (dev | heldout)"),
    show_errors: int = typer.Option(0, help="also print up to N erroneous rows (to stderr)"),
) -> None:
    """Strict/relaxed extraction P/R/F1, type and value accuracy, throughput.

    The headline figures count independent cases only; own invented cases (source 'lagebild-*')
    are reported apart under `own_cases`, and every source has its own block."""
    import sys

    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if split:
        rows = [r for r in rows if r.get("split", "dev") == split]
    t0 = time.perf_counter()
    preds = [predict(r) for r in rows]
    secs = time.perf_counter() - t0
    result = {"task": "time", "file": str(path), "split": split or "all",
              "settings": {"matching": "relaxed = overlap, one-to-one; value accuracy over relaxed matches",
                           "headline": "independent cases only; own invented cases under own_cases"},
              **report(rows, preds)}
    splits = sorted({r.get("split", "dev") for r in rows})
    if len(splits) > 1:
        result["splits"] = {}
        for s in splits:
            idx = [i for i, r in enumerate(rows) if r.get("split", "dev") == s]
            sub = report([rows[i] for i in idx], [preds[i] for i in idx])
            sub.pop("sources", None)
            result["splits"][s] = sub
    result["expressions_per_s"] = round(sum(len(p) for p in preds) / secs, 1) if secs else None
    result["seconds"] = round(secs, 2)
    if show_errors:
        for e in errors(rows, preds, show_errors):
            sys.stderr.write(json.dumps(e, ensure_ascii=False) + "\n")
    emit(result)
