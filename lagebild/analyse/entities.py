"""Entity mentions (PER/ORG/LOC/MISC). Placeholder until the trained model lands (issue 4)."""
from __future__ import annotations

from ..records import AnalysedArticle


def find_entities(doc: AnalysedArticle) -> None:
    """Add `Mention`s to doc.mentions."""
    return None
