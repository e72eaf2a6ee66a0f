"""Figures: numbers with hedges as ranges, what they count, who claims them (issue 6)."""
from __future__ import annotations

from ..records import AnalysedArticle


def find_figures(doc: AnalysedArticle) -> None:
    """Add `Figure`s to doc.figures."""
    return None
