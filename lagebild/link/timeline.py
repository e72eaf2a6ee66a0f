"""Merged, sorted timeline of dated events (issue 6/7)."""
from __future__ import annotations

from ..records import AnalysedArticle


def build_timeline(docs: list[AnalysedArticle]) -> list[dict]:
    """Rows {date, text, event, article_id, start, end, sources}, sorted by date."""
    return []
