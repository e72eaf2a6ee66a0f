"""Time expressions that history passages need (German): eras, centuries, year ranges,
coordinated months, parts of a named day, and the anaphoric words of narrative text.

Registered into `timex_rules.RULES` on import. Values follow TIMEX3 as used by WikiWarsDE:
'490 v. Chr.' -> BC0490, '20. Jahrhundert' -> 19, '4. Jh. v. Chr.' -> BC03,
'1939/1940' -> 1939 and 1940, 'Morgen des 22. Juni 1941' -> 1941-06-22TMO.
"""
from __future__ import annotations

import re

from .timex_rules import DAY_RE, MODS, MONTH_RE, REL_RE, WEEKDAY_RE, WEEKDAYS_DE, YEAR_RE, month_of, rel_offset, rule, year_of

_BC = r"\s*v\.\s*Chr\.?"
_BC_NEED = r"v\.\s*Chr"  # what every match of a rule ending in _BC contains (a pre-check, see timex_rules.rule)


@rule("de", "bc_year", r"(?<![\w.,])(?P<x>(?:(?:das\s+)?Jahr(?:e|es)?\s+)?(?P<y>\d{1,4})(?:\s*/\s*(?P<y2>\d{1,4}))?" + _BC + r")", need=_BC_NEED)
def _bc_year(m):
    if m.group("y2"):
        return None  # '478/477 v. Chr.': the two years are two expressions (rules below)
    return {"kind": "era", "v": f"BC{int(m.group('y')):04d}"}


@rule("de", "bc_year_pair", r"(?<![\w.,])(?P<x>(?:(?:das\s+)?Jahr(?:e|es)?\s+)?(?P<y>\d{1,4}))\s*/\s*(?P<y2>\d{1,4})" + _BC, need=_BC_NEED)
def _bc_year_first(m):
    return {"kind": "era", "v": f"BC{int(m.group('y')):04d}"}


@rule("de", "bc_year_second", r"(?<![\w.,])\d{1,4}\s*/\s*(?P<x>(?P<y>\d{1,4})" + _BC + r")", need=_BC_NEED)
def _bc_year_second(m):
    return {"kind": "era", "v": f"BC{int(m.group('y')):04d}"}


@rule("de", "century", r"\b(?P<x>(?:(?P<mod>Anfang|Beginn|Mitte|Ende)\s+(?:des\s+)?)?(?P<n>[1-9]|1\d|2[01])\.\s*"
      r"(?:Jahrhunderts?|Jh\.)(?P<bc>" + _BC + r")?)", need=r"Jahrhundert|Jh\.")
def _century(m):
    n = int(m.group("n")) - 1
    return {"kind": "era", "v": ("BC" if m.group("bc") else "") + f"{n:02d}", "mod": MODS.get((m.group("mod") or "").lower())}


# '1939/1940', '1926–28', '1934/35': two years, both expressions
def _second_year(y1: int, part: str) -> int | None:
    y2 = int(part) if len(part) == 4 else y1 // 100 * 100 + int(part)
    return y2 if 0 < y2 - y1 <= 12 else None


@rule("de", "year_range_first", r"(?<![\w.,/-])(?P<x>(?P<y>" + YEAR_RE + r"))(?=\s*[/–-]\s*(?P<y2>" + YEAR_RE + r"|\d\d)(?![\w/-]|[.,]\d))")
def _year_range_first(m):
    if _second_year(int(m.group("y")), m.group("y2")) is None:
        return None
    return {"kind": "year", "y": int(m.group("y")), "mod": None}


@rule("de", "year_range_second", r"(?<![\w.,/-])(?P<y>" + YEAR_RE + r")\s*[/–-]\s*(?P<x>" + YEAR_RE + r"|\d\d)(?![\w/-]|[.,]\d)")
def _year_range_second(m):
    y2 = _second_year(int(m.group("y")), m.group("x"))
    return None if y2 is None else {"kind": "year", "y": y2, "mod": None}


@rule("de", "heading_year", r"(?m)^[ \t]*(?P<x>(?P<y>" + YEAR_RE + r"))[ \t]*$")
def _heading_year(m):
    return {"kind": "year", "y": int(m.group("y")), "mod": None}  # a section heading that is only a year


@rule("de", "month_pair", r"\b(?P<x>(?P<m>" + MONTH_RE + r"))(?=\s*(?:/|–|-|und|oder|bis)\s*(?P<m2>" + MONTH_RE + r")\s*(?P<y>" + YEAR_RE + r")\b)")
def _month_pair(m):
    mo = month_of(m.group("m"))
    if not mo or m.group("m")[0].islower():
        return None
    return {"kind": "date", "y": int(m.group("y")), "m": mo, "d": None}


_SEASON = {"sommer": "SU", "herbst": "FA", "winter": "WI", "frühling": "SP", "frühjahr": "SP"}
_PARTS = {"morgen": "MO", "morgenstunden": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF", "abend": "EV",
          "abendstunden": "EV", "nacht": "NI"}


@rule("de", "part_of_date", r"\b(?P<x>(?:(?P<adj>frühen|späten)\s+)?(?P<p>Morgenstunden|Abendstunden|Morgen|Vormittag|Mittag|"
      r"Nachmittag|Abend|Nacht)\s+des\s+(?P<d>" + DAY_RE + r")\.\s*(?P<m>" + MONTH_RE + r")(?:\s+(?P<y>" + YEAR_RE + r"))?)(?!\d)",
      need=r"des\s+(?:" + DAY_RE + r")\.")
def _part_of_date(m):
    mo = month_of(m.group("m"))
    if not mo:
        return None
    mod = {"frühen": "START", "späten": "END"}.get((m.group("adj") or "").lower())
    return {"kind": "date", "y": year_of(m.group("y")) if m.group("y") else None, "m": mo, "d": int(m.group("d")),
            "part": _PARTS[m.group("p").lower()], "mod": mod}


@rule("de", "year_word", r"\b(?:(?:im|zum|zu|bis\s+zum|seit\s+dem|am)\s+)?(?P<x>(?P<w>Vorjahr|Folgejahr|Jahresende|Jahresbeginn|"
      r"Jahresanfang|Jahresmitte)(?:es|s)?)\b", need="Vorjahr|Folgejahr|Jahresende|Jahresbeginn|Jahresanfang|Jahresmitte")
def _year_word(m):
    w = m.group("w").lower()
    off = {"vorjahr": -1, "folgejahr": 1}.get(w, 0)
    mod = {"jahresende": "END", "jahresbeginn": "START", "jahresanfang": "START", "jahresmitte": "MID"}.get(w)
    return {"kind": "relunit", "unit": "Y", "off": off, "mod": mod}


@rule("de", "same_day", r"\b(?P<x>(?:an\s+diesem|im\s+Laufe\s+des|im\s+Lauf\s+des)\s+Tag(?:es)?)\b")
def _same_day(m):
    return {"kind": "prev", "off": 0, "part": None}  # parts of the day ('an diesem Morgen') are the daypart rule's


@rule("de", "same_month", r"\b(?:im\s+)?(?P<x>(?:selben|gleichen)\s+(?P<u>Monat|Jahr))\b", need="selben|gleichen")
def _same_month(m):
    return {"kind": "relunit", "unit": "M" if m.group("u").lower() == "monat" else "Y", "off": 0, "same": True}


@rule("de", "vague_ref", r"\b(?P<x>(?:kurz|wenig|kurze\s+Zeit|wenige\s+(?:Tage|Wochen|Monate|Jahre))\s+(?P<d>später|darauf|danach|zuvor|vorher)"
      r"|in\s+der\s+Folgezeit)\b")
def _vague_ref(m):
    d = (m.group("d") or "später").lower()
    return {"kind": "ref", "v": "PAST_REF" if d in ("zuvor", "vorher") else "FUTURE_REF"}


@rule("de", "season_part", r"\b(?P<x>(?P<mod>Früh|Spät)(?P<s>sommer|herbst|winter|frühling)s?(?:\s+(?P<y>" + YEAR_RE + r"))?)\b(?![-\w])")
def _season_part(m):
    """'im Spätsommer', 'des Frühsommers 1919': a season with START/END."""
    return {"kind": "season", "y": int(m.group("y")) if m.group("y") else None, "s": _SEASON[m.group("s").lower()],
            "off": None, "mod": "START" if m.group("mod") == "Früh" else "END"}


@rule("de", "month_of_year", r"\b(?P<x>(?:(?P<m>" + MONTH_RE + r")|(?P<s>Frühjahr|Frühling|Sommer|Herbst|Winter)s?)\s+des\s+Jahres\s+(?P<y>" + YEAR_RE + r"))\b",
      need=r"des\s+Jahres")
def _month_of_year(m):
    """'im April des Jahres 1918', 'im Herbst des Jahres 1972'."""
    y = int(m.group("y"))
    if m.group("s"):
        return {"kind": "season", "y": y, "s": _SEASON[m.group("s").lower()], "off": None, "mod": None}
    mo = month_of(m.group("m"))
    return {"kind": "date", "y": y, "m": mo, "d": None} if mo else None


@rule("de", "night_of", r"\b(?P<x>Nacht\s+vom\s+(?P<d>" + DAY_RE + r")\.(?:\s*(?P<m1>" + MONTH_RE + r"))?)\s*(?:auf|zum)\s+(?:den\s+)?"
      r"(?P<d2>" + DAY_RE + r")\.\s*(?P<m>" + MONTH_RE + r")(?:\s+(?P<y>" + YEAR_RE + r"))?")
def _night_of(m):
    """'in der Nacht vom 16. auf den 17. April 1945' -> the night of the 16th (1945-04-16TNI)."""
    mo = month_of(m.group("m1") or m.group("m"))
    if not mo:
        return None
    return {"kind": "date", "y": int(m.group("y")) if m.group("y") else None, "m": mo, "d": int(m.group("d")), "part": "NI"}


@rule("de", "weekday_of_week", r"\b(?P<x>(?P<wd>" + WEEKDAY_RE + r")\s+(?:(?:der|dieser)\s+)?(?P<rel>" + REL_RE + r")\s+Woche)\b", need="Woche")
def _weekday_of_week(m):
    """'am Mittwoch vergangener Woche' (a Thursday article of 2012-10-18 -> 2012-10-10)."""
    off = rel_offset(m.group("rel"))
    if off is None:
        return None
    return {"kind": "dow", "dow": WEEKDAYS_DE[m.group("wd").lower()], "week_off": off, "off": None}


def coordinate(text: str, cands: list) -> None:
    """'am 8. und 9. Mai', 'zwischen dem 15. und 21. Mai', 'Juni und Juli 1944': the first date takes
    the month and year the second names (in place)."""
    for a, b in reversed(list(zip(cands, cands[1:]))):
        sa, sb = a.spec, b.spec
        if sa.get("kind") != "date" or sb.get("kind") != "date" or sa.get("y") is not None:
            continue
        if not re.fullmatch(r"\s*(?:,|/|–|-|und|oder|bis|bis\s+(?:zum|zur)|und\s+(?:dem|den)|auf\s+den|zum)\s*", text[a.end:b.start]):
            continue
        if sa.get("m") is None and sa.get("d") is not None and sb.get("m") is not None and sb.get("d") is not None:
            a.spec = dict(sa, m=sb["m"], y=sb.get("y"))
        elif sa.get("m") is not None and sa.get("d") is None and sb.get("d") is None and sb.get("y") is not None:
            a.spec = dict(sa, y=sb["y"])
        elif sa.get("m") is not None and sa.get("d") is not None and sb.get("d") is not None and sb.get("y") is not None:
            a.spec = dict(sa, y=sb["y"])
