"""The pipeline in one place: ingest -> clean -> analyse -> link -> Dossier."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .analyse import analyse_article  # noqa: F401  (ingest_service and tests use pipeline.analyse_article)
from .clean import clean_document
from .ingest import DEFAULT_MAX_BYTES, expand_paths, kind_of, read_path, read_paths, stable_id
from .link import build_stories
from .parallel import Analyser
from .records import AnalysedArticle, Article, Dossier, IngestError, RawDocument

Progress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass
class Batch:
    """What one run read: analysed articles plus the per-file errors."""

    docs: list[AnalysedArticle] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    skipped: int = 0


def _split_inputs(inputs: Iterable[str]) -> tuple[list[RawDocument], list[str]]:
    """Article texts given as strings (as documents) and paths or globs, each in input order."""
    texts: list[RawDocument] = []
    paths: list[str] = []
    for item in inputs:
        item = str(item)
        if "\n" in item or len(item) > 4096 or not _looks_like_path(item):
            texts.append(RawDocument(id=stable_id(item), source="<text>", text=item))
        else:
            paths.append(item)
    return texts, paths


def load_raw(inputs: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[RawDocument], list[IngestError]]:
    """Read inputs; a string that is not an existing path or glob is taken as article text."""
    raws, paths = _split_inputs(inputs)
    errors: list[IngestError] = []
    for rec in read_paths(paths, max_bytes=max_bytes):
        (errors if isinstance(rec, IngestError) else raws).append(rec)
    return raws, errors


def _looks_like_path(item: str) -> bool:
    import glob

    return os.path.lexists(item) or bool(glob.glob(item)) or os.sep in item or item.endswith(
        (".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom", ".warc", ".gz")
    )


def dedupe_ids(articles: list[Article], errors: list[IngestError] | None = None) -> list[Article]:
    """Drop exact duplicates (same content hash; each named in `errors`); make clashing ids unique."""
    seen_hash: dict[str, str] = {}
    seen_id: dict[str, int] = {}
    out = []
    for art in articles:
        if art.content_hash and art.content_hash in seen_hash:
            if errors is not None:
                errors.append(IngestError(art.source, f"skipped: exact duplicate of {seen_hash[art.content_hash]}"))
            continue
        seen_hash[art.content_hash] = art.source
        if art.id in seen_id:
            seen_id[art.id] += 1
            art.id = f"{art.id}-{seen_id[art.id]}"
        else:
            seen_id[art.id] = 0
        out.append(art)
    return out


def clean_or_error(raw: RawDocument, errors: list) -> Article | None:
    """The cleaned article, or None with one error naming the document (a failure or no text left):
    one bad document never stops the batch."""
    art = _cleaned(raw)
    if isinstance(art, IngestError):
        errors.append(art)
        return None
    return art


def _cleaned(raw: RawDocument) -> Article | IngestError:
    try:
        art = clean_document(raw)
    except Exception as exc:
        return IngestError(raw.source, f"cleaning failed: {type(exc).__name__}: {exc}")
    if not art.text.strip():
        return IngestError(raw.source, "no article text after cleaning")
    return art


# What `read_and_process` hands to the workers: a file to read, a document already read (text
# inputs, records of JSONL files and feeds, read here because that is cheap and their cleaning
# then spreads over the workers), or an error of the path's expansion (passed through).
Item = Path | RawDocument | IngestError
READ_CHUNK = 4  # items per task when files are read there
_READ_HERE = ("jsonl", "json", "feed")  # kinds whose documents are cheap to read: cleaned in chunks


def read_clean_chunk(items: list[Item], max_bytes: int = DEFAULT_MAX_BYTES
                     ) -> list[tuple[list[IngestError], list[Article | IngestError]]]:
    """Per item: (its reading errors, its cleaned articles or cleaning errors), in input order."""
    out = []
    for item in items:
        if isinstance(item, IngestError):
            out.append(([item], []))
        elif isinstance(item, RawDocument):
            out.append(([], [_cleaned(item)]))
        else:
            read_errors: list[IngestError] = []
            cleaned: list[Article | IngestError] = []
            for rec in read_path(item, max_bytes):
                if isinstance(rec, IngestError):
                    read_errors.append(rec)
                else:
                    cleaned.append(_cleaned(rec))
            out.append((read_errors, cleaned))
    return out


def _items(inputs: Iterable[str], max_bytes: int, read_files_here: bool) -> list[Item]:
    """The inputs as work items, in the order `load_raw` reads them (texts first, then paths)."""
    texts, paths = _split_inputs(inputs)
    items: list[Item] = list(texts)
    for path in expand_paths(paths):
        if isinstance(path, Path) and (read_files_here or kind_of(path) in _READ_HERE):
            items.extend(read_path(path, max_bytes))
        else:
            items.append(path)
    return items


def read_and_process(inputs: Iterable[str], progress: Progress | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                     workers: int | None = 1, engine: str = "local", address: str | None = None,
                     analyser: Analyser | None = None) -> Batch:
    """`load_raw` then `process`, with reading and cleaning (per file or document) on the workers
    as well as analysis: the same batch, errors in the same order (reading, cleaning, duplicates,
    analysis), whatever the number of workers. `analyser`: one to use (and leave open) instead of
    a new one for `workers`, `engine` and `address`."""
    if analyser is None:
        with Analyser(workers, engine=engine, address=address) as own:
            return read_and_process(inputs, progress, max_bytes, analyser=own)
    batch = Batch()
    items = _items(inputs, max_bytes, read_files_here=not analyser.reads_files)
    task = partial(read_clean_chunk, max_bytes=max_bytes)
    cleaned: list[Article | IngestError] = []
    # a few files per task (~70 ms per HTML page), documents already read in larger chunks (~2 ms each)
    size = READ_CHUNK if any(isinstance(item, Path) for item in items) else analyser.chunk
    for read_errors, docs in analyser.run(task, items, size, "read", progress):
        batch.errors += read_errors
        cleaned += docs
    batch.errors += [e for e in cleaned if isinstance(e, IngestError)]
    _analyse_into(batch, [a for a in cleaned if isinstance(a, Article)], analyser, progress)
    return batch


def _analyse_into(batch: Batch, articles: list[Article], analyser: Analyser, progress: Progress | None,
                  skip_hashes: set[str] | None = None) -> None:
    if skip_hashes:
        kept = [a for a in articles if a.content_hash not in skip_hashes]
        batch.skipped += len(articles) - len(kept)
        articles = kept
    articles = dedupe_ids(articles, batch.errors)
    # articles in chunks (sentences share NER batches), on the analyser's processes; order is kept
    for result in analyser.analyse(articles, progress):
        (batch.errors if isinstance(result, IngestError) else batch.docs).append(result)


def process(raws: list[RawDocument], progress: Progress | None = None, skip_hashes: set[str] | None = None,
            workers: int | None = 1, engine: str = "local", address: str | None = None) -> Batch:
    """Clean and analyse raw documents; a document that fails becomes an error, not a crash.

    Articles whose content hash is in `skip_hashes` (already stored) are counted in
    `batch.skipped` and not analysed again. `workers`: analysis processes (None: one per core);
    the result does not depend on it, nor on `engine` ("local" or "ray", at Ray `address`).
    """
    batch = Batch()
    articles = [a for a in (clean_or_error(raw, batch.errors) for raw in raws) if a is not None]
    with Analyser(workers, engine=engine, address=address) as analyser:
        _analyse_into(batch, articles, analyser, progress, skip_hashes)
    return batch


def dossier_from_docs(docs: list[AnalysedArticle], errors: list[IngestError] | None = None,
                      analyser: Analyser | None = None) -> Dossier:
    """The dossier of analysed articles; `analyser`: link the stories on its workers (see build_stories)."""
    stories = build_stories(docs, analyser)
    return Dossier(articles=[d.article for d in docs], stories=stories, errors=list(errors or []))


def report_dossier(inputs: Iterable[str], progress: Progress | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                   workers: int | None = 1, engine: str = "local", address: str | None = None) -> Dossier:
    """`read_and_process` then `dossier_from_docs` on one set of workers (`lagebild report`):
    reading, analysis and the linking of stories all run on them."""
    with Analyser(workers, engine=engine, address=address) as analyser:
        batch = read_and_process(inputs, progress, max_bytes, analyser=analyser)
        if progress:
            progress("link", 0, None)  # no count until it is done
        dossier = dossier_from_docs(batch.docs, batch.errors, analyser)
        if progress:
            progress("link", len(batch.docs), len(batch.docs))
        return dossier


def run(inputs: Iterable[str], progress: Progress | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Dossier:
    """Inputs (paths, globs or texts) -> Dossier."""
    batch = read_and_process(inputs, progress, max_bytes=max_bytes)
    return dossier_from_docs(batch.docs, batch.errors)
