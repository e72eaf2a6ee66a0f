"""TIMEX3 values as people read them: '2026-03-17TEV' -> '17 March 2026, evening', 'XXXX-WXX-1' -> 'Monday',
'P2W' -> '2 weeks', 'PRESENT_REF' -> 'now'. Used by the web UI and the static reports; the raw value stays
available (tooltips, JSON)."""
from __future__ import annotations

import re

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute", "S": "second",
         "DE": "decade", "CE": "century", "Q": "quarter"}


def readable_time(value: str | None, type_: str | None = None) -> str:
    """A readable English rendering of a TIMEX3 value; the value itself when it is not understood."""
    if not value:
        return ""
    v = str(value).strip()
    if v in REFS:
        return REFS[v]
    if v.startswith("P"):
        return _duration(v, every=type_ == "SET") or v
    date, _, time = v.partition("T")
    day = _date(date) if date else ""
    if day is None:
        return v
    clock = _time(time) if time else ""
    if clock is None:
        return v
    if type_ == "SET" and date.startswith("XXXX-WXX-"):
        day = day + "s"  # 'Mondays'
    return ", ".join(x for x in (day, clock) if x) or v


def _date(d: str) -> str | None:
    if m := re.fullmatch(r"(\d{4}|XXXX)-(\d{2})-(\d{2})", d):
        if not 1 <= int(m[2]) <= 12:
            return None
        year = "" if m[1] == "XXXX" else f" {m[1]}"
        return f"{int(m[3])} {MONTHS[int(m[2]) - 1]}{year}"
    if m := re.fullmatch(r"(\d{4}|XXXX)-(\d{2})", d):
        if not 1 <= int(m[2]) <= 12:
            return None
        return MONTHS[int(m[2]) - 1] + ("" if m[1] == "XXXX" else f" {m[1]}")
    if m := re.fullmatch(r"(\d{4}|XXXX)-W(\d{2}|XX)(?:-(\d|WE))?", d):
        week = "" if m[2] == "XX" else f"week {int(m[2])}" + ("" if m[1] == "XXXX" else f" of {m[1]}")
        if m[3] == "WE":
            return "weekend" + (f" of {week}" if week else "")
        if m[3]:
            return DAYS[int(m[3]) - 1] + (f" ({week})" if week else "") if 1 <= int(m[3]) <= 7 else None
        return week or None
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", d):
        return f"Q{m[2]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-H([12])", d):
        return f"{'first' if m[2] == '1' else 'second'} half of {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", d):
        return f"{SEASONS[m[2]]} {m[1]}"
    if re.fullmatch(r"\d{4}", d):
        return d
    if re.fullmatch(r"\d{3}", d):
        return f"the {d}0s"
    if re.fullmatch(r"\d{2}", d):
        return f"the {d}00s"
    return None


def _time(t: str) -> str | None:
    if t in PARTS:
        return PARTS[t]
    if m := re.fullmatch(r"(\d{2})(?::(\d{2}))?(?::(\d{2}))?", t):
        return f"{m[1]}:{m[2] or '00'}" + (f":{m[3]}" if m[3] else "")
    return None


def _duration(v: str, every: bool = False) -> str | None:
    parts = re.findall(r"(\d+(?:\.\d+)?|X)(Y|M|W|D|H|S|DE|CE|Q)", v.replace("T", " ", 1).split(" ")[0])
    time_parts = re.findall(r"(\d+(?:\.\d+)?|X)(H|M|S)", v.split("T", 1)[1]) if "T" in v else []
    words = []
    for n, unit in parts:
        words.append(_amount(n, UNITS[unit], every))
    for n, unit in time_parts:
        words.append(_amount(n, UNITS["MIN" if unit == "M" else unit], every))
    return " ".join(words) or None


def _amount(n: str, unit: str, every: bool) -> str:
    if n == "X":
        return f"every {unit}" if every else f"{unit}s"
    number = n[:-2] if n.endswith(".0") else n
    if every:
        return f"every {unit}" if number == "1" else f"every {number} {unit}s"
    return f"{number} {unit}" + ("" if number == "1" else "s")
