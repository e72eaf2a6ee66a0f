"""Direct and indirect speech with speakers (issue 5)."""
from __future__ import annotations

from ..records import AnalysedArticle


def find_quotes(doc: AnalysedArticle) -> None:
    """Add `Quote`s to doc.quotes."""
    return None
