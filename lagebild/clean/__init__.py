"""Clean: RawDocument -> Article (cleaned text, removed lines, byline, agencies, language)."""
from __future__ import annotations

import hashlib

from ..records import Article, RawDocument


def clean_document(raw: RawDocument) -> Article:
    text = raw.text.strip()
    lines = [l.strip() for l in text.splitlines()]
    lines = [l for l in lines if l]
    title = raw.title or (lines[0] if lines else None)
    text = "\n".join(lines)
    return Article(
        id=raw.id,
        source=raw.source,
        text=text,
        title=title,
        published=raw.published,
        outlet=raw.outlet,
        url=raw.url,
        language=raw.language or "de",
        byline=raw.byline,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
