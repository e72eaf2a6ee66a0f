"""AnalysedArticle <-> plain dicts (JSON columns)."""
from __future__ import annotations

import json
from dataclasses import asdict, fields

from ..records import AnalysedArticle, Article, Figure, Mention, Quote, Timex


def _build(cls, data: dict):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def doc_to_dict(doc: AnalysedArticle) -> dict:
    return {
        "article": asdict(doc.article),
        "sentences": [list(s) for s in doc.sentences],
        "mentions": [asdict(m) for m in doc.mentions],
        "quotes": [asdict(q) for q in doc.quotes],
        "figures": [asdict(f) for f in doc.figures],
        "timexes": [asdict(t) for t in doc.timexes],
        "extras": _json_safe(doc.extras),
    }


def _json_safe(extras: dict) -> dict:
    """The stage-private extras that survive a JSON round trip (others are recomputed on load)."""
    out = {}
    for key, value in extras.items():
        try:
            out[key] = json.loads(json.dumps(value))
        except (TypeError, ValueError):
            continue
    return out


def doc_from_dict(data: dict) -> AnalysedArticle:
    return AnalysedArticle(
        article=_build(Article, data["article"]),
        sentences=[tuple(s) for s in data.get("sentences", [])],
        mentions=[_build(Mention, m) for m in data.get("mentions", [])],
        quotes=[_build(Quote, q) for q in data.get("quotes", [])],
        figures=[_build(Figure, f) for f in data.get("figures", [])],
        timexes=[_build(Timex, t) for t in data.get("timexes", [])],
        extras=dict(data.get("extras") or {}),
    )
