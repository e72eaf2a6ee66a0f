"""Cross-article linking: stories, canonical entities, figure groups, lineage, stance, timeline."""
from __future__ import annotations

from ..records import AnalysedArticle, Story
from .canonical import canonical_entities
from .speakers import hide_nameless, link_speakers
from .cluster import cluster_articles, story_title
from .figure_groups import group_figures
from .lineage import find_lineage, origin_edges
from .propagate import propagate_names
from .stance import stance_matrix
from .timeline import build_timeline


def assign_ids(docs: list[AnalysedArticle]) -> None:
    """Stable ids for figures and quotes: '<article_id>:f<n>' / '<article_id>:q<n>'."""
    for doc in docs:
        for i, fig in enumerate(sorted(doc.figures, key=lambda f: f.start)):
            fig.id = fig.id or f"{doc.id}:f{i + 1}"
        for i, quote in enumerate(sorted(doc.quotes, key=lambda q: q.start)):
            quote.id = quote.id or f"{doc.id}:q{i + 1}"


def build_story(story_id: str, docs: list[AnalysedArticle], membership: list[dict]) -> Story:
    """Link the analysed articles of one story into a `Story`."""
    assign_ids(docs)
    propagate_names(docs)
    entities = canonical_entities(docs)
    quotes = [q for d in docs for q in sorted(d.quotes, key=lambda q: q.start)]
    link_speakers(quotes, entities, docs)
    hide_nameless(quotes, entities)
    figures = [f for d in docs for f in sorted(d.figures, key=lambda f: f.start)]
    timeline = build_timeline(docs)
    edges = find_lineage(docs)
    lineage = edges + origin_edges(docs, edges)
    return Story(
        id=story_id,
        title=story_title(docs, entities),
        article_ids=[d.id for d in docs],
        entities=entities,
        quotes=quotes,
        figures=figures,
        figure_groups=group_figures(figures, docs),
        timeline=timeline,
        lineage=lineage,
        stance=stance_matrix(docs, quotes, entities),
        membership=membership,
    )


StoryJob = tuple[str, list[AnalysedArticle], list[dict]]  # (story id, its articles, membership rows)
LINK_CHUNK = 8  # stories per task when the stories are linked on worker processes


def link_chunk(jobs: list[StoryJob]) -> list[Story]:
    """`build_story` of each job: one task of the link stage on a worker process (lagebild.parallel)."""
    return [build_story(*job) for job in jobs]


def build_stories(docs: list[AnalysedArticle], analyser=None) -> list[Story]:
    """Cluster articles into stories and link each story.

    `analyser` (a `lagebild.parallel.Analyser`): the stories are linked on its worker processes,
    `LINK_CHUNK` stories a task, in order (issue 18: linking was the serial half of a two-worker
    report). Stories are linked independently of each other, so the result is the same; the
    articles of this process are then not touched by the per-story steps (ids of figures and
    quotes, names spread within a story): the stories carry their own copies."""
    by_id = {d.id: d for d in docs}
    propagate_names(docs)  # batch-wide: names found in one article count in all that spell them
    jobs = [(cluster.get("id") or f"story-{n + 1}", [by_id[i] for i in cluster["article_ids"]],
             cluster.get("membership", [])) for n, cluster in enumerate(cluster_articles(docs))]
    if analyser is None:
        return link_chunk(jobs)
    return list(analyser.run(link_chunk, jobs, LINK_CHUNK, "link"))
