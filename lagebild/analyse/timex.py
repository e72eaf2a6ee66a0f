"""Time expressions normalised against the article date (issue 6).

Three steps per article:
1. `timex_rules.scan` finds candidate spans with an unanchored *spec*; overlaps keep the longest,
   adjacent date + clock/day-part pieces merge ("am 5. Oktober um 14 Uhr" is one TIME).
2. The anchor: the publication date, else one inferred from the text (`infer_anchor`); inferred
   anchors are lower bounds of the real date, so they resolve *forward* (see `Anchor`).
3. `resolve(spec, ...)` gives TIMEX3 type and value. News default: an underspecified date lies in
   the past of the anchor ("am Montag" = the last Monday on or before the publication date,
   "im Juni" = the last June not after it) unless the clause is in future tense.

The specs are kept in `doc.extras["timex_specs"]` so the timeline can re-anchor undated articles
with the dates of the other articles of a story (`reanchor`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import AnalysedArticle, Timex
from .timex_anchor import (APPOSITION_MISMATCH, FROM_TEXT, NAME_YEAR, confidence, deictic_day, explicit, in_apposition, name_years,
                           names_no_date, period_year, signature_day)
from .timex_event import event_span
from .timex_reference import SMALL_HOURS, Reference, coming, follows_text, corrected_value, is_narrative, named_after, resolve_from_text
from .timex_rules import Candidate, duration_value, resolve_overlaps, scan
from .timex_rules_history import coordinate
from .timex_scan import lines_apart
from .timex_tense import ahead, is_future, past_clause, past_form_only  # noqa: F401  (is_future: read by tests)

_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@dataclass
class Anchor:
    """The reference date. `precision`: 'day' | 'month' | 'year'; `year` may be None when only a
    day and month are known ('am 31. Oktober' without any year in the text).
    `inferred`: not a publication date. `forward`: the anchor is a lower bound of the real date
    (the latest date the article mentions), so weekdays resolve to the first such day after it.
    `source`: how it was found ('published', 'signature', 'deictic', 'story', 'weak'; see timex_anchor)."""

    year: int | None
    month: int | None = None
    day: int | None = None
    precision: str = "day"
    inferred: bool = False
    forward: bool = False
    source: str = ""

    @property
    def kind(self) -> str:
        return self.source or ("weak" if self.inferred else "published")

    @property
    def stated(self) -> bool:
        """The article's own date: its publication date, or the date it is signed with."""
        return self.kind in ("published", "signature", "deictic")

    @property
    def date(self) -> date | None:
        if self.year and self.month and self.day and self.precision == "day":
            return date(self.year, self.month, min(self.day, _days_in(self.year, self.month)))
        return None

    def iso(self) -> str:
        y = f"{self.year:04d}" if self.year else "XXXX"
        if self.precision == "year":
            return y
        if self.precision == "month":
            return f"{y}-{self.month:02d}"
        return f"{y}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, value: str | None, inferred: bool = False, forward: bool = False, source: str = "") -> "Anchor | None":
        """'2024-11-05', '2024-11-05T10:00:00+01:00', '2024-11', '2024' -> Anchor."""
        if not value:
            return None
        m = re.match(r"(\d{4}|XXXX)(?:-(\d{2})(?:-(\d{2}))?)?", str(value))
        if not m:
            return None
        y = None if m.group(1) == "XXXX" else int(m.group(1))
        prec = "day" if m.group(3) else "month" if m.group(2) else "year"
        return cls(y, int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None, prec, inferred,
                   forward, source)


def _days_in(y: int, m: int) -> int:
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return _MONTH_DAYS[m - 1]


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


# ---------------------------------------------------------------- resolution
def _ymd_value(y: int | None, m: int | None, d: int | None) -> str:
    ys = f"{y:04d}" if y else "XXXX"
    if m is None:
        return ys
    if d is None:
        return f"{ys}-{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


SOON_DAYS = 31  # a day and month this close after the reference date is read as the coming one


def _days_ahead(y: int, m: int, d: int, m2: int, d2: int) -> int:
    """Days from y-m-d forward to the next m2-d2 in the same year (large when it lies before)."""
    try:
        return (date(y, m2, d2) - date(y, m, d)).days if (m2, d2) > (m, d) else 10 ** 6
    except ValueError:
        return 10 ** 6


def _pick_year(anchor: Anchor | None, m: int, d: int | None, future: bool) -> int | None:
    """Year for a month (and day) without one: the last occurrence not after the (effective)
    reference, or the next one from it for future clauses."""
    if anchor is None or anchor.year is None:
        return None
    am = anchor.month or 12
    ad = anchor.day or _days_in(anchor.year, am)
    if anchor.precision == "year":
        return anchor.year
    ref_y, ref_m, ref_d = anchor.year, am, ad
    if anchor.forward:  # the real date lies some weeks after a lower-bound anchor
        ref_y, ref_m = _add_months(anchor.year, am, 1)
    key, ref = (m, d or 1), (ref_m, ref_d if d else 1)
    if future:
        y = ref_y if key >= (am, ad if d else 1) or anchor.forward and key >= ref else ref_y + 1
        step = 1
    else:
        y = ref_y if key <= ref else ref_y - 1
        if d and y < ref_y and _days_ahead(ref_y, ref_m, ref_d, m, d) <= SOON_DAYS:
            y = ref_y  # a day a few weeks ahead is the coming one, whatever the tense ('hat die Kundgebung am
            # 25. September abgesagt' in a text of 12 September; eleven months back is far less likely)
        step = -1
    for _ in range(8):  # '29. Februar': the nearest year that has one
        if not d or d <= _days_in(y, m):
            return y
        y += step
    return None


def _weekday_date(anchor: Anchor, dow: int, off: int | None, future: bool, week_off: int | None = None) -> date | None:
    base = anchor.date
    if base is None:
        return None
    if week_off is not None:  # 'nächste Woche Freitag'
        monday = base - timedelta(days=base.isoweekday() - 1) + timedelta(weeks=week_off)
        return monday + timedelta(days=dow - 1)
    delta = dow - base.isoweekday()
    if off is not None and off != 0:  # 'letzten Montag' / 'nächsten Montag'
        if off > 0:
            return base + timedelta(days=(delta % 7) or 7) + timedelta(weeks=off - 1)
        return base - timedelta(days=((-delta) % 7) or 7) + timedelta(weeks=off + 1)
    if off == 0:  # 'diesen Montag': the one in the anchor's week
        return base + timedelta(days=delta)
    if anchor.forward:
        return base + timedelta(days=(delta % 7) or 7)
    if future:
        return base + timedelta(days=delta % 7)
    return base - timedelta(days=(-delta) % 7)


def _shift_date(base: date, n: float, unit: str, sign: int, exact: bool = False) -> tuple[str, date | None]:
    k = int(round(n)) * sign
    if exact and unit in ("W", "M", "Y"):  # 'Heute vor einem Jahr': the same day then
        if unit == "W":
            d = base + timedelta(weeks=k)
        else:
            y, m = _add_months(base.year, base.month, k * (12 if unit == "Y" else 1))
            d = date(y, m, min(base.day, _days_in(y, m)))
        return d.isoformat(), d
    if unit == "D":
        d = base + timedelta(days=k)
        return d.isoformat(), d
    if unit == "W":
        d = base + timedelta(weeks=k)
        return _iso_week(d), None
    if unit in ("M", "Q", "HY"):
        y, m = _add_months(base.year, base.month, k * {"M": 1, "Q": 3, "HY": 6}[unit])
        return f"{y:04d}-{m:02d}", None
    if unit == "Y":
        return f"{base.year + k:04d}", None
    if unit == "DE":
        return f"{(base.year + 10 * k) // 10:03d}", None
    # hours/minutes from a date-only anchor: the day is all that is known
    return base.isoformat(), base


def _time_suffix(spec: dict) -> str:
    if spec.get("h") is not None:
        t = f"T{spec['h']:02d}:{spec['mi']:02d}"
        return t + (f":{spec['s']:02d}" if spec.get("s") is not None else "") + (spec.get("tz") or "")
    if spec.get("part"):
        return "T" + spec["part"]
    return ""


def resolve(spec: dict, anchor: Anchor | None, future: bool, last_day: date | None) -> tuple[str, str, date | None]:
    """(type, value, day it fixes or None). `last_day`: the last day-precise date mentioned before,
    the reference for 'am Tag zuvor' and for bare clock times."""
    kind = spec["kind"]
    adate = anchor.date if anchor else None
    suffix = _time_suffix(spec)
    typ = "TIME" if suffix else "DATE"
    if kind == "time":
        ref = last_day or adate
        if spec.get("off") == -1 and ref:
            ref = ref - timedelta(days=1)
        return "TIME", (ref.isoformat() if ref else "") + suffix, None
    if kind == "date":
        y, m, d = spec.get("y"), spec.get("m"), spec.get("d")
        if m is None and d is not None:  # 'am 15.': month from the anchor
            if adate:
                y, m = adate.year, adate.month
                if not future and d > adate.day:
                    y, m = _add_months(y, m, -1)
            if m is None:
                return typ, f"XXXX-XX-{d:02d}" + suffix, None
            return typ, _ymd_value(y, m, d) + suffix, None
        if y is None:
            if spec.get("off") in (-1, 1) and spec.get("nearest") and anchor and anchor.year and anchor.month:
                # 'im vergangenen September' (written in November): the last September before, this year's
                y = anchor.year + (0 if (m - anchor.month) * spec["off"] > 0 else spec["off"])
            elif spec.get("off") is not None and anchor and anchor.year:
                y = anchor.year + spec["off"]
            else:
                y = _pick_year(anchor, m, d, future)
        value = _ymd_value(y, m, d)
        day = None
        if y and d:
            try:
                day = date(y, m, d)
            except ValueError:
                day = None
        return typ, value + suffix, day
    if kind == "year":
        return "DATE", f"{spec['y']:04d}", None
    if kind in ("decade", "era"):
        return "DATE", spec["v"], None
    if kind == "season":
        y = spec.get("y")
        if y is None and anchor and anchor.year:
            if spec.get("off") is not None:
                y = anchor.year + spec["off"]
            else:
                y = _pick_year(anchor, _SEASON_MONTH[spec["s"]], None, future)
        return "DATE", f"{y:04d}-{spec['s']}" if y else f"XXXX-{spec['s']}", None
    if kind == "quarter":
        y = spec.get("y")
        if y is None and anchor and anchor.year:
            y = anchor.year + (spec.get("off") or 0)
        return "DATE", f"{y:04d}-{spec['q']}" if y else f"XXXX-{spec['q']}", None
    if kind == "dow":
        d = _weekday_date(anchor, spec["dow"], spec.get("off"), future, spec.get("week_off")) if anchor else None
        if d is None:
            return typ, f"XXXX-WXX-{spec['dow']}" + suffix, None
        return typ, d.isoformat() + suffix, d
    if kind == "relday":
        if adate is None:
            return typ, {0: "PRESENT_REF"}.get(spec["off"], "PAST_REF" if spec["off"] < 0 else "FUTURE_REF"), None
        d = adate + timedelta(days=spec["off"])
        return typ, d.isoformat() + suffix, d
    if kind == "prev":
        ref = last_day or adate
        if ref is None:
            return typ, "XXXX-XX-XX" + suffix, None
        d = ref + timedelta(days=spec["off"])
        return typ, d.isoformat() + suffix, d
    if kind == "relunit":
        unit, off = spec["unit"], spec["off"]
        if anchor is None or anchor.year is None:
            return "DATE", {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Y": "XXXX", "Q": "XXXX-QX"}.get(unit, "XXXX"), None
        if unit == "Y":
            return "DATE", f"{anchor.year + off:04d}", None
        if unit in ("M", "Q") and anchor.month:
            if unit == "Q":
                q = (anchor.month - 1) // 3 + 1 + off
                y = anchor.year + (q - 1) // 4
                return "DATE", f"{y:04d}-Q{(q - 1) % 4 + 1}", None
            y, m = _add_months(anchor.year, anchor.month, off)
            return "DATE", f"{y:04d}-{m:02d}", None
        if unit in ("W", "WE") and adate:
            if unit == "WE" and off == 0 and not future and adate.isoweekday() < 6:
                off = -1  # 'am Wochenende' in a past clause on a weekday: the weekend just gone
            w = _iso_week(adate + timedelta(weeks=off))
            return "DATE", w + ("-WE" if unit == "WE" else ""), None
        return "DATE", anchor.iso(), None
    if kind == "shift":
        base = (last_day if spec.get("from_ref") else None) or adate
        if spec.get("n") is None:
            return "DATE", "PAST_REF" if spec["sign"] < 0 else "FUTURE_REF", None
        if base is None:
            if anchor and anchor.year and spec["unit"] == "Y":
                return "DATE", f"{anchor.year + int(spec['n']) * spec['sign']:04d}", None
            return "DATE", "PAST_REF" if spec["sign"] < 0 else "FUTURE_REF", None
        value, day = _shift_date(base, spec["n"], spec["unit"], spec["sign"], bool(spec.get("exact")))
        return "DATE", value, day
    if kind == "ref":
        return "DATE", spec["v"], None
    if kind == "dur":
        return "DURATION", spec.get("v") or duration_value(spec.get("n"), spec["unit"]), None
    if kind == "set":
        return "SET", spec["v"], None
    return "DATE", "XXXX", None


# ---------------------------------------------------------------- merging and anchoring
_DATEISH = ("date", "dow", "relday", "prev")
_GLUE = re.compile(r"^\s*,?\s*(?:(?:um|gegen|ab|den|dem|am|in\s+der|at|à)\s+)?$", re.I)


def _merge_pair(a: dict, b: dict) -> dict | None:
    """Spec of two adjacent pieces read as one expression, or None."""
    kinds = {a["kind"], b["kind"]}
    if kinds == {"time"}:  # 'abends' + 'um 8 Uhr' / 'heute Morgen' + 'um 7'
        clock, part = (a, b) if a.get("h") is not None else (b, a)
        if clock.get("h") is None or part.get("part") is None:
            return None
        merged = dict(clock, weak=False, off=part.get("off"))
        merged["h"] = merged["h"] + 12 if part["part"] in ("AF", "EV") and merged["h"] < 12 else merged["h"]
        return merged
    if kinds == {"set", "time"}:  # 'jeden Montag' + 'um 16 Uhr'
        st, tm = (a, b) if a["kind"] == "set" else (b, a)
        if tm.get("h") is None:
            return None
        clock = f"T{tm['h']:02d}:{tm['mi']:02d}"
        return {"kind": "set", "v": (st["v"] if st["v"].startswith("XXXX") else "") + clock}
    return None


# a part of a day before the day it belongs to: 'am Abend des 23.06.2011', 'in der Nacht zu Samstag, dem 24. November'
# (the night before that day: its evening lies on the day before), 'in der Nacht auf Montag'
_PART_OF = re.compile(r"^\s+(?:(?P<of>des|vom)|(?P<to>zu|zum|zur|auf))\s+$")


def _part_of_day(text: str, prev: Candidate, c: Candidate) -> dict | None:
    glue = _PART_OF.match(text[prev.end:c.start])
    part, day = prev.spec, c.spec
    if not glue or part["kind"] != "time" or part.get("part") is None or part.get("h") is not None \
            or day["kind"] not in ("date", "dow") or day["kind"] == "date" and day.get("d") is None:
        return None
    if glue.group("to") and part["part"] != "NI":
        return None
    merged = dict(day, part=part["part"])
    if glue.group("to"):  # 'die Nacht zu Samstag' begins on Friday evening
        if day["kind"] == "dow":
            merged["dow"] = (day["dow"] - 2) % 7 + 1
        elif day["d"] > 1:
            merged["d"] = day["d"] - 1
            merged.pop("dow", None)
        else:
            return None
    return merged


def merge_date_time(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'5. Oktober' + 'um 14 Uhr' -> one TIME; '8 Uhr' + 'heute Abend' likewise; weak pieces
    ('um 7' alone) survive only when merged; 'am Abend des 23.06.2011' is that evening."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and (part_of := _part_of_day(text, prev, c)) is not None:
            out[-1] = Candidate(prev.start, c.end, part_of, prev.rule + "+" + c.rule)
            continue
        if prev is not None and _GLUE.match(text[prev.end:c.start]):
            pair = _merge_pair(prev.spec, c.spec)
            if pair is not None:
                out[-1] = Candidate(prev.start, c.end, pair, prev.rule + "+" + c.rule)
                continue
            a, b = prev.spec, c.spec
            date_spec, time_spec = (a, b) if a["kind"] in _DATEISH and b["kind"] == "time" else \
                (b, a) if b["kind"] in _DATEISH and a["kind"] == "time" else (None, None)
            if date_spec is not None and not (date_spec["kind"] == "date" and date_spec.get("d") is None):
                merged = dict(date_spec)
                if time_spec.get("h") is not None:
                    merged.update(h=time_spec["h"], mi=time_spec["mi"], s=time_spec.get("s"), tz=time_spec.get("tz"))
                    if merged.get("part") in ("AF", "EV", "NI") and merged["h"] < 12:
                        merged["h"] += 12
                elif time_spec.get("part"):
                    merged["part"] = time_spec["part"]
                out[-1] = Candidate(prev.start, c.end, merged, prev.rule + "+" + c.rule)
                continue
        out.append(c)
    return [c for c in out if not c.spec.get("weak")]


def anchor_from_specs(specs: list[dict]) -> Anchor | None:
    """Infer a (lower-bound) anchor from stored specs (of one article or of a whole story)."""
    return _anchor_from_candidates([(Candidate(i["start"], i["end"], i["spec"], i.get("rule", "")), i["future"]) for i in specs])


def _anchor_from_candidates(cands: list[tuple[Candidate, bool]]) -> Anchor | None:
    """Infer a (lower-bound) anchor from the dates an undated text mentions; (candidate, future).
    Latest full date; else the latest day-month placed in the latest year mentioned; else the
    latest month-year or year. Future-tense mentions are no evidence of the past."""
    past = [c.spec for c, fut in cands if not fut]
    # bare years are as often historical or target years ('Finanzkrise 2008/09', 'seit 1954') as the
    # current one: only days and months with a year count
    years = [s["y"] for s in past if s["kind"] == "date" and s.get("m") and s.get("y")]
    top_year = max(years) if years else None
    # News name the year of a month only when it is not the current one ('seit August 2023' but
    # 'im Oktober'): when the latest year comes from month-year mentions alone and the text also
    # names months without a year, those months are in a later year than every year it names.
    bare = [s for s in past if s["kind"] == "date" and s.get("m") and not s.get("y")]
    if top_year and bare and all(s["kind"] == "date" and s.get("m") and not s.get("d")
                                 for s in past if s.get("y") == top_year):
        top_year += 1
    options: list[tuple[tuple[int, int, int, int], Anchor]] = []
    for s in past:
        if s["kind"] != "date" or not s.get("m"):
            continue
        y = s.get("y") or top_year
        if s.get("d") and y and _valid(y, s["m"], s["d"]):
            options.append(((y, s["m"], s["d"], 1), Anchor(y, s["m"], s["d"], "day", True, True)))
        elif not s.get("d") and s.get("y"):
            options.append(((y, s["m"], 1, 0), Anchor(y, s["m"], None, "month", True, True)))
    if options:
        return max(options, key=lambda o: o[0])[1]
    day_months = [(s["m"], s["d"]) for s in past if s["kind"] == "date" and s.get("m") and s.get("d")]
    if day_months:  # no year anywhere: 'am 31. Oktober' still orders the weekdays around it
        m, d = max(day_months)
        return Anchor(None, m, d, "day", True, True)
    return None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _days_in(y, m)


def candidates(doc: AnalysedArticle) -> list[Candidate]:
    """Resolved, merged candidate spans of one article."""
    text = lines_apart(doc.text)
    lang = (doc.article.language or "de")[:2].lower()
    cands = merge_date_time(text, resolve_overlaps(scan(text, lang if lang in ("de", "en", "fr") else "de")))
    # a number glued to letters or part of a web address is no date ('hundstorfer2016.at', 'Web2015')
    cands = [c for c in cands if not (c.start > 0 and text[c.start - 1].isalpha() and text[c.start].isdigit()
                                      or re.match(r"\.[a-z]{2,4}\b", text[c.end:c.end + 5]))]
    coordinate(text, cands)
    return cands


def timexes_for(doc: AnalysedArticle, specs: list[dict], anchor: Anchor | None) -> list[Timex]:
    """Timexes of `doc` from stored specs, resolved against `anchor` or, for anaphoric and
    narrative expressions, against the last date the text itself established (`timex_reference`)."""
    text = doc.text
    out: list[Timex] = []
    pub_year = anchor.year if anchor and anchor.stated else None
    narrative = is_narrative(specs, pub_year)
    # a history text that also speaks of days around its publication ('gestern', 'am Montag') is news:
    # its 'heute' is the publication day; in a history text without them, 'heute' is the present
    present_is_ref = narrative and not any(
        i["spec"]["kind"] == "dow" or i["spec"]["kind"] == "relday" and i["spec"].get("off") for i in specs)
    ref = Reference()
    prev: tuple[dict, str, float] | None = None  # last item, its value and confidence
    ref_conf = 1.0  # confidence of the value that set the text's reference last
    told: date | None = None  # the last calendar day the text stated ('am Mittwoch, den 25. Mai 2005')
    for n, item in enumerate(specs):
        spec = item["spec"]
        try:
            typ, value, from_text, conf = "", "", False, None
            if prev is not None and prev[1][:1].isdigit() and in_apposition(text, prev[0], item):
                # 'Gestern, Montag': the weekday names the day just named, whatever the anchor
                typ, value = "TIME" if _time_suffix(spec) else "DATE", prev[1][:10] + _time_suffix(spec)
                conf = prev[2] if date.fromisoformat(value[:10]).isoweekday() == spec["dow"] else APPOSITION_MISMATCH
            if not value and not coming(item, text, narrative, ref, pub_year) \
                    and follows_text(spec, ref, narrative, pub_year, text, item["start"]):
                got = resolve_from_text(spec, ref, _time_suffix(spec))
                if got:
                    (typ, value), from_text = got, True
            if not value and present_is_ref and spec["kind"] == "relday" and spec.get("off") == 0 and not spec.get("part"):
                typ, value = "DATE", "PRESENT_REF"  # 'heute' in a history text: the present, not 2011-02-16
            if not value and spec.get("within") and spec.get("n") and past_form_only(text[item["event"][0]:item["event"][1]]):
                # 'schaffte die Strecke in vier Tagen': a span measured from the reference, not a date
                typ, value = "DURATION", duration_value(spec["n"], spec["unit"])
            if not value:
                typ, value, _ = resolve(spec, anchor, item["future"], ref.day)
                value = corrected_value(spec, value, anchor, told if not item["future"] else None,
                                      text[item["event"][0]:item["event"][1]], ref.day)
            named = named_after(text, item, specs[n + 1] if n + 1 < len(specs) else None)
            if named:  # 'Am nächsten Morgen, es war der 29. August 2005, …': the day the apposition names
                value = named + value[10:] if value[:1].isdigit() else named
            if spec["kind"] == "prev" and spec.get("part") == "MO" and prev is not None and SMALL_HOURS.search(prev[1]) \
                    and value[:10] == (date.fromisoformat(prev[1][:10]) + timedelta(days=1)).isoformat():
                value = prev[1][:10] + value[10:]  # '… kurz nach Mitternacht erstochen. Am nächsten Morgen …': that morning
        except (ValueError, OverflowError, KeyError, TypeError):
            continue
        if not value:
            continue
        if conf is None:
            conf = NAME_YEAR if item.get("name") else confidence(spec, value, anchor.kind if anchor else None, from_text)
            if from_text:  # 'am Tag zuvor' is no surer than the date it counts from
                conf = min(conf, ref_conf)
            if spec["kind"] in ("prev", "shift") and spec.get("from_ref", spec["kind"] == "prev") and (
                    not from_text or "XX" in value):
                # 'zehn Jahre später', 'Am nächsten Tag' count from a time the text told, not from the publication
                # date; a day counted from a year alone ('1895-XX-XX') dates nothing
                conf = min(conf, NAME_YEAR)
        prev = (item, value, conf)
        if spec["kind"] == "date" and spec.get("d") and spec.get("m") and re.match(r"\d{4}-\d\d-\d\d", value):
            try:
                told = date.fromisoformat(value[:10])
            except ValueError:  # ('31. Februar')
                pass
        # in a narrative text, dates resolved against the publication date establish nothing
        if typ in ("DATE", "TIME") and (not narrative or from_text or _explicit(spec)) and not item.get("period") \
                and not item.get("name") and not (spec["kind"] == "time" and spec.get("h") is None and spec.get("part")):
            # ('Jerzy Montag', 'Welt am Sonntag' and a part of a day alone, 'in der Nacht', name no day the text moves to)
            before = (ref.year, ref.month, ref.day)
            ref.update(value, spec, item["start"], text)
            if (ref.year, ref.month, ref.day) != before:
                ref_conf = conf
        es, ee = item["event"]
        out.append(Timex(
            article_id=doc.id, start=item["start"], end=item["end"], text=text[item["start"]:item["end"]], type=typ,
            value=value, anchored=bool(anchor) and not anchor.inferred or explicit(spec) or from_text and conf >= FROM_TEXT,
            event=text[es:ee], event_start=es, event_end=ee, confidence=round(conf, 2),
        ))
    return out


def _explicit(spec: dict) -> bool:
    return spec["kind"] in ("date", "year", "season", "quarter", "decade") and spec.get("y") is not None


def normalise(doc: AnalysedArticle, specs: list[dict], anchor: Anchor | None) -> None:
    """(Re)build doc.timexes from stored specs against `anchor`."""
    doc.timexes = timexes_for(doc, specs, anchor)
    doc.extras["timex_anchor"] = anchor.iso() if anchor else None
    doc.extras["timex_anchor_inferred"] = bool(anchor and anchor.inferred)
    doc.extras["timex_anchor_kind"] = anchor.kind if anchor else None
    doc.extras["timex_mods"] = {f"{item['start']}:{item['end']}": item["spec"].get("mod") for item in specs if item["spec"].get("mod")}


_SHORT_SECOND = re.compile(r"-\d\d(?!\d|[.,:]\d)")  # the second year of '2007-08' (a season, not two years)


def find_timexes(doc: AnalysedArticle) -> None:
    """Add `Timex`es to doc.timexes (normalised against the article date, or an inferred one)."""
    text = doc.text
    specs = []
    pairs = []
    names = name_years(text, doc.mentions)
    for c in candidates(doc):
        es, ee = event_span(text, doc.sentences, c.start, c.end)
        future = ahead(text, es, ee, c.start, c.spec["kind"])
        specs.append({"start": c.start, "end": c.end, "spec": c.spec, "rule": c.rule, "future": future, "event": (es, ee)})
        first = c.rule.endswith("first")
        if c.spec["kind"] == "year" and ((c.start, c.end) in names or c.rule.startswith("year_range") and (
                "/" in (text[c.end:c.end + 2] if first else text[max(0, c.start - 2):c.start])
                or _SHORT_SECOND.match(text, c.end if first else c.start - 1))):
            specs[-1]["name"] = True  # 'Global 2000', 'Windows 2000': maybe a name; 'Saison 2014/15', 'Bundesliga
            # 2007-08': a season label
        elif c.spec["kind"] == "year" and period_year(text, c.start, c.end):
            specs[-1]["period"] = True  # 'im Vergleich zu 1961 bis 1990': no reference for the text's later dates
        elif names_no_date(text, c.spec, (es, ee), c.start, c.end) or c.spec["kind"] == "dow" and any(
                m.label == "PER" and m.start <= c.start and c.end <= m.end for m in doc.mentions):  # 'Jerzy Montag'
            specs[-1]["name"] = True  # 'Ausgabe 7/2019', 'jedes Jahr am Samstag vor dem zweiten Advent
        pairs.append((c, future))
    text_anchor = own_anchor(text, specs, pairs)
    anchor = Anchor.parse(doc.article.published, source="published") or text_anchor
    doc.extras["timex_specs"] = specs
    # the text's own (lower-bound) anchor, also for dated articles: the timeline may use it
    doc.extras["timex_text_anchor"] = text_anchor.iso() if text_anchor else None
    doc.extras["timex_text_anchor_kind"] = text_anchor.kind if text_anchor else None
    normalise(doc, specs, anchor)


def own_anchor(text: str, specs: list[dict], pairs: list[tuple[Candidate, bool]]) -> Anchor | None:
    """An undated article's anchor from its own text: the date it is signed with, a date in
    apposition to 'heute', else a weak lower bound from the days and months it names."""
    for source, day in (("signature", signature_day(text, specs)), ("deictic", deictic_day(text, specs))):
        if day is not None:
            return Anchor(day.year, day.month, day.day, "day", inferred=True, source=source)
    weak = _anchor_from_candidates(pairs)
    if weak is not None:
        weak.source = "weak"
    return weak


def reanchor(doc: AnalysedArticle, anchor: Anchor) -> None:
    """Re-normalise an article's timexes against another (inferred) anchor."""
    specs = doc.extras.get("timex_specs")
    if specs is None:
        find_timexes(doc)
        specs = doc.extras["timex_specs"]
    normalise(doc, specs, anchor)
