"""The reference time while reading: deictic vs anaphoric time expressions (issue 17).

News resolve "gestern", "am Mittwoch", "vergangene Woche" against the publication date (deictic).
Narrative text ("Im September 1939 … Zwei Tage später …", "im Mai" after a sentence about 1940)
resolves against the last date the text itself established (anaphoric), as HeidelTime's narrative
strategy does. The decision is made per document and per expression:

- a *narrative document* is one whose explicit years mostly lie well before its publication date
  (a Wikipedia article on a war, a history feature): every underspecified expression follows the text;
- in a *news document*, an underspecified expression follows the text when the last explicit year
  before it, in the same paragraph, lies well before the publication date (the history paragraph of
  a news article); otherwise it is deictic;
- purely anaphoric expressions ("am selben Tag", "zwei Tage später", "im selben Monat") always follow
  the text when it has established a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .timex_tense import past_form_only

if TYPE_CHECKING:
    from .timex import Anchor

# share of a dated document's explicit years that must lie before (publication year - 1)
NARRATIVE_SHARE = 0.6
_BOUND = re.compile(r"\b(?:ab|seit|bis|vor|nach|von|aus)\s+(?:dem\s+Jahr(?:e)?\s+)?$", re.I)
_VALUE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def _explicit_year(spec: dict) -> int | None:
    if spec["kind"] in ("date", "year", "season", "quarter") and spec.get("y"):
        return int(spec["y"])
    if spec["kind"] == "era":  # '490 v. Chr.', '19. Jahrhundert': counts as an old year, sets no reference
        return -1
    return None


def is_narrative(specs: list[dict], pub_year: int | None) -> bool:
    """True when most years the text names lie well before its publication year."""
    if pub_year is None:
        return False
    years = [y for y in (_explicit_year(i["spec"]) for i in specs) if y]
    if len(years) < 3:
        return False
    old = sum(1 for y in years if y < pub_year - 1)
    return old / len(years) >= NARRATIVE_SHARE


@dataclass
class Reference:
    """The last dates the text established, by granularity, plus where the last explicit year stood."""

    year: int | None = None
    month: tuple[int, int] | None = None
    day: date | None = None
    explicit_year: int | None = None
    explicit_at: int = -1  # offset of the last explicit year mention
    history: list[str] = field(default_factory=list)

    def update(self, value: str, spec: dict, start: int, text: str = "") -> None:
        """Remember what a resolved DATE/TIME value establishes. A bare year that bounds a span
        ('ab 1941 ausgearbeitete Pläne', 'bis 1881') is an aside, not the time the text moves to."""
        if spec["kind"] == "year" and _BOUND.search(text[max(0, start - 12):start]):
            return
        if spec.get("unit") == "Y" and ((spec.get("off") or 0) < 0 or spec.get("sign", 1) < 0):
            return  # 'im letzten Jahr', 'zwei Jahre zuvor' look back; the story stays where it was
        y = _explicit_year(spec)
        if y and y > 0:
            self.explicit_year, self.explicit_at = y, start
        m = _VALUE.match(value or "")
        if not m:
            return
        year = int(m.group(1))
        self.year = year
        if m.group(2):
            self.month = (year, int(m.group(2)))
            if m.group(3):
                try:
                    self.day = date(year, int(m.group(2)), int(m.group(3)))
                except ValueError:
                    pass
            elif self.day and (self.day.year, self.day.month) != self.month:
                self.day = None
        else:
            if self.month and self.month[0] != year:
                self.month = None
            if self.day and self.day.year != year:
                self.day = None


# expressions whose value depends on a reference that is not given in the expression itself
def underspecified(spec: dict) -> bool:
    k = spec["kind"]
    if k == "date":
        return spec.get("y") is None
    if k in ("season", "quarter"):
        return spec.get("y") is None
    if k == "relunit":
        return spec.get("unit") in ("Y", "M", "Q")
    if k in ("prev",):
        return True
    if k == "shift":
        return bool(spec.get("from_ref"))
    return False


def anaphoric(spec: dict) -> bool:
    """Expressions that only ever refer back into the text ('am selben Tag', 'zwei Tage später')."""
    return spec["kind"] == "prev" or (spec["kind"] == "shift" and bool(spec.get("from_ref"))) or bool(spec.get("same"))


_HISTORY_REACH = 400  # characters: about the two sentences after the explicit year


_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÄÖÜ]|\n")


_FOR_YEAR = re.compile(r"\b(?:für|über)\s+(?:das\s+(?:Jahr|Geschäftsjahr)\s+)?$", re.I)


def follows_text(spec: dict, ref: Reference, narrative: bool, pub_year: int | None, text: str, start: int) -> bool:
    """Whether this expression resolves against the text's own reference rather than the anchor."""
    if ref.year is None:
        return False
    if spec["kind"] == "dur":  # 'nach zwei Tagen' in a narrative: the day two days after the last one
        return narrative and bool(spec.get("after")) and bool(spec.get("n")) and (
            spec["unit"] == "D" and ref.day is not None or spec["unit"] == "M" and ref.month is not None)
    if not underspecified(spec):
        return False
    if spec.get("deictic") and pub_year is not None:
        return False  # 'dieses Jahr', 'heuer' in a dated text: its own year, even after a history paragraph
    if narrative or anaphoric(spec):
        return True
    if pub_year is None or spec.get("news_deictic"):
        # undated: the anchor inferred from the text already follows the text; 'im vergangenen Jahr' in news is the
        # writer's last year, also in a paragraph on 2003
        return False
    if ref.explicit_year is not None and spec["kind"] == "date" and start - ref.explicit_at <= 80 \
            and not _SENTENCE_END.search(text, ref.explicit_at, start) \
            and not _FOR_YEAR.search(text, max(0, ref.explicit_at - 30), ref.explicit_at):
        return True  # '2023 beginnt das Stollenfest am 9. Dezember': the year its own sentence names
        # (not the year a report is for: 'Der Jahresabschluss für 2004 wird im April veröffentlicht')
    if ref.explicit_year is None or ref.explicit_year >= pub_year - 1:
        return False
    # a history paragraph inside a news article: the explicit year stands in the same paragraph, and near
    # (texts without paragraph breaks, like 10kGNAD's, would otherwise follow any year named far before)
    return "\n" not in text[ref.explicit_at:start] and start - ref.explicit_at <= _HISTORY_REACH


def _ymd(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _unknown_day(ref: Reference) -> str:
    """A day relative to a text reference that names no day: what is known of it ('1863-XX-XX')."""
    if ref.month:
        return f"{ref.month[0]:04d}-{ref.month[1]:02d}-XX"
    return f"{ref.year:04d}-XX-XX"


def resolve_from_text(spec: dict, ref: Reference, suffix: str) -> tuple[str, str] | None:
    """(type, value) of an underspecified expression against the text's reference, or None."""
    k = spec["kind"]
    typ = "TIME" if suffix else "DATE"
    y0 = ref.year
    if k == "date":
        m, d = spec.get("m"), spec.get("d")
        y = y0 + (spec.get("off") or 0)
        if m is None:
            if d is None or ref.month is None:
                return None
            y, m = ref.month
        if spec.get("same") and ref.month:
            y, m = ref.month
        if d is not None:
            try:
                date(y, m, d)
            except ValueError:
                return None
        return typ, _ymd(y, m, d) + suffix
    if k == "season":
        return "DATE", f"{y0 + (spec.get('off') or 0):04d}-{spec['s']}"
    if k == "quarter":
        return "DATE", f"{y0 + (spec.get('off') or 0):04d}-{spec['q']}"
    if k == "relunit":
        off = spec.get("off") or 0
        if spec["unit"] == "Y":
            return "DATE", f"{y0 + off:04d}"
        if spec["unit"] == "M" and ref.month:
            y, m = _add_months(*ref.month, off)
            return "DATE", _ymd(y, m)
        if spec["unit"] == "Q" and ref.month:
            q = (ref.month[1] - 1) // 3 + 1 + off
            return "DATE", f"{ref.month[0] + (q - 1) // 4:04d}-Q{(q - 1) % 4 + 1}"
        return None
    if k == "prev":
        if ref.day is None:
            return typ, _unknown_day(ref) + suffix
        d = ref.day + timedelta(days=spec["off"])
        return typ, d.isoformat() + suffix
    if k == "dur" and spec.get("after"):
        k, spec = "shift", {"kind": "shift", "n": spec.get("n"), "unit": spec["unit"], "sign": 1}
    if k == "shift":
        n, unit, sign = spec.get("n"), spec["unit"], spec["sign"]
        if n is None:
            return None
        if unit == "Y" and n != int(n):  # 'ein halbes Jahr später'
            n, unit = n * 12, "M"
        kk = int(round(n)) * sign
        if unit in ("D", "W"):
            if ref.day is None:
                return "DATE", _unknown_day(ref)
            return "DATE", (ref.day + timedelta(days=kk * (7 if unit == "W" else 1))).isoformat()
        if unit in ("M", "HY") and ref.month:
            y, m = _add_months(*ref.month, kk * (6 if unit == "HY" else 1))
            return "DATE", _ymd(y, m)
        if unit == "Y":
            return "DATE", f"{y0 + kk:04d}"
        return None
    return None


def coming(item: dict, text: str, narrative: bool, ref: Reference, pub_year: int | None) -> bool:
    """A coming date is no history: 'die Wahlen vom 15. November dürften …' after a paragraph on 1960 (in a
    history text only with 'dürfte': its 'die Offensive sollte am 15. Mai beginnen' or 'wird' are history;
    allowing 'wird' there cost WikiWarsDE dev 0.933 -> 0.928 value accuracy)."""
    return bool(item["future"] and pub_year and ref.explicit_year and ref.explicit_year < pub_year - 1) and (
        not narrative or _PRESENT_FUTURE.search(text, *item["event"]) is not None)


_PRESENT_FUTURE = re.compile(r"\b(?:dürfte|dürften)\b")


_NAMED_DAY = re.compile(r"\s*,\s*(?:es\s+war\s+)?(?:der|dem|den)\s+$")


def named_after(text: str, item: dict, nxt: dict | None) -> str | None:
    """The full date an anaphoric day names in apposition right after it ('Am nächsten Morgen, es war der 29. August
    2005'), else None."""
    if item["spec"]["kind"] != "prev" or nxt is None:
        return None
    day = nxt["spec"]
    if day["kind"] != "date" or not (day.get("y") and day.get("m") and day.get("d")) \
            or not _NAMED_DAY.fullmatch(text, item["end"], nxt["start"]):
        return None
    return f"{day['y']:04d}-{day['m']:02d}-{day['d']:02d}"


SMALL_HOURS = re.compile(r"^\d{4}-\d\d-\d\dT0[0-5]:")


def corrected_value(spec: dict, value: str, anchor: Anchor | None, told: date | None, event: str,
                    ref_day: date | None) -> str:
    """Three corrections of a value resolved against the publication date (surveys 36 and 39). A weekday of a past
    clause that falls on the publication day itself, in a text that told of a day (`told`) in the two weeks before: the
    first such weekday from that day ('am Mittwoch, den 25. Mai' ... 'am Donnerstag' in a text of Thursday 2 June is 26
    May; the publication day would read 'heute'). A bare 'in der Nacht' of a past clause: the night before the
    publication day. A clock time in a past clause is no later than the publication day, even after a coming date
    ('wird erst am 2. Oktober gewählt' ... 'lag die Wahlbeteiligung um 14:00 Uhr bei …')."""
    pub = anchor.date if anchor else None
    if pub is None or not value[:1].isdigit():
        return value
    if spec["kind"] == "dow" and spec.get("off") is None and spec.get("week_off") is None and told is not None \
            and value[:10] == pub.isoformat() and 1 <= (pub - told).days <= 13:
        day = told + timedelta(days=(spec["dow"] - told.isoweekday()) % 7)
        return day.isoformat() + value[10:] if day < pub else value
    if spec["kind"] == "time" and spec.get("part") == "NI" and spec.get("h") is None and spec.get("off") is None \
            and value == pub.isoformat() + "TNI" and past_form_only(event):
        return (pub - timedelta(days=1)).isoformat() + "TNI"  # 'konnte in der Nacht nicht festgestellt werden' in a text
        # of the morning after: the night before it, coded by its evening's day as 'die Nacht zu Samstag' is (survey 39)
    if spec["kind"] == "time" and spec.get("h") is not None and ref_day is not None and ref_day > pub \
            and value[:10] == ref_day.isoformat() and past_form_only(event):
        return pub.isoformat() + value[10:]
    return value
