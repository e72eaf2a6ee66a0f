"""German number expressions: digits, number words, multipliers, hedges, ranges and units.

`scan_numbers(text)` finds every quantity expression in a text and resolves it to
value / low / high / qualifier / unit. It knows nothing about what is counted or who
says so (that is `figures.py`); it does decide what is *not* a quantity: dates, years,
clock times, ordinals, phone numbers, identifiers (F-16, G7), label numbers (Artikel 5,
Punkt 4), ages in brackets and durations (drei Tage).

Conventions (value / low / high by qualifier), `v` = the number as written:

=========  ===========================================  =====  =========  =========
qualifier  hedges                                       value  low        high
=========  ===========================================  =====  =========  =========
exact      none                                         v      v          v
approx     etwa, rund, ca., circa, ungefähr, um die ...  v      0.9 v      1.1 v
approx     knapp, fast, beinahe, nahezu, annähernd      v      0.9 v      v
approx     gut ("gut 500" = a little more than 500)     v      v          1.1 v
at_least   mindestens, mehr als, über, weit über, ab    v      v          None
at_most    bis zu, höchstens, weniger als, unter        v      None       v
range      zwischen A und B, A bis B, A-B, A oder B     None   A          B
vague      Dutzende, Hunderte, Tausende, mehrere ...    None   see below
=========  ===========================================  =====  =========  =========

"knapp über / knapp mehr als" is at_least with high 1.1 v, "knapp unter" at_most with low
0.9 v. Vague plurals of a power of ten U ("Hunderte", "Tausende", "Zehntausende",
"Millionen" without a number, "mehrere tausend", "einige hundert", "ein paar Millionen")
mean [2 U, 10 U - 1]: "Tausende" 2000-9999, "Hunderte" 200-999, "Zehntausende"
20000-99999, "Millionen" 2e6-9 999 999. "Dutzende" / "mehrere Dutzend" is 24-99. A hedge
on a vague amount keeps its bound ("mehr als Tausende" -> at_least, low 2000, high None).
Percentages carry unit "%", percentage points "pp", money an ISO code ("EUR", "USD"),
measures a short symbol ("km", "km2", "t"), fractions ("zwei Drittel") "frac" with the
share as value (0.666667); plain counts have unit None. A multiplier written after the
second number of a range covers the first too when the first is smaller ("100 bis 300
Milliarden" -> 1e11..3e11). Word numbers chain ("zwei Millionen eintausendeinhundert") and
take a decimal ("zwei Komma drei"). The lexicons live in number_lexicon.py.
Values are rounded to 12 significant digits (no float noise such as 1350.0000000000002).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# ---------------------------------------------------------------- number words

_UNITS = {
    "eins": 1, "ein": 1, "eine": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}
_TEENS = {
    "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}
_TENS = {
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "fuenfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
_HALVES = {"anderthalb": 1.5, "eineinhalb": 1.5, "einundhalb": 1.5}


def _below_100(s: str) -> int | None:
    if s in _UNITS and s not in ("ein", "eine"):
        return _UNITS[s]
    if s in _TEENS:
        return _TEENS[s]
    if s in _TENS:
        return _TENS[s]
    m = re.fullmatch(r"(ein|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun)und(\w+)", s)
    if m and m.group(2) in _TENS:
        return _UNITS[m.group(1)] + _TENS[m.group(2)]
    return None


def _below_1000(s: str) -> int | None:
    if not s:
        return None
    i = s.find("hundert")
    if i < 0:
        return _below_100(s)
    left, right = s[:i], s[i + len("hundert"):]
    mult = 1 if left in ("", "ein") else _below_100(left)
    if mult is None or mult > 9:
        return None
    rest = 0
    if right:
        rest = _below_100(right[3:] if right.startswith("und") else right)  # hundertundzwei
        if rest is None:
            return None
    return mult * 100 + rest


def parse_number_word(word: str) -> float | None:
    """Value of a German cardinal written as one word, else None.

    'drei' -> 3, 'zweihundertfünfzig' -> 250, 'zwölftausend' -> 12000, 'eineinhalb' -> 1.5,
    'dreieinhalb' -> 3.5. Ordinals ('dritte', 'vierten'), bare articles ('ein', 'eine') and
    'null' give None: they are not amounts.
    """
    s = word.lower()
    if s in _HALVES:
        return _HALVES[s]
    m = re.fullmatch(r"(\w+?)einhalb", s)
    if m:
        base = parse_number_word(m.group(1))
        return base + 0.5 if base is not None else None
    i = s.find("tausend")
    if i >= 0:
        left, right = s[:i], s[i + len("tausend"):]
        mult = 1 if left in ("", "ein") else _below_1000(left)
        if mult is None:
            return None
        rest = 0
        if right:
            rest = _below_1000(right[3:] if right.startswith("und") else right)
            if rest is None:
                return None
        return float(mult * 1000 + rest)
    v = _below_1000(s)
    return float(v) if v is not None else None


def parse_digits(s: str) -> float | None:
    """'1.500' -> 1500, '1,6' -> 1.6, '2.000,352' -> 2000.352, '40 000' -> 40000, '4,800' -> 4.8."""
    t = re.sub(r"[\u00a0\u202f\u2009 ]", "", s).replace("\u2212", "-")
    if re.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        t = t.replace(".", "")
    if not re.fullmatch(r"[+-]?\d+(?:,\d+)?", t):
        return None
    return float(t.replace(",", "."))


from .number_lexicon import (  # noqa: F401  (re-exported for figures.py and the dev-set builder)
    CURRENCIES, DETERMINERS, FRACTIONS, HEDGES, LABEL_NOUNS, MEASURES, MONTHS, MULTIPLIERS,
    TIME_UNITS, UNITS, VAGUE_DETERMINERS, VAGUE_PLURALS, YEAR_CUES, _ABBREV_MULT,
    _FOREIGN_CURRENCIES, _MAX_HEDGE, _PREFIX_CURRENCIES, _STREET, _VAGUE_UNITS,
)

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_ORDINAL_MULT = re.compile(r"(hundert|tausend|million|milliard|billion)(st|ste|sten|ster|stes|stem|stel|steln)$", re.I)
_CLOCK_CUES = {"halb", "viertel", "dreiviertel", "um", "gegen", "nach", "vor"}
_TOKEN_RE = re.compile(
    r"(?P<num>(?<![\w.,])\d{1,3}(?:(?:\.|[\u00a0\u202f\u2009 ])\d{3})+(?:,\d+)?(?![\d])"
    r"|(?<![\w])\d+(?:,\d+)?(?![\d]))"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)


@dataclass
class Tok:
    start: int
    end: int
    text: str
    kind: str  # num | word | sym

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass
class NumberMatch:
    """One quantity expression: `text[start:end]` includes the hedge and the unit."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None = None
    core_start: int = 0  # the number itself, without hedge
    core_end: int = 0


def tokenize(text: str) -> list[Tok]:
    out = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "sym"
        out.append(Tok(m.start(), m.end(), m.group(), kind))
    return out


def _round(x: float | None) -> float | None:
    if x is None:
        return None
    return float(f"{x:.12g}")


@dataclass
class _Core:
    i: int  # first token
    j: int  # one past the last token
    value: float | None  # exact amount, or None for vague
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    raw: float | None = None  # number before its multiplier (for range sharing)
    mult: float = 1.0
    digits: bool = False
    plain_digits: str = ""  # the digit token as written when the core is one bare digit token


class Scanner:
    """Stateful matcher over the tokens of one text."""

    def __init__(self, text: str):
        self.text = text
        # numbers inside URLs and e-mail addresses are not amounts
        masked = _URL.sub(lambda m: " " * len(m.group()), text)
        self.toks = [t for t in tokenize(masked)]
        for t in self.toks:
            t.text = text[t.start:t.end]

    # -- helpers ---------------------------------------------------------------------------
    def tok(self, i: int) -> Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def adjacent(self, i: int) -> bool:
        """Token i starts right where token i-1 ends (no space)."""
        a, b = self.tok(i - 1), self.tok(i)
        return a is not None and b is not None and a.end == b.start

    def abbrev_dot(self, i: int) -> int:
        """Index after token i, swallowing an abbreviation dot ('Mio.')."""
        n = self.tok(i + 1)
        return i + 2 if n is not None and n.text == "." and n.start == self.toks[i].end else i + 1

    def sentence_initial(self, i: int) -> bool:
        p = self.tok(i - 1)
        if p is None:
            return True
        gap = self.text[p.end:self.toks[i].start]
        return "\n" in gap or p.text in {".", "!", "?", ":", "\"", "„", "“", "«", "»", "(", "–", "-", "•"}

    # -- one quantity without hedge --------------------------------------------------------
    def multiplier(self, i: int) -> tuple[float, int] | None:
        t = self.tok(i)
        if t is None or t.kind != "word":
            return None
        lw = t.low
        if lw in MULTIPLIERS:
            j = self.abbrev_dot(i) if lw in _ABBREV_MULT else i + 1
            return MULTIPLIERS[lw], j
        return None

    def core(self, i: int) -> _Core | None:
        t = self.tok(i)
        if t is None:
            return None
        lw = t.low
        if t.kind == "num":
            v = parse_digits(t.text)
            if v is None:
                return None
            c = _Core(i, i + 1, v, raw=v, digits=True, plain_digits=t.text)
            return self._with_multiplier(c)
        if t.kind != "word":
            return None
        # vague determiner + unit word: 'mehrere tausend', 'ein paar hundert'
        if lw in VAGUE_DETERMINERS:
            n = self.tok(i + 1)
            if n is not None and n.low in _VAGUE_UNITS:
                u = _VAGUE_UNITS[n.low]
                lo, hi = (24.0, 99.0) if u == 12 else (2 * u, 10 * u - 1)
                p = self.tok(i - 1)
                first = i - 1 if lw == "paar" and p is not None and p.low == "ein" else i
                return self._scale_vague(_Core(first, i + 2, None, lo, hi))
            return None
        if lw in VAGUE_PLURALS and not (lw in MULTIPLIERS and self._number_before(i)):
            u = VAGUE_PLURALS[lw]
            lo, hi = (24.0, 99.0) if u == 12 else (2 * u, 10 * u - 1)
            return self._scale_vague(_Core(i, i + 1, None, lo, hi))
        # 'ein Dutzend', 'eine Million', 'eine halbe Million', 'ein Drittel'
        if lw in ("ein", "eine", "einer", "einem", "einen", "eines"):
            n = self.tok(i + 1)
            if n is not None and n.low in FRACTIONS and n.low not in ("halbe", "halbes"):
                return _Core(i, i + 2, 1 / FRACTIONS[n.low], unit="frac")
            if n is not None and n.low in ("halbe", "halbes"):
                m = self.multiplier(i + 2)
                if m:
                    return _Core(i, m[1], 0.5 * m[0], raw=0.5, mult=m[0])
                return None
            m = self.multiplier(i + 1)
            if m and n is not None and n.low not in ("hundert", "tausend"):
                c = _Core(i, m[1], m[0], raw=1.0, mult=m[0])
                self._chain(c, m[0])
                return c
            return None
        if lw == "eins":
            return None  # 'eins zu null', 'Nummer eins', 'kabel eins': a score or a name, not an amount
        v = parse_number_word(lw)
        if v is None and lw in ("hundert", "tausend"):
            v = MULTIPLIERS[lw]
        if v is None:
            return None
        if t.text[0].isupper() and not self.sentence_initial(i):
            # 'Acht' (attention), 'Elf' (team) inside a sentence; 'Claudia Tausend' (a name)
            p = self.tok(i - 1)
            if lw not in ("hundert", "tausend") or (p is not None and p.kind == "word" and p.text[0].isupper()):
                return None
        n = self.tok(i + 1)
        if n is not None and n.low in FRACTIONS and v == int(v) and n.low not in ("halbe", "halbes"):
            return _Core(i, i + 2, v / FRACTIONS[n.low], unit="frac")
        return self._with_multiplier(_Core(i, i + 1, v, raw=v))

    def _number_before(self, i: int) -> bool:
        p = self.tok(i - 1)
        if p is None:
            return False
        return p.kind == "num" or parse_number_word(p.low) is not None or p.low in ("halbe", "ein", "eine")

    def _with_multiplier(self, c: _Core) -> _Core:
        n, n2 = self.tok(c.j), self.tok(c.j + 1)
        if not c.digits and n is not None and n.low == "komma" and n2 is not None:
            d = parse_number_word(n2.low)  # 'zwei Komma drei'
            if d is not None and d < 10 and d == int(d):
                c.value = c.value + d / 10
                c.raw = c.value
                c.j += 2
        m = self.multiplier(c.j)
        if m is not None and not (c.digits and m[0] == 100):
            c.value = c.value * m[0]
            c.mult = m[0]
            c.j = m[1]
            if not c.digits:
                self._chain(c, m[0])
        return c

    def _chain(self, c: _Core, mult: float) -> None:
        """'zwei Millionen eintausendeinhundertfünfzig': a smaller number word adds on."""
        n = self.tok(c.j)
        if n is not None and n.kind == "word" and mult >= 1e6:
            rest = parse_number_word(n.low)
            if rest is not None and 1 < rest < mult and rest == int(rest):
                c.value += rest
                c.j += 1

    def _scale_vague(self, c: _Core) -> _Core:
        """'Hunderte Millionen' / 'mehrere hundert Millionen' scale by the following multiplier."""
        m = self.multiplier(c.j)
        if m is not None and m[0] >= 1e3:
            c.low, c.high = c.low * m[0], (c.high + 1) * m[0] - 1 if c.high is not None else None
            c.j = m[1]
        return c

    # -- reasons not to take a core --------------------------------------------------------
    def prev_word(self, i: int) -> Tok | None:
        """The token before i, looking through an abbreviation dot ('Nr. 5', 'Art. 3')."""
        p = self.tok(i - 1)
        if p is not None and p.text == "." and self.tok(i - 2) is not None and self.toks[i - 2].end == p.start:
            return self.toks[i - 2]
        return p

    def rejected(self, c: _Core, hedged: bool) -> bool:
        """True when the core is a date, year, time, ordinal, identifier, label or duration."""
        text = self.text
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
            if nxt is not None and nxt.start == first.end:
                if nxt.kind == "word" and (nxt.low not in UNITS or len(nxt.text) == 1 and nxt.text.isupper()) \
                        and nxt.low not in MULTIPLIERS:
                    return True  # '5G', '3D', '2er', '970M'
                if nxt.text in (":", "/") and nxt2 is not None and nxt2.kind == "num" and nxt2.start == nxt.end:
                    return True  # 3:1, 24/7, 15:30, 030/12345
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
                    elif after.low.rstrip(".") in MONTHS or after.kind == "num":
                        return True  # '5. Oktober', '5. 10.'
                    elif after.kind == "word" and after.text[0].islower():
                        return True  # ordinal: 'der 3. und 4. Angriff'
                    elif after.text in (",", ")", ";", "]", "/"):
                        return True  # minute or rank: 'Müller (42.)', '(24., 30.)'
                    elif prev is None or prev.text in (":", "(", "–", "-", ",") or "\n" in text[prev.end:first.start]:
                        return True  # list item: 'Session: 1. Nico Rosberg'
                    elif prev is not None and prev.low in DETERMINERS:
                        return True  # 'die 3. Panzerbrigade'
                    elif after.kind == "sym" and after.text not in "\"„“«»)":
                        return True
            if re.fullmatch(r"0\d+", s):
                return True  # leading zero: phone, postcode, code
            if prev is not None and prev.text in "([" and nxt is not None and nxt.text in ")]," and c.j == c.i + 1:
                return True  # age or reference in brackets: 'Putin (72)', 'Aysha (35, Name geändert)'
            if self._phone_like(c):
                return True
            if prev is not None and prev.kind == "num" and c.j == c.i + 1:
                return True  # a second bare number in a row: phone or code ('+49 30 1234567')
            if re.fullmatch(r"\d{4}", s) and c.mult == 1:
                pw = self.prev_word(c.i)
                year_cue = pw is not None and pw.low in YEAR_CUES
                if 1000 <= int(s) <= 2199 and (year_cue or not (hedged or c.unit)):
                    return True
                if nxt is not None and nxt.text == "/" and nxt2 is not None and nxt2.kind == "num":
                    return True  # 2023/24
        # label numbers: 'Artikel 5', 'Punkt vier', 'Hauptstraße 12', '§ 3'
        pw = self.prev_word(c.i)
        if pw is not None and not hedged and (pw.low in LABEL_NOUNS or pw.text in ("§", "#")):
            return True
        if pw is not None and c.digits and pw.kind == "word" and pw.text[0].isupper() and _STREET.search(pw.low):
            return True
        # durations and clock times: 'drei Tage', '15 Uhr', '70 Jahren', 'halb 8', 'gegen vier'
        if after_core is not None and after_core.low in TIME_UNITS:
            return True
        if after_core is not None and _ORDINAL_MULT.search(after_core.low):
            return True  # 'der einhundert Milliardste'
        if prev is not None and prev.low in _CLOCK_CUES and c.value is not None and c.value <= 24 \
                and c.value == int(c.value) and c.unit is None and c.mult == 1 and not hedged:
            if prev.low in ("halb", "viertel", "dreiviertel") or after_core is None \
                    or not (after_core.kind == "word" and after_core.text[0].isupper()):
                return True
        if after_core is not None and after_core.text == "-" and self.tok(c.j + 1) is not None:
            n2 = self.toks[c.j + 1]
            if n2.start == after_core.end and n2.kind == "word" and after_core.start == self.toks[c.j - 1].end:
                return True  # 'drei-Zimmer-', '300-Millionen-Euro-Paket'
        return False

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
    def hedge_before(self, i: int) -> tuple[int, tuple[str, float | None, float | None]] | None:
        for n in range(_MAX_HEDGE, 0, -1):
            if i - n < 0:
                continue
            words = []
            k = i - n
            while k < i:
                t = self.toks[k]
                w = t.low
                if w in ("ca", "mind", "max") and self.tok(k + 1) is not None and self.toks[k + 1].text == ".":
                    w += "."
                    k += 1
                words.append(w)
                k += 1
            key = tuple(words)
            if key in HEDGES and k == i:
                return i - n, HEDGES[key]
        return None

    def unit_after(self, j: int) -> tuple[str, int] | None:
        t = self.tok(j)
        if t is None:
            return None
        lw = t.low
        if lw == "us" and self.tok(j + 1) is not None and self.toks[j + 1].text == "$":
            return "USD", j + 2
        if lw in ("kanadische", "kanadischen", "australische", "australischen"):
            n = self.tok(j + 1)
            if n is not None and n.low == "dollar":
                return ("CAD" if lw.startswith("kan") else "AUD"), j + 2
        if re.fullmatch(r"[a-zäöü]+(e|en|er)", t.text) and self.tok(j + 1) is not None:
            n = self.toks[j + 1]
            if n.low in CURRENCIES and n.kind == "word" or n.low in _FOREIGN_CURRENCIES:
                # 'indische Rupien', 'kambodschanische Riel', 'finnische Mark'
                return CURRENCIES.get(n.low) or _FOREIGN_CURRENCIES[n.low], j + 2
        if lw in ("schweizer",):
            n = self.tok(j + 1)
            if n is not None and n.low == "franken":
                return "CHF", j + 2
        if lw == "km" and self.tok(j + 1) is not None and self.toks[j + 1].text == "/" and self.tok(j + 2) is not None and self.toks[j + 2].low == "h":
            return "km/h", j + 3
        if lw in ("m", "km") and self.tok(j + 1) is not None and self.toks[j + 1].text in ("²", "³") and self.toks[j + 1].start == t.end:
            return lw + ("2" if self.toks[j + 1].text == "²" else "3"), j + 2
        if lw == "fr" and self.tok(j + 1) is not None and self.toks[j + 1].text == ".":
            return "CHF", j + 2
        if lw in UNITS:
            if len(lw) == 1 and lw.isalpha() and not t.text.islower():
                return None  # 'GTX 970M', 'Typ 3 T': one capital letter is not a unit
            return UNITS[lw], j + 1
        return None

    def currency_before(self, i: int) -> tuple[str, int] | None:
        p = self.tok(i - 1)
        if p is None:
            return None
        if p.low in _PREFIX_CURRENCIES:
            pp = self.tok(i - 2)
            if p.text == "$" and pp is not None and pp.low == "us" and pp.end == p.start:
                return "USD", i - 2
            return CURRENCIES[p.low], i - 1
        return None

    def full_core(self, i: int) -> tuple[_Core, int] | None:
        """A core with its unit (after, or currency before). Returns (core, start index)."""
        c = self.core(i)
        if c is None:
            return None
        start = c.i
        u = self.unit_after(c.j)
        if u is not None:
            c.unit, c.j = u
        elif c.digits or c.value is not None or c.low is not None:
            cb = self.currency_before(i)
            if cb is not None:
                c.unit, start = cb
        return c, start

    def scan(self) -> list[NumberMatch]:
        out: list[NumberMatch] = []
        i = 0
        n = len(self.toks)
        while i < n:
            got = self.full_core(i)
            if got is None:
                i += 1
                continue
            c, start = got
            if start < i and out and self.toks[start].start < out[-1].end:
                start, c.unit = i, None  # that currency sign belongs to the previous amount
            hedge = self.hedge_before(start)
            zwischen = None
            p = self.tok(start - 1)
            if p is not None and p.low == "zwischen":
                zwischen = start - 1
                hedge = None
            # range: A bis B / A-B / A und B after zwischen / A oder B
            second = None
            sep = self.tok(c.j)
            if sep is not None and sep.low in ("bis", "-", "–", "—", "und", "oder"):
                if sep.low == "und" and zwischen is None:
                    sep = None
                if sep is not None:
                    k = c.j + 1
                    nxt = self.tok(k)
                    if nxt is not None and nxt.low in ("zu",) and sep.low == "bis":
                        k += 1
                    h2 = self.hedge_before(k) if nxt is not None else None
                    got2 = self.full_core(k)
                    if got2 is not None and (got2[1] == k):
                        second = got2[0]
                    del h2
            if self.rejected(c, hedged=hedge is not None or zwischen is not None):
                i = c.j
                continue
            if second is not None and self.rejected(second, hedged=True):
                i = second.j  # 'in 15 bis 20 Jahren', 'zwischen 18 und 23 Jahren': one duration
                continue
            if second is not None and sep.text in "-–—" and second.digits and c.digits \
                    and re.fullmatch(r"\d{5,}", self.toks[second.i].text):
                i = second.j  # '12-3456789': a phone number, not a range
                continue
            if second is not None and not self.rejected(second, hedged=True) and self._range_ok(c, second):
                lo_c, hi_c = c, second
                if lo_c.mult == 1 and hi_c.mult > 1 and lo_c.value is not None and hi_c.raw is not None and lo_c.value < hi_c.raw:
                    lo_c.value *= hi_c.mult  # '100 bis 300 Milliarden'
                unit = hi_c.unit or lo_c.unit
                low = lo_c.value if lo_c.value is not None else lo_c.low
                high = hi_c.value if hi_c.value is not None else hi_c.high
                if low is not None and high is not None and low < high:
                    s_tok = zwischen if zwischen is not None else (hedge[0] if hedge else start)
                    out.append(self._match(s_tok, hi_c.j, None, low, high, "range", unit, start, hi_c.j))
                    i = hi_c.j
                    continue
            if zwischen is not None:
                zwischen = None
            if c.value is None:  # vague
                q, lo, hi = "vague", c.low, c.high
                s_tok = start
                if hedge is not None:
                    s_tok, (hq, flo, fhi) = hedge[0], hedge[1]
                    if hq == "at_least":
                        q, hi = "at_least", None
                    elif hq == "at_most":
                        q, lo = "at_most", None
                out.append(self._match(s_tok, c.j, None, lo, hi, q, c.unit, start, c.j))
            else:
                v = c.value
                t1, t2 = self.tok(c.j), self.tok(c.j + 1)
                if hedge is None and t1 is not None and t2 is not None and t1.low in ("oder", "und") \
                        and t2.low in ("mehr", "darüber"):
                    # trailing hedge: '3.000 oder mehr', '500 Euro und mehr'
                    out.append(self._match(start, c.j + 2, v, v, None, "at_least", c.unit, start, c.j))
                    i = c.j + 2
                    continue
                if hedge is None:
                    out.append(self._match(start, c.j, v, v, v, "exact", c.unit, start, c.j))
                else:
                    s_tok, (q, flo, fhi) = hedge[0], hedge[1]
                    lo = _round(v * flo) if flo is not None else None
                    hi = _round(v * fhi) if fhi is not None else None
                    out.append(self._match(s_tok, c.j, v, lo, hi, q, c.unit, start, c.j))
            i = c.j
        return out

    @staticmethod
    def _range_ok(a: _Core, b: _Core) -> bool:
        return not (a.unit and b.unit and a.unit != b.unit)

    def _match(self, si: int, ej: int, value, low, high, qual, unit, ci: int, cj: int) -> NumberMatch:
        s, e = self.toks[si].start, self.toks[ej - 1].end
        return NumberMatch(
            start=s, end=e, text=self.text[s:e], value=_round(value), low=_round(low), high=_round(high),
            qualifier=qual, unit=unit, core_start=self.toks[ci].start, core_end=self.toks[cj - 1].end,
        )


def scan_numbers(text: str) -> list[NumberMatch]:
    """Every quantity expression in `text`, left to right, non-overlapping."""
    return Scanner(text).scan()
