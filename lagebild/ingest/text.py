"""Plain-text articles: the first non-empty line becomes the title when it looks like a headline."""
from __future__ import annotations

import re

from ..records import RawDocument

_BYLINE_START = re.compile(r"^(von|by|autor(in)?|text|von:)\b", re.I)
_DATE_ONLY = re.compile(r"^[\d.\s:/-]+(uhr)?$", re.I)


def looks_like_headline(line: str, next_line: str | None) -> bool:
    """A headline: short, no sentence-final full stop, not a byline/date, and followed by more text.

    German news headlines end without a full stop but may end with '?', '!', '“' or ':'.
    """
    line = line.strip()
    if not line or next_line is None or not next_line.strip():
        return False
    if len(line) > 160 or len(line.split()) < 2:
        return False
    if re.search(r"[.!]\s+[A-ZÄÖÜ„\"]", line):  # two sentences: a lead paragraph, not a headline
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    if _BYLINE_START.match(line) or _DATE_ONLY.match(line):
        return False
    return True


def text_to_document(text: str, source: str, doc_id: str, meta: dict | None = None) -> RawDocument:
    """A .txt file -> RawDocument. The text is kept whole; `title` only names the first line."""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    title = None
    if lines and looks_like_headline(lines[0], lines[1] if len(lines) > 1 else None):
        title = lines[0]
    return RawDocument(id=doc_id, source=source, text=text, title=title, meta=dict(meta or {}))
