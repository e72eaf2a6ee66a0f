"""The pipeline in one place: ingest -> clean -> analyse -> link -> Dossier."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .analyse import analyse_article  # noqa: F401  (ingest_service and tests use pipeline.analyse_article)
from .clean import clean_document
from .ingest import DEFAULT_MAX_BYTES, read_paths, stable_id
from .link import build_stories
from .parallel import analyse_articles
from .records import AnalysedArticle, Article, Dossier, IngestError, RawDocument

Progress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass
class Batch:
    """What one run read: analysed articles plus the per-file errors."""

    docs: list[AnalysedArticle] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    skipped: int = 0


def load_raw(inputs: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[RawDocument], list[IngestError]]:
    """Read inputs; a string that is not an existing path or glob is taken as article text."""
    raws: list[RawDocument] = []
    errors: list[IngestError] = []
    paths: list[str] = []
    for item in inputs:
        item = str(item)
        if "\n" in item or len(item) > 4096 or not _looks_like_path(item):
            raws.append(RawDocument(id=stable_id(item), source="<text>", text=item))
        else:
            paths.append(item)
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
    try:
        art = clean_document(raw)
    except Exception as exc:
        errors.append(IngestError(raw.source, f"cleaning failed: {type(exc).__name__}: {exc}"))
        return None
    if not art.text.strip():
        errors.append(IngestError(raw.source, "no article text after cleaning"))
        return None
    return art


def process(raws: list[RawDocument], progress: Progress | None = None, skip_hashes: set[str] | None = None,
            workers: int | None = 1, engine: str = "local", address: str | None = None) -> Batch:
    """Clean and analyse raw documents; a document that fails becomes an error, not a crash.

    Articles whose content hash is in `skip_hashes` (already stored) are counted in
    `batch.skipped` and not analysed again. `workers`: analysis processes (None: one per core);
    the result does not depend on it, nor on `engine` ("local" or "ray", at Ray `address`).
    """
    batch = Batch()
    articles: list[Article] = []
    for raw in raws:
        art = clean_or_error(raw, batch.errors)
        if art is None:
            continue
        if skip_hashes and art.content_hash in skip_hashes:
            batch.skipped += 1
            continue
        articles.append(art)
    articles = dedupe_ids(articles, batch.errors)
    # articles in chunks (sentences share NER batches), on `workers` processes; order is kept
    for result in analyse_articles(articles, workers=workers, progress=progress, engine=engine,
                                   address=address):
        (batch.errors if isinstance(result, IngestError) else batch.docs).append(result)
    return batch


def dossier_from_docs(docs: list[AnalysedArticle], errors: list[IngestError] | None = None) -> Dossier:
    stories = build_stories(docs)
    return Dossier(articles=[d.article for d in docs], stories=stories, errors=list(errors or []))


def run(inputs: Iterable[str], progress: Progress | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Dossier:
    """Inputs (paths, globs or texts) -> Dossier."""
    raws, errors = load_raw(inputs, max_bytes=max_bytes)
    batch = process(raws, progress)
    return dossier_from_docs(batch.docs, errors + batch.errors)
