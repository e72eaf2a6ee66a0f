"""Precomputed rows for the web's story page, written with the stories (at ingest/report time).

A story page shows each member article's metadata (outlet, title, date, byline, agency, language,
link), never its text. Reading that from the articles' stored analyses means the database parses
every member's whole analysis JSON (sentences, mentions, quotes ...) per request; the story's
*cards* row holds just that metadata, in the story's article order, so the page reads two rows
by primary key (story + cards) whatever the story's size.
"""
from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import JSON, Column, ForeignKey, String

from . import Base

NOT_ON_CARDS = ("text", "removed_lines")


class StoryCardRow(Base):
    """One row per story: its articles' metadata (article dicts without text), in article_ids order."""

    __tablename__ = "story_cards"
    story_id = Column(String(200), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True)
    articles = Column(JSON, nullable=False)


def article_card(article: dict) -> dict:
    """The stored article dict without its text: what a story page shows of one source."""
    return {k: v for k, v in article.items() if k not in NOT_ON_CARDS}


def story_cards(article_ids: list[str], articles: dict[str, dict]) -> list[dict]:
    """Cards of the story's articles (those known), in the story's order."""
    return [article_card(articles[i]) for i in article_ids if i in articles]


def cards_from_docs(docs) -> dict[str, dict]:
    """Article id -> article dict (as stored in the analysis) for analysed docs."""
    return {d.id: asdict(d.article) for d in docs}
