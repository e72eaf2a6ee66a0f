"""Tables from a dossier: articles, quotes, figures, entities, timeline, stance, lineage as JSONL, CSV or Parquet.

Every table has a fixed, typed column list (`TABLES`): offsets are integers, list columns are lists
(Parquet list<...>, JSON arrays in JSONL and CSV cells). `quotes.article_id` etc. join
`articles.article_id`; `story_id` names the story of each row.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any

from .dossier import Dossier

FORMATS = ("jsonl", "csv", "parquet")


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"

# column -> type: str | int | float | bool | list[str] | list[int]
TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "str", "story_id": "str", "source": "str", "title": "str", "published": "str",
        "published_inferred": "bool", "outlet": "str", "url": "str", "language": "str", "byline": "str",
        "authors": "list[str]", "agency": "list[str]", "translated_from": "str", "text": "str",
        "removed_lines": "list[str]", "content_hash": "str",
    },
    "quotes": {
        "quote_id": "str", "story_id": "str", "article_id": "str", "start": "int", "end": "int", "text": "str",
        "direct": "bool", "form": "str", "speaker": "str", "speaker_start": "int", "speaker_end": "int",
        "speaker_entity": "str", "speakers": "list[str]", "speaker_kind": "str", "cue": "str", "cue_start": "int",
        "cue_end": "int", "attributed_to": "list[str]", "stance": "str", "confidence": "float", "shown": "bool",
    },
    "figures": {
        "figure_id": "str", "story_id": "str", "article_id": "str", "start": "int", "end": "int", "text": "str",
        "value": "float", "low": "float", "high": "float", "qualifier": "str", "unit": "str", "count_of": "str",
        "topic": "str", "attributed_to": "list[str]", "date": "str", "group_topic": "str",
        "group_disagreement": "bool",
    },
    "entities": {
        "story_id": "str", "name": "str", "type": "str", "aliases": "list[str]", "article_ids": "list[str]",
        "mention_count": "int", "mention_article_ids": "list[str]", "mention_starts": "list[int]",
        "mention_ends": "list[int]",
    },
    "timeline": {
        "story_id": "str", "date": "str", "text": "str", "event": "str", "article_id": "str", "start": "int",
        "end": "int", "type": "str", "value": "str", "inferred": "bool", "event_start": "int", "event_end": "int",
        "articles": "list[str]",
    },
    "stance": {
        "story_id": "str", "claim_index": "int", "claim": "str", "claim_article_id": "str", "claim_start": "int",
        "claim_end": "int", "key_terms": "list[str]", "article_id": "str", "outlet": "str", "actor": "str",
        "actor_as_written": "str", "stance": "str", "start": "int", "end": "int", "text": "str", "via": "str",
    },
    "lineage": {
        "story_id": "str", "source": "str", "target": "str", "kind": "str", "score": "float", "language": "str",
        "evidence": "str", "inferred": "bool", "span_article_ids": "list[str]", "span_starts": "list[int]",
        "span_ends": "list[int]",
    },
}


ExportTable = Enum("ExportTable", {name: name for name in TABLES}, type=str)  # type: ignore[misc]


def rows(dossier: Dossier, what: str) -> Iterator[dict[str, Any]]:
    """The rows of one table, each a dict with exactly the table's columns."""
    if what not in TABLES:
        raise ValueError(f"unknown table {what!r}; one of {', '.join(TABLES)}")
    columns = TABLES[what]
    for row in _ROWS[what](dossier):
        yield {c: _typed(row.get(c), t) for c, t in columns.items()}


def _typed(value: Any, kind: str) -> Any:
    if value is None:
        return [] if kind.startswith("list") else None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        return bool(value)
    if kind == "list[int]":
        return [int(v) for v in value]
    if kind == "list[str]":
        return [str(v) for v in value]
    return str(value)


def _articles(d: Dossier) -> Iterator[dict[str, Any]]:
    story_of = {aid: s.id for s in d.stories for aid in s.article_ids}
    for a in d.articles:
        yield {**a.to_dict(), "article_id": a.id, "story_id": story_of.get(a.id)}


def _quotes(d: Dossier) -> Iterator[dict[str, Any]]:
    for s in d.stories:
        for q in s.quotes:
            yield {**q.to_dict(), "quote_id": q.id, "story_id": s.id}


def _figures(d: Dossier) -> Iterator[dict[str, Any]]:
    for s in d.stories:
        group = {fid: g for g in s.figure_groups for fid in g.figure_ids}
        for f in s.figures:
            g = group.get(f.id)
            yield {**f.to_dict(), "figure_id": f.id, "story_id": s.id, "group_topic": g.topic if g else None,
                   "group_disagreement": g.disagreement if g else None}


def _entities(d: Dossier) -> Iterator[dict[str, Any]]:
    for s in d.stories:
        for e in s.entities:
            yield {**e.to_dict(), "story_id": s.id, "mention_count": len(e.mentions),
                   "mention_article_ids": [m.article_id for m in e.mentions],
                   "mention_starts": [m.start for m in e.mentions], "mention_ends": [m.end for m in e.mentions]}


def _timeline(d: Dossier) -> Iterator[dict[str, Any]]:
    for s in d.stories:
        for t in s.timeline:
            yield {**t.to_dict(), "story_id": s.id, "inferred": t.inferred}


def _stance(d: Dossier) -> Iterator[dict[str, Any]]:
    for s in d.stories:
        for i, row in enumerate(s.stance):
            span = row.claim_span
            for c in row.cells:
                yield {**c.to_dict(), "story_id": s.id, "claim_index": i, "claim": row.claim,
                       "claim_article_id": span.article_id if span else None, "claim_start": span.start if span else None,
                       "claim_end": span.end if span else None, "key_terms": row.key_terms}


def _lineage(d: Dossier) -> Iterator[dict[str, Any]]:
    for s in d.stories:
        for e in s.lineage:
            yield {**e.to_dict(), "story_id": s.id, "inferred": e.inferred, "span_article_ids": [x.article_id for x in e.spans],
                   "span_starts": [x.start for x in e.spans], "span_ends": [x.end for x in e.spans]}


_ROWS = {"articles": _articles, "quotes": _quotes, "figures": _figures, "entities": _entities,
         "timeline": _timeline, "stance": _stance, "lineage": _lineage}


def write(dossier: Dossier, what: str, fmt: str, out: Path) -> int:
    """Write one table to `out`; returns the number of rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    data = list(rows(dossier, what))
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as fh:
            for r in data:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with out.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(list(TABLES[what]))
            for r in data:
                writer.writerow([_csv(v) for v in r.values()])
    else:
        _write_parquet(data, TABLES[what], out)
    return len(data)


def _csv(value: Any) -> Any:
    """Lists as JSON arrays, booleans as true/false, None as an empty cell; text exactly as it is."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _write_parquet(data: list[dict[str, Any]], columns: dict[str, str], out: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise RuntimeError("Parquet needs pyarrow: pip install 'lagebild[parquet]' (or use --format csv/jsonl)") from exc
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list[str]": pa.list_(pa.string()), "list[int]": pa.list_(pa.int64())}
    schema = pa.schema([(c, types[t]) for c, t in columns.items()])
    table = pa.table({c: pa.array([r[c] for r in data], type=types[t]) for c, t in columns.items()}, schema=schema)
    pq.write_table(table, out)


def stored_dossier(url: str, story: str | None = None) -> Dossier:
    """The typed dossier of a database (one story, or all); stories are linked on the fly when none are stored."""
    from .store import Store

    store = Store(url)
    d = store.dossier([story] if story else None)
    if not d["stories"] and not story:
        from .pipeline import dossier_from_docs

        d = dossier_from_docs(store.load_docs()).to_dict()
    return Dossier.from_dict(json.loads(json.dumps(d, default=str)))
