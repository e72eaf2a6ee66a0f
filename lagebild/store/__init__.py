"""Storage: SQLAlchemy over SQLite (default) or any database URL; schema created on first use."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import (JSON, Column, DateTime, ForeignKey, Integer, LargeBinary, String, Text, create_engine, delete,
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
    ingested_at = Column(DateTime, default=lambda: dt.datetime.now(dt.timezone.utc))
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
    updated_at = Column(DateTime, default=lambda: dt.datetime.now(dt.timezone.utc))
    data = Column(JSON, nullable=False)


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


def story_filters(q, query=None, outlet=None, entity=None, date_from=None, date_to=None):
    """The story-list filters: free text (title, entities), outlet, entity, date range."""
    if query:
        like = f"%{query}%"
        q = q.where(or_(StoryRow.title.ilike(like), StoryRow.entities.ilike(like)))
    if outlet:
        q = q.where(StoryRow.outlets.ilike(f"%{outlet}%"))
    if entity:
        q = q.where(StoryRow.entities.ilike(f"%{entity}%"))
    if date_from:
        q = q.where(StoryRow.last_published >= date_from)
    if date_to:
        q = q.where(StoryRow.first_published <= date_to)
    return q


def normalise_url(url: str | None) -> str:
    """A bare path or None means the default SQLite file; anything with '://' is a SQLAlchemy URL."""
    if not url:
        url = DEFAULT_DB
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).resolve()}"


class Store:
    """The one owner of the database. Web views and the CLI go through it."""

    def __init__(self, url: str | None = None):
        self.url = normalise_url(url)
        kwargs = {"connect_args": {"check_same_thread": False}} if self.url.startswith("sqlite") else {}
        self.engine = create_engine(self.url, **kwargs)
        Base.metadata.create_all(self.engine)
        self.session: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)

    # --- articles -------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        with self.session() as s:
            return set(s.scalars(select(ArticleRow.content_hash)))

    def add_docs(self, docs: list[AnalysedArticle]) -> tuple[int, int]:
        """Store analysed articles; returns (added, skipped as already stored)."""
        added = self.store_new(docs)
        return len(added), len(docs) - len(added)

    def store_new(self, docs: list[AnalysedArticle]) -> list[AnalysedArticle]:
        """Store the docs whose content hash is not stored yet and return them.

        One transaction: a failure stores nothing of this call. An id that is taken by other
        content gets a '-2', '-3' ... suffix (the doc's article id is updated in place).
        """
        known = self.known_hashes()
        with self.session() as s:
            known_ids = set(s.scalars(select(ArticleRow.id)))
        added: list[AnalysedArticle] = []
        with self.session.begin() as s:
            for doc in docs:
                art = doc.article
                if art.content_hash in known:
                    continue
                base, n = art.id, 1
                while art.id in known_ids:  # same file stem, different content
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
                        published=art.published,
                        outlet=art.outlet,
                        language=art.language,
                        analysis=doc_to_dict(doc),
                    )
                )
                added.append(doc)
        return added

    def count_articles(self) -> int:
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(ArticleRow)) or 0

    def load_docs(self, ids: list[str] | None = None) -> list[AnalysedArticle]:
        with self.session() as s:
            q = select(ArticleRow.analysis).order_by(ArticleRow.published, ArticleRow.id)
            if ids is not None:
                q = q.where(ArticleRow.id.in_(ids))
            return [doc_from_dict(d) for d in s.scalars(q)]

    def get_article(self, article_id: str) -> dict | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            return row.analysis if row else None

    def story_of_article(self, article_id: str) -> str | None:
        with self.session() as s:
            return s.scalar(select(StoryArticleRow.story_id).where(StoryArticleRow.article_id == article_id))

    # --- blobs ----------------------------------------------------------------------
    def load_blob(self, key: str) -> bytes | None:
        with self.session() as s:
            row = s.get(BlobRow, key)
            return row.value if row else None

    def save_blob(self, key: str, value: bytes) -> None:
        with self.session.begin() as s:
            row = s.get(BlobRow, key)
            if row is None:
                s.add(BlobRow(key=key, value=value))
            else:
                row.value = value
                row.updated_at = dt.datetime.now(dt.timezone.utc)

    # --- stories --------------------------------------------------------------------
    def story_members(self) -> dict[str, set[str]]:
        """Stored story id -> its article ids."""
        out: dict[str, set[str]] = {}
        with self.session() as s:
            for sid, aid in s.execute(select(StoryArticleRow.story_id, StoryArticleRow.article_id)):
                out.setdefault(sid, set()).add(aid)
        return out

    def save_stories(self, stories: list[Story], docs: list[AnalysedArticle], remove: list[str] | None = None) -> None:
        """Store stories (one transaction).

        With `remove=None` the stored stories are replaced by these; otherwise these stories are
        written (replacing same-id ones) and the stories named in `remove` are deleted.
        """
        dates = {d.id: d.article.published for d in docs}
        outlets = {d.id: d.article.outlet or "" for d in docs}
        with self.session.begin() as s:
            if remove is None:
                s.execute(delete(StoryArticleRow))
                s.execute(delete(StoryRow))
            else:
                gone = list(set(remove) | {st.id for st in stories})
                s.execute(delete(StoryArticleRow).where(StoryArticleRow.story_id.in_(gone)))
                s.execute(delete(StoryRow).where(StoryRow.id.in_(gone)))
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
            q = select(
                StoryRow.id, StoryRow.title, StoryRow.n_articles, StoryRow.first_published,
                StoryRow.last_published, StoryRow.outlets, StoryRow.entities, StoryRow.updated_at,
            )
            q = story_filters(q, query, outlet, entity, date_from, date_to)
            q = q.order_by(StoryRow.last_published.desc(), StoryRow.n_articles.desc()).limit(limit).offset(offset)
            return [dict(r._mapping) for r in s.execute(q)]

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
            q = select(StoryRow.data)
            if story_ids is not None:
                q = q.where(StoryRow.id.in_(story_ids))
            stories = list(s.scalars(q))
            ids = [a for st in stories for a in st["article_ids"]]
            arts = {r.id: r.analysis["article"] for r in s.scalars(select(ArticleRow).where(ArticleRow.id.in_(ids)))}
        from ..records import SCHEMA_VERSION

        return {"version": SCHEMA_VERSION, "articles": [arts[i] for i in ids if i in arts], "stories": stories}
