"""Storage: SQLAlchemy over SQLite (default) or PostgreSQL (`lagebild[postgres]`, psycopg 3).

The schema is created on first use and upgraded by Alembic migrations (store/migrations/): a
database made before migrations existed is recognised and upgraded in place. Every write method
takes an optional session so that `ingest` can store a chunk of articles, their stories and the
story index in ONE transaction (a crash leaves either all of it or none of it).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

from sqlalchemy import (JSON, Column, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, create_engine, delete,
                        func, or_, select)
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from ..records import AnalysedArticle, Story
from .serialize import doc_from_dict, doc_to_dict

DEFAULT_DB = "lagebild.db"


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"
    id = Column(String(200), primary_key=True)
    content_hash = Column(String(64), unique=True, index=True, nullable=False)
    source = Column(Text)
    title = Column(Text)
    published = Column(String(40), index=True)
    outlet = Column(String(200), index=True)
    language = Column(String(8))
    ingested_at = Column(DateTime, index=True, default=lambda: dt.datetime.now(dt.timezone.utc))
    analysis = Column(JSON, nullable=False)


class StoryRow(Base):
    __tablename__ = "stories"
    id = Column(String(200), primary_key=True)
    title = Column(Text)
    n_articles = Column(Integer)
    first_published = Column(String(40))
    last_published = Column(String(40), index=True)
    outlets = Column(Text)  # '|'-joined, for filtering
    entities = Column(Text)  # '|'-joined canonical names, for filtering
    updated_at = Column(DateTime, index=True, default=lambda: dt.datetime.now(dt.timezone.utc))
    data = Column(JSON, nullable=False)
    # the list's own order (story_list_order): a page is an index walk (migration 0005)
    __table_args__ = (Index("ix_stories_list_order", last_published.desc().nulls_last(), func.coalesce(n_articles, 0).desc(), id),)


class BlobRow(Base):
    """Named binary state, e.g. the pickled incremental story index."""

    __tablename__ = "blobs"
    key = Column(String(100), primary_key=True)
    value = Column(LargeBinary, nullable=False)
    updated_at = Column(DateTime, default=lambda: dt.datetime.now(dt.timezone.utc))


class StoryArticleRow(Base):
    __tablename__ = "story_articles"
    story_id = Column(String(200), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    article_id = Column(String(200), ForeignKey("articles.id"), primary_key=True, index=True)


class StoryOutletRow(Base):
    """One row per (story, outlet): the outlet filter is an indexed join, not text matching."""

    __tablename__ = "story_outlets"
    story_id = Column(String(200), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    outlet = Column(String(200), primary_key=True, index=True)
    outlet_key = Column(String(200), index=True, nullable=False)  # casefolded


class StoryEntityRow(Base):
    """One row per (story, canonical entity name)."""

    __tablename__ = "story_entities"
    story_id = Column(String(200), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    entity = Column(String(300), primary_key=True)
    entity_key = Column(String(300), index=True, nullable=False)  # casefolded


from .summary import StoryCardRow, cards_from_docs, story_cards  # noqa: E402  (a model on Base, so after it)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()[:300]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def story_list_order() -> tuple:
    """Newest first, bigger first, then id: a total order (the same on SQLite and PostgreSQL), so pages
    neither repeat nor skip stories that tie, and a keyset cursor can continue any page."""
    return (StoryRow.last_published.desc().nulls_last(), func.coalesce(StoryRow.n_articles, 0).desc(), StoryRow.id.asc())


def story_filters(q, query=None, outlet=None, entity=None, date_from=None, date_to=None):
    """The story-list filters: free text (title or an entity name), outlet, entity, date range.

    Outlet and entity match one stored name exactly (case-insensitive) through the join tables;
    free text is a substring of the title or of one entity name."""
    if query:
        like = f"%{_escape_like(_key(query))}%"
        in_entities = select(StoryEntityRow.story_id).where(StoryEntityRow.entity_key.like(like, escape="\\"))
        q = q.where(or_(func.lower(StoryRow.title).like(like, escape="\\"), StoryRow.id.in_(in_entities)))
    if outlet:
        q = q.where(StoryRow.id.in_(select(StoryOutletRow.story_id).where(StoryOutletRow.outlet_key == _key(outlet))))
    if entity:
        q = q.where(StoryRow.id.in_(select(StoryEntityRow.story_id).where(StoryEntityRow.entity_key == _key(entity))))
    if date_from:
        q = q.where(StoryRow.last_published >= date_from)
    if date_to:
        q = q.where(StoryRow.first_published <= date_to)
    return q


LIST_COLUMNS = (StoryRow.id, StoryRow.title, StoryRow.n_articles, StoryRow.first_published, StoryRow.last_published,
                StoryRow.outlets, StoryRow.entities, StoryRow.updated_at)  # a story list row (no data JSON)

MAX_ID = 200  # the id columns' length (PostgreSQL enforces it; SQLite does not)


def storable_id(article_id: str) -> str:
    """An id that fits the id columns: longer ones keep their start plus a hash of the whole."""
    if len(article_id) <= MAX_ID:
        return article_id
    import hashlib

    return article_id[:MAX_ID - 17] + "-" + hashlib.sha1(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def normalise_url(url: str | None) -> str:
    """A bare path or None means the default SQLite file; anything with '://' is a SQLAlchemy URL."""
    if not url:
        url = DEFAULT_DB
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).resolve()}"


class Store:
    """The one owner of the database. Web views and the CLI go through it."""

    def __init__(self, url: str | None = None, migrate: bool = True):
        self.url = normalise_url(url)
        kwargs = {"connect_args": {"check_same_thread": False}} if self.url.startswith("sqlite") else {}
        self.engine = create_engine(self.url, **kwargs)
        if not self.url.startswith("sqlite"):
            from .pool import ping_when_idle

            ping_when_idle(self.engine)  # not pool_pre_ping: a round trip on every checkout
        if migrate:
            from .migrate import upgrade

            upgrade(self.engine)
        self.session: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)

    def reads_only(self) -> None:
        """From now on each statement runs on its own, outside a transaction: a web page's reads cost
        one round trip each instead of BEGIN + query + ROLLBACK (PostgreSQL: server + database CPU per
        request 0.78 -> 0.72 ms, bench_web). Writes through this Store would commit statement by
        statement, so only a reader (the web app) calls this."""
        self.engine = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self.session.configure(bind=self.engine)

    def writer_lock(self):
        """Context manager: one writer (an ingest, an upload) at a time on this database, across
        processes (store/locks.py); others wait for it."""
        from .locks import writer_lock

        return writer_lock(self.engine)

    @contextlib.contextmanager
    def _tx(self, session: Session | None):
        """The caller's transaction when it passes one, else a new one committed at the end."""
        if session is not None:
            yield session
        else:
            with self.session.begin() as s:
                yield s

    # --- articles -------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        with self.session() as s:
            return set(s.scalars(select(ArticleRow.content_hash)))

    def article_ids(self) -> set[str]:
        with self.session() as s:
            return set(s.scalars(select(ArticleRow.id)))

    def add_docs(self, docs: list[AnalysedArticle]) -> tuple[int, int]:
        """Store analysed articles; returns (added, skipped as already stored)."""
        added = self.store_new(docs)
        return len(added), len(docs) - len(added)

    def store_new(self, docs: list[AnalysedArticle], session: Session | None = None) -> list[AnalysedArticle]:
        """Store the docs whose content hash is not stored yet and return them.

        One transaction (the caller's, when given): a failure stores nothing of this call. An id
        that is taken by other content gets a '-2', '-3' ... suffix (the doc's article id is
        updated in place)."""
        added: list[AnalysedArticle] = []
        with self._tx(session) as s:
            hashes = [d.article.content_hash for d in docs]
            known = set(s.scalars(select(ArticleRow.content_hash).where(ArticleRow.content_hash.in_(hashes))))
            wanted = {d.article.id for d in docs}
            known_ids = set(s.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(wanted))))
            for doc in docs:
                art = doc.article
                if art.content_hash in known:
                    continue
                art.id = storable_id(art.id)
                base, n = art.id, 1
                while art.id in known_ids or (art.id != base and s.get(ArticleRow, art.id) is not None):
                    n += 1
                    art.id = f"{base}-{n}"
                known.add(art.content_hash)
                known_ids.add(art.id)
                s.add(
                    ArticleRow(
                        id=art.id,
                        content_hash=art.content_hash,
                        source=art.source,
                        title=art.title,
                        published=art.published[:40] if art.published else None,
                        outlet=art.outlet[:200] if art.outlet else None,
                        language=art.language[:8] if art.language else None,
                        analysis=doc_to_dict(doc),
                    )
                )
                added.append(doc)
            s.flush()
        return added

    def count_articles(self) -> int:
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def load_docs(self, ids: list[str] | None = None, session: Session | None = None) -> list[AnalysedArticle]:
        with self._tx(session) as s:
            q = select(ArticleRow.analysis).order_by(ArticleRow.published, ArticleRow.id)
            if ids is None:
                return [doc_from_dict(d) for d in s.scalars(q)]
            ids = list(ids)
            out = []
            for i in range(0, len(ids), 500):  # bounded IN lists
                out += [doc_from_dict(d) for d in s.scalars(q.where(ArticleRow.id.in_(ids[i:i + 500])))]
            out.sort(key=lambda d: (d.article.published is not None, d.article.published or "", d.id))
            return out

    def get_article(self, article_id: str) -> dict | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            return row.analysis if row else None

    def article_and_story(self, article_id: str) -> tuple[dict | None, str | None]:
        """(stored analysis, id of its story) in one query; (None, None) for an unknown id."""
        story = select(StoryArticleRow.story_id).where(StoryArticleRow.article_id == ArticleRow.id).limit(1).scalar_subquery()
        with self.engine.connect() as conn:
            row = conn.execute(select(ArticleRow.analysis, story).where(ArticleRow.id == article_id)).first()
        return (row[0], row[1]) if row else (None, None)

    def story_of_article(self, article_id: str) -> str | None:
        with self.session() as s:
            return s.scalar(select(StoryArticleRow.story_id).where(StoryArticleRow.article_id == article_id))

    # --- blobs ----------------------------------------------------------------------
    def load_blob(self, key: str) -> bytes | None:
        with self.session() as s:
            row = s.get(BlobRow, key)
            return row.value if row else None

    def save_blob(self, key: str, value: bytes, session: Session | None = None) -> None:
        with self._tx(session) as s:
            row = s.get(BlobRow, key)
            if row is None:
                s.add(BlobRow(key=key, value=value))
            else:
                row.value = value
                row.updated_at = dt.datetime.now(dt.timezone.utc)

    # --- stories --------------------------------------------------------------------
    def story_members(self, session: Session | None = None) -> dict[str, set[str]]:
        """Stored story id -> its article ids."""
        out: dict[str, set[str]] = {}
        with self._tx(session) as s:
            for sid, aid in s.execute(select(StoryArticleRow.story_id, StoryArticleRow.article_id)):
                out.setdefault(sid, set()).add(aid)
        return out

    def save_stories(self, stories: list[Story], docs: list[AnalysedArticle], remove: list[str] | None = None,
                     session: Session | None = None) -> None:
        """Store stories (one transaction, the caller's when given).

        With `remove=None` the stored stories are replaced by these; otherwise these stories are
        written (replacing same-id ones) and the stories named in `remove` are deleted.
        """
        dates = {d.id: d.article.published for d in docs}
        outlets = {d.id: d.article.outlet or "" for d in docs}
        with self._tx(session) as s:
            tables = (StoryArticleRow, StoryOutletRow, StoryEntityRow, StoryCardRow)
            cards = cards_from_docs(docs)
            if remove is None:
                for table in tables:
                    s.execute(delete(table))
                s.execute(delete(StoryRow))
            else:
                gone = sorted(set(remove) | {st.id for st in stories})
                for i in range(0, len(gone), 500):
                    part = gone[i:i + 500]
                    for table in tables:
                        s.execute(delete(table).where(table.story_id.in_(part)))
                    s.execute(delete(StoryRow).where(StoryRow.id.in_(part)))
            for story in stories:
                published = sorted(p for p in (dates.get(i) for i in story.article_ids) if p)
                s.add(
                    StoryRow(
                        id=story.id,
                        title=story.title,
                        n_articles=len(story.article_ids),
                        first_published=published[0] if published else None,
                        last_published=published[-1] if published else None,
                        outlets="|".join(sorted({outlets.get(i, "") for i in story.article_ids} - {""})),
                        entities="|".join(e.name for e in story.entities),
                        data=json.loads(json.dumps(story.to_dict(), default=str)),
                    )
                )
                s.flush()
                for aid in story.article_ids:
                    s.add(StoryArticleRow(story_id=story.id, article_id=aid))
                s.add(StoryCardRow(story_id=story.id, articles=json.loads(json.dumps(story_cards(story.article_ids, cards), default=str))))
                for name in sorted({outlets.get(i, "") for i in story.article_ids} - {""}):
                    s.add(StoryOutletRow(story_id=story.id, outlet=name[:200], outlet_key=_key(name)[:200]))
                names = {}
                for e in story.entities:
                    names.setdefault(e.name[:300], _key(e.name))
                for name, key in names.items():
                    s.add(StoryEntityRow(story_id=story.id, entity=name, entity_key=key))

    def list_stories(
        self,
        query: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict]:
        with self.session() as s:
            q = story_filters(select(*LIST_COLUMNS), query, outlet, entity, date_from, date_to)
            q = q.order_by(*story_list_order()).limit(limit).offset(offset)
            return [dict(r._mapping) for r in s.execute(q)]

    def story_page(self, query: str | None = None, outlet: str | None = None, entity: str | None = None,
                   date_from: str | None = None, date_to: str | None = None, limit: int = 50,
                   offset: int = 0) -> tuple[list[dict], int]:
        """(`list_stories`' rows, `count_stories`' number) for one list page.

        With free text, the matching ids come from ONE scan in list order (their count is the total)
        and only the page's rows are read: the text filter reads every title and entity name, so a
        separate count would read them all a second time. Otherwise the page is an index walk and
        the count an index lookup (reading every matching id would cost more there)."""
        if not query:
            return (self.list_stories(None, outlet, entity, date_from, date_to, limit=limit, offset=offset),
                    self.count_stories(None, outlet, entity, date_from, date_to))
        with self.session() as s:
            q = story_filters(select(StoryRow.id), query, outlet, entity, date_from, date_to).order_by(*story_list_order())
            ids = list(s.scalars(q))
            page = ids[offset:offset + limit]
            rows = {}
            if page:
                rows = {r.id: dict(r._mapping) for r in s.execute(select(*LIST_COLUMNS).where(StoryRow.id.in_(page)))}
        return [rows[i] for i in page if i in rows], len(ids)

    def count_stories(self, query: str | None = None, outlet: str | None = None, entity: str | None = None,
                      date_from: str | None = None, date_to: str | None = None) -> int:
        """Number of stories `list_stories` would page through with these filters."""
        with self.session() as s:
            q = story_filters(select(func.count()).select_from(StoryRow), query, outlet, entity, date_from, date_to)
            return s.scalar(q) or 0

    def get_story(self, story_id: str) -> dict | None:
        with self.session() as s:
            row = s.get(StoryRow, story_id)
            return row.data if row else None

    def dossier(self, story_ids: list[str] | None = None) -> dict:
        """A dossier dict (schema shape) of the stored stories and their articles."""
        with self.session() as s:
            q = select(StoryRow.data).order_by(StoryRow.id)
            if story_ids is not None:
                q = q.where(StoryRow.id.in_(story_ids))
            stories = list(s.scalars(q))
            ids = [a for st in stories for a in st["article_ids"]]
            arts = {r.id: r.analysis["article"] for r in s.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids)))}
        from ..records import SCHEMA_VERSION

        return {"version": SCHEMA_VERSION, "articles": [arts[i] for i in ids if i in arts], "stories": stories}
