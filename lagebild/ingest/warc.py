"""WARC files (warcio): every HTML response (or resource) record -> one article via the HTML reader.

Id: stable hash of target URI + WARC-Date (the same page captured twice stays two records; the
pipeline drops exact duplicates by content hash). When the page itself gives no publication date,
the capture date (WARC-Date) is used and marked `published_inferred` in meta.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..records import IngestError, RawDocument
from .html import NoArticle, html_to_document
from .names import display_name
from .sniff import declared_charset, decode_bytes


def _charset(content_type: str | None) -> str | None:
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    return None


def read_warc(path: Path, stable_id) -> Iterator[RawDocument | IngestError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = display_name(path)
    n_html = n_records = 0
    records = None
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh)
            records.INC_RECORD = ""  # warcio writes this warning to stderr itself: reported below instead
            for record in records:
                n_records += 1
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = display_name(record.rec_headers.get_header("WARC-Target-URI") or "")
                warc_date = record.rec_headers.get_header("WARC-Date")
                if record.rec_type == "response" and record.http_headers is not None:
                    status = record.http_headers.get_statuscode()
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    status, ctype = "200", record.rec_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                if status and not str(status).startswith("2"):
                    continue
                n_html += 1
                body = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0) > 0:  # the file ends inside this record
                    yield IngestError(source, f"record {n_records} ({uri or 'no URI'}) is truncated: skipped")
                    continue
                dec = decode_bytes(body, _charset(ctype) or declared_charset(body))
                meta = {"warc": source, "warc_date": warc_date, "encoding": dec.encoding}
                if dec.note:
                    meta["encoding_note"] = dec.note
                try:
                    doc = html_to_document(dec.text, source=f"{source}#{uri}" if uri else source, doc_id=stable_id(uri, warc_date or ""),
                                           url=uri or None, meta=meta)
                except NoArticle as exc:
                    yield IngestError(source, f"{exc} (record {uri})")
                    continue
                except Exception as exc:  # hostile markup in one record: the others go on
                    yield IngestError(source, f"record {n_records} ({uri}) could not be parsed: {type(exc).__name__}: {exc}")
                    continue
                if not doc.published and warc_date:
                    doc.published = warc_date[:10]
                    doc.meta["published_inferred"] = True
                    doc.meta["published_evidence"] = f"capture date of the WARC record ({warc_date})"
                yield doc
    except ArchiveLoadFailed as exc:
        yield IngestError(source, f"broken WARC: {exc}")
        return
    except Exception as exc:  # truncated gzip etc.: keep what was read, report the rest
        yield IngestError(source, f"broken WARC after record {n_records}: {type(exc).__name__}: {exc}")
        return
    if getattr(records, "err_count", 0):
        yield IngestError(source, f"{records.err_count} record(s) not followed by a blank line (wrong Content-Length?): "
                                  "the bytes up to the next record were skipped")
    cut = _gzip_truncated(path)
    if cut:
        yield IngestError(source, f"truncated .gz ({cut}): what follows record {n_records} is lost")
        return
    if n_html == 0:
        yield IngestError(source, "WARC holds no HTML response records")


def _gzip_truncated(path: Path) -> str | None:
    """Why a gzip-compressed file is cut short (warcio stops silently at a cut), else None."""
    import gzip
    import zlib

    with path.open("rb") as fh:
        if fh.read(2) != b"\x1f\x8b":
            return None
    try:
        with gzip.open(path, "rb") as gz:
            while gz.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return str(exc) or type(exc).__name__
    return None
