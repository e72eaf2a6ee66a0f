"""dossier.html: the web UI's own templates and charts (web/templates/_story_body.html, web/charts.py),
rendered into one self-contained file: inline CSS and SVG, no scripts, a strict CSP, and every link a
target inside the file (evidence links jump to the span in the article text at the end)."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote

from markupsafe import Markup

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_CSS = Path(__file__).resolve().parent.parent / "web" / "static" / "app.css"

_EVIDENCE = re.compile(r'href="/articles/([^"?#]*)\?hl=(\d+)-(\d+)#ev"')
_ARTICLE = re.compile(r'href="/articles/([^"?#]*)"')
_ENTITY = re.compile(r'href="/entity\?name=[^"]*"')
_SITE = re.compile(r'href="/[^"]*"')
_TARGET = re.compile(r'href="#a-([A-Za-z0-9_.:-]+?)-(\d+)-(\d+)"')


def anchor_id(article_id: str) -> str:
    """An article id as it appears in element ids ('a-<id>-<start>-<end>', 'art-<id>')."""
    return re.sub(r"[^A-Za-z0-9_.:-]", "_", article_id)


def _local_links(html: str, sid: str, known: set[str]) -> str:
    """The web UI's links, made into targets inside the file ('agency:dpa' and other non-articles: the lineage)."""
    html = _EVIDENCE.sub(lambda m: f'href="#a-{anchor_id(unquote(m[1]))}-{m[2]}-{m[3]}"', html)
    html = _ARTICLE.sub(lambda m: f'href="#art-{anchor_id(unquote(m[1]))}"' if unquote(m[1]) in known
                        else f'href="#{sid}lineage"', html)
    html = _ENTITY.sub(f'href="#{sid}entities"', html)
    return _SITE.sub('href="#"', html)


def _pseudo_analyses(stories: list[dict]) -> dict[str, dict]:
    """Each article's items from the stories' data, in the stored-analysis shape `views.article_items`
    reads (article id -> mentions, quotes, figures, timexes in story order). One pass over the stories
    for all articles (issue 18: a pass per article was quadratic in the number of articles)."""
    out: dict[str, dict] = defaultdict(lambda: {"mentions": [], "quotes": [], "figures": [], "timexes": []})
    for s in stories:
        for e in s.get("entities", []):
            for m in e.get("mentions", []):
                out[m.get("article_id")]["mentions"].append(dict(m, norm=e.get("name")))
        for q in s.get("quotes", []):
            out[q.get("article_id")]["quotes"].append(q)
        for f in s.get("figures", []):
            out[f.get("article_id")]["figures"].append(f)
        for t in s.get("timeline", []):
            for src in [t, *(x for x in t.get("sources") or [] if isinstance(x, dict))]:
                out[src.get("article_id")]["timexes"].append(
                    {"start": src.get("start"), "end": src.get("end"), "text": src.get("text"), "type": t.get("type"),
                     "value": t.get("value") or t.get("date"), "confidence": src.get("confidence", t.get("confidence"))})
    return out


def render_html(dossier: dict) -> str:
    from ..web import pages, views

    env = pages.jinja_env()
    body_tpl = env.get_template("_story_body.html")
    arts = {a["id"]: a for a in dossier.get("articles", [])}
    stories = []
    for n, story in enumerate(dossier.get("stories", [])):
        sid = f"s{n + 1}-"
        members = {aid: arts[aid] for aid in story.get("article_ids", []) if aid in arts}
        body = body_tpl.render(**pages.story_context(story, members), static=True, sid=sid)
        stories.append({"sid": sid, "title": story.get("title") or story.get("id") or "story",
                        "body": Markup(_local_links(body, sid, set(arts)))})
    targets: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s in stories:
        for slug, start, end in set(_TARGET.findall(str(s["body"]))):
            targets[slug][int(start)].append(f"a-{slug}-{start}-{end}")
    items_of = _pseudo_analyses(dossier.get("stories", []))
    articles = []
    for art in dossier.get("articles", []):
        slug = anchor_id(art["id"])
        text = art.get("text") or ""
        found = items_of.get(art["id"]) or {"mentions": [], "quotes": [], "figures": [], "timexes": []}
        items = views.article_items({"article": art, **found})
        anchors = {k: sorted(set(v)) for k, v in targets.get(slug, {}).items()}
        articles.append({"art": art, "anchor": f"art-{slug}", "segments": views.segments(text, items, anchors=anchors)})
    title = stories[0]["title"] if len(stories) == 1 else "dossier"
    return env.get_template("dossier_static.html").render(
        title=title, csp=CSP, css=Markup(_CSS.read_text(encoding="utf-8")), stories=stories, articles=articles,
        errors=[str(e) for e in dossier.get("errors") or []])
