"""Anchors of undated articles and the confidence of every resolved time expression (issue 17).

An undated article (10kGNAD, plain text files) has no publication date. What may stand in for it,
strongest first:

- `signature`: the date the article is signed with, "(Maria Muster, 26.4.2016)" or a dateline
  "Wien, 26. April 2016 –" / a line that is only a date: the article's own stated date;
- `deictic`: a full date in apposition to 'heute'/'gestern'/'morgen' ("heute, Dienstag, 26. April
  2016"): the day the text is written is that date minus the offset;
- `story`: the publication date of the story's dated articles (set by `link/timeline.py`);
- `weak`: the latest day or month the text names with a year (a lower bound of the date, resolved
  forward). Bare years never serve: they are as often historical or target years ("Finanzkrise
  2008/09", "gegründet 1954", "bis 2030") as the current one.

Every resolved expression gets a `confidence` (0..1) from how its value was fixed (`confidence`).
Rows below `SHOW_THRESHOLD` are kept in the JSON but listed apart as uncertain in every view.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .timex_tense import _PAST, is_future

# chosen on tests/data/timeline_undated_cases.jsonl and the time_dev dev slice (see tests/test_timeline_confidence.py):
# everything fixed by the text itself or by a stated date is shown; guesses from other articles or
# from the dates an undated text mentions are not
SHOW_THRESHOLD = 0.6

# confidence by how the value was fixed
EXPLICIT = 0.95  # the expression names its year ('12. Januar 2016', 'im Mai 2015', '2015')
FROM_TEXT = 0.8  # against the last date the text itself established ('zwei Tage später', 'im selben Monat')
ANCHOR_CONFIDENCE = {
    "published": 0.9,  # relative to the publication date
    "signature": 0.85,  # relative to the date the article is signed with
    "deictic": 0.8,  # relative to 'heute, 26. April 2016'
    "story": 0.45,  # relative to the publication date of other articles of the story
    "weak": 0.3,  # relative to the latest date an undated text mentions
    None: 0.2,  # no anchor: the value keeps unknown parts
}
UNKNOWN_PART = 0.25  # a value with an unknown year ('XXXX-12-24'): not wrong, but no point on a timeline
APPOSITION_MISMATCH = 0.3  # 'gestern, Montag' where the anchor says gestern was a Sunday
NAME_YEAR = 0.5  # a year at the end of a name ('Global 2000', 'Windows 2000'; also 'Expo 2015', where it is right)

_EXPLICIT_KINDS = ("date", "year", "season", "quarter")


def explicit(spec: dict) -> bool:
    """The expression names its own year (or decade/century): no anchor is needed."""
    return spec["kind"] in _EXPLICIT_KINDS and spec.get("y") is not None or spec["kind"] in ("decade", "era")


def confidence(spec: dict, value: str, anchor_kind: str | None, from_text: bool) -> float:
    """How sure the value is, from how it was fixed (see the module docstring)."""
    if value.startswith("X") or "_REF" in value or not value[:1].isdigit() and not value.startswith("T"):
        return UNKNOWN_PART
    if explicit(spec):
        return EXPLICIT
    if from_text:
        return FROM_TEXT
    return ANCHOR_CONFIDENCE.get(anchor_kind, ANCHOR_CONFIDENCE[None])


# ---------------------------------------------------------------- strong anchors of undated articles
def _full_day(spec: dict) -> date | None:
    if spec["kind"] != "date" or not (spec.get("y") and spec.get("m") and spec.get("d")):
        return None
    try:
        return date(spec["y"], spec["m"], spec["d"])
    except ValueError:
        return None


# '(Maria Muster, 26.4.2016)', '(APA, red, 26.4.2016)': a short parenthesis that ends with the date
# and its paragraph
_SIGNED_BEFORE = re.compile(r"\((?:[^()\n]{0,60}[,;/]\s*)?$")
_SIGNED_AFTER = re.compile(r"^\s*\)[ \t]*(?:\n|$)")
# a dateline 'Wien, 26. April 2016 –' or a line that is nothing but the date (and maybe a time)
_LINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[A-ZÄÖÜ][\w.\- ]{0,30},\s*)?(?:(?:Stand|Datum|Veröffentlicht(?:\s+am)?)\s*:?\s*)?$")
_LINE_AFTER = re.compile(r"^[ \t]*(?:,?[ \t]*(?:um\s+)?\d{1,2}[:.]\d\d(?:[ \t]*Uhr)?)?[ \t]*(?:[-–—|]|\n|$)")


def signature_day(text: str, items: list[dict]) -> date | None:
    """The date an article states as its own: the latest signature '(Name, 26.4.2016)' (updates sign
    again), else the one dateline 'Wien, 26. April 2016 –' (several date lines are a chronology)."""
    signed, lines = [], set()
    for item in items:
        d = _full_day(item["spec"])
        if d is None:
            continue
        before, after = text[max(0, item["start"] - 80):item["start"]], text[item["end"]:item["end"] + 20]
        if _SIGNED_BEFORE.search(before) and _SIGNED_AFTER.match(after):
            signed.append(d)
        elif _LINE_BEFORE.search(before) and _LINE_AFTER.match(after):
            lines.add(d)
    if signed:
        return max(signed)
    return lines.pop() if len(lines) == 1 else None


_APPOSITION = re.compile(r"^\s*,?\s*(?:(?:am|den|dem|der)\s+)?$", re.I)
_WEEKDAY_GLUE = re.compile(r"^\s*,?\s*(?:(?:am|den|dem)\s+)?(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)?"
                           r"\s*,?\s*(?:(?:am|den|dem|der)\s+)?$", re.I)


def deictic_day(text: str, items: list[dict]) -> date | None:
    """The writing day from 'heute, Dienstag, 26. April 2016' / 'gestern, am 25. April 2016'."""
    for a, b in zip(items, items[1:]):
        if a["spec"]["kind"] != "relday" or a["spec"].get("part") or a.get("future"):
            continue
        d = _full_day(b["spec"])
        if d is not None and _WEEKDAY_GLUE.match(text[a["end"]:b["start"]]):
            return d - timedelta(days=a["spec"]["off"])
    return None


def in_apposition(text: str, first: dict, second: dict) -> bool:
    """'Gestern, Montag' / 'heute Dienstag': a weekday that names the day just named."""
    return (first["spec"]["kind"] == "relday" and second["spec"]["kind"] == "dow" and second["spec"].get("off") is None
            and second["spec"].get("week_off") is None and bool(_APPOSITION.match(text[first["end"]:second["start"]])))


def name_years(text: str, mentions: list) -> set[tuple[int, int]]:
    """Spans of four-digit numbers that end an entity name ('Umweltschutzorganisation Global 2000'),
    and every other place where the same 'Word 2000' stands (NER finds a name once, not always); also
    a year whose bracketed short form carries it ('Movement 2025 (DiEM25)')."""
    found: set[str] = set()
    for m in mentions:
        if m.label in ("ORG", "MISC", "PER") and (hit := re.search(r"([A-ZÄÖÜ][\w-]*)\s+(\d{4})$", m.text)):
            found.add(f"{hit[1]} {hit[2]}")
        elif m.label in ("ORG", "MISC") and (hit := re.match(r" (\d{4})(?![\d.,:/-])", text[m.end:m.end + 6])) \
                and (last := re.search(r"([A-ZÄÖÜ][\w-]*)$", m.text)):
            found.add(f"{last[1]} {hit[1]}")  # the model cut the year off the name: '[Umweltschutzorganisation Global] 2000'
    spans: set[tuple[int, int]] = set()
    for hit in re.finditer(r"(?<![\w.-])(\d\d(\d\d))\s+\([A-Za-zÄÖÜäöü-]+(\d\d)\)", text):
        if hit[2] == hit[3]:  # 'Democracy in Europe Movement 2025 (DiEM25)': its short form keeps the year
            spans.add((hit.start(1), hit.end(1)))
    for name in found:
        for hit in re.finditer(r"(?<![\w-])" + re.escape(name).replace(r"\ ", r"\s+") + r"(?!\w)", text):
            spans.add((hit.end() - 4, hit.end()))
    for hit in _PLAN_YEAR.finditer(text):  # 'Spielplatzentwicklungskonzept 2025', 'Agenda 2030': a plan's name
        spans.add((hit.start(1), hit.end(1)))
    for hit in re.finditer(r"(?<![\w.-])((?:19|20)\d\d) [A-Z]{1,2}\d{1,3}\b", text):
        spans.add((hit.start(1), hit.end(1)))  # '2003 EL61': a minor planet's designation
    for hit in _SEASON.finditer(text):  # 'in der Saison 2004/2005': a season label, neither year alone
        spans.update({(hit.start(1), hit.end(1)), (hit.start(2), hit.end(2))})
    return spans


_PLAN_YEAR = re.compile(r"(?<![\w-])(?:[A-ZÄÖÜ][\w-]*)?(?:[Kk]onzept|[Ss]zenario|[Pp]lan|[Ss]trategie|[Aa]genda|[Pp]rogramm|[Vv]ision|[Pp]rojekt)\s+"
                        r"(\d{4})(?![\d,:/-]|\.\d)")
_SEASON = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)/((?:19|20)\d\d)(?![\d.,/-])")


_HABITUAL = re.compile(r"\b(?:jedes\s+Jahr|jährlich|alljährlich|traditionell|traditionsgemäß|in\s+der\s+Regel"
                       r"|üblicherweise|gewöhnlich|normalerweise|meistens|stets|jeweils|every\s+year|each\s+year"
                       r"|annually|traditionally|usually)\b", re.I)
_ISSUE_BEFORE = re.compile(r"\b(?:Ausgabe|Heft|Nr\.|Nummer|Band|Jahrgang)\s*$")


def names_no_date(text: str, spec: dict, clause: tuple[int, int], start: int, end: int) -> bool:
    """An issue's number ('in seiner aktuellen Ausgabe 7/2019'), a newspaper's name ('Welt am Sonntag', „der
    Freitag“), a habit ('jedes Jahr am Samstag vor dem zweiten Advent', 'traditionell im Frühjahr', 'im Oktober
    eines jeden Jahres') or a season in a general statement ('Das funktioniert sogar im Winter'): the
    expression dates no one event."""
    if _ISSUE_BEFORE.search(text, max(0, start - 12), start) or _IDIOM.search(text, max(0, start - 30), min(len(text), end + 30)):
        return True  # ('Ausgabe 7/2019'; 'lieber morgen als übermorgen': as soon as possible, no two days)
    if spec["kind"] == "dow" and _DAY_AFTER.match(text, end):
        return True  # 'am Freitag den 13.': the day that follows dates it; the weekday alone would pick another Friday
    if spec["kind"] == "dow" and (_PAPER_BEFORE.search(text, max(0, start - 30), start)
                                  or re.search(r"[„»\"“]der\s+$", text[max(0, start - 6):start])):
        return True
    if spec["kind"] not in ("date", "dow", "season") or spec.get("y") is not None:
        return False
    if _HABITUAL.search(text, clause[0], start) or _EVERY_YEAR_AFTER.match(text, end):
        return True
    return spec["kind"] == "season" and spec.get("off") is None and _general(text[clause[0]:clause[1]])


def _general(clause: str) -> bool:
    """A clause in the present that marks neither a future nor a past ('Wärmepumpen benötigen den meisten
    Strom im Winter')."""
    return not is_future(clause) and not _PAST.search(clause)


_IDIOM = re.compile(r"\blieber\s+(?:heute|morgen|jetzt)\s+als\s+(?:morgen|übermorgen|später)\b", re.I)
_DAY_AFTER = re.compile(r",?\s+den\s+\d{1,2}\.")


def period_year(text: str, start: int, end: int) -> bool:
    """A year that bounds a period ('im Vergleich zu 1961 bis 1990', 'seit 1881', 'zwischen 2004 und 2006'): it
    dates no event the text goes on to tell, so later months and days do not take it as their year."""
    return bool(re.search(r"\b(?:seit|zwischen|von)\s+$", text[max(0, start - 10):start])
                or re.match(r"\s*(?:bis|–|-|und)\s*(?:zum\s+|Ende\s+)?\d{4}\b", text[end:end + 16])
                or re.search(r"\d{4}\s*(?:bis|–|-)\s*$", text[max(0, start - 12):start]))


_PAPER_BEFORE = re.compile(r"\b(?:BZ|B\.Z\.|Welt|Bild|BILD|WELT|FAZ|F\.A\.Z\.|NZZ|Tagesspiegel|taz|Kurier|Krone|Rundschau"
                           r"|Morgenpost|Abendblatt|Express|Presse)\s+am\s+$")
_EVERY_YEAR_AFTER = re.compile(r"\s+(?:eines\s+)?jede[ns]\s+Jahres\b")
