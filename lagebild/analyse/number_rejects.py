"""Which number expressions are no quantity (the `Rejects` part of numbers.Scanner): dates, years, clock times,
ordinals, phone numbers, identifiers ('F-16', 'G7', 'SAT.1', 'Boeing 737-500'), label numbers ('Artikel 5', 'die
Straßenbahnlinien 5, 10 und 18', 'auf den Plätzen drei und vier', 'die A 5'), names ('„911“', 'Bündnis 90/Die
Grünen'), scores and ratios ('3:1', '2 zu 1'), ages ('Putin (72)', 'Ismaili, 24,', 'wurde 60', '14 und 18 Jahre
alten') and durations ('drei Tage').
"""
from __future__ import annotations

import re

from .number_lexicon import LABEL_PLURALS, _STREET, parse_digits, parse_number_word
from .number_lexicon_intl import intl_rejected

_ORDINAL_MULT = re.compile(r"(hundert|tausend|million|milliard|billion)(st|ste|sten|ster|stes|stem|stel|steln)$", re.I)
# nouns only an ordinal number stands before ('16. Jahrhundert', '100. Geburtstag'): 'N.' before them is no count
_ORDINAL_NOUNS = {"jahrhundert", "jahrhunderts", "jahrhunderten", "jahrtausend", "jahrtausends", "jahrgangsstufe",
                  "klasse", "stock", "stockwerk", "geburtstag", "geburtstags", "geburtstages", "jahrestag", "jahrestags",
                  "todestag", "todestags", "mal", "platz", "rang", "spieltag", "etappe", "legislaturperiode", "amtszeit",
                  "auflage", "ausgabe", "staffel", "weltkrieg", "weltkriegs", "weltkrieges", "parteitag", "bundesliga",
                  "liga", "runde", "lauf", "sitz", "kanal", "programm", "semester", "sinfonie", "symphonie"}


class Rejects:
    """The scanner's tests for what is no quantity (mixed into numbers.Scanner: self.toks, self.tok, self.L, ...)."""

    def rejected(self, c: _Core, hedged: bool) -> bool:
        """True when the core is a date, year, time, ordinal, identifier, label or duration."""
        text = self.text
        if self.L.lang != "de" and intl_rejected(self, c):
            return True
        first = self.toks[c.i]
        prev, after_core = self.tok(c.i - 1), self.tok(c.j)
        if c.digits:
            s = first.text
            nxt, nxt2 = self.tok(c.i + 1), self.tok(c.i + 2)
            pp = self.tok(c.i - 2)
            if prev is not None and prev.end == first.start:
                if prev.kind == "word" or prev.text in "+#_&":
                    return True  # 'G7', 'MH17', '+49'
                if prev.text in "-/" and not (prev.text == "-" and pp is not None and pp.kind == "num"):
                    return True  # 'F-16', 'Covid-19', 'A/320'
                if prev.text in ".,:/" and pp is not None and pp.text[-1:].isdigit() and pp.end == prev.start:
                    return True  # second half of '15.30', '3:1', '12.5'
                if prev.text == "." and pp is not None and pp.kind == "word" and pp.end == prev.start and pp.text.isupper():
                    return True  # 'SAT.1'
                low = parse_digits(pp.text) if prev.text == "-" and pp is not None and pp.kind == "num" \
                    and pp.end == prev.start else None
                if low is not None and c.value is not None and low >= c.value:
                    return True  # no range: a model code ('Boeing 737-500')
            if nxt is not None and nxt.start == first.end:
                if nxt.kind == "word" and (nxt.low not in self.L.units or len(nxt.text) == 1 and nxt.text.isupper()) \
                        and nxt.low not in self.L.mult:
                    return True  # '5G', '3D', '2er', '970M'
                if nxt.text in (":", "/") and nxt2 is not None and nxt2.kind == "num" and nxt2.start == nxt.end:
                    return True  # 3:1, 24/7, 15:30, 030/12345
                if nxt.text == "/" and nxt2 is not None and nxt2.kind == "word" and nxt2.start == nxt.end \
                        and nxt2.text[:1].isupper() and prev is not None and prev.kind == "word" and prev.text[:1].isupper():
                    return True  # part of a name: 'Bündnis 90/Die Grünen'
                if nxt.text == "-" and nxt2 is not None and nxt2.start == nxt.end and nxt2.kind == "word":
                    return True  # '32-Jähriger', '3-Zimmer-Wohnung'
                if nxt.text == "-" and (nxt2 is None or nxt2.start > nxt.end):
                    return True  # suspended compound: 'den 30- bis 49-Jährigen'
                if nxt.text == ")" and not self._open_paren(c.i):
                    return True  # enumeration: 'Die Themen: 1) Wahlen, 2) Wetter'
                if nxt.text in ".," and nxt2 is not None and nxt2.kind == "num" and nxt2.start == nxt.end:
                    return True  # 5.10.2024, 9.45 Uhr, English decimals like 12.5
                if nxt.text == "." and c.j == c.i + 1:
                    after = nxt2
                    if after is None or "\n" in text[nxt.end:after.start]:
                        pass  # end of paragraph: '... waren es 500.'
                    elif after.low.rstrip(".") in self.L.months or after.kind == "num":
                        return True  # '5. Oktober', '5. 10.'
                    elif after.kind == "word" and (after.text[0].islower() or after.start == nxt.end):
                        return True  # ordinal: 'der 3. und 4. Angriff', 'ihren 2.Sitz'
                    elif after.text in (",", ")", ";", "]", "/"):
                        return True  # minute or rank: 'Müller (42.)', '(24., 30.)'
                    elif prev is None or prev.text in (":", "(", "–", "-", ",") or "\n" in text[prev.end:first.start]:
                        return True  # list item: 'Session: 1. Nico Rosberg'
                    elif prev is not None and prev.low in self.L.determiners:
                        return True  # 'die 3. Panzerbrigade'
                    elif after.low in _ORDINAL_NOUNS:
                        return True  # 'im frühen 16. Jahrhundert', 'die untergebrachte 12. Jahrgangsstufe'
                    elif after.kind == "sym" and after.text not in "\"„“«»)":
                        return True
            if re.fullmatch(r"0\d+", s):
                return True  # leading zero: phone, postcode, code
            if self.L.lang == "de" and c.j == c.i + 1 and (
                    nxt is not None and nxt.low == "zu" and self.tok(c.i + 2) is not None and self.toks[c.i + 2].kind == "num"
                    or prev is not None and prev.low == "zu" and pp is not None and pp.kind == "num"):
                return True  # a score or a ratio: '2 zu 1', 'im Verhältnis 3 zu 1'
            if prev is not None and prev.text in "([" and nxt is not None and nxt.text in ")]," and c.j == c.i + 1:
                return True  # age or reference in brackets: 'Putin (72)', 'Aysha (35, Name geändert)'
            if prev is not None and prev.text == "," and nxt is not None and nxt.text == "," and c.j == c.i + 1 \
                    and pp is not None and pp.kind == "word" and pp.text[:1].isupper() and c.value is not None \
                    and c.value <= 110 and c.value == int(c.value):
                return True  # an age between commas: 'Florijana Ismaili, 24, Schauspielerin …'
            if prev is not None and prev.low in ("wurde", "wird", "werde", "würde") and c.j == c.i + 1 \
                    and (nxt is None or nxt.text in ".!\n" or "\n" in text[first.end:nxt.start]) and c.value is not None \
                    and c.value <= 120:
                return True  # 'Der Teamchef wurde 60': an age
            if self._phone_like(c):
                return True
            if prev is not None and prev.kind == "num" and c.j == c.i + 1:
                return True  # a second bare number in a row: phone or code ('+49 30 1234567')
            if re.fullmatch(r"\d{4}", s) and c.mult == 1:
                pw = self.prev_word(c.i)
                year_cue = pw is not None and pw.low in self.L.year_cues
                if 1000 <= int(s) <= 2199 and (year_cue or not (hedged or c.unit)):
                    return True
                if nxt is not None and nxt.text == "/" and nxt2 is not None and nxt2.kind == "num":
                    return True  # 2023/24
        # label numbers: 'Artikel 5', 'Punkt vier', 'Hauptstraße 12', '§ 3'
        pw = self.prev_word(c.i)
        if pw is not None and not hedged and (pw.low in self.L.labels or pw.text in ("§", "#")):
            return True
        if pw is not None and not hedged and c.digits and re.fullmatch(r"[ABKLSU]", pw.text):
            return True  # a road or a line: 'die A 5', 'die B 27', 'die U 6'
        if prev is not None and prev.text in "„\"“«»‚" and after_core is not None and after_core.text in "“\"”»«‘" \
                and c.j == c.i + 1 and c.unit is None:
            return True  # a number alone in quotation marks is a name: 'im Nachtclub „911“'
        head = self._list_head(c.i) if self.L.lang == "de" and not hedged else None
        if head is not None and (head.low in self.L.labels or head.low in LABEL_PLURALS
                                 or re.search(r"linien?$", head.low)):
            return True  # 'auf den Plätzen drei und vier', 'die Straßenbahnlinien 5, 10, 18 und 58'
        if pw is not None and c.digits and pw.kind == "word" and pw.text[0].isupper() and _STREET.search(pw.low):
            return True
        # durations and clock times: 'drei Tage', '15 Uhr', '70 Jahren', 'halb 8', 'gegen vier'
        if after_core is not None and after_core.low in self.L.time:
            return True
        if after_core is not None and after_core.low in (self.L.and_, self.L.or_, self.L.to, "-", "–"):
            other = self.full_core(c.j + 1)
            if other is not None and other[1] == c.j + 1 and self.tok(other[0].j) is not None \
                    and self.toks[other[0].j].low in self.L.time:
                return True  # the first of a pair that shares its time unit: '14 und 18 Jahre alten', '3 oder 4 Tage'

        if after_core is not None and _ORDINAL_MULT.search(after_core.low):
            return True  # 'der einhundert Milliardste'
        if prev is not None and prev.low in self.L.clock and c.value is not None and c.value <= 24 \
                and c.value == int(c.value) and c.unit is None and c.mult == 1 and not hedged \
                and not self._range_of_things(c):
            if prev.low in ("halb", "viertel", "dreiviertel") or after_core is None \
                    or not (after_core.kind == "word" and after_core.text[0].isupper()):
                return True
        if after_core is not None and after_core.text == "-" and self.tok(c.j + 1) is not None:
            n2 = self.toks[c.j + 1]
            if n2.start == after_core.end and n2.kind == "word" and after_core.start == self.toks[c.j - 1].end:
                return True  # 'drei-Zimmer-', '300-Millionen-Euro-Paket'
        return False

    def _list_head(self, i: int) -> Tok | None:
        """The word before the list of numbers that token i closes ('Linien 5, 10 und 18' -> 'Linien'), or the
        word before i itself; None when a list runs on too long."""
        k = i - 1
        for _ in range(24):
            p = self.tok(k)
            if p is None:
                return None
            if p.kind == "num" or p.text == "," or p.low in (self.L.and_, self.L.or_, self.L.to) \
                    or parse_number_word(p.low) is not None:
                k -= 1
                continue
            return p if p.kind == "word" else None
        return None

    def _range_of_things(self, c: _Core) -> bool:
        """'vier bis sechs Atomwaffen', '20-25 Prozent': the core opens a range whose other end counts
        something that is no time unit (so a clock cue before it, 'nach', 'um', is no clock time)."""
        sep = self.tok(c.j)
        second = self.full_core(c.j + 1) if sep is not None and sep.low in (self.L.to, "-", "–") else None
        if second is None or second[1] != c.j + 1:
            return False
        after = self.tok(second[0].j)
        return second[0].unit is not None or after is not None and after.kind == "word" \
            and after.low not in self.L.time and (after.text[0].isupper() or after.low in self.L.units)

    def _open_paren(self, i: int) -> bool:
        """Is there an unclosed '(' within the 15 tokens before i?"""
        for k in range(i - 1, max(-1, i - 16), -1):
            if self.toks[k].text == ")":
                return False
            if self.toks[k].text == "(":
                return True
        return False

    def _phone_like(self, c: _Core) -> bool:
        """Three or more digit groups joined by '-', '/' or space: a phone or reference number."""
        groups, k = 1, c.i
        while True:
            a, b = self.tok(k + 1), self.tok(k + 2)
            if a is not None and b is not None and a.text in "-/" and b.kind == "num" and a.start == self.toks[k].end and b.start == a.end:
                groups += 1
                k += 2
            else:
                break
        return groups >= 3

    # -- hedges, units, ranges -------------------------------------------------------------
