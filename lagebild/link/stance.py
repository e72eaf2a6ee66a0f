"""Stance matrix: claim x actor x outlet -> confirm/deny/neither (issue 7)."""
from __future__ import annotations

from ..records import AnalysedArticle, Entity, Quote


def stance_matrix(docs: list[AnalysedArticle], quotes: list[Quote], entities: list[Entity]) -> list[dict]:
    return []
