"""Time expressions normalised against the article date (issue 6)."""
from __future__ import annotations

from ..records import AnalysedArticle


def find_timexes(doc: AnalysedArticle) -> None:
    """Add `Timex`es to doc.timexes."""
    return None
