"""`lagebild ingest`: read, analyse and store new articles, then re-link the stored stories."""
from __future__ import annotations

from dataclasses import dataclass, field

from .ingest import DEFAULT_MAX_BYTES
from .pipeline import Progress, load_raw, process
from .records import IngestError


@dataclass
class IngestResult:
    url: str
    added: int = 0
    skipped: int = 0
    total: int = 0
    errors: list[IngestError] = field(default_factory=list)


def ingest_paths(inputs, db: str | None = None, progress: Progress | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    from .link import build_stories
    from .store import Store

    store = Store(db)
    raws, errors = load_raw(inputs, max_bytes=max_bytes)
    batch = process(raws, progress, skip_hashes=store.known_hashes())
    added, skipped = store.add_docs(batch.docs)
    skipped += batch.skipped
    if added:
        docs = store.load_docs()
        store.save_stories(build_stories(docs), docs)
    return IngestResult(url=store.url, added=added, skipped=skipped, total=store.count_articles(), errors=errors + batch.errors)
