"""German number expressions: digits, number words, multipliers, hedges, ranges and units.

`scan_numbers(text)` finds every quantity expression in a text and resolves it to
value / low / high / qualifier / unit. It knows nothing about what is counted or who
says so (that is `figures.py`); it does decide what is *not* a quantity (number_rejects.py): dates,
years, clock times, ordinals, phone numbers, identifiers (F-16, G7), label numbers (Artikel 5,
Punkt 4), names, scores and ratios ('3:1', '2 zu 1'), ages and durations (drei Tage).

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

English and French (`scan_numbers(text, lang)`) use the same scanner and conventions with
their own lexicons and word readers (number_lexicon_intl.py): '3,000' / '1.5 million' /
'$5m' / 'tens of thousands' (en), '3 000' / '1,5 million d'euros' / 'une vingtaine' (fr).
Values are rounded to 12 significant digits (no float noise such as 1350.0000000000002).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import number_lexicon_intl as intl
from .number_lexicon_intl import intl_core, intl_unit_after
from .number_lexicon import de_unit_after
from .number_rejects import Rejects
from .number_lexicon import (  # noqa: F401  (re-exported for figures.py and the dev-set builder)
    parse_digits, parse_number_word, CURRENCIES, DETERMINERS, FRACTIONS, HEDGES, LABEL_NOUNS, MEASURES,
    MONTHS, MULTIPLIERS, TIME_UNITS, UNITS, VAGUE_DETERMINERS, VAGUE_PLURALS, YEAR_CUES, _ABBREV_MULT,
    _FOREIGN_CURRENCIES, _MAX_HEDGE, _PREFIX_CURRENCIES, _STREET, _VAGUE_UNITS,
)

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
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
    strict: bool = False  # the hedge excludes its bound: 'mehr als 50' is > 50, 'knapp unter 5' < 5


class _Lex:
    """The word lists and readers of one language (German: number_lexicon, en/fr: _intl)."""

    def __init__(self, lang: str, **kw):
        self.lang = lang
        self.__dict__.update(kw)
        self.max_hedge = max(len(k) for k in self.hedges)


_LEX = {
    "de": _Lex("de", token_re=_TOKEN_RE, digits=parse_digits, mult=MULTIPLIERS, abbrev=_ABBREV_MULT,
               vague_det=VAGUE_DETERMINERS, vague_units=_VAGUE_UNITS, vague_plurals=VAGUE_PLURALS, hedges=HEDGES,
               units=UNITS, currencies=CURRENCIES, prefix=_PREFIX_CURRENCIES, time=TIME_UNITS, months=MONTHS,
               labels=LABEL_NOUNS, year_cues=YEAR_CUES, determiners=DETERMINERS, clock=_CLOCK_CUES,
               phrase_units={}, between="zwischen", and_="und", or_="oder", to="bis", more={"mehr", "darüber"}),
    "en": _Lex("en", token_re=intl.TOKEN_RE_EN, digits=intl.parse_digits_en, mult=intl.MULTIPLIERS_EN, abbrev=set(),
               vague_det=intl.VAGUE_DETERMINERS_EN, vague_units=intl.VAGUE_UNITS_EN,
               vague_plurals=intl.VAGUE_PLURALS_EN, hedges=intl.HEDGES_EN,
               units={**intl.CURRENCIES_EN, **intl.MEASURES_EN}, currencies=intl.CURRENCIES_EN,
               prefix=intl.PREFIX_CURRENCIES, time=intl.TIME_UNITS_EN, months=intl.MONTHS_EN,
               labels=intl.LABEL_NOUNS_EN, year_cues=intl.YEAR_CUES_EN, determiners=intl.DETERMINERS_EN,
               clock=set(), phrase_units=intl.PHRASE_UNITS_EN, between="between", and_="and", or_="or",
               to="to", more={"more"}),
    "fr": _Lex("fr", token_re=_TOKEN_RE, digits=parse_digits, mult=intl.MULTIPLIERS_FR, abbrev=set(),
               vague_det=intl.VAGUE_DETERMINERS_FR, vague_units=intl.VAGUE_UNITS_FR,
               vague_plurals=intl.VAGUE_PLURALS_FR, hedges=intl.HEDGES_FR,
               units={**intl.CURRENCIES_FR, **intl.MEASURES_FR}, currencies=intl.CURRENCIES_FR,
               prefix=intl.PREFIX_CURRENCIES, time=intl.TIME_UNITS_FR, months=intl.MONTHS_FR,
               labels=intl.LABEL_NOUNS_FR, year_cues=intl.YEAR_CUES_FR, determiners=intl.DETERMINERS_FR,
               clock=set(), phrase_units=intl.PHRASE_UNITS_FR, between="entre", and_="et", or_="ou",
               to="à", more={"plus"}),
}


def tokenize(text: str, lang: str = "de") -> list[Tok]:
    out = []
    for m in _LEX.get(lang, _LEX["de"]).token_re.finditer(text):
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
    plain_digits: str = ""
    approx: bool = False  # 'une vingtaine': approximate by its word  # the digit token as written when the core is one bare digit token


class Scanner(Rejects):
    """Stateful matcher over the tokens of one text."""

    def __init__(self, text: str, lang: str = "de"):
        self.text = text
        self.L = _LEX.get(lang, _LEX["de"])
        # numbers inside URLs and e-mail addresses are not amounts
        masked = _URL.sub(lambda m: " " * len(m.group()), text)
        self.toks = [t for t in tokenize(masked, self.L.lang)]
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
        if t.text == "MM" and self.adjacent(i) and self.currency_before(i - 1) is not None:
            return 1e6, i + 1  # '$200MM': the finance press writes millions as MM
        if lw in intl.AMBIGUOUS_MULT and self.L.lang != "de" and (
                not self.adjacent(i) or self.currency_before(i - 1) is None and not intl.plural_after(self, i + 1)):
            return None  # '5m' is metres unless money or a count follows: '$5m', '2.5m barrels'
        if lw in self.L.mult:
            j = self.abbrev_dot(i) if lw in self.L.abbrev else i + 1
            return self.L.mult[lw], j
        return None

    def core(self, i: int) -> _Core | None:
        t = self.tok(i)
        if t is None:
            return None
        lw = t.low
        if self.L.lang != "de" and t.kind == "word":
            return intl_core(self, i)
        if t.kind == "num":
            v = self.L.digits(t.text)
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

    def hedge_before(self, i: int) -> tuple[int, tuple[str, float | None, float | None]] | None:
        for n in range(self.L.max_hedge, 0, -1):
            if i - n < 0:
                continue
            words = []
            k = i - n
            while k < i:
                t = self.toks[k]
                w = t.low.replace("’", "'")
                if w in ("ca", "mind", "max") and self.tok(k + 1) is not None and self.toks[k + 1].text == ".":
                    w += "."
                    k += 1
                words.append(w)
                k += 1
            key = tuple(words)
            if key in self.L.hedges and k == i:
                return i - n, self.L.hedges[key]
        return None

    def unit_after(self, j: int) -> tuple[str, int] | None:
        if self.tok(j) is None:
            return None
        return intl_unit_after(self, j) if self.L.lang != "de" else de_unit_after(self, j)

    def currency_before(self, i: int) -> tuple[str, int] | None:
        p = self.tok(i - 1)
        if p is None:
            return None
        if p.low in self.L.prefix:
            pp = self.tok(i - 2)
            if p.text == "$" and pp is not None and pp.low == "us":  # 'US$ 42.000', 'US $ 42.000'
                return "USD", i - 2
            if p.text == "$" and pp is not None and pp.text == "-" and (self.tok(i - 3) or pp).low == "us":
                return "USD", i - 3  # 'US-$ 42.000'
            return self.L.currencies[p.low], i - 1
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
            p0 = self.tok(start - 1)
            if hedge is None and c.unit is not None and c.unit != "°" and p0 is not None and p0.low == self.L.to \
                    and self.L.lang == "de" and not (out and start >= 2 and out[-1].end >= self.toks[start - 2].start):
                hedge = (start - 1, ("at_most", None, 1.0))  # 'bis 500 kg', 'eine Reichweite bis 300 km'
            if hedge is None and c.approx:
                hedge = (start, ("approx", 0.9, 1.1))
            zwischen = None
            p = self.tok(start - 1)
            if p is not None and p.low == self.L.between:
                zwischen = start - 1
                hedge = None
            # range: A bis B / A-B / A und B after zwischen / A oder B
            second = None
            sep = self.tok(c.j)
            if sep is not None and sep.low in (self.L.to, "-", "–", "—", self.L.and_, self.L.or_):
                if sep.low == self.L.and_ and zwischen is None:
                    sep = None
                if sep is not None:
                    k = c.j + 1
                    nxt = self.tok(k)
                    if nxt is not None and nxt.low in ("zu",) and sep.low == "bis" and self.L.lang == "de":
                        k += 1
                    h2 = self.hedge_before(k) if nxt is not None else None
                    got2 = self.full_core(k)
                    if got2 is None and nxt is not None and nxt.low in self.L.prefix:
                        got2 = self.full_core(k + 1)  # '$145 million to $175 million'
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
                if hedge is None and t1 is not None and t2 is not None and t1.low in (self.L.or_, self.L.and_) \
                        and t2.low in self.L.more:
                    # trailing hedge: '3.000 oder mehr', '500 Euro und mehr'
                    out.append(self._match(start, c.j + 2, v, v, None, "at_least", c.unit, start, c.j))
                    i = c.j + 2
                    continue
                p1, p2, p3 = self.tok(start - 1), self.tok(start - 2), self.tok(start - 3)
                if hedge is None and p1 is not None and p2 is not None and p2.low in _ONE and 1 < v <= 10 \
                        and (p1.low in (self.L.or_, self.L.to) or p1.low == self.L.and_ and p3 is not None
                             and p3.low == self.L.between) and (not out or out[-1].end <= p2.start):
                    # 'ein oder zwei Geschworene', 'one or two jurors', 'einer bis vier', 'zwischen einer und
                    # vier Zigaretten': the article word is the low end
                    first = start - 3 if p1.low == self.L.and_ else start - 2
                    out.append(self._match(first, c.j, None, 1.0, v, "range", c.unit, start, c.j))
                elif hedge is None:
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
        core_start = self.toks[ci].start
        if unit == "°" and _BELOW_ZERO.match(self.text, e):  # '196 Grad unter Null' is -196 °
            value, low, high = (None if x is None else -x for x in (value, high, low))
            qual = {"at_least": "at_most", "at_most": "at_least"}.get(qual, qual)
        return NumberMatch(
            start=s, end=e, text=self.text[s:e], value=_round(value), low=_round(low), high=_round(high),
            qualifier=qual, unit=unit, core_start=core_start, core_end=self.toks[cj - 1].end,
            strict=qual in ("at_least", "at_most", "approx") and bool(_STRICT_HEDGE.search(self.text[s:core_start])),
        )


_BELOW_ZERO = re.compile(r"\s+(?:unter\s+Null|minus\b)", re.I)

# hedges that exclude their bound ('mehr als', 'über', 'weniger als', 'unter', 'more than', 'plus de'), unless
# negated ('nicht mehr als' is at most, 'no fewer than' at least): shown as '>' / '<' (report.common.fmt_range)
_STRICT_HEDGE = re.compile(
    r"(?i)^(?!.*\b(?:nicht|no|not|pas)\b).*\b(?:mehr\s+als|über|weniger\s+als|unter|more\s+than|over|above|in\s+excess\s+of|"
    r"upwards\s+of|fewer\s+than|less\s+than|under|below|plus\s+d|moins\s+d|au-delà)", re.S)

_ONE = frozenset({"ein", "eine", "einen", "einem", "einer", "eins", "one", "un", "une"})


def scan_numbers(text: str, lang: str = "de") -> list[NumberMatch]:
    """Every quantity expression in `text` (language 'de', 'en' or 'fr'), left to right."""
    return Scanner(text, lang).scan()
