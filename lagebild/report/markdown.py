"""Markdown report."""
from __future__ import annotations

from .common import article_label, chain, fmt_figure, group_keys, group_name, plural
from .timevalues import readable_time


def _translated(a: dict) -> str | None:
    """'fr' from a note or metadata; 'fr (inferred)' when read off translation artefacts."""
    lang = a.get("translated_from")
    return f"{lang} (inferred)" if lang and a.get("translated_from_inferred") else lang


def _md(text: str | None) -> str:
    """Neutralise Markdown/HTML control characters in article text."""
    if text is None:
        return ""
    text = " ".join(str(text).split())
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(dossier: dict) -> str:
    arts = {a["id"]: a for a in dossier["articles"]}
    out = ["# lagebild dossier", "",
           f"{plural(len(dossier['articles']), 'article')}, {plural(len(dossier['stories']), 'story', 'stories')}.", ""]
    for story in dossier["stories"]:
        out += [f"## {_md(story['title'])}", ""]
        out.append("| article | outlet | published | language | agency | byline | translated from |")
        out.append("|---|---|---|---|---|---|---|")
        for aid in story["article_ids"]:
            a = arts.get(aid, {})
            out.append(
                f"| {_md(a.get('title') or aid)} | {_md(a.get('outlet'))} | {_md(a.get('published'))}{' (inferred: ' + _md(a.get('published_evidence') or '') + ')' if a.get('published_inferred') else ''} | "
                f"{_md(a.get('language'))} | {_md(', '.join(a.get('agency') or []))} | {_md(a.get('byline'))} | "
                f"{_md(_translated(a))} |"
            )
        out.append("")
        shown_groups = [g for g in story["figure_groups"] if g.get("shown", True)]
        if story["figure_groups"]:
            figs = {f["id"]: f for f in story["figures"]}
            out += ["### Figures", ""]
            for g in shown_groups:
                flag = " **DISAGREEMENT**" if g.get("disagreement") else f" ({_md(g.get('kind'))})" if g.get("kind") else ""
                members = [figs[i] for i in g["figure_ids"] if i in figs]
                out.append(f"- **{_md(group_name(g, members))}**{flag} — keys: {_md(group_keys(g))}; {_md(g.get('reason'))}")
                for fid in g["figure_ids"]:
                    f = figs.get(fid)
                    if f:
                        who = chain(f.get("attributed_to") or [])
                        out.append(
                            f"  - {fmt_figure(f)} {_md(f.get('count_of'))} — “{_md(f['text'])}”"
                            f"{' (laut ' + _md(who) + ')' if who else ''} [{_md(article_label(arts, f['article_id']))}]"
                        )
            others = [g for g in story["figure_groups"] if not g.get("shown", True)]
            if not shown_groups:
                out.append("No figures were compared across sources.")
            if others:
                out += ["", f"Not compared across sources ({plural(len(others), 'group')} inside one article or of "
                            "different things; kept in dossier.json): " + "; ".join(
                                f"{_md(group_name(g, [figs[i] for i in g['figure_ids'] if i in figs]))} ({_md(g.get('kind'))})"
                                for g in others)]
            out.append("")
        if story["quotes"]:
            out += ["### Quotes", ""]
            sure = [q for q in story["quotes"] if q.get("shown", True)]
            unsure = [q for q in story["quotes"] if not q.get("shown", True)]
            for q in sure:
                out.append(_md_quote(q, arts))
            if unsure:  # below the confidence threshold: collapsed, never mixed with the quotes above
                out += ["", f"<details><summary>Uncertain quotes ({len(unsure)}, low confidence)</summary>", ""]
                out += [_md_quote(q, arts) for q in unsure]
                out += ["", "</details>"]
            out.append("")
        if story.get("stance"):
            out += ["### Stance", ""]
            for row in story["stance"]:
                out.append(f"- {_md(row.get('claim'))}: " + "; ".join(
                    f"{_stance_who(c)} → {_md(c.get('stance'))}" for c in row.get("cells", [])
                ))
            out.append("")
        if story["timeline"]:
            out += ["### Timeline", ""]
            sure = [t for t in story["timeline"] if t.get("shown", True)]
            unsure = [t for t in story["timeline"] if not t.get("shown", True)]
            out += [_md_timeline_row(t, arts) for t in sure]
            if unsure:  # below the confidence threshold: collapsed, never mixed with the dates above
                out += ["", f"<details><summary>Uncertain dates ({len(unsure)}, low confidence)</summary>", ""]
                out += [_md_timeline_row(t, arts) for t in unsure]
                out += ["", "</details>"]
            out.append("")
        if story["entities"]:
            out += ["### Entities", ""]
            for e in (e for e in story["entities"] if e.get("listed", True)):
                aliases = ", ".join(_md(a) for a in e["aliases"] if a != e["name"])
                out.append(f"- {_md(e['name'])} ({e['type']}, {len(e['mentions'])} mentions){' — ' + aliases if aliases else ''}")
            out.append("")
        if story.get("lineage"):
            out += ["### Lineage", ""]
            for edge in story["lineage"]:
                out.append(f"- {_md(article_label(arts, edge.get('source') or ''))} → {_md(article_label(arts, edge.get('target') or ''))}: "
                           f"{_md(edge.get('kind'))} ({edge.get('score')})")
            out.append("")
    if dossier.get("errors"):
        out += ["## Input errors", ""] + [f"- {_md(e)}" for e in dossier["errors"]] + [""]
    return "\n".join(out)


def _md_timeline_row(t: dict, arts: dict) -> str:
    inferred = f" (inferred: {_md(t.get('inferred_from') or '')})" if t.get("inferred") else ""
    when = readable_time(t.get("value") if str(t.get("value") or "").startswith(t["date"]) else t["date"], t.get("type"))
    iso = f" ({_md(t['date'])})" if when != t["date"] else ""
    conf = f" · {t['confidence']:.2f}" if not t.get("shown", True) and isinstance(t.get("confidence"), (int, float)) else ""
    return (f"- **{_md(when)}**{iso}{inferred}{conf} „{_md(t['text'])}“: {_md(t['event'])} "
            f"[{_md(article_label(arts, t['article_id']))}]")


def _stance_who(cell: dict) -> str:
    """'Karla Brenneisen (Radio Talmark)', or the outlet alone when no actor is named."""
    actor, outlet = cell.get("actor"), cell.get("outlet")
    if actor and outlet and actor != outlet:
        return f"{_md(actor)} ({_md(outlet)})"
    return _md(actor or outlet or cell.get("article_id") or "?")


def _md_quote(q: dict, arts: dict) -> str:
    kind = q.get("form") or ("direct" if q["direct"] else "indirect")
    names = q.get("speakers") or []
    who = q.get("speaker_entity") or (" / ".join(names) if len(names) > 1 else q.get("speaker")) or "?"
    via = chain(q.get("attributed_to") or [])
    conf = f", confidence {q['confidence']:.2f}" if q.get("confidence") is not None and "confidence" in q else ""
    return (f"- **{_md(who)}** ({kind}{', ' + _md(q.get('cue')) if q.get('cue') else ''}"
            f"{', via ' + _md(via) if via else ''}{conf}): “{_md(q['text'])}” [{_md(article_label(arts, q['article_id']))}]")
