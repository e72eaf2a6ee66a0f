"""RSS/Atom feeds (feedparser): each entry -> one RawDocument; content/summary HTML -> text."""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from html import unescape

from ..records import IngestError, RawDocument

_BLOCK_END = re.compile(r"(?i)<\s*(br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr|/section|/article)\s*>")
_LI_START = re.compile(r"(?i)<\s*li\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")
_DROP = re.compile(r"(?is)<(script|style|noscript)\b.*?</\1\s*>")


def html_fragment_to_text(fragment: str) -> str:
    """Small HTML fragment (feed summary, JSON field) -> text with one line per block element."""
    if "<" not in fragment:
        return unescape(fragment).strip()
    s = _DROP.sub(" ", fragment)
    s = _LI_START.sub("\n- ", s)
    s = _BLOCK_END.sub("\n", s)
    s = _TAG.sub("", s)
    s = unescape(s).replace("\xa0", " ")
    lines = [" ".join(l.split()) for l in s.splitlines()]
    return "\n".join(l for l in lines if l)


def _iso(struct) -> str | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=timezone.utc).isoformat()
    except (OverflowError, ValueError, TypeError):
        return None


def _entry_date(e) -> str | None:
    """Publication time as written in the feed (keeps its UTC offset); parsed struct as fallback."""
    from email.utils import parsedate_to_datetime

    for key in ("published", "updated"):
        raw = e.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).isoformat()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()  # Atom: RFC 3339
        except ValueError:
            pass
    return _iso(e.get("published_parsed") or e.get("updated_parsed"))


_RSS_AUTHOR = re.compile(r"^\S+@\S+\s*\((.+)\)$")


def _byline(e) -> str | None:
    name = e.get("author") or ""
    m = _RSS_AUTHOR.match(name.strip())
    if m:  # RSS <author>mail@host (Name)</author>
        name = m.group(1)
    elif not name:
        name = (e.get("author_detail") or {}).get("name") or ""
    if "@" in name and " " not in name.strip():
        return None  # only an e-mail address
    return name.strip() or None


def read_feed(data: bytes, source: str, stable_id) -> Iterator[RawDocument | IngestError]:
    """Entries of one RSS/Atom document; one IngestError if it is not a usable feed."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception")
        msg = f"broken feed: {why}" if why else "not an RSS/Atom feed (no entries)"
        yield IngestError(source, msg)
        return
    channel = parsed.get("feed", {})
    outlet = channel.get("title")
    language = (channel.get("language") or "")[:2].lower() or None
    for n, e in enumerate(entries, start=1):
        content = ""
        if e.get("content"):
            content = max((c.get("value", "") for c in e["content"]), key=len)
        summary = e.get("summary", "") or ""
        body = html_fragment_to_text(content if len(content) >= len(summary) else summary)
        title = html_fragment_to_text(e.get("title", "") or "") or None
        if not body and not title:
            yield IngestError(source, f"feed entry {n} has neither text nor title")
            continue
        link = e.get("link")
        key = link or e.get("id") or f"{source}#{n}:{title}"
        yield RawDocument(
            id=stable_id(key),
            source=f"{source}#{n}",  # errors must name the file; the entry's URL is in `url`
            text=body or title or "",
            title=title,
            published=_entry_date(e),
            url=link,
            outlet=outlet,
            byline=_byline(e),
            language=language,
            meta={"feed": source, "entry": n, "summary_only": not content,
                  **({"feed_warning": str(parsed.get("bozo_exception"))} if parsed.get("bozo") else {})},
        )
