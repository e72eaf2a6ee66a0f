"""Quotation marks and the 'units' a quotation bridges (split from quotes.py).

`pair_quotes` pairs the quotation marks of every German style (and French guillemets);
`make_units` groups sentences that one quotation spans into a unit analysed as a whole.
"""
from __future__ import annotations

# opener -> closers. Ambiguous marks (“ ” » « ") are decided by context in pair_quotes.
_CLOSERS = {"„": "“”\"", "»": "«", "«": "»", "\"": "\"", "‚": "‘’", "“": "”“",
            "›": "‹", "‹": "›"}
# ---------------------------------------------------------------------------- quotation marks

def pair_quotes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(open, close) offsets of quotation marks, paired within each paragraph."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    i = start
    open_at: int | None = None
    while i < end:
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
    return out


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


