"""The typed dossier: what `lagebild.analyse` returns and `lagebild report` writes as dossier.json.

Every part is a dataclass. `Dossier.to_dict()` gives exactly the JSON of `lagebild report`
(schema: ../shared/spec/dossier.schema.json); `Dossier.from_dict` / `Dossier.load` read it back.
Fields this version does not know (added by a newer lagebild) are kept in each record's `extra`
dict and written back unchanged, so a load/save round trip loses nothing.
"""
from __future__ import annotations

import dataclasses
import json
import os
import types as _types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")

DOSSIER_FILE = "dossier.json"


@dataclass
class Record:
    """Base of the dossier's dataclasses: dict round trip with unknown fields kept in `extra`."""

    _hints: ClassVar[dict[type, dict[str, Any]]] = {}

    @classmethod
    def _field_types(cls) -> dict[str, Any]:
        if cls not in Record._hints:
            hints = typing.get_type_hints(cls)
            Record._hints[cls] = {f.name: hints[f.name] for f in dataclasses.fields(cls) if f.init and f.name != "extra"}
        return Record._hints[cls]

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        """Build from the JSON dict; unknown keys go to `extra`, missing keys keep their defaults."""
        if not isinstance(data, dict):
            raise TypeError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
        types = cls._field_types()
        kwargs = {name: _convert(types[name], data[name]) for name in types if name in data}
        missing = [f.name for f in dataclasses.fields(cls)
                   if f.init and f.name != "extra" and f.name not in data
                   and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
        if missing:
            raise ValueError(f"{cls.__name__}: missing field(s) {', '.join(missing)}")
        obj = cls(**kwargs)
        obj.extra = {k: v for k, v in data.items() if k not in types}  # type: ignore[attr-defined]
        obj._keys = tuple(data)  # type: ignore[attr-defined]
        return obj

    def to_dict(self) -> dict[str, Any]:
        """The JSON dict, keys in the order they were read (else in field order), then `extra`;
        a field absent when read stays absent unless it was changed."""
        out: dict[str, Any] = {}
        read = getattr(self, "_keys", ())
        for f in dataclasses.fields(self):
            if not f.init or f.name == "extra":
                continue
            value = getattr(self, f.name)
            if read and f.name not in read and value == _default(f):
                continue
            out[f.name] = _plain(value)
        out.update(getattr(self, "extra", {}))
        if read:
            out = {**{k: out[k] for k in read if k in out}, **out}
        return out


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return dataclasses.MISSING


def _convert(tp: Any, value: Any) -> Any:
    """JSON value -> the declared type (records and lists of records); other values as they are."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if isinstance(tp, type) and issubclass(tp, Record):
        return tp.from_dict(value)
    if origin is list and args and isinstance(args[0], type) and issubclass(args[0], Record):
        return [args[0].from_dict(v) for v in value]
    if origin in (typing.Union, _types.UnionType):
        for arg in args:
            if isinstance(arg, type) and issubclass(arg, Record) and isinstance(value, dict):
                return arg.from_dict(value)
    if isinstance(value, list):
        return list(value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _extra() -> Any:
    return field(default_factory=dict, repr=False, compare=False)


def _keys() -> Any:  # the keys in the order read (from_dict), so that to_dict writes them back alike
    return field(default=(), init=False, repr=False, compare=False)


@dataclass
class Span(Record):
    """Evidence: `text == article.text[start:end]` of the article `article_id`."""

    article_id: str
    start: int
    end: int
    text: str
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class Mention(Span):
    label: str | None = None  # PER | ORG | LOC | MISC


@dataclass
class Article(Record):
    """An article: give `text` (and any metadata) to `lagebild.analyse(articles=[...])`; the
    dossier's articles carry the cleaned text that every offset refers to."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    outlet: str | None = None
    url: str | None = None
    id: str = ""  # assigned when empty
    source: str = ""  # path or URL it came from
    published_inferred: bool = False
    published_evidence: str | None = None  # where an inferred publication date comes from
    language: str | None = None  # ISO 639-1; detected when None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)  # the persons of the byline
    agency: list[str] = field(default_factory=list)
    translated_from: str | None = None
    removed_lines: list[str] = field(default_factory=list)
    content_hash: str = ""
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class Entity(Record):
    name: str  # canonical name
    type: str  # PER | ORG | LOC | MISC
    aliases: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    listed: bool = True  # False: kept for linking, not shown in entity lists
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class Quote(Record):
    article_id: str
    start: int
    end: int
    text: str
    direct: bool
    speaker: str | None = None  # as written
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None  # canonical entity name
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    attributed_to: list[str] = field(default_factory=list)  # chain, outermost first
    stance: str = "none"
    id: str = ""
    speakers: list[str] = field(default_factory=list)
    speaker_kind: str | None = None
    form: str = ""
    confidence: float = 0.0
    shown: bool = True
    speaker_pronoun_start: int | None = None  # the pronoun ('er', 'sie') a speaker was resolved from
    speaker_pronoun_end: int | None = None
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class Figure(Record):
    article_id: str
    start: int
    end: int
    text: str  # the number expression with its hedge
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # exact | approx | at_least | at_most | range | vague
    unit: str | None = None
    count_of: str = ""
    topic: str = ""
    attributed_to: list[str] = field(default_factory=list)
    date: str | None = None
    id: str = ""
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class FigureGroupMember(Record):
    figure_id: str
    article_id: str
    outlet: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    text: str = ""
    start: int | None = None
    end: int | None = None
    chain: list[str] = field(default_factory=list)
    date: str | None = None
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class FigureGroup(Record):
    """Figures about the same thing; `disagreement` when their ranges cannot all be true."""

    topic: str
    figure_ids: list[str] = field(default_factory=list)
    disagreement: bool = False
    unit: str | None = None
    keys: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    update: bool = False
    kind: str = ""
    shown: bool = True  # shown in the Markdown, HTML and web UI (link.figure_groups.shown_group)
    members: list[FigureGroupMember] = field(default_factory=list)
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class TimelineSource(Record):
    article_id: str
    start: int | None = None
    end: int | None = None
    text: str = ""
    event: str = ""
    event_start: int | None = None
    event_end: int | None = None
    inferred: bool = False
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class TimelineRow(Record):
    """One dated event; `sources` are the articles that date it the same way."""

    date: str  # ISO 8601, possibly partial
    text: str  # the time expression as written
    event: str  # the clause or sentence it dates
    article_id: str
    start: int | None = None
    end: int | None = None
    type: str | None = None
    value: str | None = None  # TIMEX3 value
    inferred: bool = False
    event_start: int | None = None
    event_end: int | None = None
    sources: list[TimelineSource] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    inferred_from: str | None = None  # why an inferred date holds ('publication date of ...')
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class LineageEdge(Record):
    """`target` copies, credits or translates `source` (an article id, 'agency:dpa' or 'language:fr')."""

    source: str
    target: str
    kind: str  # copies | rewrites | translated-from | credits-agency | ...
    score: float = 0.0
    spans: list[Span] = field(default_factory=list)
    language: str | None = None
    evidence: str | None = None
    inferred: bool = False
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class StanceCell(Record):
    """How one actor in one article stands to a claim: confirm | deny | neither | not_mentioned."""

    article_id: str
    stance: str
    outlet: str | None = None
    actor: str | None = None
    actor_as_written: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    cue: Any = None
    via: str | None = None
    context: dict[str, Any] | None = None
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class StanceRow(Record):
    """One claim and every article's stance to it."""

    claim: str
    claim_span: Span | None = None
    key_terms: list[str] = field(default_factory=list)
    cells: list[StanceCell] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    independent_confirmations: int = 0
    independent_denials: int = 0
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class Membership(Record):
    """Why an article is in its story."""

    article_id: str
    score: float = 0.0
    similarity: dict[str, float] = field(default_factory=dict)
    shared_entities: list[str] = field(default_factory=list)
    shared_figures: list[str] = field(default_factory=list)
    joined_via: str | None = None
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()


@dataclass
class Story(Record):
    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    figure_groups: list[FigureGroup] = field(default_factory=list)
    timeline: list[TimelineRow] = field(default_factory=list)
    lineage: list[LineageEdge] = field(default_factory=list)
    stance: list[StanceRow] = field(default_factory=list)
    membership: list[Membership] = field(default_factory=list)
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)


@dataclass
class Dossier(Record):
    """Articles, stories and per-file errors of one run; `save(dir)` writes dossier.json/.md/.html."""

    version: str = "1.0"
    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    extra: dict[str, Any] = _extra()
    _keys: tuple[str, ...] = _keys()

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def story(self, story_id: str) -> Story | None:
        return next((s for s in self.stories if s.id == story_id), None)

    def to_json(self) -> str:
        from .report import render_json

        return render_json(self.to_dict())

    def save(self, directory: str | os.PathLike[str]) -> dict[str, Path]:
        """Write DIR/dossier.json, dossier.md and dossier.html (as `lagebild report` does)."""
        from .report import write_all

        return write_all(self.to_dict(), Path(directory))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Dossier:
        """Read a dossier.json, or the one inside a directory written by `save` / `lagebild report`."""
        p = Path(path)
        if p.is_dir():
            p = p / DOSSIER_FILE
        if not p.is_file():
            raise FileNotFoundError(f"no dossier found at {p}")
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{p}: not a dossier (invalid JSON: {exc})") from exc
        return cls.from_dict(data)
