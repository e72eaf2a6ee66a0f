"""JSON API under /api/ plus CSV/Parquet exports of a story's figures and quotes."""
from __future__ import annotations

import csv
import io

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ..report.common import chain
from . import queries
from .views import evidence_url

router = APIRouter(prefix="/api", tags=["api"])

FIGURE_COLUMNS = ["story_id", "figure_id", "article_id", "outlet", "topic", "count_of", "text", "value", "low", "high",
                  "qualifier", "unit", "attributed_to", "date", "start", "end", "evidence"]
QUOTE_COLUMNS = ["story_id", "quote_id", "article_id", "outlet", "speaker", "speaker_entity", "direct", "cue", "text",
                 "stance", "attributed_to", "start", "end", "evidence"]
NUMERIC = {"value", "low", "high", "start", "end"}


def _store(request: Request):
    return request.app.state.store


def _check_id(value: str) -> str:
    if not queries.valid_id(value):
        raise HTTPException(404, "not found")
    return value


@router.get("/stories", summary="List stories (search, filters, pagination)")
async def list_stories(
    request: Request,
    q: str | None = Query(None, max_length=200, description="text in title or entity names"),
    outlet: str | None = Query(None, max_length=200),
    entity: str | None = Query(None, max_length=200),
    date_from: str | None = Query(None, alias="from", max_length=40, description="ISO date"),
    date_to: str | None = Query(None, alias="to", max_length=40, description="ISO date"),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=10_000_000),
    after: str | None = Query(None, max_length=1200, description="keyset cursor: the `next` of the previous page (instead of offset)"),
):
    store = _store(request)
    if after:
        try:
            rows = queries.stories_after(store, after, limit, q, outlet, entity, date_from, date_to)
        except ValueError:
            raise HTTPException(422, "after: not a cursor from this API's `next`") from None
        total = queries.count_stories(store, q, outlet, entity, date_from, date_to)
    else:
        rows, total = store.story_page(query=q, outlet=outlet, entity=entity, date_from=date_from, date_to=date_to,
                                       limit=limit, offset=offset)
    cursor = queries.encode_cursor(rows[-1]) if len(rows) == limit else None
    for r in rows:
        r["outlets"] = [o for o in (r.get("outlets") or "").split("|") if o]
        r["entities"] = [e for e in (r.get("entities") or "").split("|") if e]
        r["updated_at"] = r["updated_at"].isoformat() if r.get("updated_at") else None
    # plain JSON values already (times as ISO text): no per-value jsonable_encoder pass
    return JSONResponse({"total": total, "limit": limit, "offset": offset, "next": cursor, "stories": rows})


@router.get("/stories/{story_id}", summary="One story as a dossier (schema shape: version, articles, stories)")
async def get_story(request: Request, story_id: str):
    dossier = queries.story_dossier(_store(request), _check_id(story_id))
    if dossier is None:
        raise HTTPException(404, "no such story")
    return JSONResponse(dossier)  # already plain JSON: no per-value jsonable_encoder pass


@router.get("/articles/{article_id:path}", summary="One article: cleaned text, metadata and its analysis")
async def get_article(request: Request, article_id: str):
    analysis, story_id = _store(request).article_and_story(_check_id(article_id))
    if analysis is None:
        raise HTTPException(404, "no such article")
    return JSONResponse({**analysis, "story_id": story_id})  # stored JSON: no per-value jsonable_encoder pass


@router.get("/entities", summary="Stories that name an entity (canonical name or alias)")
async def get_entity(request: Request, name: str = Query(..., min_length=1, max_length=200), limit: int = Query(50, ge=1, le=200)):
    stories = queries.stories_with_entity(_store(request), name, limit)
    return {"name": name, "stories": [{"id": s["id"], "title": s.get("title"), "n_articles": len(s.get("article_ids", []))} for s in stories]}


def _story_and_arts(request: Request, story_id: str) -> tuple[dict, dict]:
    dossier = queries.story_dossier(_store(request), _check_id(story_id), with_text=False)
    if dossier is None:
        raise HTTPException(404, "no such story")
    return dossier["stories"][0], {a["id"]: a for a in dossier["articles"]}


def figure_records(story: dict, arts: dict) -> list[dict]:
    return [{
        "story_id": story["id"], "figure_id": f.get("id"), "article_id": f.get("article_id"),
        "outlet": (arts.get(f.get("article_id")) or {}).get("outlet"), "topic": f.get("topic"), "count_of": f.get("count_of"),
        "text": f.get("text"), "value": f.get("value"), "low": f.get("low"), "high": f.get("high"),
        "qualifier": f.get("qualifier"), "unit": f.get("unit"), "attributed_to": chain(f.get("attributed_to") or []),
        "date": f.get("date"), "start": f.get("start"), "end": f.get("end"), "evidence": evidence_url(f),
    } for f in story.get("figures", [])]


def quote_records(story: dict, arts: dict) -> list[dict]:
    return [{
        "story_id": story["id"], "quote_id": q.get("id"), "article_id": q.get("article_id"),
        "outlet": (arts.get(q.get("article_id")) or {}).get("outlet"), "speaker": q.get("speaker"),
        "speaker_entity": q.get("speaker_entity"), "direct": q.get("direct"), "cue": q.get("cue"), "text": q.get("text"),
        "stance": q.get("stance"), "attributed_to": chain(q.get("attributed_to") or []),
        "start": q.get("start"), "end": q.get("end"), "evidence": evidence_url(q),
    } for q in story.get("quotes", [])]


def _csv_cell(value):
    """Spreadsheet-safe cell: text that starts like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def to_csv(records: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for r in records:
        writer.writerow([_csv_cell(r.get(c)) for c in columns])
    return buf.getvalue()


def to_parquet(records: list[dict], columns: list[str]) -> bytes:
    """Parquet bytes via pyarrow; raises ImportError when pyarrow is not installed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = {}
    for c in columns:
        vals = [r.get(c) for r in records]
        if c in NUMERIC:
            arrays[c] = pa.array([None if v is None else float(v) for v in vals], pa.float64())
        elif c == "direct":
            arrays[c] = pa.array(vals, pa.bool_())
        else:
            arrays[c] = pa.array([None if v is None else str(v) for v in vals], pa.string())
    buf = io.BytesIO()
    pq.write_table(pa.table(arrays), buf)
    return buf.getvalue()


def _export(request: Request, story_id: str, what: str, fmt: str) -> Response:
    story, arts = _story_and_arts(request, story_id)
    records, columns = (figure_records(story, arts), FIGURE_COLUMNS) if what == "figures" else (quote_records(story, arts), QUOTE_COLUMNS)
    safe_name = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in story_id)[:80]
    disposition = {"Content-Disposition": f'attachment; filename="{safe_name}-{what}.{fmt}"'}
    if fmt == "csv":
        return Response(to_csv(records, columns), media_type="text/csv; charset=utf-8", headers=disposition)
    try:
        data = to_parquet(records, columns)
    except ImportError:
        return JSONResponse({"detail": "Parquet export needs pyarrow, which is not installed on this server; use the .csv export."}, 501)
    return Response(data, media_type="application/vnd.apache.parquet", headers=disposition)


@router.get("/stories/{story_id}/figures.csv", summary="Figures of a story as CSV")
async def figures_csv(request: Request, story_id: str):
    return _export(request, story_id, "figures", "csv")


@router.get("/stories/{story_id}/figures.parquet", summary="Figures of a story as Parquet (needs pyarrow)")
async def figures_parquet(request: Request, story_id: str):
    return _export(request, story_id, "figures", "parquet")


@router.get("/stories/{story_id}/quotes.csv", summary="Quotes of a story as CSV")
async def quotes_csv(request: Request, story_id: str):
    return _export(request, story_id, "quotes", "csv")


@router.get("/stories/{story_id}/quotes.parquet", summary="Quotes of a story as Parquet (needs pyarrow)")
async def quotes_parquet(request: Request, story_id: str):
    return _export(request, story_id, "quotes", "parquet")
