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


NER_BATCH = 256  # sentences per nlp.pipe batch: measured fastest of 64/256/1000 on 10kGNAD (issue 18)


def analyse_batch(articles: list[Article], skip: tuple[str, ...] = ()) -> list[AnalysedArticle]:
    """`analyse_article` for many articles at once, with the same result: the sentences of all
    articles go through the NER model in shared batches (one `nlp.pipe` call per batch of
    articles, not one per article); the other stages run per article as usual."""
    from .entities import find_entities, load_model, ner_segments, tag

    docs = [AnalysedArticle(article=a) for a in articles]
    if "entities" not in skip:
        load_model()  # before sentence splitting, which then shares the model's tokenizer (nlp._tokenizer)
    stages = _stages()
    cut = [name for name, _ in stages].index("entities")
    for doc in docs:
        for name, stage in stages[:cut]:
            if name not in skip:
                stage(doc)
    if "entities" not in skip:
        spans = [ner_segments(doc) for doc in docs]
        pieces = (doc.text[s:e] for doc, segs in zip(docs, spans) for s, e in segs)
        tagged = tag(load_model(), pieces, batch_size=NER_BATCH)
        for doc, segs in zip(docs, spans):
            find_entities(doc, tagged=[next(tagged) for _ in segs])
    for doc in docs:
        for name, stage in stages[cut + 1:]:
            if name not in skip:
                stage(doc)
    return docs
