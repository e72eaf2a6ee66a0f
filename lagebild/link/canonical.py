"""One canonical entity per real-world entity across spellings (issue 4)."""
from __future__ import annotations

from ..records import AnalysedArticle, Entity, Quote


def canonical_entities(docs: list[AnalysedArticle]) -> list[Entity]:
    """Group the mentions of all docs into canonical entities."""
    return []


def link_speakers(quotes: list[Quote], entities: list[Entity], docs: list[AnalysedArticle]) -> None:
    """Set quote.speaker_entity to the canonical name of the entity the speaker names."""
    return None
