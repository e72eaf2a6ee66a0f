"""A story's title, generated from its content (issue 7)."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..records import AnalysedArticle, Entity
from .similarity import Vectoriser, dot, features_of_doc


def story_title(docs: list[AnalysedArticle], entities: list[Entity]) -> str:
    """A title from the story's content: the title of its most central article.

    Central = highest average similarity to the other members, among the articles in the story's
    main language; without titles, the first
    sentence of that article (cut at a word boundary), and failing that the key entities."""
    if not docs:
        return "Story"
    order = [0] if len(docs) == 1 else _central_first(docs)  # one article: nothing to compare (issue 18)
    for i in order:
        t = (docs[i].article.title or "").strip()
        if t:
            return t
    for i in order:
        text = docs[i].article.text.strip()
        if text:
            first = text.split("\n", 1)[0]
            if len(first) > 120:
                first = first[:120].rsplit(" ", 1)[0] + " …"
            return first
    names = [e.name for e in sorted(entities, key=lambda e: -len(e.mentions))[:3]]
    return ", ".join(names) if names else "Story"


def _central_first(docs: list[AnalysedArticle]) -> list[int]:
    """Indexes of `docs`: the story's main language first, then the most central article."""
    feats = [features_of_doc(d) for d in docs]
    vec = Vectoriser()
    for f in feats:
        vec.observe(f)
    vecs = [vec.vector(f)[0] for f in feats]
    total: dict[int, float] = defaultdict(float)
    for v in vecs:
        for h, w in v.items():
            total[h] += w
    def centrality(i: int) -> float:
        return dot(vecs[i], total) - dot(vecs[i], vecs[i])
    # a story reported in several languages is titled in the language most of it is in
    langs = Counter(d.article.language for d in docs)
    main = max(langs, key=lambda lang: (langs[lang], lang == "de"))
    return sorted(range(len(docs)), key=lambda i: (docs[i].article.language != main, -centrality(i), docs[i].id))
