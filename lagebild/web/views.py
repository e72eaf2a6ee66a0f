"""View models: turn stored story/article dicts into what the templates show.

Everything here is plain data (str, numbers, lists); escaping happens in the templates (Jinja2
autoescape) and in `charts` (markupsafe). The stored dicts are read defensively with `.get` because
analysis stages add fields over time and old rows may lack them.
"""
from __future__ import annotations

from collections import defaultdict
from urllib.parse import quote as urlquote

from ..analyse.timex_anchor import SHOW_THRESHOLD
from ..report.common import chain, fmt_figure, fmt_range, group_keys, group_name
from ..report.timevalues import readable_time

KIND_LABELS = {"mention": "Entity", "quote": "Quote", "speaker": "Speaker", "cue": "Cue", "figure": "Figure", "timex": "Time"}


def article_url(article_id: str) -> str:
    return f"/articles/{urlquote(article_id, safe='')}"


def evidence_url(item: dict) -> str | None:
    """Link to the article page with the item's evidence span highlighted, or None without offsets."""
    aid, start, end = item.get("article_id"), item.get("start"), item.get("end")
    if not aid or not isinstance(start, int) or not isinstance(end, int):
        return None
    return f"{article_url(aid)}?hl={start}-{end}#ev"


def entity_url(name: str) -> str:
    return f"/entity?name={urlquote(name, safe='')}"


def canonical_entity(stories: list[dict], name: str) -> str:
    """`name` when some story has an entity of that name; else the canonical entity most often known
    by `name` as an alias ('Putin' -> 'Wladimir Putin'); else `name`."""
    from collections import Counter

    owners: Counter[str] = Counter()
    for s in stories:
        for e in s.get("entities", []):
            if e.get("name") == name:
                return name
            if name in (e.get("aliases") or []) and e.get("name"):
                owners[e["name"]] += 1
    return owners.most_common(1)[0][0] if owners else name


def safe_link(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else (javascript:, data:) is shown as text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def label(art: dict | None, fallback: str = "") -> str:
    """Short name of an article: outlet, else its title (shortened), else id."""
    art = art or {}
    if art.get("outlet"):
        return art["outlet"]
    title = art.get("title") or ""
    if title:
        return title if len(title) <= 40 else title[:39].rstrip() + "…"
    return art.get("id") or fallback


def figure_row(fig: dict, arts: dict) -> dict:
    return {
        "id": fig.get("id") or "",
        "range": fmt_figure(fig),
        "text": fig.get("text") or "",
        "count_of": fig.get("count_of") or "",
        "topic": fig.get("topic") or "",
        "unit": fig.get("unit") or "",
        "claimant": chain(fig.get("attributed_to") or []),
        "date": fig.get("date") or "",
        "source": label(arts.get(fig.get("article_id")), fig.get("article_id") or ""),
        "article_id": fig.get("article_id") or "",
        "url": evidence_url(fig),
    }


def quote_row(q: dict, arts: dict) -> dict:
    row = _quote_fields(q, arts)
    parts = ["" if row["direct"] else "indirect", row["cue"], row["source"], f"via {row['chain']}" if row["chain"] else ""]
    row["meta"] = " · ".join(p for p in parts if p)
    return row


def _quote_fields(q: dict, arts: dict) -> dict:
    return {
        "speaker": q.get("speaker_entity") or q.get("speaker") or "",
        "speaker_written": q.get("speaker") or "",
        "text": q.get("text") or "",
        "direct": bool(q.get("direct")),
        "cue": q.get("cue") or "",
        "stance": q.get("stance") or "none",
        "chain": _chain_beyond_speaker(q),
        "source": label(arts.get(q.get("article_id")), q.get("article_id") or ""),
        "article_id": q.get("article_id") or "",
        "url": evidence_url(q),
    }


def _chain_beyond_speaker(q: dict) -> str:
    """The attribution chain, unless it only repeats the speaker."""
    links = [a for a in q.get("attributed_to") or [] if a not in (q.get("speaker"), q.get("speaker_entity"))]
    return chain(links)


def source_columns(story: dict, arts: dict, limit: int = 40) -> list[dict]:
    """One column per article of the story, oldest first: metadata, key figures, quotes, membership."""
    figs_by_art, quotes_by_art = defaultdict(list), defaultdict(list)
    for f in story.get("figures", []):
        figs_by_art[f.get("article_id")].append(f)
    for q in story.get("quotes", []):
        if q.get("shown", True):
            quotes_by_art[q.get("article_id")].append(q)
    member = {m.get("article_id"): m for m in story.get("membership", []) if isinstance(m, dict)}
    # translations read off artefacts (no note): the story's inferred 'translated-from' edges
    inferred = {e.get("target"): e.get("language") for e in story.get("lineage", [])
                if e.get("kind") == "translated-from" and e.get("inferred")}
    ordered = sorted(
        (arts[i] for i in story.get("article_ids", []) if i in arts),
        key=lambda a: (a.get("published") or "9999", a.get("id")),
    )
    cols = []
    for art in ordered[:limit]:
        aid = art["id"]
        m = member.get(aid) or {}
        cols.append({
            "id": aid,
            "url": article_url(aid),
            "outlet": art.get("outlet") or "",
            "title": art.get("title") or aid,
            "published": art.get("published") or "",
            "inferred": bool(art.get("published_inferred")),
            "inferred_from": art.get("published_evidence") or "",
            "agency": ", ".join(art.get("agency") or []),
            "byline": art.get("byline") or "",
            "language": art.get("language") or "",
            "translated_from": art.get("translated_from") or (f"{inferred[aid]} (inferred)" if inferred.get(aid) else ""),
            "link": safe_link(art.get("url")),
            "figures": [figure_row(f, arts) for f in figs_by_art.get(aid, [])[:8]],
            "n_figures": len(figs_by_art.get(aid, [])),
            "quotes": [quote_row(q, arts) for q in quotes_by_art.get(aid, [])[:5]],
            "n_quotes": len(quotes_by_art.get(aid, [])),
            "membership_score": m.get("score"),
            "membership_evidence": _short(m.get("evidence")),
        })
    return cols


def _short(value, n: int = 160) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = ", ".join(f"{k}: {v}" for k, v in value.items())
    value = str(value)
    return value if len(value) <= n else value[: n - 1] + "…"


def figure_groups(story: dict, arts: dict, shown: bool = True) -> list[dict]:
    """Figure groups with their member figures resolved (ids, else embedded 'members'): those shown, or with
    `shown=False` those kept only in the JSON (inside one article, or distinct: link.figure_groups.shown_group)."""
    by_id = {f.get("id"): f for f in story.get("figures", []) if f.get("id")}
    out = []
    for g in story.get("figure_groups", []):
        if g.get("shown", True) != shown:
            continue
        members = [by_id[i] for i in g.get("figure_ids", []) if i in by_id]
        if not members:
            members = [m for m in g.get("members", []) if isinstance(m, dict)]
        if not members:
            continue
        units = sorted({m.get("unit") or "" for m in members})
        out.append({
            "topic": g.get("topic") or "",
            "name": group_name(g, members),
            "disagreement": bool(g.get("disagreement")),
            "kind": g.get("kind") or ("disagreement" if g.get("disagreement") else "agreement"),
            "key_text": group_keys(g),  # not "keys": Jinja would find the dict method
            "unit": ", ".join(u for u in units if u),
            "note": _short(g.get("reason") or g.get("explanation") or "", 300),
            "figures": members,
            "rows": [figure_row(m, arts) for m in members],
        })
    # disagreements first: they are what a fact-checker looks for
    out.sort(key=lambda g: (not g["disagreement"], -len(g["figures"])))
    return out


def quotes_by_speaker(story: dict, arts: dict) -> list[dict]:
    """Quotes grouped by canonical speaker, biggest group first; direct before indirect in each."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for q in story.get("quotes", []):
        if not q.get("shown", True):
            continue  # below the confidence threshold: listed by uncertain_quotes
        row = quote_row(q, arts)
        groups[row["speaker"] or "(no speaker found)"].append(row)
    out = []
    for speaker, rows in groups.items():
        out.append({
            "speaker": speaker,
            "is_entity": any(q.get("speaker_entity") == speaker for q in story.get("quotes", [])),
            "direct": [r for r in rows if r["direct"]],
            "indirect": [r for r in rows if not r["direct"]],
            "written": sorted({r["speaker_written"] for r in rows if r["speaker_written"] and r["speaker_written"] != speaker}),
            "outlets": sorted({r["source"] for r in rows}),
        })
    out.sort(key=lambda g: (g["speaker"] == "(no speaker found)", -(len(g["direct"]) + len(g["indirect"])), g["speaker"]))
    return out


def uncertain_quotes(story: dict, arts: dict) -> list[dict]:
    """Quotes below the confidence threshold (shown collapsed), most confident first."""
    rows = [{**quote_row(q, arts), "confidence": q.get("confidence")} for q in story.get("quotes", [])
            if not q.get("shown", True)]
    return sorted(rows, key=lambda r: -(r["confidence"] or 0))


def stance_matrix(story: dict, arts: dict) -> dict:
    """Claims x actors table; each cell lists the stances (with outlet and evidence) found for that pair."""
    rows_in = [r for r in story.get("stance", []) if isinstance(r, dict)]
    actors: list[str] = []
    for r in rows_in:
        for c in r.get("cells", []):
            a = c.get("actor") or "?"
            if a not in actors:
                actors.append(a)
    rows = []
    for r in rows_in:
        cells = {a: [] for a in actors}
        for c in r.get("cells", []):
            cells[c.get("actor") or "?"].append({
                "stance": (c.get("stance") or "none").lower(),
                "outlet": c.get("outlet") or label(arts.get(c.get("article_id")), ""),
                "text": c.get("text") or "",
                "url": evidence_url(c),
            })
        rows.append({"claim": _short(r.get("claim"), 300), "cells": [cells[a] for a in actors]})
    return {"actors": actors, "rows": rows}


def timeline_rows(story: dict, arts: dict, shown: bool = True) -> list[dict]:
    """Timeline rows at or above the confidence threshold (`shown`), or, with shown=False, the
    uncertain ones that are listed apart, collapsed."""
    rows = []
    for t in story.get("timeline", []):
        if bool(t.get("shown", True)) != shown:
            continue
        srcs = t.get("sources") if isinstance(t.get("sources"), list) else []
        rows.append({
            "date": _timeline_date(t),
            "iso": str(t.get("date") or ""),
            "text": t.get("text") or "",
            "event": t.get("event") or "",
            "source": label(arts.get(t.get("article_id")), t.get("article_id") or ""),
            "n_sources": len(srcs) or 1,
            "inferred": bool(t.get("inferred")),
            "inferred_from": t.get("inferred_from") or "",
            "confidence": t.get("confidence"),
            "url": evidence_url(t),
            "event_url": evidence_url({"article_id": t.get("article_id"), "start": t.get("event_start"), "end": t.get("event_end")}),
        })
    return rows


def _timeline_date(row: dict) -> str:
    """The row's date as read ('17 March 2026, evening'); the TIMEX value adds the time of day when it
    is the same date."""
    date, value = str(row.get("date") or ""), str(row.get("value") or "")
    return readable_time(value if date and value.startswith(date) else date, row.get("type"))


def lineage_rows(story: dict, arts: dict) -> list[dict]:
    rows = []
    for e in story.get("lineage", []):
        if not isinstance(e, dict):
            continue
        spans = []
        for sp in e.get("spans") or []:
            if isinstance(sp, dict):
                spans.append({"text": _short(sp.get("text") or "", 120), "url": evidence_url(sp),
                              "source": label(arts.get(sp.get("article_id")), sp.get("article_id") or "")})
        score = e.get("score")
        rows.append({
            "source": label(arts.get(e.get("source")), str(e.get("source"))),
            "source_url": article_url(str(e.get("source"))),
            "target": label(arts.get(e.get("target")), str(e.get("target"))),
            "target_url": article_url(str(e.get("target"))),
            "kind": e.get("kind") or "",
            "score": f"{score:.2f}" if isinstance(score, (int, float)) else "",
            "spans": spans[:6],
        })
    return rows


def entity_rows(story: dict) -> list[dict]:
    ents = sorted((e for e in story.get("entities", []) if e.get("listed", True)),  # low-confidence ones stay in the JSON
                  key=lambda e: (-len(e.get("mentions", [])), e.get("name") or ""))
    return [{
        "name": e.get("name") or "",
        "type": e.get("type") or "",
        "aliases": [a for a in e.get("aliases", []) if a != e.get("name")][:6],
        "n_mentions": len(e.get("mentions", [])),
        "n_articles": len(e.get("article_ids", [])),
        "url": entity_url(e.get("name") or ""),
        "first": evidence_url(e["mentions"][0]) if e.get("mentions") else None,
    } for e in ents]


# --- article page ---------------------------------------------------------------------------------
def article_items(analysis: dict) -> list[dict]:
    """Every extracted item of one stored article as {kind, start, end, text, label}."""
    text_len = len(analysis["article"].get("text") or "")
    items = []

    def add(kind, start, end, text, lab):
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= text_len:
            items.append({"kind": kind, "start": start, "end": end, "text": text or "", "label": lab})

    for m in analysis.get("mentions", []):
        add("mention", m.get("start"), m.get("end"), m.get("text"), f"{m.get('label', '')} {m.get('norm') or m.get('text', '')}")
    for q in analysis.get("quotes", []):
        form = "direct" if q.get("direct") else "indirect"
        add("quote", q.get("start"), q.get("end"), q.get("text"), f"{form} quote — {q.get('speaker') or '?'}")
        add("speaker", q.get("speaker_start"), q.get("speaker_end"), q.get("speaker"), "speaker")
        add("cue", q.get("cue_start"), q.get("cue_end"), q.get("cue"), "reporting verb")
    for f in analysis.get("figures", []):
        who = chain(f.get("attributed_to") or [])
        add("figure", f.get("start"), f.get("end"), f.get("text"),
            f"{fmt_figure(f)} {f.get('count_of') or ''}" + (f" (laut {who})" if who else ""))
    for t in analysis.get("timexes", []):
        unsure = isinstance(t.get("confidence"), (int, float)) and t["confidence"] < SHOW_THRESHOLD
        add("timex", t.get("start"), t.get("end"), t.get("text"),
            f"{readable_time(t.get('value'), t.get('type'))} ({t.get('type', '')} {t.get('value', '')})"
            + (f" — uncertain date ({t['confidence']:.2f})" if unsure else ""))
    return items


def segments(text: str, items: list[dict], highlight: tuple[int, int] | None = None,
             anchors: dict[int, list[str]] | None = None) -> list[dict]:
    """Cut the text at every item boundary; each piece knows which item kinds cover it.

    Pieces carry their offsets so the page script can highlight any span without a reload; the
    requested evidence span (`highlight`) is marked server-side so it works without JavaScript too.
    `anchors` (offset -> element ids) puts link targets into the text (the static dossier.html).
    """
    anchors = anchors or {}
    bounds = {0, len(text)} | {a for a in anchors if 0 <= a <= len(text)}
    for it in items:
        bounds.update((it["start"], it["end"]))
    if highlight:
        bounds.update(highlight)
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    starts = sorted(items, key=lambda it: it["start"])
    active: list[dict] = []
    nxt = 0
    out = []
    anchor_done = False
    for a, b in zip(cuts, cuts[1:]):
        while nxt < len(starts) and starts[nxt]["start"] <= a:
            active.append(starts[nxt])
            nxt += 1
        active = [it for it in active if it["end"] > a]
        if active:
            kinds = sorted({it["kind"] for it in active})
            title = "; ".join(dict.fromkeys(f"{KIND_LABELS[it['kind']]}: {it['label']}" for it in active))
        else:  # the plain text between items, about half the pieces
            kinds, title = [], ""
        hl = bool(highlight) and highlight[0] <= a and b <= highlight[1]
        seg = {"text": text[a:b], "start": a, "end": b, "kinds": kinds, "title": title,
               "hl": hl, "anchor": hl and not anchor_done, "ids": anchors.get(a, [])}
        anchor_done = anchor_done or hl
        out.append(seg)
    return out


def parse_highlight(value: str | None, text_len: int) -> tuple[int, int] | None:
    """'120-145' -> (120, 145) when it is a valid span of the text."""
    if not value or "-" not in value:
        return None
    a, _, b = value.partition("-")
    if not (a.isdigit() and b.isdigit()) or len(a) > 9 or len(b) > 9:
        return None
    start, end = int(a), int(b)
    return (start, end) if 0 <= start < end <= text_len else None


def item_lists(analysis: dict) -> dict:
    """The article page's side panel: items by kind, each with an in-page evidence link."""
    aid = analysis["article"]["id"]
    base = article_url(aid)
    mentions = defaultdict(list)
    for m in analysis.get("mentions", []):
        mentions[(m.get("norm") or m.get("text") or "", m.get("label") or "")].append(m)

    def link(s, e):
        return f"{base}?hl={s}-{e}#ev"

    return {
        "entities": [{"name": n, "label": lab, "count": len(ms), "url": link(ms[0]["start"], ms[0]["end"]),
                      "entity_url": entity_url(n)}
                     for (n, lab), ms in sorted(mentions.items(), key=lambda kv: (-len(kv[1]), kv[0]))],
        "quotes": [{"speaker": q.get("speaker") or "?", "text": q.get("text") or "", "direct": bool(q.get("direct")),
                    "cue": q.get("cue") or "", "url": link(q["start"], q["end"])} for q in analysis.get("quotes", [])],
        "figures": [{"range": fmt_figure(f), "text": f.get("text") or "", "count_of": f.get("count_of") or "",
                     "claimant": chain(f.get("attributed_to") or []), "url": link(f["start"], f["end"])}
                    for f in analysis.get("figures", [])],
        "timexes": [{"text": t.get("text") or "", "value": readable_time(t.get("value"), t.get("type")),
                     "raw": t.get("value") or "", "url": link(t["start"], t["end"])}
                    for t in analysis.get("timexes", [])],
    }

