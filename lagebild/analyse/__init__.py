"""Per-article analysis: a list of small stages, each `AnalysedArticle -> None` (adds spans).

The order lives here and only here. Every stage reads what earlier stages added
(quotes use entities for speakers; figures use attribution chains; timexes date figures).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import contextmanager

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
    """Run every analysis stage on one cleaned article (the model's stages in a memory zone, as in
    `analyse_batch`)."""
    from .entities import load_model

    doc = AnalysedArticle(article=article)
    stages = _stages()
    cut = [name for name, _ in stages].index("entities") + 1
    with _memory_zone(load_model() if "entities" not in skip else None):
        for name, stage in stages[:cut]:
            if name not in skip:
                stage(doc)
    for name, stage in stages[cut:]:
        if name not in skip:
            stage(doc)
    return doc


NER_BATCH = 256  # sentences per nlp.pipe batch: measured fastest of 64/256/1000 on 10kGNAD (issue 18)


# strings the NER model's vocabulary may gain (from the first analysis with it on) before later batches run in
# memory zones: about 25 a news article, so zones start after some 10,000 articles, at roughly 100 MB more RSS
ZONE_AFTER_STRINGS = 250_000
_FIRST_STRINGS: dict[int, int] = {}  # id(model) -> its string count at its first analysis here


@contextmanager
def _memory_zone(nlp):
    """Sentence splitting and tagging of a batch inside one spaCy memory zone, once the model's
    vocabulary has grown by ZONE_AFTER_STRINGS: the words the vocabulary and the tokenizer cache
    learn from the batch are then freed after it, so a long-running ingest or server stops growing
    with every new word it reads (about 10 MB per 1,000 news articles, for good). Not from the start:
    a zone costs a batch ~5 % more CPU (new words are looked up afresh in every batch), which a report
    of a few thousand articles should not pay. Nothing of spaCy's leaves a zone: the stages keep
    offsets and plain strings only. The zone holds `nlp.MODEL_LOCK`, which sentence splitting also
    takes: words another thread added to the vocabulary while the zone is open would be freed with it.
    LAGEBILD_MEMORY_ZONES=0 switches zones off."""
    if nlp is None or not hasattr(nlp, "memory_zone") or os.environ.get("LAGEBILD_MEMORY_ZONES") == "0":
        yield
        return
    base = _FIRST_STRINGS.setdefault(id(nlp), len(nlp.vocab.strings))
    if len(nlp.vocab.strings) - base < ZONE_AFTER_STRINGS:
        yield
        return
    from .nlp import MODEL_LOCK

    with MODEL_LOCK, nlp.memory_zone():
        yield


def analyse_batch(articles: list[Article], skip: tuple[str, ...] = ()) -> list[AnalysedArticle]:
    """`analyse_article` for many articles at once, with the same result: the sentences of all
    articles go through the NER model in shared batches (one `nlp.pipe` call per batch of
    articles, not one per article); the other stages run per article as usual."""
    from .entities import find_entities, load_model, ner_segments, tag

    docs = [AnalysedArticle(article=a) for a in articles]
    # before sentence splitting, which then shares the model's tokenizer (nlp._tokenizer)
    nlp = load_model() if "entities" not in skip else None
    stages = _stages()
    cut = [name for name, _ in stages].index("entities")
    with _memory_zone(nlp):
        for doc in docs:
            for name, stage in stages[:cut]:
                if name not in skip:
                    stage(doc)
        if nlp is not None:
            spans = [ner_segments(doc) for doc in docs]
            pieces = (doc.text[s:e] for doc, segs in zip(docs, spans) for s, e in segs)
            tagged = tag(nlp, pieces, batch_size=NER_BATCH)
            for doc, segs in zip(docs, spans):
                find_entities(doc, tagged=[next(tagged) for _ in segs])
    for doc in docs:
        for name, stage in stages[cut + 1:]:
            if name not in skip:
                stage(doc)
    return docs
