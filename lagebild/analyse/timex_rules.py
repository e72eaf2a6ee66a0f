"""Lexicon and patterns for time expressions (German first, English/French basics).

`scan(text, lang)` returns candidate spans with a *spec*: a small dict that says what the expression
means before it is anchored (`{"kind": "date", "y": None, "m": 6, "d": None}` for "Juni"). `timex.py`
turns specs into TIMEX3 values against the article date; an undated article is re-anchored later.

Spans follow TIMEX3 practice: prepositions ("am", "im", "seit") stay outside, words that change
the meaning ("vor zwei Wochen", "nächste Woche", "Ende Oktober") stay inside.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .timex_words import (MONTH_NAMES_DE, MONTHS_DE, NUMBERS_DE, ORDINALS_DE, PARTS_DE, UNITS_DE, VAGUE_DE, WEEKDAYS_DE,  # noqa: F401
                          number_de, ordinal_de)


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_NUMW = (r"(?:\d+(?:,\d+)?|(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?"
         r"(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|"
         + _alt(k for k in NUMBERS_DE if k not in ("halb",)) + ")")
_ORDW = (r"(?:(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?(?:zwanzig|dreißig)sten|"
         r"(?:ers|zwei|drit|vier|fünf|sechs|sieb|sieben|ach|neun|zehn|elf|zwölf|dreizehn|vierzehn|"
         r"fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn)te[nmr]?)")
_MONTH_FULL = _alt(sorted(MONTH_NAMES_DE))
_MONTH_ABBR = _alt(k for k in MONTHS_DE if k not in MONTH_NAMES_DE)
# ('Mais' is maize, not May's genitive; 'Sep 2015' is September without its period)
MONTH_RE = rf"(?:(?!Mais\b)(?:{_MONTH_FULL})s?\b(?!-)|(?:{_MONTH_ABBR})(?:\.|(?=\s+(?:1[6-9]|20)\d\d\b)))"
WEEKDAY_RE = _alt(WEEKDAYS_DE)
PART_RE = r"(?:frühmorgen|vormittag|nachmittag|vorabend|morgen|mittag|abend|nacht|früh)"
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
HIST_YEAR_RE = r"(?:1\d\d\d|20\d\d)"  # after a month name any four digits from 1000 are its year ('Mai 1291')
DAY_RE = r"(?:0?[1-9]|[12]\d|3[01])"
REL_RE = (r"(?:übernächste[nmrs]?|vorletzte[nmrs]?|nächste[nmrs]?|kommende[nmrs]?|letzte[nmrs]?|"
          r"vergangene[nmrs]?|vorige[nmrs]?|diese[nmrs]?|laufende[nmrs]?|folgende[nmrs]?|"
          r"darauffolgende[nmrs]?|gleiche[nmrs]?|selbe[nmrs]?|heurige[nmrs]?)")
MOD_RE = r"(?:Anfang|Mitte|Ende|Beginn|Ausgang|Start)"
SEASONS_DE = {"frühjahr": "SP", "frühling": "SP", "sommer": "SU", "herbst": "FA", "winter": "WI"}
MODS = {"anfang": "START", "beginn": "START", "start": "START", "mitte": "MID", "ende": "END",
        "ausgang": "END"}


def rel_offset(word: str | None) -> int | None:
    """'nächste' -> 1, 'letzten' -> -1, 'diese' -> 0 (None when absent)."""
    if not word:
        return None
    w = word.lower()
    for stem, off in (("übernächst", 2), ("vorletzt", -2), ("nächst", 1), ("kommend", 1),
                      ("folgend", 1), ("darauffolgend", 1), ("letzt", -1), ("vergangen", -1),
                      ("vorig", -1), ("dies", 0), ("heurig", 0), ("laufend", 0), ("gleich", 0), ("selb", 0)):
        if w.startswith(stem):
            return off
    return None


def month_of(word: str) -> int:
    """'Oktober' / 'Okt.' / 'Oktobers' -> 10 (0 when unknown)."""
    w = word.lower().rstrip(".")
    return MONTHS_DE.get(w) or MONTHS_DE.get(w[:-1], 0) if w.endswith("s") else MONTHS_DE.get(w, 0)


def unit_of(word: str) -> str | None:
    w = word.lower()
    for stem in sorted(UNITS_DE, key=len, reverse=True):
        if w.startswith(stem):
            return UNITS_DE[stem]
    return None


def year_of(text: str) -> int:
    """'2024' -> 2024, "'99" / '99' -> 1999, '07' -> 2007 (two digits: 20xx up to 30)."""
    t = text.strip("'’ ")
    y = int(t)
    if len(t) == 2:
        y += 2000 if y <= 30 else 1900
    return y


@dataclass
class Candidate:
    start: int
    end: int
    spec: dict
    rule: str
    priority: int = 0  # breaks ties between overlapping candidates of equal length


@dataclass
class Rule:
    name: str
    regex: re.Pattern
    build: callable  # (match) -> spec dict | None (None rejects the match)
    priority: int = 0
    need: re.Pattern | None = None  # a part every match contains: no hit of it, no match (checked first)


RULES: dict[str, list[Rule]] = {}


def rule(lang: str, name: str, pattern: str, flags: int = re.IGNORECASE, priority: int = 0, need: str | None = None):
    """Register `build(match) -> spec` for `pattern` in language `lang`. `need`: a pattern (same flags)
    for a part that every match contains, e.g. its one required rare word: a text without it is not
    scanned with the whole pattern (issue 18: the rules' scans were the largest non-NER cost per article)."""
    def deco(fn):
        RULES.setdefault(lang, []).append(Rule(name, re.compile(pattern, flags), fn, priority,
                                               re.compile(need, flags) if need else None))
        return fn
    return deco


def scan(text: str, lang: str = "de") -> list[Candidate]:
    """All candidates of every rule of `lang` (overlaps not yet resolved)."""
    from .timex_scan import TextScan, plan

    out: list[Candidate] = []
    scanner = TextScan(text)
    for r in RULES.get(lang, []) + RULES.get("*", []):
        if r.need is not None and plan(r.regex) is None and not r.need.search(text):
            continue  # (a planned rule's trigger scan does what `need` does)
        for m in scanner.finditer(r.regex):
            if m.end() <= m.start():
                continue
            try:
                spec = r.build(m)
            except (KeyError, ValueError, TypeError, IndexError):  # one odd match must not sink the article
                spec = None
            if spec is None:
                continue
            s, e = m.span("x") if "x" in r.regex.groupindex and m.group("x") else m.span()
            out.append(Candidate(s, e, spec, r.name, r.priority))
    return out


def resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidate where spans overlap (then the higher priority, the earlier)."""
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    if any(c.end <= c.start for c in cands):  # empty spans break the disjoint-interval search below
        chosen: list[Candidate] = []
        for c in ranked:
            if all(c.end <= k.start or c.start >= k.end for k in chosen):
                chosen.append(c)
        return sorted(chosen, key=lambda c: c.start)
    # the chosen spans are disjoint, so sorted by start they are sorted by end too: only the chosen
    # span starting last before c.end can overlap c (bisection, not a scan of all chosen; issue 18)
    starts: list[int] = []
    kept: list[Candidate] = []
    for c in ranked:
        i = bisect.bisect_left(starts, c.end)
        if i and kept[i - 1].end > c.start:
            continue
        starts.insert(i, c.start)
        kept.insert(i, c)
    return sorted(kept, key=lambda c: c.start)


# ---------------------------------------------------------------- German rules
_B = r"(?<![\w.,-])"  # left word boundary that also refuses '1.500' / '3,2023' / 'A-2024'
_E = r"(?![\w-])"
_PARTSUFFIX = (r"(?:\s*,?\s*(?P<pt>morgens|vormittags|mittags|nachmittags|abends|nachts|früh|in\s+der\s+Nacht|"
               r"am\s+(?:Morgen|Vormittag|Nachmittag|Abend)|(?:Mitteleuropäischer\s+)?(?:Orts|Sommer)?zeit|"
               r"MES?Z|UTC|GMT))?")
_TIMEWORD = {"morgens": "MO", "vormittags": "MO", "früh": "MO", "mittags": "MI", "nachmittags": "AF",
             "abends": "EV", "nachts": "NI"}


def part_of(word: str | None) -> str | None:
    """'Abend' / 'abends' / 'am Abend' / 'in der Nacht' -> TIMEX3 part-of-day code."""
    if not word:
        return None
    w = word.lower().split()[-1]
    if w in _TIMEWORD:
        return _TIMEWORD[w]
    for stem in sorted(PARTS_DE, key=len, reverse=True):
        if w.startswith(stem):
            return PARTS_DE[stem]
    return None


def _hour_with_part(h: int, pt: str | None) -> int:
    """12-hour readings: '8 Uhr abends' -> 20, '3 Uhr nachmittags' -> 15, '8 Uhr nachts' -> 20."""
    p = part_of(pt) if pt else None
    if p in ("EV", "NI") and h == 12:
        return 0
    if p in ("AF", "EV") and h < 12:
        return h + 12
    if p == "NI" and 6 <= h < 12:
        return h + 12
    return h


def _zone(pt: str | None) -> str | None:
    """'mitteleuropäischer Zeit' / 'MEZ' -> '+01', 'MESZ' / 'Sommerzeit' -> '+02', 'UTC' / 'GMT' -> 'Z'."""
    p = (pt or "").lower()
    if "mesz" in p or "sommerzeit" in p:
        return "+02"
    if p == "mez" or "mitteleurop" in p:
        return "+01"
    if p in ("utc", "gmt"):
        return "Z"
    return None


def _time_spec(h: int, mi: int = 0, s: int | None = None, pt: str | None = None) -> dict | None:
    h = _hour_with_part(h, pt)
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return None
    spec = {"kind": "time", "h": h % 24, "mi": mi, "s": s}
    if _zone(pt):
        spec["tz"] = _zone(pt)
    return spec


@rule("de", "clock", _B + r"(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?)?\s*Uhr"
      r"(?:\s*(?P<mi2>[0-5]?\d)(?![\d.:,]))?" + _PARTSUFFIX)
def _clock(m):
    mi = m.group("mi") or m.group("mi2") or 0
    return _time_spec(int(m.group("h")), int(mi), int(m.group("s")) if m.group("s") else None, m.group("pt"))


@rule("de", "clock_colon", _B + r"(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?|h(?P<mi2>[0-5]\d))"
      r"(?![\d:]|[.,]\d)" + _PARTSUFFIX)
def _clock_colon(m):
    if re.search(r"\d:\d{1,2}\s*\($", m.string[max(0, m.start() - 10):m.start()]) and m.string[m.end():m.end() + 1] == ")":
        return None  # '31:23 (18:11)': a half-time score after the final one, no time of day
    if m.group("s") and (re.search(r"(?:\(|\b(?:in|mit|von|Zeit))\s*$", m.string[max(0, m.start() - 6):m.start()])
                         or re.match(r"\s*(?:\)|Minuten|Stunden|min\b|h\b)", m.string[m.end():m.end() + 9])):
        return None  # 'Maria Riesch (1:15:40)', 'mit 1:15:32': a race time, not the time of day ('um 8:00:31')
    if re.match(r"\s*(?:Minuten|Min\.|min\b|Sekunden|Sek\.|Stunden|Std\.)", m.string[m.end():m.end() + 10]):
        return None  # 'einen Rückstand von 1:01 Minuten': a span, no time of day (survey 37)
    return _time_spec(int(m.group("h")), int(m.group("mi") or m.group("mi2")),
                      int(m.group("s")) if m.group("s") else None, m.group("pt"))


_HOURW = r"(?:[01]?\d|2[0-4]|ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)"


@rule("de", "clock_words", r"\b(?:(?P<h>ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s+Uhr\b"
      r"(?:\s+(?P<mi>" + _NUMW + r"))?|(?P<q>halb|viertel|dreiviertel)\s+(?P<qh>" + _HOURW + r")\b(?!\s*(?:Uhr|[.:,]\d))"
      r"|(?P<q2>viertel|(?P<n>" + _NUMW + r")\s+Min(?:uten|\.)?)\s+(?P<dir>nach|vor)\s+(?P<qh2>" + _HOURW + r")\b"
      r"(?:\s+Uhr)?)" + _PARTSUFFIX, need=r"Uhr|halb|viertel|Min(?:uten|\.)?\s+(?:nach|vor)")
def _clock_words(m):
    if m.group("h"):
        mi = number_de(m.group("mi")) if m.group("mi") else 0
        return _time_spec(int(number_de(m.group("h"))), int(mi or 0), None, m.group("pt"))
    if m.group("q"):
        h = int(number_de(m.group("qh")))
        mi = {"halb": 30, "viertel": 15, "dreiviertel": 45}[m.group("q").lower()]
        return _time_spec(h - 1 if h > 0 else 23, mi, None, m.group("pt"))
    h = int(number_de(m.group("qh2")))
    n = 15 if m.group("q2").lower() == "viertel" else int(number_de(m.group("n")) or 0)
    if m.group("dir").lower() == "vor":
        return _time_spec(h - 1 if h > 0 else 23, 60 - n, None, m.group("pt"))
    return _time_spec(h, n, None, m.group("pt"))


@rule("de", "midnight", r"\b(?:um\s+)?(?P<x>Mitternacht)\b")
def _midnight(m):
    # ('am Samstag kurz vor Mitternacht', 'bis Mitternacht': the end of that day, T24:00; survey 37)
    end = re.search(r"\b(?:vor|bis)\s+$", m.string[max(0, m.start("x") - 5):m.start("x")]) is not None
    return {"kind": "time", "h": 24 if end else 0, "mi": 0, "s": None}


@rule("de", "daypart", r"\b(?:(?:[Aa]m|[Gg]egen|[Ii]n\s+der|[Zz]ur)\s+)?(?P<x>(?:(?P<rel>[Dd]iese[nmrs]?|[Ll]etzte[nmrs]?|[Gg]estrige[nmrs]?|[Hh]eutige[nmrs]?)\s+)?"
      r"(?P<p>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)|(?P<adv>[Mm]orgens|[Vv]ormittags|[Nn]achmittags|[Aa]bends|[Nn]achts))\b(?!\s*Uhr)",
      flags=0)
def _daypart(m):
    pre = m.string[max(0, m.start() - 6):m.start()].lower()
    if m.group("p") and not m.group("rel") and not re.search(r"(am|gegen|in der|zur)\s*$", m.group(0).lower()[:-len(m.group("p"))]):
        return None  # a bare noun 'Morgen' / 'Nacht' is too ambiguous
    if m.group("p") == "Morgen" and "guten" in pre:
        return None
    word = m.group("p") or m.group("adv")
    off = None
    if m.group("rel"):
        r = m.group("rel").lower()
        off = -1 if r.startswith(("letzt", "gestrig")) else 0
    return {"kind": "time", "part": part_of(word), "off": off}


_VERSION_NEAR = re.compile(r"(?:[Vv]ersion\w*|Release|Update|Firmware|Build)\b[^.!?\n]{0,40}$")
_VERSION = re.compile(r"(?:[Vv]ersion(?:en)?|Release|Build|Firmware|\d+\.\d+\.\d+\s+bis)\s+$|[Vv]ersion(?:en)?\s+\S+\s+bis\s+$")


@rule("de", "date_dmy", _B + r"(?:(?P<wd>" + WEEKDAY_RE + r")(?P<wpt>" + PART_RE + r")?\s*,?\s*(?:(?:den|dem)\s+)?)?"
      r"(?P<d>" + DAY_RE + r")\.\s?(?P<mo>0?[1-9]|1[0-2])\.(?:\s?(?P<y>" + YEAR_RE + r")|(?P<y2>\d\d))?(?!\d|[.,:]\d)")
def _date_dmy(m):
    y = m.group("y") or m.group("y2")
    if m.group("y2") and _VERSION.search(m.string, max(0, m.start() - 40), m.start()) or not y and \
            _VERSION_NEAR.search(m.string, max(0, m.start() - 60), m.start()):
        return None  # 'FortiOS-Versionen 4.3.0 bis 4.3.16', 'Versionswechsel auf NetworkManager 1.8.': a version number
    return {"kind": "date", "y": year_of(y) if y else None, "m": int(m.group("mo")),
            "d": int(m.group("d")), **({"part": part_of(m.group("wpt"))} if m.group("wpt") else {})}


@rule("de", "date_dm_nodot", r"\b(?:am|vom|zum|bis|ab|den|dem)\s+(?P<x>(?P<d>" + DAY_RE + r")\.(?P<mo>0?[1-9]|1[0-2]))(?![\d.,:])")
def _date_dm_nodot(m):
    return {"kind": "date", "y": None, "m": int(m.group("mo")), "d": int(m.group("d"))}


@rule("de", "date_numeric", _B + r"(?:(?P<y1>" + YEAR_RE + r")(?P<sep1>[-/.])(?P<m1>0?[1-9]|1[0-2])(?P=sep1)(?P<d1>" + DAY_RE + r")"
      r"|(?P<d2>" + DAY_RE + r")(?P<sep2>[/-])(?P<m2>0?[1-9]|1[0-2])(?:(?P=sep2)(?P<y2>" + YEAR_RE + r"|\d\d))?)(?![\d/-]|[.,]\d)")
def _date_numeric(m):
    if m.group("y1"):
        return {"kind": "date", "y": int(m.group("y1")), "m": int(m.group("m1")), "d": int(m.group("d1"))}
    if not m.group("y2") and (m.group("sep2") == "-" or not re.search(
            r"\b(?:am|vom|bis|zum|ab|den|dem|seit)\s+$", m.string[max(0, m.start() - 8):m.start()], re.I)):
        return None  # '3-4' / '5/2' without a date preposition are scores, table cells, ranges
    return {"kind": "date", "y": year_of(m.group("y2")) if m.group("y2") else None, "m": int(m.group("m2")),
            "d": int(m.group("d2"))}


@rule("de", "date_month_numeric", _B + r"(?:(?P<y1>" + YEAR_RE + r")\s*[-/]\s*(?P<m1>0?[1-9]|1[0-2])|(?P<m2>0?[1-9]|1[0-2])"
      r"(?:\.|\s*[-/]\s*)(?P<y2>" + YEAR_RE + r"))(?![\d/-]|[.,]\d)")
def _date_month_numeric(m):
    if m.group("y1") and len(m.group("m1")) == 2 and int(m.group("m1")) == (int(m.group("y1")) + 1) % 100:
        return None  # '2008/09', '2011/12': two years (a season, a crisis), not September 2008
    if m.group("y1"):
        return {"kind": "date", "y": int(m.group("y1")), "m": int(m.group("m1")), "d": None}
    if re.search(r"(?:\b(?!(?:Stand|Ausgabe|Heft|Ende|Anfang|Mitte|Beginn|Seit|Nach|Datum)\b)[A-ZÄÖÜ][\w-]{2,}[a-zäöüß]|\bNr\.)\s$",
                 m.string[max(0, m.start() - 30):m.start()]):
        return None  # 'Tilgungsanleihe 6/2015', 'Nr. 4/2015': a series or file number after a noun (not 'Stand 4/2015')
    return {"kind": "date", "y": int(m.group("y2")), "m": int(m.group("m2")), "d": None}


@rule("de", "date_dm", _B + r"(?:(?P<wd>" + WEEKDAY_RE + r")(?P<wpt>" + PART_RE + r")?\s*,?\s*(?:(?:den|dem)\s+)?)?"
      r"(?:(?P<d>" + DAY_RE + r")\.?\s*|(?P<dw>" + _ORDW + r")\s+)(?P<m>" + MONTH_RE + r")"
      r"(?:\s*,?\s*(?P<y>" + HIST_YEAR_RE + r"|'\d\d)(?!\d|[.,]\d)|\s+(?P<yrel>dieses|des\s+laufenden|letzten|vergangenen"
      r"|vorigen|kommenden|nächsten)\s+Jahres\b)?")
def _date_dm(m):
    d = int(m.group("d")) if m.group("d") else ordinal_de(m.group("dw"))
    if not d or d > 31 or not month_of(m.group("m")):
        return None
    if m.group("d") and m.string[m.end("d"):m.end("d") + 1] not in (".", " ", "\u00a0"):
        return None  # '5Oktober' is no date; '5. Oktober' / '5 Oktober' are
    # ('am Montagmorgen, dem 18. Juni': that morning)
    rel = (m.group("yrel") or "").lower()  # ('am 19. Juni dieses Jahres', 'am 3. Mai letzten Jahres')
    off = {"": None, "letzten": -1, "vergangenen": -1, "vorigen": -1, "kommenden": 1, "nächsten": 1}.get(rel, 0)
    return {"kind": "date", "y": year_of(m.group("y")) if m.group("y") else None, "m": month_of(m.group("m")), "d": d,
            **({"part": part_of(m.group("wpt"))} if m.group("wpt") else {}), **({"off": off} if off is not None else {})}


@rule("de", "day_only", r"\b(?:am|vom|bis\s+zum|zum|den|dem)\s+(?P<x>(?P<d>" + DAY_RE + r")\.)(?!\d|\s*(?:" + MONTH_RE + r"|(?-i:[A-ZÄÖÜ])|[-–]\s*\d)"
      r"|\s+(?!(?:des|dies|jed|kommend|vergangen|letzt|nächst|laufend|selb)\w*\s)[a-zäöüß]{2,}(?:e|en|er|es|em)\s+(?-i:[A-ZÄÖÜ]))")
# (not an ordinal before an adjective and its noun: 'den 15. deutschen Bundestag')
def _day_only(m):
    return {"kind": "date", "y": None, "m": None, "d": int(m.group("d"))}


@rule("de", "month", r"(?P<pre>\b(?:im|seit|bis|ab|vom|zum|des|den|dem|von|nach|vor|Monat|zwischen|und|oder|in)\s+)?"
      r"(?P<x>(?:(?P<mod>" + MOD_RE + r")\s+(?:(?:des|dieses)\s+)?)?(?:(?P<rel>" + REL_RE + r")\s+)?"
      r"(?P<m>" + MONTH_RE + r")(?:\s*,?\s*(?P<y>" + HIST_YEAR_RE + r"|'?\d\d)(?!\d|[.,]\d))?)",
      need=rf"{_MONTH_FULL}|{_MONTH_ABBR}")  # a flat alternation: found fast, where MONTH_RE is tried at every position
def _month(m):
    mo = month_of(m.group("m"))
    word = m.group("m").lower().rstrip(".")
    y = m.group("y")
    if y and len(y.strip("'")) == 2 and not y.startswith("'") and m.group("pre") is None:
        y = None if not re.match(r"\s", m.string[m.end("m"):m.end("m") + 1]) else y
    if m.group("m")[0].islower():
        return None  # month names are capitalised in German; 'mai' in running text is not one
    if word in ("august", "mai", "jan", "jun", "jul") and not (m.group("pre") or m.group("mod") or m.group("rel") or y):
        return None  # 'August' is also a first name; 'Mai' a surname
    if y and len(y.strip("'")) == 2 and re.match(r"\s*[^\W\d_]", m.string[m.end():m.end() + 3]) and not y.startswith("'"):
        y = None  # 'Anfang Jänner 50 Hiebe': a count, not 1950
    spec = {"kind": "date", "y": year_of(y) if y else None, "m": mo, "d": None,
            "mod": MODS.get((m.group("mod") or "").lower()), "off": rel_offset(m.group("rel")), "nearest": True}
    if y and len(y.strip("'")) == 2 and not m.group(0).rstrip().endswith(y):
        spec["y"] = None
    return spec


def _bare_year_ok(m, pre_group: str | None) -> bool:
    after = m.string[m.end():m.end() + 30]
    if re.match(r"\d{1,2}\.$", m.string[max(0, m.start() - 3):m.start()]) or re.match(r":\d\d", after):
        return False  # 'macbacchi16.10.1908:53': a forum stamp (16.10.19 08:53), not the year 1908
    if re.match(r"\s*(?:[.,/]\d|%|°|-\d|\s?[-–]\s?\d{1,2}\b(?!\.))", after):
        return False
    if re.match(r"\s*(?:km|m|cm|mm|kg|t|ha|qm|Mio|Mrd|Euro|Dollar|€|\$)\b", after):
        return False  # 'eine Frontlänge von 1600 km': a measure
    weak = (pre_group or "").strip().lower() in ("in", "um", "von", "und", "zwischen", "nach", "vor")
    if weak and re.match(r"\s+[A-ZÄÖÜ][a-zäöüß]+(?:n|e|er|en)\b", after) and \
            not re.match(r"\s+(?:Der|Die|Das|Den|Dem|Im|In|Am|Als|Nach|Seit|Bis|Und|Auch|Chr)\b", after):
        return False  # 'in 2000 Dörfer', 'von 1500 Soldaten': a count
    if pre_group:
        return True
    # '2000 Soldaten' is a number; '2023 wurde' / '2023.' / 'Olympia 2024' are years
    if re.match(r"\s+[A-ZÄÖÜ][a-zäöüß]", after) and not re.match(r"\s+(?:Der|Die|Das|Im|In|Am|Als|Nach|Seit|Bis|Und|Auch)\b", after):
        return False
    before = m.string[max(0, m.start() - 25):m.start()]
    if re.search(r"(?:Nr\.|Nummer|Artikel|Paragraf|§|Tel\.|Zimmer|PLZ|Seite|[Rr]esolution|\d|(?<!\d)\d{1,2}/|"
                 r"\b(?:[Mm]ehr|[Ww]eniger|[Rr]und|[Kk]napp|[Ff]ast|[Ee]twa)\s+(?:als\s+)?)\s*$", before):
        return False  # (the year of a '6/2015' the month rule did not take is none either)
    n = re.search(r"(\w+)\W*$", before)
    if n and number_de(n.group(1)) is not None and not n.group(1)[0].isdigit():
        return False
    return True


@rule("de", "year", r"(?P<pre>\b(?:im\s+Jahr(?:e|es)?|Jahr(?:e|es)?|seit|bis|ab|von|vor|nach|in|um|zwischen|und|bereits|schon|erst|"
      r"Frühjahr|Frühling|Sommer|Herbst|Winter|Jahreswechsel)\s+)?(?P<x>(?:(?P<mod>" + MOD_RE + r")\s+"
      r"(?:(?:des\s+)?Jahres\s+)?)?(?:(?:das|des)\s+)?(?:(?P<jahr>Jahr(?:e|es)?)\s+)?(?P<y>" + YEAR_RE + r"))(?![\w.,]\d|\w)")
def _year(m):
    if not _bare_year_ok(m, m.group("pre") or m.group("mod") or m.group("jahr")):
        return None
    return {"kind": "year", "y": int(m.group("y")), "mod": MODS.get((m.group("mod") or "").lower())}


_POSSESSIVE = re.compile(r"\b(?:sein|ihr|mein|dein|unser|euer)e[nm]?\s+(?:[a-zäöüß]+\s+)?$")


@rule("de", "decade", _B + r"(?P<y>(?:1[6-9]|20)\d0|[2-9]0)-?er(?:n\b|(?:\s*-?\s*Jahre[n]?)?\b)")  # ('in den 1970-ern')
def _decade(m):
    y = m.group("y")
    if len(y) == 2 and m.group(0).endswith(("er", "ern")) and _POSSESSIVE.search(m.string, max(0, m.start() - 30), m.start()):
        return None  # 'feierte seinen rüstigen 70er': a birthday, not the 1970s
    return {"kind": "decade", "v": (y[:3] if len(y) == 4 else "19" + y[0])}


@rule("de", "season", r"\b(?:im\s+|des\s+|diese[nms]\s+)?(?P<x>(?:(?P<mod>" + MOD_RE + r")\s+(?:des\s+)?)?(?:(?P<rel>" + REL_RE + r")\s+)?"
      r"(?P<s>Frühjahr|Frühling|Sommer|Herbst|Winter)s?(?:\s+(?:(?P<y>" + YEAR_RE + r")|(?P<rely>(?:des\s+)?(?:" + REL_RE + r")\s+Jahres)))?)\b(?![-\w])",
      need=r"Frühjahr|Frühling|Sommer|Herbst|Winter")
def _season(m):
    lead = m.group(0)[:m.start("x") - m.start()].strip().lower()
    if not (m.group("y") or m.group("rel") or m.group("mod") or m.group("rely") or lead):
        return None  # a bare 'Sommer' / 'Winter' (also a surname) needs 'im', a year or a modifier
    off = rel_offset(m.group("rel")) if m.group("rel") else 0 if lead.startswith("dies") else None
    if m.group("rely"):
        off = rel_offset(m.group("rely").split()[-2])
    return {"kind": "season", "y": int(m.group("y")) if m.group("y") else None, "s": SEASONS_DE[m.group("s").lower()],
            "off": off, "mod": MODS.get((m.group("mod") or "").lower())}


@rule("de", "quarter", r"\b(?:im\s+)?(?P<x>(?P<n>erste[nms]?|zweite[nms]?|dritte[nms]?|vierte[nms]?|letzte[nms]?|[1-4]\.)\s+(?P<u>Quartal|Vierteljahr|Halbjahr)(?:es|s)?"
      r"(?:\s+(?:(?P<y>" + YEAR_RE + r")|(?:des\s+)?(?P<rel>" + REL_RE + r"\s+Jahres)))?|Q(?P<q>[1-4])\s*/?\s*(?P<y2>" + YEAR_RE + r"))\b",
      need=r"Quartal|Vierteljahr|Halbjahr|Q[1-4]")
def _quarter(m):
    if m.group("q"):
        return {"kind": "quarter", "y": int(m.group("y2")), "q": f"Q{m.group('q')}"}
    nw = m.group("n").lower()
    n = next((v for k, v in (("erst", 1), ("zweit", 2), ("dritt", 3), ("viert", 4), ("letzt", 4)) if nw.startswith(k)), None) \
        or int(nw[0])
    half = m.group("u").lower().startswith("halb")
    if half and n > 2:
        return None
    off = rel_offset(m.group("rel").split()[0]) if m.group("rel") else None
    return {"kind": "quarter", "y": int(m.group("y")) if m.group("y") else None, "q": f"{'H' if half else 'Q'}{2 if half and nw.startswith('letzt') else n}", "off": off}


@rule("de", "night_between", r"\b(?P<x>Nacht\s+(?:von|vom)\s+(?P<wd>" + WEEKDAY_RE + r")\s+(?:auf|zum|zu)\s+(?:den\s+)?(?:"
      + WEEKDAY_RE + r"))\b", need="Nacht")
def _night_between(m):
    # 'in der Nacht von Samstag auf Sonntag': Saturday's night, as 'in der Nacht zu Sonntag' (survey 39)
    return {"kind": "dow", "dow": WEEKDAYS_DE[m.group("wd").lower()], "off": None, "part": "NI"}


@rule("de", "weekday", _B + r"(?P<x>(?:(?P<rel>" + REL_RE + r")\s+)?(?P<wd>" + WEEKDAY_RE + r")(?P<pt>" + PART_RE + r")?"
      r"(?:\s*(?P<pt2>(?:früh|Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht))(?!\s*(?:Uhr|\d)))?)(?!\w)"
      r"(?:\s+(?P<later>in\s+(?P<n>" + _NUMW + r")\s+Wochen))?")
def _weekday(m):
    if re.search(r"\b[Aa]n\s+einem\s+$", m.string[max(0, m.start() - 9):m.start()]) and not m.group("rel"):
        return None  # 'an einem Sonnabend im Mai': some Saturday, no date (survey 38)
    return {"kind": "dow", "dow": WEEKDAYS_DE[m.group("wd").lower()], "off": rel_offset(m.group("rel")),
            "part": part_of(m.group("pt") or m.group("pt2"))}


@rule("de", "weekday_week", r"\b(?P<x>(?P<rel>" + REL_RE + r")\s+Woche\s+(?:am\s+)?(?P<wd>" + WEEKDAY_RE + r"))\b",
      need="Woche")
def _weekday_week(m):
    return {"kind": "dow", "dow": WEEKDAYS_DE[m.group("wd").lower()], "week_off": rel_offset(m.group("rel")), "off": None}


@rule("de", "relday", r"\b(?P<w>heute|gestern|vorgestern|morgen|übermorgen|Heute|Gestern|Vorgestern|Übermorgen)"
      r"(?:\s*(?P<pt>früh|Früh|Morgen|morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)(?!\s*Uhr)\b)?", flags=0)
def _relday(m):
    w = m.group("w").lower()
    if w == "heute" and not m.group("pt") and re.match(r"\s+vor\s+(?:genau\s+|fast\s+|knapp\s+)?\w+\s+(?:Jahr|Monat|Woche)",
                                                     m.string[m.end():m.end() + 40]):
        return None  # 'Heute vor genau einem Jahr': the day a year ago (the shift rule), not today
    if w == "heute" and re.match(r"\s+(?:\d+[- ]?[Jj]ährige|[a-zäöüß]+ende[nrms]?\s+[A-ZÄÖÜ])", m.string[m.end():m.end() + 30]):
        return None  # 'der heute 65-jährige', 'heute lebender Asiaten': an age, a present state, no day (surveys 40-41)
    if m.group("w") == "morgen" and m.string[max(0, m.start() - 6):m.start()].lower().strip() in ("am", "guten", "den", "jeden"):
        return None
    if re.search(r"[A-ZÄÖÜ]\w+\s+von\s+$", m.string[max(0, m.start() - 30):m.start()]) and \
            not re.match(r"\s+(?:an|bis|ab)\b", m.string[m.end():m.end() + 5]):
        return None  # 'die Stadt von morgen', 'Politik von gestern': no date
    around = m.string[max(0, m.start() - 12):m.end() + 12].lower()
    if re.search(r"heute\s+(?:auf|als|oder)\s+morgen", around):
        return None  # 'von heute auf morgen', 'lieber heute als morgen': idioms
    off = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}[w]
    return {"kind": "relday", "off": off, "part": part_of(m.group("pt"))}


@rule("de", "morgen_cap", r"(?:^|(?<=[.!?]\s))(?P<x>Morgen)(?=\s+(?:wird|werden|soll|sollen|will|kommt|geht|findet|beginnt|ist)|\s*,\s*(?i:am\s+)?(?i:" + WEEKDAY_RE + r")\b)", flags=re.M)
def _morgen_cap(m):
    return {"kind": "relday", "off": 1, "part": None}


@rule("de", "prevday", r"\b(?P<x>(?:am|einen)\s+Tag\s+(?:zuvor|davor|vorher|danach|darauf|später)|am\s+(?:Vortag|Folgetag|Vorabend|"
      r"selben\s+Tag|gleichen\s+Tag|nächsten\s+Tag|folgenden\s+Tag|darauffolgenden\s+Tag)|tags\s+(?:zuvor|darauf|davor)|"
      r"am\s+(?:nächsten|folgenden|darauffolgenden)\s+(?P<pt>Morgen|Vormittag|Mittag|Nachmittag|Abend)|"
      r"zwei\s+Tage\s+(?:zuvor|später|danach|davor))\b")
def _prevday(m):
    t = m.group("x").lower()
    off = -1
    if any(w in t for w in ("danach", "darauf", "später", "folge", "nächsten", "folgenden")):
        off = 1
    if "selben" in t or "gleichen" in t:
        off = 0
    if t.startswith("zwei"):
        off *= 2
    # ('am nächsten Morgen': the morning of the day after the one the text told of)
    return {"kind": "prev", "off": off, "part": "EV" if "vorabend" in t else part_of(m.group("pt"))}


_UNIT_RE = (r"(?P<u>Jahrzehnte?n?|Jahrhunderte?n?|Jahre?n?|Jahres|Monate?n?|Monats|Wochen?|Tage?n?|Tages|Stunden?|"
            r"Minuten?|Sekunden?|Quartale?n?|Min\.|min|Std\.|Sek\.|sek|h|st)")


@rule("de", "shift", r"\b(?P<x>(?P<dir>vor|in|nach)\s+(?:(?:genau|knapp|rund|etwa|fast|mehr\s+als|über|gut)\s+)?"
      r"(?P<n>" + _NUMW + r"|einem|einer|" + VAGUE_DE + r")\s+" + _UNIT_RE + r")\b(?!\s+(?:lang|später|zuvor|vorher))")
def _shift(m):
    unit = unit_of(m.group("u"))
    if unit in (None, "WE", "HY") or m.group("dir").lower() == "in" and m.group("u")[:3].lower() in ("sek", "min", "stu", "std"):
        return None  # ('in 10 Sekunden', 'in fünf Minuten': a moment from now in a quote, no day of a timeline; 'legte die
        # Etappe in fünf Stunden zurück': a span, survey 39)
    n = number_de(m.group("n"))
    if m.group("dir").lower() == "nach":
        # 'nach zwei Tagen' may be the day two days later in a narrative (not 'nach mehr als drei Tagen')
        after = n is not None and n >= 2 and not re.search(r"mehr\s+als|über", m.group("x"))
        return {"kind": "dur", "n": n, "unit": unit, "after": after}
    exact = m.group("dir").lower() == "vor" and re.search(r"\b[Hh]eute\s+$", m.string[max(0, m.start() - 7):m.start()])
    return {"kind": "shift", "n": n, "unit": unit, "sign": -1 if m.group("dir").lower() == "vor" else 1,
            "within": m.group("dir").lower() == "in", **({"exact": True} if exact else {})}  # ('Heute vor einem Jahr': that day)


@rule("de", "shift_after", r"\b(?P<x>(?P<n>" + _NUMW + r"|einen|eine)\s+" + _UNIT_RE + r"\s+(?P<dir>später|danach|darauf|zuvor|vorher|davor|früher))\b",
      need=r"später|danach|darauf|zuvor|vorher|davor|früher")
def _shift_after(m):
    unit = unit_of(m.group("u"))
    n = number_de(m.group("n"))
    if unit is None or n is None or re.search(r"\b(?:in|während|aus|von|mit)\s+den\s+$", m.string[max(0, m.start() - 14):m.start()], re.I):
        return None  # 'in den sechs Jahren davor': a stretch of time, not a point
    return {"kind": "shift", "n": n, "unit": unit, "sign": 1 if m.group("dir").lower() in ("später", "danach", "darauf") else -1,
            "from_ref": True}


@rule("de", "relunit", r"\b(?P<x>(?:(?P<mod>" + MOD_RE + r")\s+(?:(?P<def1>de[rs]|dieses|diese[rn])\s+)?)?(?:(?P<rel>" + REL_RE + r")\s+|(?P<def>de[rs]|dieses|diese[rn]|am)\s+)?"
      r"(?P<u>Wochenende[sn]?|Woche|Monats?|Jahr(?:es|s)?|Quartals?|Werktags?)(?!\w))(?:\s+(?P<year>" + YEAR_RE + r"))?")
def _relunit(m):
    u = m.group("u").lower()
    unit = "WE" if u.startswith("wochenende") else "D" if u.startswith("werktag") else unit_of(u)
    off = rel_offset(m.group("rel"))
    d = (m.group("def") or m.group("def1") or "").lower()
    if m.group("year"):
        return None
    if off is None:
        if not (m.group("mod") and d in ("der", "des", "dieses", "diese", "dieser", "diesen")) and not (d == "am" and unit == "WE"):
            return None
        if d == "am" and unit == "WE":
            pre = m.string[max(0, m.start() - 15):m.start()].lower()
            if "jede" in pre:
                return None
        off = 0
    if unit == "D":
        return {"kind": "relunit", "unit": "W", "off": off}
    # 'dieses Jahr', 'diese Woche': the writer's now ('in diesem Jahr', 'Ende dieses Jahres' may be the story's)
    deictic = ((m.group("rel") or "").lower(), u) in (("dieses", "jahr"), ("dieses", "quartal"), ("diesen", "monat"),
                                                      ("diese", "woche")) and not m.group("mod") \
        and not re.search(r"\b(?:in|an|seit|bis|ab|für|von)\s+$", m.string[max(0, m.start() - 6):m.start()], re.I)
    # 'im vergangenen Jahr', 'nächste Woche': the writer's now in news, even after a history paragraph (survey 30:
    # 'auf dem Niveau des Geschäftsjahres 2003 … Im vergangenen Jahr' had been 2002); a narrative keeps its own
    news = re.match(r"(?:vergangen|letzt|vorig|nächst|kommend)", (m.group("rel") or "").lower()) is not None
    return {"kind": "relunit", "unit": unit, "off": off, "mod": MODS.get((m.group("mod") or "").lower()),
            **({"deictic": True} if deictic else {}), **({"news_deictic": True} if news else {})}


@rule("de", "ref", r"\b(?P<x>jetzt|derzeit|zurzeit|zur\s+Zeit|gegenwärtig|momentan|heutzutage|aktuell(?=\s+(?:\w+\s+)?(?:[a-zäöü]+(?:t|en)\b))|"
      r"künftig|zukünftig|in\s+Zukunft|demnächst|bald|in\s+Kürze|so\s+früh\s+wie\s+möglich|so\s+bald\s+wie\s+möglich|"
      r"(?:in\s+)?(?:den|die)\s+(?:kommenden|nächsten|vergangenen|letzten|zurückliegenden)\s+(?:Tage[n]?|Wochen|Monate[n]?|Jahre[n]?|Jahrzehnte[n]?|Stunden)|"
      r"bislang|bisher|früher|einst|damals|kürzlich|jüngst|neulich|unlängst|vorerst)\b")
def _ref(m):
    t = m.group("x").lower()
    if t in ("früher", "einst", "damals", "bislang", "bisher", "vorerst") :
        return None  # too often not a date reference (comparatives, discourse use)
    if any(w in t for w in ("vergangenen", "letzten", "zurückliegenden", "kürzlich", "jüngst", "neulich", "unlängst")):
        return {"kind": "ref", "v": "PAST_REF"}
    if any(w in t for w in ("kommenden", "nächsten", "künftig", "zukunft", "demnächst", "bald", "kürze", "möglich")):
        return {"kind": "ref", "v": "FUTURE_REF"}
    return {"kind": "ref", "v": "PRESENT_REF"}


# English and French rules live in timex_rules_intl.py, rules for history texts (eras, centuries,
# year ranges, anaphoric words) in timex_rules_history.py; importing them registers them.
from . import timex_rules_duration, timex_rules_history, timex_rules_intl  # noqa: E402,F401
from .timex_rules_duration import duration_value  # noqa: E402,F401  (used by timex.py)
