"""Attribution chains: 'laut X unter Berufung auf Y' -> ['X', 'Y'] (issue 5)."""
from __future__ import annotations


def attribution_chain(text: str, start: int, end: int, focus: int | None = None) -> list[str]:
    """Who a claim in text[start:end] (a sentence) is attributed to, outermost first.

    `focus` is the offset of the item (figure, claim) whose attribution is wanted; when a
    sentence holds two claims with different sources ('laut US-Informationen 3.000, laut
    südkoreanischen Informationen 1.500') the source nearest to the focus wins.
    """
    return []
