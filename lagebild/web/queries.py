"""Read-only queries the web views need beyond `Store`'s public methods.

They go through `Store.session` and the store's table classes, so `store/` stays the one owner of the
schema; each of these could move into `Store` later without changing the views.
"""
from __future__ import annotations

import base64
import json

from sqlalchemy import and_, func, or_, select

from ..store import ArticleRow, Store, StoryCardRow, StoryEntityRow, StoryRow, story_filters, story_list_order

def valid_id(value: str) -> bool:
    """True for a string that can be a stored story/article id. Ids are opaque database keys
    (never file paths), so any stored one, '/' included, can be asked for; only the column's
    length and NUL (which no database stores) are refused."""
    return bool(value) and len(value) <= 200 and "\x00" not in value


def count_stories(store: Store, query=None, outlet=None, entity=None, date_from=None, date_to=None) -> int:
    """Number of stories matching the list filters (for pagination)."""
    return store.count_stories(query, outlet, entity, date_from, date_to)


def totals(store: Store) -> dict:
    """Counts shown in the page header."""
    with store.session() as s:
        return {
            "articles": s.scalar(select(func.count()).select_from(ArticleRow)) or 0,
            "stories": s.scalar(select(func.count()).select_from(StoryRow)) or 0,
            "last_ingest": s.scalar(select(func.max(ArticleRow.ingested_at))),
        }


def outlets(store: Store, limit: int = 500) -> list[str]:
    """Distinct outlet names, for the filter drop-down."""
    with store.session() as s:
        q = select(ArticleRow.outlet).distinct().where(ArticleRow.outlet.is_not(None)).order_by(ArticleRow.outlet).limit(limit)
        return [o for o in s.scalars(q) if o]


def article_meta(store: Store, ids: list[str]) -> dict[str, dict]:
    """Light metadata (no text) for the given article ids."""
    if not ids:
        return {}
    with store.session() as s:
        rows = s.execute(
            select(ArticleRow.id, ArticleRow.title, ArticleRow.outlet, ArticleRow.published).where(ArticleRow.id.in_(ids))
        )
        return {r.id: {"id": r.id, "title": r.title, "outlet": r.outlet, "published": r.published} for r in rows}


def stories_with_entity(store: Store, name: str, limit: int = 50) -> list[dict]:
    """Full story dicts whose canonical entities include `name` exactly (the list filter is a substring match).

    Candidates come from the indexed story-entity join table (case-insensitive), not from a LIKE
    scan over every story, in which '%' or '_' in a name were wildcards."""
    out = []
    key = " ".join(name.split()).casefold()[:300]  # as the store writes entity_key
    with store.session() as s:
        named = select(StoryEntityRow.story_id).where(StoryEntityRow.entity_key == key)
        q = select(StoryRow.data).where(StoryRow.id.in_(named)).order_by(*story_list_order())
        for data in s.scalars(q.limit(limit * 4)):
            names = {e.get("name") for e in data.get("entities", [])}
            aliases = {a for e in data.get("entities", []) for a in e.get("aliases", [])}
            if name in names or name in aliases:
                out.append(data)
            if len(out) >= limit:
                break
    return out


def stories_with_alias(store: Store, name: str, limit: int = 50) -> list[dict]:
    """Stories in which `name` is an alias of a canonical entity ('Keller' of 'Anna Keller'), for the
    entity page to send it on to the canonical name. Candidates are stories with an entity whose name
    contains `name` (the indexed story-entity table); an alias that is no part of its canonical name
    is not found."""
    key = " ".join(name.split()).casefold()[:300]
    like = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    out = []
    with store.session() as s:
        named = select(StoryEntityRow.story_id).where(StoryEntityRow.entity_key.like(like, escape="\\"))
        q = select(StoryRow.data).where(StoryRow.id.in_(named)).order_by(*story_list_order())
        for data in s.scalars(q.limit(limit * 4)):
            if any(name in (e.get("aliases") or []) for e in data.get("entities", [])):
                out.append(data)
            if len(out) >= limit:
                break
    return out


def story_dossier(store: Store, story_id: str, with_text: bool = True) -> dict | None:
    """One story in dossier shape (`Store.dossier([story_id])`'s answer), or None.

    Without `with_text` (pages that only show metadata) the articles come from the story's
    precomputed cards row (store/summary.py). Otherwise, or for a story without cards, only the
    `article` part of each member's stored analysis is read (the database extracts it from the
    JSON), never the whole analysis with its sentences, mentions, quotes and figures."""
    from ..records import SCHEMA_VERSION

    with store.engine.connect() as conn:
        row = conn.execute(select(StoryRow.data, StoryCardRow.articles)
                           .outerjoin(StoryCardRow, StoryCardRow.story_id == StoryRow.id).where(StoryRow.id == story_id)).first()
        if row is None:
            return None
        story, cards = row
        ids = list(story.get("article_ids", []))
        if not with_text and isinstance(cards, list) and {c.get("id") for c in cards} == set(ids):
            return {"version": SCHEMA_VERSION, "articles": cards, "stories": [story]}  # precomputed at ingest
        found: dict[str, dict] = {}
        for i in range(0, len(ids), 500):  # bounded IN lists
            part = select(ArticleRow.id, ArticleRow.analysis["article"]).where(ArticleRow.id.in_(ids[i:i + 500]))
            found.update((aid, art) for aid, art in conn.execute(part) if isinstance(art, dict))
    if not with_text:
        found = {aid: {k: v for k, v in art.items() if k not in ("text", "removed_lines")} for aid, art in found.items()}
    return {"version": SCHEMA_VERSION, "articles": [found[i] for i in ids if i in found], "stories": [story]}


def encode_cursor(row: dict) -> str:
    """An opaque keyset cursor for the story after `row` in `story_list_order`."""
    key = [row.get("last_published"), row.get("n_articles") or 0, row["id"]]
    return base64.urlsafe_b64encode(json.dumps(key, ensure_ascii=False).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str | None, int, str]:
    """The key in a cursor made by `encode_cursor`; ValueError for anything else."""
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError) as exc:
        raise ValueError("not a cursor") from exc
    if not (isinstance(key, list) and len(key) == 3 and (key[0] is None or isinstance(key[0], str))
            and isinstance(key[1], int) and not isinstance(key[1], bool) and isinstance(key[2], str)):
        raise ValueError("not a cursor")
    return key[0], key[1], key[2]


def stories_after(store: Store, cursor: str, limit: int, query=None, outlet=None, entity=None,
                  date_from=None, date_to=None) -> list[dict]:
    """Keyset pagination: the `limit` stories that follow the cursor's story (an index seek, however
    deep the page; `Store.list_stories` with an offset walks past every skipped row)."""
    published, n_articles, story_id = decode_cursor(cursor)
    n = func.coalesce(StoryRow.n_articles, 0)
    same_day_after = or_(n < n_articles, and_(n == n_articles, StoryRow.id > story_id))
    base = select(StoryRow.id, StoryRow.title, StoryRow.n_articles, StoryRow.first_published, StoryRow.last_published,
                  StoryRow.outlets, StoryRow.entities, StoryRow.updated_at)
    base = story_filters(base, query, outlet, entity, date_from, date_to)
    undated = StoryRow.last_published.is_(None)
    rows: list[dict] = []
    with store.session() as s:
        if published is not None:  # dated stories first: a range seek on the date index
            dated = base.where(StoryRow.last_published <= published,
                               or_(StoryRow.last_published < published, same_day_after))
            rows = [dict(r._mapping) for r in s.execute(dated.order_by(*story_list_order()).limit(limit))]
        if len(rows) < limit:  # then the undated ones (all of them after a dated cursor)
            rest = base.where(undated) if published is not None else base.where(undated, same_day_after)
            rows += [dict(r._mapping) for r in s.execute(rest.order_by(*story_list_order()).limit(limit - len(rows)))]
    return rows
