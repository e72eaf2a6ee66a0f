"""Who copied or translated whom (issue 7)."""
from __future__ import annotations

from ..records import AnalysedArticle


def find_lineage(docs: list[AnalysedArticle]) -> list[dict]:
    """Edges [{'source', 'target', 'kind', 'score', 'spans'}]."""
    return []
