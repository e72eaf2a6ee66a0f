"""`finditer` of a regex (timex rules, translation cues): the same matches, tried only near its
required words.

Python's `re` tries a case-insensitive pattern that opens with an optional group ('im', 'seit',
'Anfang', ...) at every position of the text: the rule scans were the largest non-NER cost per
article (issue 18). Most rules cannot match without one of a few literal words ('Oktober', 'Uhr',
'Jahr'). From the parsed pattern we derive such a *trigger* set (every match contains one of
its strings) and a bound on how far before the trigger a match can start; then the pattern is
only tried (`Pattern.match`, which sees the whole text, look-behinds included) at the positions
that can start a match, in order: the same matches `finditer` gives, none lost, none added.

The bound depends on the text: an unbounded `\\s+`, `\\d+` or `\\w+` before the trigger is at most
as long as the text's longest run of such characters. Triggers are found in the lower-cased text;
a text whose lower-casing changes its length, or that holds one of the few characters that match
a Latin letter case-insensitively without lower-casing to it ('ſ', 'K', 'ı', 'İ'), is scanned whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

try:  # Python >= 3.11
    from re import _parser as _sre
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre  # type: ignore[no-redef]

INF = None  # an unbounded width
_CLASSES = ("s", "d", "w")  # runs of \s, \d, \w: the unbounded repeats a bound can still be given for
# longest runs, bounded from above: at least 1 space, 4 digits, 20 word characters (cheap to rule out)
_RUN_RE = {"s": (re.compile(r"\s{2,}"), 1), "d": (re.compile(r"\d{5,}"), 4), "w": (re.compile(r"\w{21,}"), 20)}
# characters a trigger may hold: lower-casing the text maps every character that matches them
# (case-insensitively) onto them, except _FOLD_EXTRA (see tests/test_timex_scan.py)
_ALPHABET = frozenset("abcdefghijklmnopqrstuvwxyz0123456789äöüßàâçéèêëîïôûùœæ .,:;/-'’")
_FOLD_EXTRA = re.compile("[\u017f\u212a\u0131\u0130\u1e9e]")  # ſ K ı İ ẞ
_MAX_SET = 64  # trigger strings per rule at most
_MAX_RARITY = 0.01  # see _rarity
_MAX_CLASS = 10  # a character class of at most this many characters may be part of a trigger


def _width_add(a, b):
    return INF if a is INF or b is INF else tuple(x + y for x, y in zip(a, b))


def _width_mul(a, n):
    return INF if a is INF else tuple(x * n for x in a)


_ZERO, _ONE = (0, 0, 0, 0), (1, 0, 0, 0)


def _char_class(op, av) -> str | None:
    """'s' / 'd' / 'w' when a one-character item only matches whitespace / digits / word characters."""
    cats = {_sre.CATEGORY_SPACE: "s", _sre.CATEGORY_DIGIT: "d", _sre.CATEGORY_WORD: "w"}
    if op is _sre.LITERAL:
        c = chr(av)
        return "s" if c.isspace() else "d" if c.isdecimal() else "w" if re.fullmatch(r"\w", c) else None
    if op is _sre.IN:
        kinds = set()
        for sub_op, sub_av in av:
            if sub_op is _sre.CATEGORY and sub_av in cats:
                kinds.add(cats[sub_av])
            elif sub_op is _sre.LITERAL and chr(sub_av).isspace():
                kinds.add("s")
            elif sub_op is _sre.RANGE and sub_av == (48, 57):
                kinds.add("d")
            else:
                return None
        if len(kinds) == 1:
            return kinds.pop()
        return "w" if kinds == {"d", "w"} else None
    return None


def _small_set(op, av) -> frozenset[str] | None:
    """The characters (lower-cased) of a LITERAL or a small positive class; None otherwise."""
    if op is _sre.LITERAL:
        chars = {chr(av)}
    elif op is _sre.IN:
        chars = set()
        for sub_op, sub_av in av:
            if sub_op is _sre.LITERAL:
                chars.add(chr(sub_av))
            elif sub_op is _sre.RANGE and sub_av[1] - sub_av[0] < _MAX_CLASS:
                chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
            else:
                return None
    else:
        return None
    low = {c.lower() for c in chars}
    if len(low) > _MAX_CLASS or not all(len(c) == 1 and c in _ALPHABET for c in low):
        return None
    return frozenset(low)


@dataclass
class _Info:
    minw: int
    maxw: tuple | None  # (const, per \s run, per \d run, per \w run) or INF
    trigger: frozenset[str] | None = None  # every match of the item contains one of these
    offset: tuple | None = INF  # the trigger starts at most this far into the item


def _rarity(strings: frozenset[str]) -> float:
    """Rough share of text positions where one of `strings` starts (letters are common, digits
    less so): the trigger with the lowest share leaves the fewest positions to try."""
    def share(s: str) -> float:
        out = 1.0
        for c in s:
            out *= 0.06 if c.isalpha() else 0.01 if c.isdigit() else 0.15 if c == " " else 0.02
        return out
    return sum(map(share, strings))


def _better(a: tuple[frozenset[str], tuple], b: tuple[frozenset[str], tuple] | None) -> bool:
    return b is None or _rarity(a[0]) < _rarity(b[0])


def _item(op, av) -> _Info:
    if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN, _sre.CATEGORY):
        chars = _small_set(op, av)
        return _Info(1, _ONE, chars, _ZERO if chars else INF)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return _Info(0, _ZERO)
    if op is _sre.SUBPATTERN:
        return _seq(av[3])
    if getattr(_sre, "ATOMIC_GROUP", object()) is op:
        return _seq(av)
    if op is _sre.BRANCH:
        alts = [_seq(alt) for alt in av[1]]
        maxw = _ZERO
        for a in alts:
            maxw = INF if maxw is INF or a.maxw is INF else tuple(map(max, maxw, a.maxw))
        info = _Info(min(a.minw for a in alts), maxw)
        if all(a.trigger and a.offset is not INF for a in alts):
            trig = frozenset().union(*(a.trigger for a in alts))
            if len(trig) <= _MAX_SET:
                off = _ZERO
                for a in alts:
                    off = tuple(map(max, off, a.offset))
                info.trigger, info.offset = trig, off
        return info
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)):
        lo, hi, sub = av
        inner = _seq(sub)
        if hi is _sre.MAXREPEAT:
            kind = _char_class(*sub[0]) if len(sub) == 1 else None
            maxw = INF if kind is None else tuple(int(c == kind) for c in ("", *_CLASSES))
        else:
            maxw = _width_mul(inner.maxw, hi)
        info = _Info(lo * inner.minw, maxw)
        if lo >= 1 and inner.trigger:  # the first repetition holds one
            info.trigger, info.offset = inner.trigger, inner.offset
        return info
    return _Info(0, INF)  # back-references and conditionals: no bound, no trigger


def _seq(items) -> _Info:
    """A concatenation: widths add up; the trigger is the best of its items' triggers and of its
    runs of literal characters ('U' 'h' 'r' -> 'uhr'; 'm' + [mn] -> 'im', 'in')."""
    items = list(items)
    minw, maxw = 0, _ZERO
    best: tuple[frozenset[str], tuple] | None = None
    run: set[str] | None = None
    run_off: tuple | None = None
    for op, av in items:
        info = _item(op, av)
        chars = _small_set(op, av)
        if chars is not None and maxw is not INF:
            if run is None:
                run, run_off = set(chars), maxw
            else:
                grown = {s + c for s in run for c in chars}
                run = grown if len(grown) <= _MAX_SET else None
                if run is None:
                    run, run_off = set(chars), maxw
            if _better((frozenset(run), run_off), best):
                best = (frozenset(run), run_off)
        elif info.maxw != _ZERO or info.minw:
            run = None  # a zero-width assertion does not break a run of literals
        if info.trigger and info.offset is not INF and maxw is not INF:
            cand = (info.trigger, _width_add(maxw, info.offset))
            if _better(cand, best):
                best = cand
        minw += info.minw
        maxw = _width_add(maxw, info.maxw)
    out = _Info(minw, maxw)
    if best is not None:
        out.trigger, out.offset = best
    return out


@dataclass(frozen=True)
class Plan:
    """How to scan one pattern: its trigger regex (on lower-cased text) and start offset bound."""

    trigger: re.Pattern
    offset: tuple


@lru_cache(maxsize=None)
def plan(regex: re.Pattern) -> Plan | None:
    """The scan plan of a compiled pattern, or None (scan it whole)."""
    try:
        info = _seq(_sre.parse(regex.pattern, regex.flags))
    except Exception:  # an unparsable or odd pattern: scan whole
        return None
    if info.minw < 1 or not info.trigger or info.offset is INF or "" in info.trigger:
        return None
    if _rarity(info.trigger) > _MAX_RARITY:  # ':', 'h': found everywhere, a whole scan is cheaper
        return None
    alternatives = sorted(info.trigger, key=lambda s: (-len(s), s))
    return Plan(re.compile("|".join(re.escape(s) for s in alternatives)), info.offset)


class TextScan:
    """One text, scanned by many patterns: lower-cased once, its longest runs counted once."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = low if len(low) == len(text) and not _FOLD_EXTRA.search(text) else None
        self._runs: dict[str, int] = {}
        self._hits: dict[re.Pattern, list[tuple[int, int]]] = {}  # rules share trigger sets (month names)

    def _run(self, kind: str) -> int:
        if kind not in self._runs:
            pattern, least = _RUN_RE[kind]
            self._runs[kind] = max((m.end() - m.start() for m in pattern.finditer(self.text)), default=least)
        return self._runs[kind]

    def bound(self, offset: tuple) -> int:
        const, *per_run = offset
        return const + sum(k * self._run(kind) for k, kind in zip(per_run, _CLASSES) if k)

    def finditer(self, regex: re.Pattern):
        """The matches of `regex.finditer(text)` (the non-empty ones: every planned pattern's are)."""
        p = plan(regex)
        if p is None or self.low is None:
            yield from regex.finditer(self.text)
            return
        hits = self._hits.get(p.trigger)
        if hits is None:
            hits = self._hits[p.trigger] = [h.span() for h in p.trigger.finditer(self.low)]
        if not hits:
            return
        back = self.bound(p.offset)
        if sum(e - s + back for s, e in hits) * 4 > len(self.text):
            yield from regex.finditer(self.text)  # triggers everywhere: trying each position costs more
            return
        text, match, nxt = self.text, regex.match, 0  # nxt: the first position not yet tried
        for s, e in hits:
            # a match holding a trigger occurrence that starts inside this hit starts in [s - back, e)
            i = max(nxt, s - back)
            while i < e:
                m = match(text, i)
                if m is None:
                    i += 1
                else:
                    yield m
                    i = m.end()
            nxt = max(nxt, i)


def lines_apart(text: str) -> str:
    """The text with its line breaks made impassable (a NUL each, same offsets) unless its lines are hard-wrapped
    prose: a headline's last word and the next line's first are no expression ('stellte Regierungsprogramm vor' /
    'Einen Tag nach …', a ticker's '00:36' / 'Heute waren …'; survey 36), while '…, dass der Mann am 5.' / 'Mai 2020
    verhaftet wurde' of a wrapped text is one date."""
    if "\n" not in text:
        return text
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    wrapped = sum(40 <= n <= 100 for n in lengths)
    if wrapped >= 3 and wrapped * 2 >= len(lengths):
        return text
    return text.replace("\n", "\0")
