"""Figure groups across articles with a disagreement flag (issue 7).

Figures whose topic and unit agree form one group. Every figure stands for an interval of values
it allows ('mindestens 3.000' -> [3000, inf), 'etwa 1.500' -> [1350, 1650], '1.432' -> about
[1418, 1446]); a group *disagrees* when those intervals have no common point.

When the figures carry different dates (the date the figure holds for, else the publication day)
and each date's figures agree among themselves, the change is an *update* over time, not a
disagreement: kind = agreement | update | disagreement.

Independent confirmation: two figures are not independent when their articles are linked by
lineage (copy, shared agency text, translation) or when their attribution chains end in the same
original source ('laut Pentagon' twice). `independent_sources` counts the remaining groups.
"""
from __future__ import annotations

import math
import re

from ..records import AnalysedArticle, Figure
from .lineage import independent_count, lineage_groups

EXACT_TOL = 0.01  # exact figures: 1 % (press rounding, '3.000' may be 2.980)
APPROX_TOL = 0.10  # 'etwa', 'rund', 'knapp': 10 %
INF = math.inf


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").strip().lower())


def interval(fig: Figure) -> tuple[float, float] | None:
    """The values a figure allows, widened by its qualifier's tolerance; None when vague."""
    q = (fig.qualifier or "exact").lower()
    v, lo, hi = fig.value, fig.low, fig.high
    if q == "vague" or (v is None and lo is None and hi is None):
        return None
    if q == "at_least":
        base = lo if lo is not None else v
        return (base * (1 - EXACT_TOL) if base is not None else -INF, INF)
    if q == "at_most":
        base = hi if hi is not None else v
        return (-INF, base * (1 + EXACT_TOL) if base is not None else INF)
    tol = APPROX_TOL if q == "approx" else EXACT_TOL
    lo = lo if lo is not None else v
    hi = hi if hi is not None else v
    if lo is None or hi is None:
        return None
    lo, hi = min(lo, hi), max(lo, hi)
    return (lo - abs(lo) * tol, hi + abs(hi) * tol)


def _consistent(ivs: list[tuple[float, float]]) -> bool:
    return not ivs or max(i[0] for i in ivs) <= min(i[1] for i in ivs)


def _json_num(x: float) -> float | None:
    return None if math.isinf(x) else round(x, 6)


def _value_clusters(members: list[dict]) -> list[list[dict]]:
    """Partition members into runs of mutually compatible intervals (sweep by lower bound)."""
    out: list[list[dict]] = []
    cur: list[dict] = []
    hi = INF
    for m in sorted((m for m in members if m["_iv"]), key=lambda m: (m["_iv"][0], m["_iv"][1])):
        lo_m, hi_m = m["_iv"]
        if cur and lo_m > hi:
            out.append(cur)
            cur, hi = [], INF
        cur.append(m)
        hi = min(hi, hi_m)
    if cur:
        out.append(cur)
    return out


def _independent(members: list[dict]) -> int:
    """Independent sources among members: those sharing a lineage group or a source count once."""
    return independent_count([["lin:" + m["lineage_group"]] + (["src:" + m["source"]] if m["source"] else [])
                              for m in members])


def group_figures(figures: list[Figure], docs: list[AnalysedArticle]) -> list[dict]:
    """[{'topic', 'unit', 'figure_ids', 'disagreement', 'update', 'kind', 'members', 'values',
    'independent_sources', 'articles'}] for every topic/unit with at least two figures."""
    by_id = {d.id: d for d in docs}
    lineage = lineage_groups(docs) if docs else {}
    groups: dict[tuple[str, str], list[Figure]] = {}
    for fig in figures:
        topic = _norm(fig.topic)
        if not topic:
            continue
        groups.setdefault((topic, _norm(fig.unit)), []).append(fig)
    out = []
    for (topic, unit), figs in sorted(groups.items()):
        if len(figs) < 2:
            continue
        members = []
        for fig in sorted(figs, key=lambda f: (f.article_id, f.start)):
            doc = by_id.get(fig.article_id)
            art = doc.article if doc else None
            chain = list(fig.attributed_to or [])
            iv = interval(fig)
            members.append({
                "figure_id": fig.id, "article_id": fig.article_id, "outlet": (art.outlet if art else None) or fig.article_id,
                "value": fig.value, "low": fig.low, "high": fig.high, "qualifier": fig.qualifier, "unit": fig.unit,
                "text": fig.text, "start": fig.start, "end": fig.end, "chain": chain,
                "date": fig.date or ((art.published or "")[:10] if art else "") or None,
                "dated_by": "figure" if fig.date else ("published" if art and art.published else None),
                "interval": [_json_num(iv[0]), _json_num(iv[1])] if iv else None,
                "lineage_group": lineage.get(fig.article_id, fig.article_id),
                "source": _norm(chain[-1]) if chain else "",
                "_iv": iv,
            })
        ivs = [m["_iv"] for m in members if m["_iv"]]
        consistent = _consistent(ivs)
        dates = {m["date"] for m in members if m["_iv"] and m["date"]}
        kind = "agreement"
        if not consistent:
            kind = "disagreement"
            if len(dates) > 1 and all(m["date"] for m in members if m["_iv"]):
                per_date = [[m["_iv"] for m in members if m["_iv"] and m["date"] == d] for d in dates]
                if all(_consistent(x) for x in per_date):
                    kind = "update"
        values = []
        for vc in _value_clusters(members):
            lo = max(m["_iv"][0] for m in vc)
            hi = min(m["_iv"][1] for m in vc)
            # the most specific member speaks for the cluster ('12.000' rather than 'mindestens 3.000')
            reps = sorted((m for m in vc if m["value"] is not None), key=lambda m: m["_iv"][1] - m["_iv"][0])
            values.append({
                "value": reps[0]["value"] if reps else None, "low": _json_num(lo), "high": _json_num(hi),
                "figure_ids": [m["figure_id"] for m in vc],
                "dates": sorted({m["date"] for m in vc if m["date"]}),
                "independent_sources": _independent(vc),
            })
        for m in members:  # independent sources (its own included) whose values are compatible with it
            backing = [x for x in members if x["_iv"] and m["_iv"] and x["_iv"][0] <= m["_iv"][1] and m["_iv"][0] <= x["_iv"][1]]
            m["independent_confirmations"] = _independent(backing) if backing else 0
        for m in members:
            del m["_iv"]
        out.append({
            "topic": topic, "unit": unit or None,
            "figure_ids": [m["figure_id"] for m in members],
            "disagreement": kind == "disagreement",
            "update": kind == "update",
            "kind": kind,
            "members": members,
            "values": values,
            "independent_sources": _independent(members),
            "articles": sorted({m["article_id"] for m in members}),
        })
    return out
