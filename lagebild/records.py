"""Typed records that flow through the pipeline.

One `Article` owns its cleaned text; every analysis item is a span with character offsets
into that text (`article.text[start:end] == item.text`). Stages add items; nothing copies text
around. `to_dict()` on each record gives the JSON shape of ../shared/spec/dossier.schema.json.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, field, fields
from typing import Any

_ATOMIC = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain_dict(record) -> dict:
    """`dataclasses.asdict(record)`, without its deep copy of every value when the fields hold only
    strings, numbers, None and lists of those (the records below; issue 18); else asdict itself."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in fields(record))
    out = {}
    for name in names:
        value = getattr(record, name)
        if type(value) in _ATOMIC:
            out[name] = value
        elif type(value) is list and all(type(v) in _ATOMIC for v in value):
            out[name] = list(value)
        else:
            return asdict(record)
    return out

SCHEMA_VERSION = "1.0"


@dataclass
class RawDocument:
    """What ingest yields: one article-to-be, before cleaning."""

    id: str
    source: str  # path or URL it came from
    text: str  # plain text (HTML already extracted) — may still hold boilerplate lines
    title: str | None = None
    published: str | None = None  # ISO date/datetime if known from metadata
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    language: str | None = None  # hint from metadata, if any
    raw_html: str | None = None  # original HTML when the input was HTML (for date finding)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class IngestError:
    """One clear, per-file (and per-line) error; the batch goes on."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


@dataclass
class Article:
    id: str
    source: str
    text: str  # cleaned body; all offsets refer to it
    title: str | None = None
    published: str | None = None
    published_inferred: bool = False
    published_evidence: str | None = None  # where an inferred publication date comes from
    outlet: str | None = None
    url: str | None = None
    language: str = "de"
    byline: str | None = None
    authors: list[str] = field(default_factory=list)  # the byline as persons (agencies apart, in `agency`)
    agency: list[str] = field(default_factory=list)
    translated_from: str | None = None
    removed_lines: list[str] = field(default_factory=list)
    content_hash: str = ""

    def to_dict(self) -> dict:
        return plain_dict(self)


@dataclass
class Mention:
    """An entity mention. `norm` is the name it stands for ('nordkoreanische' -> 'Nordkorea')."""

    article_id: str
    start: int
    end: int
    text: str
    label: str  # PER | ORG | LOC | MISC
    norm: str | None = None
    derived: bool = False  # adjective/demonym or part of a compound (GermEval *deriv/*part)
    score: float | None = None

    def span(self) -> dict:
        return {"article_id": self.article_id, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Quote:
    article_id: str
    start: int
    end: int
    text: str  # the message span as written (without quotation marks for direct quotes)
    direct: bool
    speaker: str | None = None  # as written: 'Selenskyj', 'ein Sprecher des Pentagons'
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None  # canonical name once linked
    cue: str | None = None  # sagte, erklärte, laut, ...
    cue_start: int | None = None
    cue_end: int | None = None
    attributed_to: list[str] = field(default_factory=list)  # chain, outermost first
    stance: str = "none"  # confirm | deny | neither | none
    id: str = ""
    speakers: list[str] = field(default_factory=list)  # every speaker of a joint statement, `speaker` first
    speaker_kind: str | None = None  # person | organisation | place | role | document | pronoun (unresolved)
    speaker_pronoun_start: int | None = None  # evidence of a resolved pronoun speaker ('sagte er')
    speaker_pronoun_end: int | None = None
    form: str = ""  # direct | indirect | mixed (a direct quotation inside indirect speech)
    confidence: float = 0.0  # 0-1, calibrated on the SpkAtt tuning split (analyse/quote_checks.py)
    shown: bool = True  # confidence above the display threshold; the rest are listed as uncertain

    def to_dict(self) -> dict:
        return plain_dict(self)


@dataclass
class Figure:
    article_id: str
    start: int
    end: int
    text: str  # the number expression with its hedge, e.g. 'mindestens 3.000'
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None  # exact | approx | at_least | at_most | range | vague
    unit: str | None = None  # '%', 'EUR', 'km', ... None for plain counts
    count_of: str = ""  # counted noun as written: 'nordkoreanische Soldaten'
    topic: str = ""  # normalised, comparable across articles: 'soldat'
    attributed_to: list[str] = field(default_factory=list)
    date: str | None = None  # when the figure holds, if the sentence dates it
    id: str = ""
    strict: bool = False  # the hedge excludes its bound: 'mehr als 50' (> 50), 'weniger als 5' (< 5)

    def to_dict(self) -> dict:
        return plain_dict(self)


@dataclass
class Timex:
    article_id: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2024-10-05, 2024-06, P2W, XXXX-WXX-1 ...
    anchored: bool = True  # False when the anchor date was inferred
    event: str = ""  # the clause or sentence it dates
    event_start: int | None = None
    event_end: int | None = None
    confidence: float | None = None  # how sure the value is, from how it was anchored (analyse/timex_anchor.py)

    def to_dict(self) -> dict:
        return plain_dict(self)


@dataclass
class AnalysedArticle:
    """An article with its per-article analysis (spaCy-Doc-like container)."""

    article: Article
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)  # stage-private data

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def id(self) -> str:
        return self.article.id

    def spans(self, kind: str) -> SpanIndex:
        """doc.mentions, doc.timexes or doc.quotes (`kind`) indexed by offset (see SpanIndex), built
        again only when the list is replaced or grows or shrinks."""
        items = getattr(self, kind)
        cache = self.__dict__.setdefault("_span_indexes", {})
        hit = cache.get(kind)
        if hit is None or hit[0] is not items or hit[1] != len(items):
            hit = cache[kind] = (items, len(items), SpanIndex(items))
        return hit[2]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding `offset` (whole text if unknown): the first such
        sentence in list order, found by bisection when the sentences are sorted and disjoint."""
        cache = self.__dict__.get("_sentence_starts")
        if cache is None or cache[0] is not self.sentences or cache[1] != len(self.sentences):
            sents = self.sentences
            ordered = all(sents[i][1] <= sents[i + 1][0] and sents[i][0] < sents[i][1] for i in range(len(sents) - 1))
            cache = (sents, len(sents), [s for s, _ in sents] if ordered else None)
            self.__dict__["_sentence_starts"] = cache  # not a field: no effect on eq, asdict or the store
        starts = cache[2]
        if starts is None:  # unsorted or overlapping sentences: the first one in list order
            for s, e in self.sentences:
                if s <= offset < e:
                    return s, e
            return 0, len(self.article.text)
        i = bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return self.sentences[i]
        return 0, len(self.article.text)


class SpanIndex:
    """Items with `.start`/`.end` (mentions, quotes, timexes), indexed once so that "which items
    overlap [s, e)" and "which lie within [s, e)" cost O(log n + hits) instead of a scan of every
    item (issue 18: per-quote and per-figure scans were quadratic in an article's length).
    Answers keep the order of the list the index was built from."""

    def __init__(self, items):
        self.items = list(items)
        order = sorted(range(len(self.items)), key=lambda i: self.items[i].start)
        self._order = order
        self._starts = [self.items[i].start for i in order]
        self.longest = max((it.end - it.start for it in self.items), default=0)
        self.memo: dict[str, Any] = {}  # what callers derive from the items once (e.g. a word set)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def _window(self, lo_start: int, hi_start: int) -> list[int]:
        """Positions (in list order) of the items with lo_start <= start < hi_start."""
        lo = bisect_left(self._starts, lo_start)
        hi = bisect_left(self._starts, hi_start, lo)
        return sorted(self._order[lo:hi])

    def overlapping(self, s: int, e: int) -> list:
        """Items with start < e and s < end."""
        items = self.items
        return [items[i] for i in self._window(s - self.longest, e) if items[i].start < e and s < items[i].end]

    def within(self, s: int, e: int) -> list:
        """Items with s <= start and end <= e."""
        items = self.items
        return [items[i] for i in self._window(s, e + 1) if items[i].end <= e]

    def starting_in(self, s: int, e: int) -> list:
        """Items with s <= start < e."""
        return [self.items[i] for i in self._window(s, e)]


@dataclass
class Entity:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": self.aliases,
            "article_ids": self.article_ids,
            "mentions": [{"article_id": m.article_id, "start": m.start, "end": m.end, "text": m.text, "label": m.label}
                         for m in self.mentions],  # = m.span() | {"label": m.label}
        }


@dataclass
class Story:
    id: str
    title: str
    article_ids: list[str]
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    figure_groups: list[dict] = field(default_factory=list)  # {topic, figure_ids, disagreement, ...}
    timeline: list[dict] = field(default_factory=list)  # {date, text, event, article_id, start, end, ...}
    lineage: list[dict] = field(default_factory=list)  # edges {source, target, kind, score, spans}
    stance: list[dict] = field(default_factory=list)  # stance matrix rows
    membership: list[dict] = field(default_factory=list)  # why each article is in the story

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "article_ids": self.article_ids,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
            "figure_groups": self.figure_groups,
            "timeline": self.timeline,
            "lineage": self.lineage,
            "stance": self.stance,
            "membership": self.membership,
        }


@dataclass
class Dossier:
    articles: list[Article]
    stories: list[Story]
    errors: list[IngestError] = field(default_factory=list)
    version: str = SCHEMA_VERSION

    def to_dict(self) -> dict:
        return {
            "version": self.version,
            "articles": _articles_with_inferred_translation(self.articles, self.stories),
            "stories": [s.to_dict() for s in self.stories],
            "errors": [str(e) for e in self.errors],
        }


def _articles_with_inferred_translation(articles: list[Article], stories: list[Story]) -> list[dict]:
    """Article dicts; one without a stated source language gets the language lineage inferred from
    translation artefacts (a 'translated-from' edge with 'inferred'), marked as inferred, with its spans."""
    inferred: dict[str, dict] = {}
    for story in stories:
        for e in story.lineage:
            if e.get("kind") == "translated-from" and e.get("inferred"):
                inferred.setdefault(e.get("target"), e)
    out = []
    for a in articles:
        d = a.to_dict()
        e = inferred.get(a.id)
        if e and not d.get("translated_from"):
            d.update(translated_from=e.get("language"), translated_from_inferred=True,
                     translation_evidence=[s for s in e.get("spans", []) if s.get("article_id") == a.id])
        out.append(d)
    return out
