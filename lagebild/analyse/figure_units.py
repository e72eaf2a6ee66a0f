"""Units a figure leaves to its neighbour (issue 16: 'the unit and the currency are kept and shown').

* '62 beziehungsweise 46 Prozent', '3 oder 4 Meter': a bare number coordinated with the figure right after it
  takes that figure's unit;
* 'Mexiko erhielt 23 Milliarden US-Dollar, Indien 7,4 Milliarden', 'auf 67 Millionen Euro nach 44 Millionen
  im Vorjahr': an amount in millions or billions without a unit or counted noun takes the currency of the
  amount in millions or billions before it in its sentence.

A figure that counts something ('44 Millionen Einwohner') keeps what it has.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..records import AnalysedArticle, Figure

_COORDINATED = re.compile(r"\s*(?:,|beziehungsweise|bzw\.|oder|und|or|and|ou|et)\s*")
_SCALED = re.compile(r"(?i)(?:Millionen|Million|Mio\.?|Milliarden|Milliarde|Mrd\.?|Billionen|Billion|millions?|billions?"
                     r"|milliards?)$")
_SCALE_WORD = re.compile(r"(?i)Mio|Mrd|Million|Milliard|Billion")
MONEY = {"EUR", "USD", "GBP", "CHF", "JPY", "CNY", "RUB"}  # the currencies amounts are compared in (link.figure_groups)


def _bare(f: Figure) -> bool:
    return f.unit is None and not f.count_of


def carry_units(doc: AnalysedArticle, dimension: dict[str, str]) -> None:
    """Give unit-less figures of doc.figures the unit their neighbour states (see the module docstring);
    a figure without a topic then gets its unit's dimension ('strecke'), as any measure does."""
    figs = sorted(doc.figures, key=lambda f: f.start)
    sents = doc.sentences or [(0, len(doc.text))]
    starts = [s for s, _ in sents]
    last = None  # the last figure before with a unit: one pass, linear in the figures (issue 18)
    for k, f in enumerate(figs):
        if _bare(f):
            nxt = figs[k + 1] if k + 1 < len(figs) else None
            if nxt is not None and nxt.unit and _COORDINATED.fullmatch(doc.text, f.end, nxt.start):
                f.unit = nxt.unit
            elif _SCALED.search(f.text) and last is not None and last.unit in MONEY and _SCALE_WORD.search(last.text):
                i = bisect_right(starts, f.start) - 1
                if i >= 0 and f.start < sents[i][1] and last.start >= sents[i][0]:
                    f.unit = last.unit
            if f.unit and not f.topic:
                f.topic = dimension.get(f.unit, "")
        if f.unit:
            last = f
