"""Ingest: files, directories and globs -> RawDocument records (or one IngestError per bad file/line).

Kinds: .txt (plain text), .html/.htm (trafilatura + htmldate), .jsonl (one article per line; also
.jsonl.gz; .json = one article object or a list of them), RSS/Atom (.xml/.rss/.atom or sniffed), WARC (.warc/.warc.gz). Files with another or no
extension are sniffed. Bad input never stops the batch: empty, binary, oversized, undecodable,
article-less or malformed files each yield one IngestError naming the file (and line for JSONL).

Ids: the file stem for single-article files (.txt, .html); a stable hash of URL/record for
multi-article containers (JSONL lines without `id`, feed entries, WARC records).
"""
from __future__ import annotations

import errno
import glob
import gzip
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import IngestError, RawDocument
from .names import clean_surrogates, display_name
from .sniff import GZIP_MAGIC, binary_kind, declared_charset, decode_bytes, sniff_kind

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_EXT_KIND = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc",
}


def stable_id(*parts: str) -> str:
    """A short stable hash id for URLs/records."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _why(exc: OSError) -> str:
    return {errno.ELOOP: "symlink loop", errno.ENOENT: "dangling symlink (target missing)",
            errno.ENAMETOOLONG: "file name too long", errno.EACCES: "permission denied",
            errno.EPERM: "permission denied"}.get(exc.errno, exc.strerror or type(exc).__name__)


def _not_regular(mode: int) -> str | None:
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return what
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else "not a regular file"


def expand_paths(paths: Iterable[str]) -> Iterator[Path | IngestError]:
    """Files, directories (recursively, sorted, hidden entries skipped) and globs -> files, each once.

    What cannot be read (symlink loops, dangling links, FIFOs and devices, unreadable directories,
    over-long names) becomes one IngestError naming it; nothing is skipped without a word."""
    seen: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()

    def file_once(p: Path, st: os.stat_result) -> Iterator[Path]:
        key = (st.st_dev, st.st_ino)
        if key not in seen:
            seen.add(key)
            yield p

    def entry(p: Path, explicit: bool) -> Iterator[Path | IngestError]:
        try:
            st = p.stat()
        except OSError as exc:
            if explicit and exc.errno == errno.ENOENT and not os.path.lexists(p):
                yield IngestError(display_name(p), "no such file")
            else:
                yield IngestError(display_name(p), f"skipped: {_why(exc)}")
            return
        if stat.S_ISDIR(st.st_mode):
            yield from walk(p, st)
            return
        odd = _not_regular(st.st_mode)
        if odd:
            yield IngestError(display_name(p), f"skipped: {odd}, not a regular file")
            return
        yield from file_once(p, st)

    def walk(d: Path, st: os.stat_result) -> Iterator[Path | IngestError]:
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            yield IngestError(display_name(d), "skipped: directory already read (symlink loop?)")
            return
        seen_dirs.add(key)
        try:
            with os.scandir(d) as it:
                names = sorted((e.name for e in it), key=os.fsencode)
        except OSError as exc:
            yield IngestError(display_name(d), f"directory skipped: {_why(exc)}")
            return
        for name in names:
            if name.startswith("."):
                continue
            yield from entry(d / name, explicit=False)

    for p in paths:
        path = Path(p)
        try:
            if os.path.lexists(path):
                yield from entry(path, explicit=True)
                continue
            matches = sorted(glob.glob(p, recursive=True))
        except (OSError, ValueError) as exc:
            yield IngestError(display_name(p), f"skipped: {_why(exc) if isinstance(exc, OSError) else exc}")
            continue
        if not matches:
            yield from entry(path, explicit=True)
        for m in matches:
            yield from entry(Path(m), explicit=False)


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KB"


def kind_of(path: Path) -> str | None:
    """Kind by extension ('warc' for .warc.gz, 'jsonl' for .jsonl.gz); None = sniff the content."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        inner = suffixes[0] if len(suffixes) == 2 else ""
        return {".warc": "warc", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(inner, "gz")
    return _EXT_KIND.get(path.suffix.lower())


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """Read one file of any supported kind; problems become IngestErrors naming the file."""
    source = display_name(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        yield IngestError(source, "no such file")
        return
    except OSError as exc:
        yield IngestError(source, f"cannot read: {_why(exc)}")
        return
    if size == 0:
        yield IngestError(source, "empty file")
        return
    if size > max_bytes:
        yield IngestError(source, f"file too large ({_size(size)} > limit {_size(max_bytes)}; see --max-mb)")
        return
    kind = kind_of(path)
    if kind == "warc":
        from .warc import read_warc

        yield from read_warc(path, stable_id)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(source, f"cannot read: {_why(exc)}")
        return
    if kind in ("jsonl", "gz") or (kind is None and data.startswith(GZIP_MAGIC)):
        if data.startswith(GZIP_MAGIC):
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError) as exc:
                yield IngestError(source, f"broken gzip file: {exc}")
                return
            if len(data) > max_bytes:
                yield IngestError(source, f"unpacked file too large ({_size(len(data))} > limit {_size(max_bytes)})")
                return
        if kind == "gz":
            kind = None  # sniff the unpacked content
    if kind == "jsonl":  # read line by line: one bad line (NUL bytes, not UTF-8) is one error
        what = binary_kind(data)
        if what and (not what.startswith("binary data") or data[:8192].count(0) > len(data[:8192]) // 10):
            yield IngestError(source, f"binary file skipped: {what}")
            return
        from .jsonl import read_jsonl, read_jsonl_bytes

        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (BOM): lines only exist once decoded
            records = read_jsonl(decode_bytes(data).text, source, stable_id)
        else:
            records = read_jsonl_bytes(data, source, stable_id)
        n = 0
        for n, rec in enumerate(records, start=1):
            yield rec
        if n == 0:
            yield IngestError(source, "no JSON lines (empty or only whitespace)")
        return
    what = binary_kind(data)
    if what:
        yield IngestError(source, f"binary file skipped: {what}")
        return
    declared = declared_charset(data) if kind in (None, "html", "feed") else None
    dec = decode_bytes(data, declared)
    text = dec.text
    if not text.strip():
        yield IngestError(source, "empty file (only whitespace)")
        return
    if kind is None or (kind == "txt" and sniff_kind(text) == "html"):  # e.g. a page saved as .txt
        sniffed = kind is None
        kind = sniff_kind(text)
        if kind == "warc":
            from .warc import read_warc

            yield from read_warc(path, stable_id)
            return
        if sniffed and kind == "txt":
            why = _not_plain_article(path, text)
            if why:
                yield IngestError(source, why)
                return
    meta = {"encoding": dec.encoding, "kind": kind}
    if dec.note:
        meta["encoding_note"] = dec.note
    if "\ufffd" in text:
        meta["replacement_chars"] = text.count("\ufffd")
    yield from _read_decoded(kind, path, data, text, meta)


def _read_decoded(kind: str, path: Path, data: bytes, text: str, meta: dict) -> Iterator[RawDocument | IngestError]:
    source = display_name(path)
    if kind == "html":
        from .html import NoArticle, html_to_document

        try:
            yield html_to_document(text, source=source, doc_id=display_name(path.stem), meta=meta)
        except NoArticle as exc:
            yield IngestError(source, str(exc))
        except Exception as exc:  # parser crash on hostile markup: one error, batch goes on
            yield IngestError(source, f"HTML could not be parsed: {type(exc).__name__}: {exc}")
    elif kind == "feed":
        from .feeds import read_feed

        # feedparser honours the feed's own encoding declaration: give it the raw bytes.
        yield from read_feed(data, source, stable_id)
    elif kind == "jsonl":
        from .jsonl import read_jsonl

        yield from read_jsonl(text, source, stable_id)
    elif kind == "json":
        from .jsonl import read_json

        yield from read_json(text, source, stable_id)
    else:
        from .text import text_to_document

        yield text_to_document(text, source=source, doc_id=display_name(path.stem), meta=meta)


_MIN_SNIFFED_WORDS = 5


def _not_plain_article(path: Path, text: str) -> str | None:
    """Why sniffed plain text is no article: a file type that is not text ('notes.bin', 'x.dat', 'run.log')
    or too few words; None when it may be one. Articles as text files are .txt (or have no extension)."""
    ext = path.suffix.lower()
    if re.fullmatch(r"\.[a-z][a-z0-9]{0,7}", ext):
        return f"skipped: {ext} is not an article format (plain-text articles: .txt)"
    words = len(text.split())
    if words < _MIN_SNIFFED_WORDS:
        return f"skipped: too short for an article ({words} word{'s' if words != 1 else ''})"
    return None


_TEXT_FIELDS = ("id", "source", "text", "title", "published", "url", "outlet", "byline", "language", "raw_html")


def _storable(doc: RawDocument) -> RawDocument:
    """NUL characters and lone surrogates (which no database or UTF-8 writer accepts) -> U+FFFD."""
    for name in _TEXT_FIELDS:
        value = getattr(doc, name)
        if isinstance(value, str) and ("\x00" in value or not value.isascii()):
            value, _ = clean_surrogates(value.replace("\x00", "\ufffd"))
            setattr(doc, name, value)
    return doc


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """The documents and errors of one file (as `read_file`), storable; never raises."""
    try:
        for rec in read_file(path, max_bytes):
            yield _storable(rec) if isinstance(rec, RawDocument) else rec
    except Exception as exc:  # last line of defence: an unexpected bug in one reader
        yield IngestError(display_name(path), f"could not be read: {type(exc).__name__}: {exc}")


def read_paths(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """All documents and errors of all inputs, in path order."""
    for path in expand_paths(paths):
        if isinstance(path, IngestError):
            yield path
            continue
        yield from read_path(path, max_bytes)
