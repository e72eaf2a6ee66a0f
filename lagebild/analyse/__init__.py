"""Per-article analysis: a list of small stages, each `AnalysedArticle -> None` (adds spans).

The order lives here and only here. Every stage reads what earlier stages added
(quotes use entities for speakers; figures use attribution chains; timexes date figures).
"""
from __future__ import annotations

from collections.abc import Callable

from ..records import AnalysedArticle, Article

Stage = Callable[[AnalysedArticle], None]


def sentences(doc: AnalysedArticle) -> None:
    from .nlp import split_sentences  # spaCy loads on first use, not on `import lagebild.analyse`

    doc.sentences = split_sentences(doc.text, doc.article.language)


def _stages() -> list[tuple[str, Stage]]:
    from .entities import find_entities
    from .figures import find_figures
    from .quotes import find_quotes
    from .timex import find_timexes

    return [
        ("sentences", sentences),
        ("entities", find_entities),
        ("quotes", find_quotes),
        ("timexes", find_timexes),
        ("figures", find_figures),
    ]


def analyse_article(article: Article, skip: tuple[str, ...] = ()) -> AnalysedArticle:
    """Run every analysis stage on one cleaned article."""
    doc = AnalysedArticle(article=article)
    for name, stage in _stages():
        if name not in skip:
            stage(doc)
    return doc
