"""`lagebild ingest`: read, analyse and store new articles, then update the stories incrementally.

The story index (`link.cluster.StoryIndex`) is kept in the database between runs: new articles
join existing stories without re-clustering everything, and only the stories whose membership
changed are linked again.
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field

from .ingest import DEFAULT_MAX_BYTES
from .pipeline import Progress, load_raw, process
from .records import IngestError

INDEX_KEY = "story_index"


@dataclass
class IngestResult:
    url: str
    added: int = 0
    skipped: int = 0
    total: int = 0
    stories_updated: int = 0
    added_ids: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


def _load_index(store):
    from .link.cluster import StoryIndex

    blob = store.load_blob(INDEX_KEY)
    if blob:
        try:
            return pickle.loads(blob), False
        except Exception:  # an index from an older version: rebuild it from the stored articles
            pass
    return StoryIndex(), True


def update_stories(store, new_docs) -> int:
    """File `new_docs` (already stored) into the story index; relink the stories that changed."""
    from .link import build_story, propagate_names

    index, fresh = _load_index(store)
    # names found in one article of the batch count in all that spell them, as in `report`
    # (in memory, for the clustering features; each story propagates again when it is linked)
    if fresh:
        docs = store.load_docs()
        propagate_names(docs)
        index.add_docs(docs)
    elif new_docs:
        propagate_names(new_docs)
        index.add_docs(new_docs)
    clusters = index.clusters()
    stored = store.story_members()
    changed = [c for c in clusters if set(c["article_ids"]) != stored.get(c["id"])]
    live = {c["id"] for c in clusters}
    removed = [sid for sid in stored if sid not in live]
    if changed or removed:
        docs = store.load_docs([a for c in changed for a in c["article_ids"]])
        by_id = {d.id: d for d in docs}
        stories = [build_story(c["id"], [by_id[a] for a in c["article_ids"] if a in by_id], c.get("membership", []))
                   for c in changed]
        store.save_stories(stories, docs, remove=removed)
    store.save_blob(INDEX_KEY, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    return len(changed)


def ingest_paths(inputs, db: str | None = None, progress: Progress | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    from .store import Store

    store = Store(db)
    raws, errors = load_raw(inputs, max_bytes=max_bytes)
    batch = process(raws, progress, skip_hashes=store.known_hashes())
    new_docs = store.store_new(batch.docs)
    skipped = batch.skipped + len(batch.docs) - len(new_docs)
    changed = update_stories(store, new_docs) if new_docs or store.load_blob(INDEX_KEY) is None else 0
    return IngestResult(url=store.url, added=len(new_docs), skipped=skipped, total=store.count_articles(),
                        stories_updated=changed, added_ids=[d.id for d in new_docs], errors=errors + batch.errors)
