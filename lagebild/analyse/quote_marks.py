"""Quotation marks and the 'units' a quotation bridges (split from quotes.py).

`pair_quotes` pairs the quotation marks of every German style (and French guillemets);
`make_units` groups sentences that one quotation spans into a unit analysed as a whole.
"""
from __future__ import annotations

import re

# opener -> closers. Ambiguous marks (“ ” » « ") are decided by context in pair_quotes.
_CLOSERS = {"„": "“”\"", "»": "«", "«": "»", "\"": "\"", "‚": "‘’", "“": "”“",
            "›": "‹", "‹": "›"}
_MARK_OR_BREAK = re.compile("[\n" + re.escape("".join(sorted(set("".join(_CLOSERS) + "".join(_CLOSERS.values()))))) + "]")
# ---------------------------------------------------------------------------- quotation marks

def pair_quotes(text: str, start: int = 0, end: int | None = None, open_at: int | None = None,
                trace: list[tuple[int, int | None]] | None = None) -> list[tuple[int, int]]:
    """(open, close) offsets of quotation marks, paired within each paragraph.

    `open_at`: a mark before `start` still open there; `trace` (non-empty) gets (offset, open
    mark before it) wherever that changes (quote_context resumes mid-text from it, issue 18)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    i = start
    if trace is not None and i < end and trace[-1][1] != open_at:
        trace.append((i, open_at))  # the open mark before offset i
    # only line breaks and quotation marks change anything: jump from one to the next (issue 18)
    while (hit := _MARK_OR_BREAK.search(text, i, end)) is not None:
        i = hit.start()
        ch = text[i]
        if ch == "\n":
            open_at = None  # unclosed quotation: drop rather than guess
        elif open_at is None:
            if ch in _CLOSERS and _opens(text, i):
                open_at = i
        else:
            op = text[open_at]
            spaced = op in "«»" and text[open_at + 1] == " " and text[i - 1] == " "  # French '« Oui »'
            if ch in _CLOSERS[op] and (_closes(text, i) or spaced):
                if i > open_at + 1:
                    out.append((open_at, i))
                open_at = None
        i += 1
        if trace is not None and i < end and trace[-1][1] != open_at:
            trace.append((i, open_at))
    return out


def quote_context(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`pair_quotes(text[:end])` restricted to marks inside [start, end), in time linear in
    end - start (issue 18: re-pairing the whole text once per figure was quadratic)."""
    import bisect

    offsets, states = _trace(text)
    # resume 2 characters early: a decision at i looks at most at i + 2, so every decision
    # before `resume` is the same in text and text[:end]
    resume = max(0, start - 2)
    open_at = states[bisect.bisect_right(offsets, resume) - 1]
    return [(o, c) for o, c in pair_quotes(text[:end], resume, end, open_at=open_at) if start <= o]


_TRACE: dict[int, tuple[str, list[int], list[int | None]]] = {}


def _trace(text: str) -> tuple[list[int], list[int | None]]:
    """pair_quotes' states over the whole text (offsets where the open mark changes, and the open
    mark from there on), kept for the last text asked about."""
    hit = _TRACE.get(id(text))
    if hit is None or hit[0] is not text:
        trace: list[tuple[int, int | None]] = [(0, None)]
        pair_quotes(text, trace=trace)
        _TRACE.clear()
        _TRACE[id(text)] = hit = (text, [o for o, _ in trace], [s for _, s in trace])
    return hit[1], hit[2]


class PrefixWords:
    """Membership in `{w.lower() for w in re.findall(r"[a-zäöüß]+", text[:end])}`, answered from
    one index of the whole text (the first end offset of every word)."""

    _cache: dict[int, tuple[str, dict[str, int]]] = {}

    def __init__(self, text: str, end: int):
        hit = self._cache.get(id(text))
        if hit is None or hit[0] is not text:
            first: dict[str, int] = {}
            for m in re.finditer(r"[a-zäöüß]+", text):
                first.setdefault(m.group().lower(), m.end())
            self._cache.clear()
            self._cache[id(text)] = hit = (text, first)
        self.first, self.end = hit[1], end
        run = end  # a word that text[:end] cuts short ('Verhandl|ungen') counts as cut
        while run > 0 and end < len(text) and _LOWER_CHAR.match(text[end]) and _LOWER_CHAR.match(text[run - 1]):
            run -= 1
        self.cut = text[run:end].lower() if run < end else None

    def __contains__(self, word: object) -> bool:
        at = self.first.get(word)  # type: ignore[call-overload]
        return (at is not None and at <= self.end) or word == self.cut


_LOWER_CHAR = re.compile(r"[a-zäöüß]")


def _opens(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():  # only French guillemets have a space inside: '« Nous … »'
        return text[i] in "«»" and i + 2 < len(text) and text[i + 2].isalnum() and (prev.isspace() or i == 0)
    return prev.isspace() or prev in "([{-–—/:;,.>" or i == 0


def _closes(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isspace():
        return False
    return not nxt.isalnum() or text[i] in "“«»" and nxt.isupper()


# ---------------------------------------------------------------------------- units

def make_units(text: str, sentences: list[tuple[int, int]], marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge sentences bridged by a quotation (or continued by ', sagte er') into units."""
    units: list[list[int]] = []
    openers = {o for o, _ in marks}
    fixed: list[tuple[int, int]] = []
    for s, e in sentences:  # the sentencizer may glue an opening mark to the previous sentence
        if fixed and fixed[-1][1] - 1 in openers and "\n" not in text[fixed[-1][1]:s]:
            ps, pe = fixed[-1]
            o = pe - 1
            ne = o
            while ne > ps and text[ne - 1].isspace():
                ne -= 1
            fixed[-1] = (ps, ne)
            s = o
        fixed.append((s, e))
    for s, e in fixed:
        if units:
            ps, pe = units[-1]
            same_line = "\n" not in text[pe:s]
            bridged = any(o < pe <= c or ps <= o < pe < c for o, c in marks)
            cont = text[s:s + 1] in ",;" or (text[s:s + 1].islower() and text[pe - 1:pe] in "“”\"»«,;:")
            if same_line and (bridged or cont):
                units[-1][1] = e
                continue
        units.append([s, e])
    return [(s, e) for s, e in units]


