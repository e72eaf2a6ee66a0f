"""Web under load: HTTP validators and 304s, the page cache and its invalidation, the light story
read, several server workers, and a small run of bench/bench_web.py (on SQLite and PostgreSQL)."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from pg import pg_server  # noqa: F401  (fixture: the same tests on PostgreSQL)
from test_web import TOKEN, free_port, rich_docs, rich_story, running_server

from lagebild.records import AnalysedArticle, Article, Story
from lagebild.store import Store
from lagebild.web import queries

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'lb.db'}"
    return request.getfixturevalue("pg_server").new_database()


def _rich_store(url: str) -> tuple[Store, Story]:
    store = Store(url)
    docs = rich_docs()
    story = rich_story(docs)
    store.add_docs(docs)
    store.save_stories([story], docs)
    return store, story


def _add_story(store: Store, n: int) -> None:
    """One more one-article story, written the way ingest writes (a new version of the data)."""
    text = f"Neue Meldung {n} aus Obertal\nDer Rat tagte am Abend."
    art = Article(id=f"neu-{n}", source="neu.txt", text=text, title=text.split("\n")[0], outlet="Neudienst",
                  published="2031-05-01", content_hash=f"hash-neu-{n}")
    doc = AnalysedArticle(article=art)
    store.add_docs([doc])
    store.save_stories([Story(id=f"story-neu-{n}", title=art.title, article_ids=[art.id])], [doc], remove=[])


def test_story_dossier_matches_store_dossier(db_url):
    store, story = _rich_store(db_url)
    full = queries.story_dossier(store, story.id)
    assert full == store.dossier([story.id])
    light = queries.story_dossier(store, story.id, with_text=False)
    assert [a["id"] for a in light["articles"]] == [a["id"] for a in full["articles"]]
    assert all("text" not in a and a.get("title") for a in light["articles"])
    assert queries.story_dossier(store, "no-such-story") is None
    # the precomputed cards (written with the story) say what the stored analyses say
    from sqlalchemy import delete

    from lagebild.store import StoryCardRow

    with store.session.begin() as s:
        s.execute(delete(StoryCardRow))
    assert queries.story_dossier(store, story.id, with_text=False) == light  # from the analyses' JSON


def test_story_cards_migration_fills_existing_stories(tmp_path):
    """A database made before story_cards (revision 0003) gets cards for its stories on upgrade."""
    from alembic import command
    from sqlalchemy import select

    from lagebild.store import StoryCardRow
    from lagebild.store.migrate import _config, upgrade

    url = f"sqlite:///{tmp_path / 'lb.db'}"
    store, story = _rich_store(url)
    expected = queries.story_dossier(store, story.id, with_text=False)["articles"]
    with store.engine.begin() as conn:
        command.downgrade(_config(conn), "0003")
    upgrade(store.engine)
    with store.session() as s:
        cards = s.scalar(select(StoryCardRow.articles).where(StoryCardRow.story_id == story.id))
    assert cards == expected and len(cards) == len(story.article_ids)


def test_validators_304_and_security_headers(db_url):
    store, story = _rich_store(db_url)
    db = db_url if db_url.startswith("postgresql") else db_url.removeprefix("sqlite:///")
    with running_server(db) as base, httpx.Client(base_url=base) as c:
        for path in ("/", f"/stories/{story.id}", "/api/stories", f"/api/stories/{story.id}",
                     f"/articles/{story.article_ids[0]}?hl=0-5", f"/api/stories/{story.id}/figures.csv"):
            first = c.get(path)
            assert first.status_code == 200, path
            etag, modified = first.headers["etag"], first.headers["last-modified"]
            assert first.headers["cache-control"] == "private, no-cache"
            again = c.get(path)  # from the page cache: the same bytes and validators
            assert again.content == first.content and again.headers["etag"] == etag
            assert again.headers["content-type"] == first.headers["content-type"]
            for conditional in ({"If-None-Match": etag}, {"If-None-Match": f'"x", W/{etag}'}, {"If-Modified-Since": modified}):
                r = c.get(path, headers=conditional)
                assert r.status_code == 304 and r.content == b"", (path, conditional)
                assert r.headers["etag"] == etag
                assert "script-src 'self'" in r.headers["content-security-policy"]
                assert r.headers["x-content-type-options"] == "nosniff"
            assert c.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
            assert c.get(path, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}).status_code == 200
            head = c.head(path)
            assert head.status_code == 200 and head.content == b""
        # errors are never cached nor given validators
        missing = c.get("/stories/no-such-story")
        assert missing.status_code == 404 and "etag" not in missing.headers
        assert "content-security-policy" in missing.headers


def test_page_cache_follows_the_data(db_url, tmp_path):
    """A page cached before a write is not served after it (another process writes: seen within the TTL)."""
    from fastapi.testclient import TestClient

    from lagebild.web.app import create_app

    store, story = _rich_store(db_url)
    app = create_app(db_url, check_host=False)
    app.state.data_version.ttl = 0.0  # re-read the version on every request
    client = TestClient(app)
    before = client.get("/")
    api_before = client.get("/api/stories").json()
    assert client.get("/stories/story-neu-1").status_code == 404
    _add_story(Store(db_url), 1)  # a second Store: as `lagebild ingest` in another process
    after = client.get("/")
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    assert "Neue Meldung 1" in after.text and "Neue Meldung 1" not in before.text
    assert client.get("/api/stories").json()["total"] == api_before["total"] + 1
    assert client.get("/stories/story-neu-1").status_code == 200  # the 404 was not cached
    # the header counts change with the pages (not after their own 10 s cache)
    n = len(story.article_ids)
    assert f"1 stories · {n} articles" in before.text and f"2 stories · {n + 1} articles" in after.text
    # within the TTL a cached page may be reused; a POST through the app drops the version at once
    app.state.data_version.ttl = 3600.0
    client.get("/")
    _add_story(Store(db_url), 2)
    assert "Neue Meldung 2" not in client.get("/").text  # still the cached version (TTL not over)
    client.post("/upload", headers={"Origin": "http://testserver", "Content-Length": "0"})
    assert "Neue Meldung 2" in client.get("/").text


def test_cache_never_bypasses_the_token(tmp_path):
    url = f"sqlite:///{tmp_path / 'lb.db'}"
    _, story = _rich_store(url)
    with running_server(tmp_path / "lb.db", token=TOKEN) as base:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        for path in ("/", f"/stories/{story.id}", "/api/stories"):
            ok = httpx.get(base + path, headers=auth)
            assert ok.status_code == 200
            assert httpx.get(base + path).status_code == 401  # cached page, no token: still refused
            assert httpx.get(base + path, headers={"If-None-Match": ok.headers["etag"]}).status_code == 401


def _bench():
    spec = importlib.util.spec_from_file_location("bench_web", ROOT / "bench" / "bench_web.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_web_small_run_two_workers(tmp_path):
    """The load bench end to end on a small database, served by `serve(workers=2)` (what `lagebild serve
    --workers 2` runs): two server processes, every page type answers, 0 errors, CPU shares reported."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_web.py"), "--articles", "300", "--clients", "10",
                          "--requests", "80", "--warmup", "10", "--workers", "2", "--single", "1", "--db", str(tmp_path / "b.db")],
                         capture_output=True, text=True, timeout=240, cwd=str(ROOT))
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["errors"] == 0 and result["requests"] == 80
    assert set(result["pages"]) == {"list", "list_search", "list_filter", "story", "article", "api_story", "api_list", "figures_csv"}
    assert result["cpu"]["server_s"] > 0 and result["cpu"]["load_generator_s"] > 0
    assert result["server_processes"] >= 3  # uvicorn's manager and two workers
    assert set(result["one_client_p50_ms"]) == set(result["pages"])


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        out += [int(c) for c in task.read_text().split()]
    return out


def _connections_by_process(pids: list[int], port: int) -> dict[int, int]:
    """Established TCP connections on local `port` held by each process (from /proc, Linux)."""
    established = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":
                established.add(fields[9])  # inode
    counts = {}
    for pid in pids:
        inodes = set()
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        counts[pid] = len(inodes & established)
    return counts


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SO_REUSEPORT balancing and /proc are Linux")
def test_serve_workers_spread_connections_and_replace_a_dead_worker(tmp_path):
    """`serve(workers=2)`: a burst of keep-alive connections is spread over both workers (uvicorn's one
    shared socket let the first worker to wake take them all), and a killed worker is replaced."""
    import signal
    import socket as sockets

    url = f"sqlite:///{tmp_path / 'lb.db'}"
    _rich_store(url)
    port = free_port()
    code = f"from lagebild.web import serve; serve({str(tmp_path / 'lb.db')!r}, port={port}, workers=2, log_level='warning')"
    server = subprocess.Popen([sys.executable, "-c", code], cwd=str(ROOT))

    def get(conn):
        conn.sendall(f"GET /api/stories HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += conn.recv(65536)
        return head

    try:
        deadline = time.time() + 60
        while True:
            try:
                with sockets.create_connection(("127.0.0.1", port), timeout=5) as probe:
                    if get(probe).startswith(b"HTTP/1.1 200"):
                        break
            except OSError:
                pass
            assert time.time() < deadline and server.poll() is None, "server did not answer"
            time.sleep(0.2)
        time.sleep(1.0)  # both workers listening
        workers = _children(server.pid)
        for pid in workers:  # a burst: the connections wait in the accept queue(s) until the workers go on
            os.kill(pid, signal.SIGSTOP)
        try:
            conns = [sockets.create_connection(("127.0.0.1", port), timeout=10) for _ in range(40)]
        finally:
            for pid in workers:
                os.kill(pid, signal.SIGCONT)
        for conn in conns:
            assert get(conn).startswith(b"HTTP/1.1 200")
        counts = _connections_by_process(workers, port)
        serving = [pid for pid, n in counts.items() if n]
        assert len(serving) == 2 and sum(counts.values()) == 40, counts
        for conn in conns:
            conn.close()
        victim = serving[0]
        os.kill(victim, signal.SIGKILL)
        deadline = time.time() + 60
        while victim in _children(server.pid) or len(_children(server.pid)) < 2:
            assert time.time() < deadline, "the killed worker was not replaced"
            time.sleep(0.2)
        with sockets.create_connection(("127.0.0.1", port), timeout=10) as conn:
            assert get(conn).startswith(b"HTTP/1.1 200")
    finally:
        server.terminate()
        assert server.wait(30) == 0


def test_bench_connection_reads_chunked_and_sized_bodies():
    """The bench's lean HTTP client against a tiny real server that answers both ways."""
    import asyncio

    bench = _bench()

    async def main():
        async def handle(reader, writer):
            while True:
                try:
                    line = await reader.readuntil(b"\r\n\r\n")
                except asyncio.IncompleteReadError:
                    break
                if b"GET /chunked" in line:
                    writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
                else:
                    writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nnope")
                await writer.drain()
            writer.close()

        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        conn = bench.Connection("127.0.0.1", port)
        assert await conn.get("/chunked", 5) == (200, b"abcde")
        assert await conn.get("/other", 5) == (404, b"nope")
        conn.close()
        server.close()
        await server.wait_closed()

    asyncio.run(main())


def test_keyset_pages_equal_offset_pages(db_url):
    """`next` cursors walk the same total order as offsets: ties on date and size, undated stories last."""
    from fastapi.testclient import TestClient

    from lagebild.web.app import create_app

    store = Store(db_url)
    docs, stories = [], []
    for n in range(23):
        published = None if n % 7 == 0 else f"2031-0{1 + n % 3}-01"  # many ties, some undated
        text = f"Meldung {n} aus Seedorf\nDer Rat tagte."
        art = Article(id=f"k-{n:02d}", source="k.txt", text=text, title=text.split("\n")[0], outlet="Kdienst",
                      published=published, content_hash=f"hash-k-{n}")
        docs.append(AnalysedArticle(article=art))
    store.add_docs(docs)
    for n in range(0, 23, 2):  # stories of one or two articles
        members = [d.id for d in docs[n:n + 2]] if n % 4 == 0 else [docs[n].id]
        stories.append(Story(id=f"story-k-{n:02d}", title=f"Meldung {n}", article_ids=members))
    store.save_stories(stories, docs)
    client = TestClient(create_app(db_url, check_host=False))
    by_offset = [s["id"] for s in client.get("/api/stories?limit=100").json()["stories"]]
    assert sorted(by_offset) == sorted(s.id for s in stories)
    assert by_offset[-1] == "story-k-14"  # the one undated story comes last on both databases
    walked, page = [], client.get("/api/stories?limit=5").json()
    while True:
        walked += [s["id"] for s in page["stories"]]
        if not page["next"]:
            break
        assert len(walked) <= len(stories)
        page = client.get(f"/api/stories?limit=5&after={page['next']}").json()
    assert walked == by_offset
    assert [s["id"] for s in client.get("/api/stories?limit=5&offset=5").json()["stories"]] == by_offset[5:10]
    # with a filter, the cursor continues inside the filtered list
    filtered = [s["id"] for s in client.get("/api/stories?limit=100&q=Meldung%201").json()["stories"]]
    first = client.get("/api/stories?limit=2&q=Meldung%201").json()
    rest = client.get(f"/api/stories?limit=100&q=Meldung%201&after={first['next']}").json()
    assert [s["id"] for s in first["stories"] + rest["stories"]] == filtered
    for bad in ("xyz", "W10", queries.encode_cursor({"id": 5, "n_articles": 1})[:-2] + "!!", "bnVsbA"):
        assert client.get(f"/api/stories?after={bad}").status_code == 422
    # a list page with free text reads the matching ids in one scan: the same rows and total as list + count
    for filters in ({"query": "meldung 1"}, {"query": "Meldung", "date_from": "2031-02"}, {"query": "nichts"},
                    {"query": "Seedorf"}, {"outlet": "kdienst"}, {}):
        for offset in (0, 3, 40):
            expected = (store.list_stories(**filters, limit=4, offset=offset),
                        store.count_stories(*[filters.get(k) for k in ("query", "outlet", "entity", "date_from", "date_to")]))
            assert store.story_page(**filters, limit=4, offset=offset) == expected, (filters, offset)


def test_chart_markup_format_escapes_like_markupsafe():
    """charts.Markup.format (the fast one) gives markupsafe's output for the chart field kinds."""
    from markupsafe import Markup as Plain

    from lagebild.web.charts import Markup

    template = '<a href="{}" data-x="{:.1f}"><title>{}</title>{}{}</a>'
    for text in ['"><script>alert(1)</script>', "a & b < c", "ok", "'single'", "{}{0}"]:
        args = (text, 2.345, Plain("<b>safe</b>"), 7, None)
        assert Markup(template).format(*args) == Plain(template).format(*args)
        assert "<script>" not in Markup(template).format(*args)


def test_version_reread_in_the_background_still_shows_changes(tmp_path):
    """Under steady requests the data version is re-read in the background: a write by another
    process still shows within about 2 x ttl, and answers never wait for the re-read."""
    from fastapi.testclient import TestClient

    from lagebild.web.app import create_app

    url = f"sqlite:///{tmp_path / 'lb.db'}"
    _rich_store(url)
    app = create_app(url, check_host=False)
    app.state.data_version.ttl = 0.3
    with TestClient(app) as client:
        assert "Neue Meldung 7" not in client.get("/").text
        _add_story(Store(url), 7)
        deadline = time.monotonic() + 5
        seen = False
        while time.monotonic() < deadline and not seen:
            seen = "Neue Meldung 7" in client.get("/").text
            time.sleep(0.05)
        assert seen
