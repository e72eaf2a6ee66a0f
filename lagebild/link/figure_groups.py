"""Figure groups across articles with a disagreement flag (issue 7)."""
from __future__ import annotations

from ..records import AnalysedArticle, Figure


def group_figures(figures: list[Figure], docs: list[AnalysedArticle]) -> list[dict]:
    """[{'topic', 'figure_ids', 'disagreement', ...}]"""
    return []
