"""Merged, sorted timeline of dated events (issue 6/7).

1. Anchors. A dated article keeps its own timexes. An undated article is re-anchored with the
   story: the median publication date of its dated siblings (or its own text anchor when that is
   later); when no article of the story is dated, the latest date the story's texts mention (years
   from one article, "am 31. Oktober" from another) serves as a lower bound of the publication
   date. Rows from such articles carry `inferred: true`. An undated article that states its own date
   (signature "(Name, 26.4.2016)", "heute, 26. April 2016") keeps that date (analyse/timex_anchor.py).
   Every row has a `confidence` from how its value was fixed; `shown` is false below
   `SHOW_THRESHOLD`: the views list those rows apart, collapsed, as uncertain dates.
2. Rows: DATE and TIME expressions with a calendar value (durations, sets and PRESENT_REF /
   PAST_REF / FUTURE_REF are no points on a timeline). `date` is the value without the time of
   day ('2024-11-04' for '2024-11-04TEV'); `time` keeps that part.
3. Merging: rows with the same date whose events are similar (rapidfuzz token-set ratio of the
   content words, the time expression itself removed) become one row with several `sources`.
4. Order: by the first day a value covers, then coarser before finer (2024 < 2024-06 <
   2024-06-01 < 2024-06-01T10:00), then time of day, then article order. Values with an unknown
   year (XXXX-10-05) come last.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from rapidfuzz import fuzz

from ..analyse.timex import Anchor, anchor_from_specs, find_timexes, timexes_for
from ..analyse.timex_anchor import SHOW_THRESHOLD
from ..records import AnalysedArticle, Timex

MERGE_THRESHOLD = 62
_PART_ORDER = {"MO": 8, "MI": 12, "AF": 15, "EV": 19, "NI": 23}
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_STOP = set("""der die das den dem des ein eine einen einem einer eines und oder aber dass als am an auf aus bei bis
durch für gegen im in ins mit nach seit von vor vom zum zur zu über unter um wie wo sich sie er es ihr ihre ihren
sein seine seinen hat haben hatte hatten ist sind war waren wird werden wurde wurden auch noch nicht nur so""".split())


# ---------------------------------------------------------------- ordering of partial values
def value_range(value: str) -> tuple[date, int] | None:
    """(first day covered, number of days covered) of a TIMEX3 date value; None if unplaceable."""
    v = value.split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            return date(int(m[1]), int(m[2]), int(m[3])), 1
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (monday + timedelta(days=5), 2) if m[3] else (monday, 7)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            return date(int(m[1]), int(m[2]), 1), 30
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            return date(int(m[1]), 3 * int(m[2]) - 2, 1), 91
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            return date(int(m[1]), 1 if m[2] == "1" else 7, 1), 182
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            return date(int(m[1]), _SEASON_START[m[2]], 1), 91
        if m := re.fullmatch(r"(\d{4})", v):
            return date(int(m[1]), 1, 1), 365
        if m := re.fullmatch(r"(\d{3})", v):
            return date(int(m[1]) * 10, 1, 1), 3652
        if m := re.fullmatch(r"(\d{2})", v):
            return date(int(m[1]) * 100, 1, 1), 36524
    except ValueError:
        return None
    return None


def _time_key(value: str) -> int:
    _, _, t = value.partition("T")
    if not t:
        return -1
    if t in _PART_ORDER:
        return _PART_ORDER[t] * 60
    m = re.match(r"(\d{2}):(\d{2})", t)
    return int(m[1]) * 60 + int(m[2]) if m else -1


def sort_key(row: dict) -> tuple:
    rng = value_range(row["value"])
    if rng is None:  # unknown year: after everything placeable, by month/day where known
        return (1, date.max, 0, row["value"], _time_key(row["value"]), row["_order"])
    first, span = rng
    return (0, first, -span, "", _time_key(row["value"]), row["_order"])


def is_placeable(value: str) -> bool:
    """A calendar value (possibly with an unknown year), not a *_REF or an empty reference."""
    if value.endswith("_REF") or not re.match(r"(?:\d{2,4}|XXXX-\d\d)", value):
        return False
    return True


# ---------------------------------------------------------------- anchors for undated articles
def _anchor_tuple(a: Anchor) -> tuple[int, int, int]:
    return (a.year or 0, a.month or 1, a.day or 1)


def story_anchor(docs: list[AnalysedArticle]) -> tuple[Anchor | None, bool]:
    """(anchor for the undated articles, whether it comes from publication dates)."""
    for d in docs:
        if "timex_specs" not in d.extras:
            find_timexes(d)
    published = [Anchor.parse(d.article.published) for d in docs if d.article.published]
    days = [a.date for a in published if a is not None and a.date is not None]
    if days:
        mid = sorted(days)[(len(days) - 1) // 2]  # lower median: a real publication date
        return Anchor(mid.year, mid.month, mid.day, "day", inferred=True, source="story"), True
    # no dated article: the days and months all texts mention together (years from one article,
    # 'am 31. Oktober' from another) give a weak lower bound of the publication date
    best = anchor_from_specs([item for d in docs for item in d.extras.get("timex_specs", [])])
    if best is not None:
        best = Anchor(best.year, best.month, best.day, best.precision, inferred=True, forward=True, source="weak")
    return best, False


_EVIDENCE = {"signature": "date the article is signed with", "deictic": "date the text gives for 'heute'",
             "weak": "latest date its own text mentions"}


def story_timexes(docs: list[AnalysedArticle]) -> dict[str, list[Timex]]:
    """Timexes per article id, undated articles re-anchored with the story. An undated article that
    states its own date (signature, 'heute, 26. April 2016') keeps it."""
    for d in docs:
        if "timex_specs" not in d.extras:
            find_timexes(d)
    anchor, from_published = story_anchor(docs)
    out: dict[str, list[Timex]] = {}
    for d in docs:
        own_kind = d.extras.get("timex_text_anchor_kind")
        if d.article.published or anchor is None or own_kind in ("signature", "deictic"):
            out[d.id] = list(d.timexes)
            if not d.article.published and d.extras.get("timex_anchor"):
                d.extras["timex_anchor_evidence"] = f"{_EVIDENCE.get(own_kind, _EVIDENCE['weak'])} ({d.extras['timex_anchor']})"
            continue
        own = Anchor.parse(d.extras.get("timex_text_anchor"))
        use = anchor
        evidence = (f"publication date of the story's dated articles ({anchor.iso()})" if from_published
                    else f"latest date the story's texts mention ({anchor.iso()})")
        # its own text wins when later than the siblings' date, or when it names a day or month of a
        # clearly earlier year (a 2008 text in a story of 2011 articles: its 'Mittwoch' is in 2008)
        earlier = own is not None and own.year and anchor.year and anchor.year - own.year > 1 and own.precision != "year"
        if from_published and own is not None and own.year and (_anchor_tuple(own) > _anchor_tuple(anchor) or earlier):
            use = Anchor(own.year, own.month, own.day, own.precision, inferred=True, forward=True, source="weak")
            evidence = f"latest date its own text mentions ({use.iso()})"
        d.extras["timex_anchor_evidence"] = evidence
        out[d.id] = timexes_for(d, d.extras["timex_specs"], use)
    return out


# ---------------------------------------------------------------- rows and merging
def _content(event: str, expr: str) -> str:
    words = re.findall(r"\w+", event.replace(expr, " ").lower())
    return " ".join(w for w in words if w not in _STOP and not w.isdigit())


def _similarity(a: str, b: str) -> float:
    """Token-set ratio; with fewer than three content words a subset is no evidence, so the
    stricter token-sort ratio decides ('sagte Selenskyj' is in half of all clauses)."""
    if min(len(a.split()), len(b.split())) < 3:
        return fuzz.token_sort_ratio(a, b)
    return fuzz.token_set_ratio(a, b)


def _row(t: Timex, order: int, mods: dict) -> dict:
    date_part, _, time_part = t.value.partition("T")
    conf = t.confidence if t.confidence is not None else 0.0
    row = {
        "date": date_part, "text": t.text, "event": t.event, "article_id": t.article_id, "start": t.start, "end": t.end,
        "type": t.type, "value": t.value, "inferred": not t.anchored, "confidence": conf, "shown": conf >= SHOW_THRESHOLD,
        "event_start": t.event_start, "event_end": t.event_end,
        "sources": [{"article_id": t.article_id, "start": t.start, "end": t.end, "text": t.text, "event": t.event,
                     "event_start": t.event_start, "event_end": t.event_end, "inferred": not t.anchored,
                     "confidence": conf}],
        "_order": order, "_content": _content(t.event, t.text), "_contents": [_content(t.event, t.text)],
    }
    if time_part:
        row["time"] = time_part
    mod = mods.get(f"{t.start}:{t.end}")
    if mod:
        row["mod"] = mod
    return row


def build_timeline(docs: list[AnalysedArticle]) -> list[dict]:
    """Rows {date, text, event, article_id, start, end, type, value, inferred, sources}, merged and sorted."""
    per_doc = story_timexes(docs)
    rows: list[dict] = []
    order = 0
    for d in docs:
        mods = d.extras.get("timex_mods") or {}
        for t in sorted(per_doc.get(d.id, []), key=lambda t: t.start):
            if t.type not in ("DATE", "TIME") or not is_placeable(t.value):
                continue
            if t.text != d.text[t.start:t.end]:
                continue  # never emit a span that does not check
            row = _row(t, order, mods)
            if row["inferred"]:  # the evidence of an inferred anchor travels with the row
                row["inferred_from"] = d.extras.get("timex_anchor_evidence") or "dates the text mentions"
            rows.append(row)
            order += 1
    merged: list[dict] = []
    for row in rows:
        target = None
        for m in merged:
            if m["date"] != row["date"] or m.get("time") != row.get("time"):
                continue
            if not row["_content"] or not m["_content"]:
                continue
            # compare with every source already merged: a paraphrase may be closer to the second one
            if max(_similarity(row["_content"], c) for c in m["_contents"]) >= MERGE_THRESHOLD:
                target = m
                break
        if target is None:
            merged.append(row)
            continue
        target["sources"].extend(row["sources"])
        target["_contents"].append(row["_content"])
        # the most confident source is the primary (a dated source beats an inferred one)
        if (row["confidence"], not row["inferred"]) > (target["confidence"], not target["inferred"]):
            for key in ("text", "event", "article_id", "start", "end", "type", "value", "event_start", "event_end",
                        "inferred", "confidence", "shown"):
                target[key] = row[key]
            target.pop("inferred_from", None)
            if row.get("inferred_from"):
                target["inferred_from"] = row["inferred_from"]
    for m in merged:
        m["articles"] = sorted({s["article_id"] for s in m["sources"]})
    merged.sort(key=sort_key)
    for m in merged:
        m.pop("_order", None)
        m.pop("_content", None)
        m.pop("_contents", None)
    return merged
