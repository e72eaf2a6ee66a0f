"""Story clustering (issue 7)."""
from __future__ import annotations

from ..records import AnalysedArticle, Entity


def cluster_articles(docs: list[AnalysedArticle]) -> list[dict]:
    """Group articles into stories: [{'id', 'article_ids', 'membership': [{article_id, score, evidence}]}]."""
    return [{"article_ids": [d.id for d in docs], "membership": []}] if docs else []


def story_title(docs: list[AnalysedArticle], entities: list[Entity]) -> str:
    """A title generated from the story's content."""
    for d in docs:
        if d.article.title:
            return d.article.title
    return "Story"
