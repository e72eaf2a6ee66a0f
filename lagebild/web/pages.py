"""What the web story page and the static dossier.html share: the Jinja environment and a story's
template context (one renderer for one dossier)."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from . import charts, views

TEMPLATES = Path(__file__).resolve().parent / "templates"


def jinja_env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True, default_for_string=True),
                      auto_reload=False)  # templates ship with the package: no stat() of each file per page
    env.filters["num"] = lambda v: "" if v is None else views.fmt_range({"value": v, "qualifier": "exact"})
    env.filters["day"] = lambda v: (v or "")[:10]
    return env


def story_context(story: dict, arts: dict) -> dict:
    """Everything `_story_body.html` shows of one story: tables, figure-range charts, timeline and lineage charts."""
    groups = views.figure_groups(story, arts)
    for g in groups:
        g["svg"] = charts.range_chart(g, arts)
    dates = sorted(a.get("published") for a in arts.values() if a.get("published"))
    return dict(
        story=story, n_articles=len(story.get("article_ids", [])),
        outlets=sorted({a.get("outlet") for a in arts.values() if a.get("outlet")}),
        first=dates[0] if dates else "", last=dates[-1] if dates else "",
        columns=views.source_columns(story, arts), groups=groups, speakers=views.quotes_by_speaker(story, arts),
        other_groups=views.figure_groups(story, arts, shown=False),
        uncertain=views.uncertain_quotes(story, arts),
        stance=views.stance_matrix(story, arts), timeline=views.timeline_rows(story, arts),
        uncertain_dates=views.timeline_rows(story, arts, shown=False),
        timeline_svg=charts.timeline_chart(story, arts), lineage=views.lineage_rows(story, arts),
        lineage_svg=charts.lineage_chart(story, arts), entities=views.entity_rows(story),
    )
