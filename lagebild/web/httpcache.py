"""HTTP caching for the read-only pages and the JSON API.

Every page and API answer is a function of the URL and of what is stored, so one cheap fingerprint
of the database (`DataVersion`: story count, newest story update, newest ingest — index lookups,
re-read at most once a second) decides whether an answer rendered before is still right.

`ResponseCache` (an ASGI middleware that sits *inside* the security `Guard`, so refused requests
never reach it and every answer it sends still gets the security headers) then:
- gives every 200 GET answer a strong `ETag` (hash of the body), `Last-Modified` (newest write)
  and `Cache-Control: private, no-cache` (browsers keep it but ask again each time);
- answers `If-None-Match` / `If-Modified-Since` with 304 when nothing changed;
- keeps the newest answers in a bounded in-process LRU, valid until the data version changes, so
  a popular list or story page is rendered once per change, not once per reader.

A POST (an upload) through this app drops the cached version at once; changes made by another
process (`lagebild ingest`) are seen within `ttl` seconds (2 x `ttl` under steady load, where the
version is re-read in the background while requests go on with the one of a moment ago).
"""
from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import hashlib
import threading
import time
from collections import OrderedDict
from typing import Callable

from sqlalchemy import func, select

from ..store import ArticleRow, Store, StoryRow

CACHEABLE_PREFIXES = ("/stories/", "/articles/", "/entity", "/api/stories", "/api/articles/", "/api/entities")
CACHE_CONTROL = b"private, no-cache"


class DataVersion:
    """A fingerprint of the stored data that changes whenever stories or articles are written."""

    def __init__(self, store: Store, ttl: float = 1.0):
        self.store = store
        self.ttl = ttl
        self._lock = threading.Lock()
        self._at = 0.0
        self._stale = False
        self._value: tuple[str, dt.datetime | None] | None = None
        self.on_change: list[Callable[[], None]] = []

    def read(self) -> tuple[str, dt.datetime | None]:
        """(fingerprint, newest write time) straight from the database."""
        with self.store.session() as s:
            # three separate aggregates: each is answered from an index (together they scan the big rows)
            n_stories = s.scalar(select(func.count()).select_from(StoryRow))
            story_max = s.scalar(select(func.max(StoryRow.updated_at)))
            article_max = s.scalar(select(func.max(ArticleRow.ingested_at)))
        newest = max((t for t in (story_max, article_max) if t is not None), default=None)
        if newest is not None and newest.tzinfo is None:
            newest = newest.replace(tzinfo=dt.timezone.utc)
        return f"{n_stories}|{story_max}|{article_max}", newest

    def fresh(self) -> bool:
        return self._value is not None and not self._stale and time.monotonic() - self._at <= self.ttl

    def get(self) -> tuple[str, dt.datetime | None]:
        """The fingerprint, re-read when older than `ttl` (callers may be in worker threads)."""
        if self.fresh():
            return self._value  # type: ignore[return-value]
        with self._lock:
            if not self.fresh():
                self._stale = False
                old, self._value, self._at = self._value, self.read(), time.monotonic()
                if old is not None and old[0] != self._value[0]:
                    for callback in self.on_change:
                        callback()
        return self._value  # type: ignore[return-value]

    def last(self) -> tuple[str, dt.datetime | None] | None:
        """The value read last (None before the first read), whatever its age."""
        return self._value

    def usable(self) -> bool:
        """A value at most 2 x `ttl` old (and not invalidated): fine to answer with while it is re-read."""
        return self._value is not None and not self._stale and time.monotonic() - self._at <= 2 * self.ttl

    def invalidate(self) -> None:
        self._stale = True


def etag_of(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


def http_date(when: dt.datetime) -> bytes:
    return email.utils.format_datetime(when.astimezone(dt.timezone.utc).replace(microsecond=0), usegmt=True).encode()


def not_modified(headers: dict[bytes, bytes], etag: bytes, last_modified: dt.datetime | None) -> bool:
    """RFC 9110 13.1: If-None-Match wins over If-Modified-Since; weak comparison for GET."""
    inm = headers.get(b"if-none-match")
    if inm is not None:
        tags = {t.strip().removeprefix(b"W/") for t in inm.split(b",")}
        return b"*" in tags or etag in tags
    ims = headers.get(b"if-modified-since")
    if ims is not None and last_modified is not None:
        try:
            since = email.utils.parsedate_to_datetime(ims.decode("latin-1"))
        except (TypeError, ValueError, IndexError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=dt.timezone.utc)
        return last_modified.replace(microsecond=0) <= since
    return False


class _Entry:
    __slots__ = ("version", "status", "headers", "body", "etag")

    def __init__(self, version, status, headers, body, etag):
        self.version, self.status, self.headers, self.body, self.etag = version, status, headers, body, etag


class ResponseCache:
    """ASGI middleware: validators, 304s and a bounded LRU of rendered GET answers (see module doc)."""

    def __init__(self, app, version: DataVersion, max_bytes: int = 32 * 1024 * 1024, max_entry: int = 2 * 1024 * 1024):
        self.app = app
        self.version = version
        self.max_bytes = max_bytes
        self.max_entry = max_entry
        self.entries: OrderedDict[tuple[str, bytes], _Entry] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0
        self._refreshing: asyncio.Future | None = None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        method, path = scope["method"], scope["path"]
        if method not in ("GET", "HEAD"):
            try:
                await self.app(scope, receive, send)
            finally:
                self.version.invalidate()  # an upload may have changed what is stored
            return
        if not (path == "/" or path.startswith(CACHEABLE_PREFIXES)):
            return await self.app(scope, receive, send)
        if self.version.fresh():
            version, last_modified = self.version.get()
        elif self.version.usable():
            # re-read in the background and answer with the version of up to a moment ago: waiting
            # here would stall every request behind the thread pool's queue once per `ttl`
            version, last_modified = self.version.last()  # type: ignore[misc]
            self._refresh_soon()
        else:
            from starlette.concurrency import run_in_threadpool

            version, last_modified = await run_in_threadpool(self.version.get)
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        key = (path, scope.get("query_string", b""))
        entry = self.entries.get(key)
        if entry is not None and entry.version == version:
            self.entries.move_to_end(key)
            self.hits += 1
            return await self._send(send, entry, headers, last_modified, head=method == "HEAD")
        self.misses += 1

        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message):
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        body = b"".join(chunks)
        status = start.get("status", 500)
        raw_headers = [(k, v) for k, v in start.get("headers", [])]
        names = {k.lower() for k, _ in raw_headers}
        if status != 200 or b"set-cookie" in names or method == "HEAD":
            await send({"type": "http.response.start", "status": status, "headers": raw_headers})
            await send({"type": "http.response.body", "body": body})
            return
        entry = _Entry(version, status, [(k, v) for k, v in raw_headers if k.lower() not in (b"etag", b"last-modified")],
                       body, etag_of(body))
        if len(body) <= self.max_entry:
            self._put(key, entry)
        await self._send(send, entry, headers, last_modified, head=False)

    def _refresh_soon(self) -> None:
        if self._refreshing is not None and not self._refreshing.done():
            return
        from starlette.concurrency import run_in_threadpool

        self._refreshing = asyncio.ensure_future(run_in_threadpool(self.version.get))

    def _put(self, key, entry: _Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)

    async def _send(self, send, entry: _Entry, request_headers: dict, last_modified, head: bool) -> None:
        validators = [(b"etag", entry.etag), (b"cache-control", CACHE_CONTROL)]
        if last_modified is not None:
            validators.append((b"last-modified", http_date(last_modified)))
        if not_modified(request_headers, entry.etag, last_modified):
            await send({"type": "http.response.start", "status": 304, "headers": validators})
            await send({"type": "http.response.body", "body": b""})
            return
        headers = [(k, v) for k, v in entry.headers if k.lower() != b"cache-control"] + validators
        await send({"type": "http.response.start", "status": entry.status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if head else entry.body})
