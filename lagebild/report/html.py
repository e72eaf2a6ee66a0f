"""Self-contained HTML report: no external requests, every piece of article text escaped."""
from __future__ import annotations

from collections import defaultdict
from html import escape

from .common import article_label, chain, fmt_figure, group_keys, sorted_groups

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:12px 24px}main{padding:16px 24px;max-width:1200px}
section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:12px 16px;margin:12px 0}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
.dis{color:#b00020;font-weight:600}.muted{color:#667}.tag{display:inline-block;padding:0 6px;border-radius:3px;background:#eef}
.st-confirm{color:#1b7a2e}.st-deny{color:#b00020}.st-neither{color:#8a6d00}
mark{background:#fff2a8;padding:0 1px}mark.q{background:#d7ecff}mark.f{background:#ffe0c2}mark.t{background:#dff5df}mark.e{background:#eee}mark.s{background:#f3e0ff}
.text{white-space:pre-wrap;font-family:Georgia,serif}:target{outline:2px solid #c00}
.barcell{width:28%}.bar{position:relative;height:14px;background:#f0f0f0;border-radius:3px}.bar span{position:absolute;top:0;height:14px;background:#4a7bd0;border-radius:3px;min-width:3px}
"""


def _e(x) -> str:
    return escape("" if x is None else str(x), quote=True)


def _anchor(aid: str, start: int, end: int) -> str:
    return f"#a-{_e(aid)}-{start}-{end}"


def _ev(item: dict) -> str:
    return f'<a href="{_anchor(item["article_id"], item["start"], item["end"])}">evidence</a>'


def _figure_groups(story: dict, arts: dict) -> str:
    figs = {f["id"]: f for f in story["figures"]}
    rows = []
    for g in sorted_groups(story):
        members = [figs[i] for i in g["figure_ids"] if i in figs]
        bounds = [b for f in members for b in (f.get("low"), f.get("high"), f.get("value")) if b is not None]
        top = max(bounds) if bounds else 1
        kind = g.get("kind") or ("disagreement" if g.get("disagreement") else "agreement")
        head = (f'<h4>{_e(g["topic"])} <span class="{"dis" if g.get("disagreement") else "muted"}">{_e(kind)}</span>'
                f' <span class=muted>{len(members)} figures</span></h4>')
        lines = []
        for f in members:
            lo = f.get("low") if f.get("low") is not None else f.get("value") or 0
            hi = f.get("high") if f.get("high") is not None else max(lo, f.get("value") or lo, top if f.get("qualifier") == "at_least" else lo)
            left, width = 100 * lo / top if top else 0, 100 * max(hi - lo, 0) / top if top else 0
            lines.append(
                f"<tr><td>{_e(fmt_figure(f))}</td><td>{_e(f.get('count_of'))}</td>"
                f"<td class=barcell><div class=bar><span style='left:{left:.1f}%;width:{max(width, 0.6):.1f}%'></span></div></td>"
                f"<td>{_e(chain(f.get('attributed_to') or []))}</td><td>{_e(article_label(arts, f['article_id']))}</td><td>{_ev(f)}</td></tr>"
            )
        rows.append(head + "<table><tr><th>range</th><th>counts</th><th></th><th>claimed by</th><th>outlet</th><th></th></tr>" + "".join(lines) + "</table>")
    return "".join(rows)


def _quotes(story: dict, arts: dict) -> str:
    """Quotes above the confidence threshold; the rest collapsed under 'Uncertain quotes'."""
    sure = [q for q in story["quotes"] if q.get("shown", True)]
    unsure = [q for q in story["quotes"] if not q.get("shown", True)]
    out = _quote_table(sure, arts) if sure else "<p class=muted>No quote is certain enough to show.</p>"
    if unsure:
        out += f"<details><summary>Uncertain quotes ({len(unsure)}, low confidence)</summary>{_quote_table(unsure, arts)}</details>"
    return out


def _quote_table(quotes: list[dict], arts: dict) -> str:
    rows = []
    for q in quotes:
        rows.append(
            f"<tr><td>{_e(q.get('speaker_entity') or q.get('speaker') or '?')}<div class=muted>{_e(' / '.join(q.get('speakers') or []) or q.get('speaker'))}</div></td>"
            f"<td>{_e(q.get('form') or ('direct' if q['direct'] else 'indirect'))}<div class=muted>{_e(q.get('cue'))}"
            f"{' · ' + format(q['confidence'], '.2f') if 'confidence' in q else ''}</div></td>"
            f"<td>{_e(q['text'])}<div class=muted>{_e(chain(q.get('attributed_to') or []))}</div></td>"
            f"<td>{_e(q.get('stance'))}</td><td>{_e(article_label(arts, q['article_id']))}</td><td>{_ev(q)}</td></tr>"
        )
    return "<table><tr><th>speaker</th><th>form</th><th>text</th><th>stance</th><th>outlet</th><th></th></tr>" + "".join(rows) + "</table>"


def _inferred(t: dict) -> str:
    """' (inferred)' with its evidence as a tooltip: a date anchored on something other than the article's own date."""
    if not t.get("inferred"):
        return ""
    return f' <span class="inferred" title="{_e(t.get("inferred_from") or "inferred")}">(inferred: {_e(t.get("inferred_from") or "")})</span>'


def _timeline(story: dict, arts: dict) -> str:
    rows = [
        f"<tr><td>{_e(t['date'])}{_inferred(t)}</td><td>{_e(t['text'])}</td><td>{_e(t['event'])}</td>"
        f"<td>{_e(article_label(arts, t['article_id']))}</td><td>{_ev(t) if 'start' in t else ''}</td></tr>"
        for t in story["timeline"]
    ]
    return "<table>" + "".join(rows) + "</table>"


def _stance(story: dict, arts: dict) -> str:
    """One matrix per claim: actor x outlet -> stance, each cell linked to its evidence."""
    out = []
    for row in story.get("stance", []):
        cells = row.get("cells", [])
        outlets = list(dict.fromkeys(article_label(arts, c["article_id"]) for c in cells if c.get("article_id")))
        actors = list(dict.fromkeys(c.get("actor") or "(the outlet itself)" for c in cells if c.get("stance") != "not_mentioned"))
        grid: dict = {}
        for c in cells:
            key = (c.get("actor") or "(the outlet itself)", article_label(arts, c.get("article_id")))
            grid.setdefault(key, []).append(c)
        head = "".join(f"<th>{_e(o)}</th>" for o in outlets)
        body = []
        for actor in actors:
            tds = []
            for o in outlets:
                found = grid.get((actor, o), [])
                tds.append("<td>" + " ".join(
                    f"<b class=st-{_e(c['stance'])}>{_e(c['stance'])}</b>"
                    + (f" {_ev(c)}" if isinstance(c.get("start"), int) else "") for c in found) + "</td>")
            body.append(f"<tr><td>{_e(actor)}</td>{''.join(tds)}</tr>")
        silent = [article_label(arts, c["article_id"]) for c in cells if c.get("stance") == "not_mentioned"]
        counts = f"independent confirmations {row.get('independent_confirmations', 0)}, denials {row.get('independent_denials', 0)}"
        out.append(f"<h4>{_e(row.get('claim'))}</h4><div class=muted>{_e(counts)}"
                   + (f"; not mentioned by {_e(', '.join(silent))}" if silent else "") + "</div>"
                   + f"<table><tr><th>actor</th>{head}</tr>{''.join(body)}</table>")
    return "".join(out)


def _highlighted(article: dict, story: dict) -> str:
    """Article text with every item of the story marked; each mark is the target of its evidence link."""
    aid, text = article["id"], article["text"]
    spans = []
    for kind, items in (("q", story["quotes"]), ("f", story["figures"]), ("t", [t for t in story["timeline"] if "start" in t])):
        spans += [(i["start"], i["end"], kind) for i in items if i["article_id"] == aid]
    spans += [(m["start"], m["end"], "e") for e in story["entities"] for m in e["mentions"] if m["article_id"] == aid]
    spans += [(c["start"], c["end"], "s") for row in story.get("stance", []) for c in row.get("cells", [])
              if c.get("article_id") == aid and isinstance(c.get("start"), int) and isinstance(c.get("end"), int)]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    # Marks must not overlap; an item inside (or crossing) an earlier mark still gets its anchor,
    # an empty element at its start, so that every evidence link lands on its span.
    marks, anchors, pos = [], defaultdict(list), 0
    for start, end, kind in spans:
        if start < pos:
            anchors[start].append(f'<a class=anchor id="a-{_e(aid)}-{start}-{end}"></a>')
        else:
            marks.append((start, end, kind))
            pos = end
    cuts = sorted({0, len(text), *anchors, *(p for s_, e_, _ in marks for p in (s_, e_))})
    opening = {s_: (e_, kind) for s_, e_, kind in marks}
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a in opening:
            end, kind = opening[a]
            out.append(f'<mark class={kind} id="a-{_e(aid)}-{a}-{end}">')
        out.extend(anchors.get(a, []))
        out.append(_e(text[a:b]))
        if any(e_ == b for s_, e_, _ in marks if s_ <= a):
            out.append("</mark>")
    return "".join(out)


def render_html(dossier: dict) -> str:
    arts = {a["id"]: a for a in dossier["articles"]}
    parts = [
        "<!doctype html><html lang=de><head><meta charset=utf-8>",
        "<meta http-equiv=Content-Security-Policy content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>lagebild dossier</title><style>{CSS}</style></head><body>",
        f"<header><b>lagebild</b> — {len(dossier['articles'])} articles, {len(dossier['stories'])} stories</header><main>",
    ]
    for story in dossier["stories"]:
        parts.append(f"<section><h2>{_e(story['title'])}</h2><table><tr><th>article</th><th>outlet</th><th>published</th><th>lang</th><th>agency</th><th>byline</th><th>translated from</th></tr>")
        for aid in story["article_ids"]:
            a = arts.get(aid, {})
            parts.append(
                f"<tr><td><a href='#art-{_e(aid)}'>{_e(a.get('title') or aid)}</a></td><td>{_e(a.get('outlet'))}</td><td>{_e(a.get('published'))}{_inferred({'inferred': a.get('published_inferred'), 'inferred_from': a.get('published_evidence')})}</td>"
                f"<td>{_e(a.get('language'))}</td><td>{_e(', '.join(a.get('agency') or []))}</td><td>{_e(a.get('byline'))}</td><td>{_e(a.get('translated_from'))}{' (inferred)' if a.get('translated_from_inferred') else ''}</td></tr>"
            )
        parts.append("</table></section>")
        if story["figure_groups"]:
            parts.append(f"<section><h3>Figures</h3>{_figure_groups(story, arts)}</section>")
        if story["quotes"]:
            parts.append(f"<section><h3>Quotes and reported speech</h3>{_quotes(story, arts)}</section>")
        if story.get("stance"):
            parts.append(f"<section><h3>Stance</h3>{_stance(story, arts)}</section>")
        if story["timeline"]:
            parts.append(f"<section><h3>Timeline</h3>{_timeline(story, arts)}</section>")
        if story["entities"]:
            ents = "".join(
                f"<tr><td>{_e(e['name'])}</td><td>{_e(e['type'])}</td><td>{_e(', '.join(a for a in e['aliases'] if a != e['name']))}</td><td>{len(e['mentions'])}</td></tr>"
                for e in story["entities"] if e.get("listed", True)
            )
            parts.append(f"<section><h3>Entities</h3><table><tr><th>name</th><th>type</th><th>aliases</th><th>mentions</th></tr>{ents}</table></section>")
        if story.get("lineage"):
            edges = "".join(
                f"<tr><td>{_e(l.get('source'))}</td><td>{_e(l.get('kind'))}</td><td>{_e(l.get('target'))}</td><td>{_e(l.get('score'))}</td></tr>"
                for l in story["lineage"]
            )
            parts.append(f"<section><h3>Lineage</h3><table>{edges}</table></section>")
        for aid in story["article_ids"]:
            a = arts.get(aid)
            if not a:
                continue
            removed = "".join(f"<li>{_e(l)}</li>" for l in a.get("removed_lines") or [])
            parts.append(
                f"<section id='art-{_e(aid)}'><h3>{_e(a.get('title') or aid)}</h3><div class=muted>{_e(a.get('source'))}</div>"
                f"<div class=text>{_highlighted(a, story)}</div>"
                + (f"<details><summary>removed lines ({len(a.get('removed_lines') or [])})</summary><ul>{removed}</ul></details>" if removed else "")
                + "</section>"
            )
    if dossier.get("errors"):
        parts.append("<section><h3>Input errors</h3><ul>" + "".join(f"<li>{_e(e)}</li>" for e in dossier["errors"]) + "</ul></section>")
    parts.append("</main></body></html>")
    return "".join(parts)
