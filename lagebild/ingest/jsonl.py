"""JSON lines: one article per line with at least `text` (optional title, url, published, outlet,
byline, language, id). A bad line is one IngestError naming file and line; the others go on."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

from ..records import IngestError, RawDocument
from .names import clean_surrogates

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


_DMY = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2}))?")


def normalise_date(value: str | None) -> str | None:
    """ISO 8601 for the date formats feeds and exports use; unparseable values are dropped
    (kept in meta as `published_raw`) rather than passed on as a non-ISO string."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    m = _DMY.match(value)
    if m:
        d, mth, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            if m.group(4):
                return datetime(y, mth, d, int(m.group(4)), int(m.group(5))).isoformat()
            return date(y, mth, d).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).isoformat()  # "Tue, 17 Mar 2026 09:15:00 +0100"
    except (TypeError, ValueError, IndexError):
        pass
    if value.isdigit() and len(value) >= 9:  # Unix timestamp
        try:
            return datetime.fromtimestamp(int(value[:10]), tz=timezone.utc).isoformat()
        except (OverflowError, ValueError, OSError):
            return None
    return None


def read_json(text: str, source: str, stable_id) -> Iterator[RawDocument | IngestError]:
    """A .json file: one article object, or a list of them (same fields as JSONL)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(source, f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    except RecursionError:
        yield IngestError(source, "JSON nested too deeply")
        return
    data, _ = _clean_strings(data)
    if isinstance(data, list) and any(_too_deep(r) for r in data) or not isinstance(data, list) and _too_deep(data):
        yield IngestError(source, f"JSON nested too deeply (limit {MAX_DEPTH} levels)")
        return
    records = data if isinstance(data, list) else [data]
    for n, rec in enumerate(records, start=1):
        yield from _records([(n, rec)], source, stable_id, where="item")


MAX_DEPTH = 32  # nesting levels a record may have (deeper ones are rejected, not recursed into)


def _too_deep(value, limit: int = MAX_DEPTH) -> bool:
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, (dict, list)):
            if d > limit:
                return True
            stack.extend((c, d + 1) for c in (v.values() if isinstance(v, dict) else v))
    return False


def _clean_strings(value):
    """(value with lone surrogates replaced in every string, how many were replaced)."""
    if isinstance(value, str):
        return clean_surrogates(value)
    if isinstance(value, list):
        pairs = [_clean_strings(v) for v in value]
        return [v for v, _ in pairs], sum(k for _, k in pairs)
    if isinstance(value, dict):
        out, n = {}, 0
        for k, v in value.items():
            k2, a = clean_surrogates(k)
            v2, b = _clean_strings(v)
            out[k2] = v2
            n += a + b
        return out, n
    return value, 0


def parse_line(line: str):
    """One JSON line -> (record, None) or (None, error message); never raises."""
    if "\x00" in line:
        return None, "NUL byte in line"
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"malformed JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:
        return None, f"JSON nested too deeply (limit {MAX_DEPTH} levels)"
    if _too_deep(rec):
        return None, f"JSON nested too deeply (limit {MAX_DEPTH} levels)"
    rec, n_bad = _clean_strings(rec)
    if n_bad and isinstance(rec, dict):
        rec["replacement_chars"] = n_bad  # lone surrogates (e.g. "\\ud800") replaced by U+FFFD
    return rec, None


def read_jsonl(text: str, source: str, stable_id) -> Iterator[RawDocument | IngestError]:
    """Each non-empty line -> RawDocument, or IngestError(source, msg, line)."""
    for n, line in enumerate(text.split("\n"), start=1):
        yield from _line(n, line, source, stable_id)


def read_jsonl_bytes(data: bytes, source: str, stable_id) -> Iterator[RawDocument | IngestError]:
    """JSONL bytes read line by line: a line that is not UTF-8 is decoded on its own (noted), a
    bad line is one error with its number; the lines after it are read as usual."""
    from .sniff import decode_bytes

    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for n, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            line = decode_bytes(raw).text
        yield from _line(n, line, source, stable_id)


def _line(n: int, line: str, source: str, stable_id) -> Iterator[RawDocument | IngestError]:
    if not line.strip():
        return
    rec, problem = parse_line(line.rstrip("\r"))
    if problem:
        yield IngestError(source, problem, line=n)
        return
    try:
        yield from _records([(n, rec)], source, stable_id)
    except Exception as exc:  # an odd record must not end the file
        yield IngestError(source, f"record could not be read: {type(exc).__name__}: {exc}", line=n)


def _records(parsed, source: str, stable_id, where: str = "line") -> Iterator[RawDocument | IngestError]:
    for n, rec in parsed:
        if not isinstance(rec, dict):
            yield IngestError(source, f"expected a JSON object, got {type(rec).__name__}", line=n)
            continue
        body = _field(rec, "text")
        if not body:
            yield IngestError(source, "record has no 'text'", line=n)
            continue
        if "</" in body or "<br" in body.lower():  # HTML in the text field
            from .feeds import html_fragment_to_text

            body = html_fragment_to_text(body)
        url = _field(rec, "url")
        rid = rec.get("id")
        doc_id = str(rid).strip() if isinstance(rid, (str, int)) and str(rid).strip() else stable_id(url or body)
        extra = {k: v for k, v in rec.items() if k not in {"text", "body", "content", "articleBody", "raw_html"}}
        extra[where] = n
        if _field(rec, "published") and not normalise_date(_field(rec, "published")):
            extra["published_raw"] = _field(rec, "published")
        raw_html = rec.get("raw_html") if isinstance(rec.get("raw_html"), str) else None
        yield RawDocument(
            id=doc_id,
            source=f"{source}:{n}" if where == "line" else f"{source}#{n}",
            text=body,
            title=_field(rec, "title"),
            published=normalise_date(_field(rec, "published")),
            url=url,
            outlet=_field(rec, "outlet"),
            byline=_field(rec, "byline"),
            language=_field(rec, "language"),
            raw_html=raw_html,
            meta=extra,
        )
