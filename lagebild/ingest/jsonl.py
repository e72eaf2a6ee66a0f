"""JSON lines: one article per line with at least `text` (optional title, url, published, outlet,
byline, language, id). A bad line is one IngestError naming file and line; the others go on."""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..records import IngestError, RawDocument

_ALIASES = {
    "text": ("text", "body", "content", "articleBody"),
    "title": ("title", "headline"),
    "url": ("url", "link", "uri"),
    "published": ("published", "date", "datePublished", "pubDate", "published_at"),
    "outlet": ("outlet", "source_name", "sitename", "publisher"),
    "byline": ("byline", "author", "authors"),
    "language": ("language", "lang"),
}


def _field(rec: dict, name: str) -> str | None:
    for key in _ALIASES[name]:
        val = rec.get(key)
        if isinstance(val, list):  # authors: ["A", "B"]
            val = ", ".join(str(v) for v in val if v)
        if isinstance(val, (str, int, float)) and str(val).strip():
            return str(val).strip()
    return None


def read_jsonl(text: str, source: str, stable_id) -> Iterator[RawDocument | IngestError]:
    """Each non-empty line -> RawDocument, or IngestError(source, msg, line)."""
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(source, f"malformed JSON ({exc.msg} at column {exc.colno})", line=n)
            continue
        if not isinstance(rec, dict):
            yield IngestError(source, f"expected a JSON object, got {type(rec).__name__}", line=n)
            continue
        body = _field(rec, "text")
        if not body:
            yield IngestError(source, "record has no 'text'", line=n)
            continue
        url = _field(rec, "url")
        rid = rec.get("id")
        doc_id = str(rid).strip() if isinstance(rid, (str, int)) and str(rid).strip() else stable_id(url or body)
        extra = {k: v for k, v in rec.items() if k not in {"text", "body", "content", "articleBody", "raw_html"}}
        extra["line"] = n
        raw_html = rec.get("raw_html") if isinstance(rec.get("raw_html"), str) else None
        yield RawDocument(
            id=doc_id,
            source=f"{source}:{n}",
            text=body,
            title=_field(rec, "title"),
            published=_field(rec, "published"),
            url=url,
            outlet=_field(rec, "outlet"),
            byline=_field(rec, "byline"),
            language=_field(rec, "language"),
            raw_html=raw_html,
            meta=extra,
        )
