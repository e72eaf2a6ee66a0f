"""`lagebild ingest`: read, analyse and store new articles, then update the stories incrementally.

Crash safety: the new articles are analysed and stored in chunks, and each chunk is ONE
transaction holding the articles, the stories whose membership changed and the story index
(`link.cluster.StoryIndex`, stored as arrays + JSON by `store.index_state`, never pickled). A
process killed at any point leaves the database as it was after some whole chunk; a re-run skips
what is stored and files the rest in the same chunks, so it ends where an uninterrupted run ends.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from .ingest import DEFAULT_MAX_BYTES
from .pipeline import Progress
from .records import AnalysedArticle, Article, IngestError

INDEX_KEY = "story_index"
CHUNK = int(os.environ.get("LAGEBILD_INGEST_CHUNK", "100"))  # articles per transaction


@dataclass
class IngestResult:
    url: str
    added: int = 0
    skipped: int = 0
    total: int = 0
    stories_updated: int = 0
    added_ids: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


def load_index(store, session=None):
    """(the stored story index, True when it had to be rebuilt from the stored articles)."""
    from .link import propagate_names
    from .link.cluster import StoryIndex
    from .store.index_state import IndexFormatError
    from .store.index_state import load_index as decode

    blob = store.load_blob(INDEX_KEY)
    if blob:
        try:
            return decode(blob), False
        except IndexFormatError:  # an older format (e.g. a pickle): never unpickled, rebuilt
            pass
    index = StoryIndex()
    docs = store.load_docs(session=session)
    if docs:
        propagate_names(docs)
        index.add_docs(docs)
    return index, True


def update_stories(store, index, new_docs, session, analyser=None) -> int:
    """File `new_docs` (stored in `session`) into the index; relink the stories that changed and
    store them and the index in the same session. Returns the number of stories written.
    `analyser`: relink the changed stories on its workers (the stored rows take only the articles'
    own fields from `docs`, which linking does not change)."""
    from .link import LINK_CHUNK, link_chunk, propagate_names
    from .store.index_state import dump_index

    if new_docs:
        # names found in one article of the chunk count in all that spell them, as in `report`
        # (in memory, for the clustering features; each story propagates again when it is linked)
        propagate_names(new_docs)
        index.add_docs(new_docs)
    clusters = index.clusters()
    stored = store.story_members(session=session)
    changed = [c for c in clusters if set(c["article_ids"]) != stored.get(c["id"])]
    live = {c["id"] for c in clusters}
    removed = [sid for sid in stored if sid not in live]
    if changed or removed:
        docs = store.load_docs([a for c in changed for a in c["article_ids"]], session=session)
        by_id = {d.id: d for d in docs}
        jobs = [(c["id"], [by_id[a] for a in c["article_ids"] if a in by_id], c.get("membership", [])) for c in changed]
        stories = link_chunk(jobs) if analyser is None else list(analyser.run(link_chunk, jobs, LINK_CHUNK, "link"))
        store.save_stories(stories, docs, remove=removed, session=session)
    store.save_blob(INDEX_KEY, dump_index(index), session=session)
    return len(changed)


def _read(inputs, max_bytes: int, analyser, result: IngestResult, progress: Progress | None) -> list[Article]:
    """Read and clean every input on the analyser's workers (an HTML page costs ~50 ms to read, the
    main process only collects): the cleaned articles in input order; reading errors, then cleaning
    errors, in `result.errors`."""
    from functools import partial
    from pathlib import Path

    from .pipeline import READ_CHUNK, _items, read_clean_chunk

    items = _items(inputs, max_bytes, read_files_here=not analyser.reads_files)
    size = READ_CHUNK if any(isinstance(item, Path) for item in items) else analyser.chunk
    cleaned: list = []
    for read_errors, docs in analyser.run(partial(read_clean_chunk, max_bytes=max_bytes), items, size, "read", progress):
        result.errors += read_errors
        cleaned += docs
    result.errors += [e for e in cleaned if isinstance(e, IngestError)]
    return [a for a in cleaned if isinstance(a, Article)]


def _new_articles(cleaned, store, result: IngestResult):
    """Drop stored and repeated content among the cleaned articles (each repeat named); give every
    new article an id that no stored article has (the same ids on a re-run after a crash)."""
    from .store import storable_id

    known_hashes = store.known_hashes()
    taken = store.article_ids()
    seen: dict[str, str] = {}
    out = []
    for art in cleaned:
        if art.content_hash in known_hashes:
            result.skipped += 1
            continue
        if art.content_hash in seen:
            result.errors.append(IngestError(art.source, f"skipped: exact duplicate of {seen[art.content_hash]}"))
            continue
        seen[art.content_hash] = art.source
        art.id = storable_id(art.id)
        base, n = art.id, 1
        while art.id in taken:
            n += 1
            art.id = f"{base}-{n}"
        taken.add(art.id)
        out.append(art)
    return out


def _analyse(articles, errors, analyser) -> list[AnalysedArticle]:
    docs = []
    for result in analyser.analyse(articles):  # on the analyser's worker processes, in input order
        (errors if isinstance(result, IngestError) else docs).append(result)
    return docs


def ingest_paths(inputs, db: str | None = None, progress: Progress | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                 chunk: int | None = None, workers: int | None = 1, engine: str = "local",
                 address: str | None = None) -> IngestResult:
    from .parallel import Analyser
    from .store import Store

    store = Store(db)
    result = IngestResult(url=store.url)
    # workers (None: one per core) load the models once; they read and clean the inputs too
    with Analyser(workers, engine=engine, address=address) as analyser:
        cleaned = _read(inputs, max_bytes, analyser, result, progress)
        with store.writer_lock():  # one ingest at a time per database: each goes on from the stored story index
            articles = _new_articles(cleaned, store, result)
            index, rebuilt = load_index(store)
            size = max(1, chunk or CHUNK)
            if rebuilt and not articles:
                with store.session.begin() as s:  # an index from an older version: store it rebuilt
                    result.stories_updated += update_stories(store, index, [], s, analyser)
            for start in range(0, len(articles), size):
                docs = _analyse(articles[start:start + size], result.errors, analyser)
                with store.session.begin() as s:
                    new_docs = store.store_new(docs, session=s)
                    result.skipped += len(docs) - len(new_docs)
                    result.stories_updated += update_stories(store, index, new_docs, s, analyser)
                result.added += len(new_docs)
                result.added_ids += [d.id for d in new_docs]
                if progress:
                    progress("analyse", min(start + size, len(articles)), len(articles))
    result.total = store.count_articles()
    return result
