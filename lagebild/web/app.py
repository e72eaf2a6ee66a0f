"""The web application: HTML pages over the same database `lagebild ingest` fills.

Thin views over `Store` (see queries.py for the few extra reads); charts are server-rendered SVG; the
only script is static/app.js. `create_app(db_url, token)` builds the app; `web.serve` runs it.

The read views are `async def`: they run on the event loop, one at a time, each in a few ms of CPU
(indexed reads by key). As plain `def` they ran in a pool of 40 threads that took turns at the GIL:
every database call gave it up and waited for it again behind the others, so under load each
request took many times its own CPU. Only the upload's ingest runs in a thread.
"""
from __future__ import annotations

import re
import tempfile
import threading
import time
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.templating import Jinja2Templates

from ..store import Store
from . import pages, queries, views
from .api import router as api_router
from .httpcache import DataVersion, ResponseCache
from .security import Guard

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 25
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_FILES = 20
TOTALS_TTL_S = 10.0
UPLOAD_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".json", ".xml", ".rss", ".atom", ".warc", ".gz"}
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _templates() -> Jinja2Templates:
    return Jinja2Templates(env=pages.jinja_env())


def create_app(db_url: str | None, token: str | None = None, *, check_host: bool | None = None,
               max_upload_bytes: int = MAX_UPLOAD_BYTES) -> FastAPI:
    """The FastAPI app over one database. With a token, every request must carry it.

    `check_host` (default: on when there is no token) answers only requests whose Host is a loopback
    name, so a web page on another site cannot reach this server through DNS rebinding.
    """
    store = Store(db_url)
    store.reads_only()  # the views only read (an upload ingests through its own Store): no BEGIN/ROLLBACK per page
    app = FastAPI(title="lagebild", version="1.0", docs_url=None, redoc_url=None,
                  description="Stories, articles, figures and quotes with their evidence spans.")
    app.state.store = store
    app.state.ingest_lock = threading.Lock()  # one ingest at a time: each re-links all stories
    app.state.max_upload = max_upload_bytes
    templates = _templates()
    app.state.data_version = DataVersion(store)
    app.add_middleware(ResponseCache, version=app.state.data_version)  # inside Guard: refused requests never reach it
    app.add_middleware(Guard, token=token, check_host=(token is None) if check_host is None else check_host,
                       max_body=max_upload_bytes + 64 * 1024)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api_router)

    totals_cache = {"at": 0.0, "value": None}

    def header_totals() -> dict:
        """Header counts, cached for a few seconds: they scan the articles table, pages should not."""
        now = time.monotonic()
        if totals_cache["value"] is None or now - totals_cache["at"] > TOTALS_TTL_S:
            totals_cache.update(at=now, value={**queries.totals(store), "outlets": queries.outlets(store)})
        return totals_cache["value"]

    app.state.totals_cache = totals_cache
    app.state.data_version.on_change.append(lambda: totals_cache.update(value=None))  # pages and header counts change together

    def render(request: Request, template: str, status_code: int = 200, **ctx) -> HTMLResponse:
        ctx.setdefault("totals", header_totals())
        return templates.TemplateResponse(request, template, ctx, status_code=status_code)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, exc.status_code)
        return render(request, "error.html", exc.status_code, status=exc.status_code, detail=exc.detail, totals=None)

    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    async def story_list(request: Request, q: str = "", outlet: str = "", entity: str = "", page: int = 1):
        date_from = request.query_params.get("from", "")
        date_to = request.query_params.get("to", "")
        filters = {k: v.strip()[:200] for k, v in (("q", q), ("outlet", outlet), ("entity", entity)) if v.strip()}
        for key, value in (("from", date_from), ("to", date_to)):
            if value and _DATE_RE.match(value):
                filters[key] = value
        page = max(1, min(page, 100000))
        args = dict(query=filters.get("q"), outlet=filters.get("outlet"), entity=filters.get("entity"),
                    date_from=filters.get("from"), date_to=filters.get("to"))
        rows, total = store.story_page(**args, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        for r in rows:
            r["outlet_list"] = [o for o in (r.get("outlets") or "").split("|") if o]
            r["entity_list"] = [e for e in (r.get("entities") or "").split("|") if e][:6]
            r["url"] = "/stories/" + views.urlquote(r["id"], safe="")
        pages = max(1, -(-total // PAGE_SIZE))
        return render(request, "stories.html", rows=rows, filters=filters, page=page, pages=pages, total=total,
                      outlets=header_totals()["outlets"], query_base=_query(filters))

    @app.api_route("/stories/{story_id}", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    async def story_page(request: Request, story_id: str):
        if not queries.valid_id(story_id):
            raise HTTPException(404, "No such story.")
        dossier = queries.story_dossier(store, story_id, with_text=False)  # metadata only, no article texts
        if dossier is None:
            raise HTTPException(404, "No such story.")
        story = dossier["stories"][0]
        arts = {a["id"]: a for a in dossier["articles"]}
        return render(request, "story.html", **pages.story_context(story, arts),
                      api_url="/api/stories/" + views.urlquote(story["id"], safe=""))

    @app.api_route("/articles/{article_id:path}", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    async def article_page(request: Request, article_id: str, hl: str = ""):
        if not queries.valid_id(article_id):
            raise HTTPException(404, "No such article.")
        analysis, story_id = store.article_and_story(article_id)
        if analysis is None:
            raise HTTPException(404, "No such article.")
        art = analysis["article"]
        text = art.get("text") or ""
        highlight = views.parse_highlight(hl, len(text))
        return render(
            request, "article.html", art=art, link=views.safe_link(art.get("url")),
            segments=views.segments(text, views.article_items(analysis), highlight), highlight=highlight,
            items=views.item_lists(analysis), story_id=story_id,
            story_url=("/stories/" + views.urlquote(story_id, safe="")) if story_id else None,
            api_url="/api/articles/" + views.urlquote(article_id, safe=""),
        )

    @app.api_route("/entity", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    async def entity_page(request: Request, name: str = ""):
        name = name.strip()
        if not name or len(name) > 200:
            raise HTTPException(404, "No such entity.")
        stories = queries.stories_with_entity(store, name) or queries.stories_with_alias(store, name)
        if not stories:
            raise HTTPException(404, "No story names this entity.")
        canonical = views.canonical_entity(stories, name)
        if canonical != name:  # an alias ('Putin'): the canonical entity's page has its quotes and figures
            return RedirectResponse(views.entity_url(canonical), status_code=303)
        return render(request, "entity.html", **_entity_context(store, name, stories))

    @app.api_route("/upload", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    async def upload_form(request: Request):
        return render(request, "upload.html", limit_mb=max_upload_bytes / 1024 / 1024, max_files=MAX_UPLOAD_FILES)

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    async def upload(request: Request):
        form = await request.form(max_files=MAX_UPLOAD_FILES, max_fields=10, max_part_size=max_upload_bytes)
        with tempfile.TemporaryDirectory(prefix="lagebild-upload-") as tmp:
            paths, size = [], 0
            for n, item in enumerate(form.getlist("files")):
                if isinstance(item, str) or not item.filename:
                    continue
                data = await item.read(max_upload_bytes + 1)
                size += len(data)
                if size > max_upload_bytes:
                    raise HTTPException(413, "Upload too large.")
                paths.append(_save(Path(tmp), item.filename, data, n))
            text = str(form.get("text") or "").strip()
            if text:
                title = str(form.get("title") or "").strip()
                body = (title + "\n\n" + text) if title else text
                if len(body.encode()) + size > max_upload_bytes:
                    raise HTTPException(413, "Upload too large.")
                paths.append(_save(Path(tmp), "pasted.txt", body.encode(), len(paths)))
            if not paths:
                return render(request, "upload.html", 400, error="Choose a file or paste an article.",
                              limit_mb=max_upload_bytes / 1024 / 1024, max_files=MAX_UPLOAD_FILES)
            result, added = await run_in_threadpool(_ingest, app, [str(p) for p in paths])
        added_rows = [{**a, "url": views.article_url(a["id"]),
                       "story_url": ("/stories/" + views.urlquote(a["story_id"], safe="")) if a.get("story_id") else None}
                      for a in added]
        return render(request, "upload_result.html", result=result, added=added_rows,
                      errors=[str(e) for e in result.errors])

    @app.api_route("/docs", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    async def docs(request: Request):
        spec = app.openapi()
        endpoints = []
        for path, ops in spec.get("paths", {}).items():
            for method, op in ops.items():
                params = [{"name": p["name"], "where": p["in"], "required": p.get("required", False),
                           "description": p.get("description") or p.get("schema", {}).get("type", "")}
                          for p in op.get("parameters", [])]
                endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""), "params": params})
        return render(request, "docs.html", endpoints=endpoints, title=spec["info"]["title"])

    return app


def _query(filters: dict) -> str:
    from urllib.parse import urlencode

    return urlencode(filters)


def _save(folder: Path, filename: str, data: bytes, n: int) -> Path:
    """Write an upload under a name we make (never the client's path): safe stem + allowed suffix."""
    base = Path(filename.replace("\\", "/")).name
    suffixes = "".join(Path(base).suffixes[-2:]).lower()
    suffix = suffixes if suffixes in (".jsonl.gz", ".warc.gz") else Path(base).suffix.lower()
    suffix = suffix if suffix in UPLOAD_SUFFIXES or suffix in (".jsonl.gz", ".warc.gz") else ".txt"
    stem = re.sub(r"[^\w-]+", "_", base[: len(base) - len(suffix)] if base.lower().endswith(suffix) else base).strip("_.")
    stem = (stem or "upload")[:80]
    sub = folder / str(n)  # one folder per file keeps the stem (the article id) unchanged
    sub.mkdir()
    path = sub / f"{stem}{suffix}"
    path.write_bytes(data)
    return path


def _ingest(app: FastAPI, paths: list[str]):
    """Run the ingest pipeline on uploaded files; return the result and the newly stored articles.

    `ingest_paths` takes the store's writer lock: uploads to any worker and `lagebild ingest` runs
    go one at a time; the articles named are those this ingest stored (not a before/after diff
    that would count another process's articles too)."""
    from ..ingest_service import ingest_paths

    store: Store = app.state.store
    with app.state.ingest_lock:
        result = ingest_paths(paths, store.url)
        app.state.totals_cache["value"] = None  # the header counts changed
    new_ids = sorted(result.added_ids)
    meta = queries.article_meta(store, new_ids)
    added = [{**meta[i], "story_id": store.story_of_article(i)} for i in new_ids if i in meta]
    return result, added


def _entity_context(store: Store, name: str, stories: list[dict]) -> dict:
    """Everything known about one entity across the stories that name it."""
    etype, aliases, mentions, quotes, figures, story_rows = "", set(), [], [], [], []
    ids = {i for s in stories for i in s.get("article_ids", [])}
    meta = queries.article_meta(store, sorted(ids))
    for s in stories:
        for e in s.get("entities", []):
            if e.get("name") == name or name in e.get("aliases", []):
                etype = etype or e.get("type", "")
                aliases.update(a for a in [e.get("name"), *e.get("aliases", [])] if a and a != name)
                mentions.extend(e.get("mentions", []))
        quotes.extend(views.quote_row(q, meta) for q in s.get("quotes", []) if q.get("speaker_entity") == name and q.get("shown", True))
        figures.extend(views.figure_row(f, meta) for f in s.get("figures", [])
                       if any(name in a for a in f.get("attributed_to") or []))
        story_rows.append({"title": s.get("title") or s["id"], "url": "/stories/" + views.urlquote(s["id"], safe=""),
                           "n_articles": len(s.get("article_ids", []))})
    return {
        "name": name, "etype": etype, "aliases": sorted(aliases), "stories": story_rows,
        "n_mentions": len(mentions), "n_articles": len({m.get("article_id") for m in mentions}),
        "mentions": [{"text": m.get("text") or "", "source": views.label(meta.get(m.get("article_id")), m.get("article_id") or ""),
                      "url": views.evidence_url(m)} for m in mentions[:100]],
        "quotes": quotes[:200], "figures": figures[:200],
    }
