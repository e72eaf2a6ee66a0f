"""Web UI and JSON API against a real uvicorn server on 127.0.0.1 over a real SQLite file.

Two kinds of database: one filled by the real `ingest_paths` pipeline from invented texts (whatever the
analysis stages find today), and one with a fully linked story built from records whose spans are
located in invented texts, so every section of the story page (figure ranges, stance, lineage, ...)
is exercised even while the linking stages are still being deepened.
"""
from __future__ import annotations

import csv
import http.client
import io
import json
import re
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from pg import pg_server  # noqa: F401  (fixture: the same tests on PostgreSQL)

from lagebild.datapaths import shared_dir
from lagebild.records import AnalysedArticle, Article, Entity, Figure, Mention, Quote, Story, Timex
from lagebild.store import Store

TOKEN = "s3cret-token-for-tests-0123"

# --- invented articles ------------------------------------------------------------------------------
RICH_TEXTS = {
    "rheinpost-flut": (
        "Flut in Talheim: Hunderte verlassen ihre Häuser\n"
        "Nach dem Dammbruch am Montag hat die Feuerwehr mindestens 120 Menschen aus der Altstadt von Talheim "
        "evakuiert. Bürgermeisterin Anna Keller sagte: „Wir haben die Lage unter Kontrolle.“ Der Schaden wird laut "
        "Versicherern auf zwischen 2 und 5 Millionen Euro geschätzt. Im März 2029 war der Damm zuletzt geprüft worden."
    ),
    "nordkurier-flut": (
        "Talheim: Damm bricht nach Dauerregen\n"
        "Laut Polizei mussten am Montag etwa 300 Menschen ihre Wohnungen verlassen. Landrat Jonas Brecht erklärte, "
        "die übrigen Dämme seien stabil. Keller sagte, man habe die Lage im Griff. Den Schaden beziffert die Stadt "
        "auf rund 3 Millionen Euro."
    ),
    "tagesblick-flut": (
        "Evakuierung in Talheim nach Dammbruch\n"
        "Wie die Nachrichtenagentur dpa meldet, wurden bis zu 80 Menschen in Sicherheit gebracht. Brecht bestritt, "
        "dass weitere Dämme gefährdet seien. „Die Dämme halten“, sagte Brecht am Dienstag."
    ),
}
RICH_META = {
    "rheinpost-flut": dict(outlet="Rheinpost", published="2031-03-10", byline="Mara Lind", agency=[], language="de"),
    "nordkurier-flut": dict(outlet="Nordkurier", published="2031-03-10T18:30:00", byline=None, agency=["dpa"], language="de"),
    "tagesblick-flut": dict(outlet="Tagesblick", published="2031-03-11", byline="Red.", agency=["dpa"], language="de",
                            translated_from="en", url="https://tagesblick.example/talheim"),
}


def locate(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of `sub` (spans are located, never typed in by hand)."""
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(sub, pos + 1)
    return pos, pos + len(sub)


def _mention(aid, text, sub, label, norm=None, nth=0):
    s, e = locate(text, sub, nth)
    return Mention(aid, s, e, sub, label, norm or sub)


def _quote(aid, text, msg, speaker, cue, direct, entity=None, stance="none", qid=""):
    s, e = locate(text, msg)
    ss, se = locate(text, speaker)
    cs, ce = locate(text, cue, 0 if cue not in text[:s] else 0)
    return Quote(aid, s, e, msg, direct, speaker, ss, se, entity, cue, cs, ce, [], stance, qid)


def _figure(aid, text, sub, value, low, high, qual, count_of, topic, attributed, fid, unit=None):
    s, e = locate(text, sub)
    return Figure(aid, s, e, sub, value, low, high, qual, unit, count_of, topic, attributed, None, fid)


def _timex(aid, text, sub, value, tid_type="DATE"):
    s, e = locate(text, sub)
    sent_s = text.rfind(".", 0, s) + 1
    sent_e = text.find(".", e) + 1 or len(text)
    return Timex(aid, s, e, sub, tid_type, value, True, text[sent_s:sent_e].strip(), sent_s, sent_e)


def rich_docs() -> list[AnalysedArticle]:
    """The three invented articles with located entities, quotes, figures and timexes."""
    docs = []
    for aid, text in RICH_TEXTS.items():
        meta = dict(RICH_META[aid])
        art = Article(id=aid, source=f"{aid}.txt", text=text, title=text.split("\n", 1)[0], content_hash=f"hash-{aid}", **meta)
        docs.append(AnalysedArticle(article=art, sentences=[(0, len(text))]))
    a, b, c = docs
    ta, tb, tc = a.text, b.text, c.text
    a.mentions = [_mention(a.id, ta, "Talheim", "LOC"), _mention(a.id, ta, "Anna Keller", "PER"), _mention(a.id, ta, "Feuerwehr", "ORG")]
    b.mentions = [_mention(b.id, tb, "Talheim", "LOC"), _mention(b.id, tb, "Jonas Brecht", "PER"), _mention(b.id, tb, "Keller", "PER", "Anna Keller", nth=0)]
    c.mentions = [_mention(c.id, tc, "Talheim", "LOC"), _mention(c.id, tc, "dpa", "ORG"), _mention(c.id, tc, "Brecht", "PER", "Jonas Brecht")]
    a.quotes = [_quote(a.id, ta, "Wir haben die Lage unter Kontrolle.", "Anna Keller", "sagte", True, "Anna Keller", "confirm", "rheinpost-flut:q1")]
    b.quotes = [
        _quote(b.id, tb, "die übrigen Dämme seien stabil", "Landrat Jonas Brecht", "erklärte", False, "Jonas Brecht", "confirm", "nordkurier-flut:q1"),
        _quote(b.id, tb, "man habe die Lage im Griff", "Keller", "sagte", False, "Anna Keller", "confirm", "nordkurier-flut:q2"),
    ]
    c.quotes = [
        _quote(c.id, tc, "dass weitere Dämme gefährdet seien", "Brecht", "bestritt", False, "Jonas Brecht", "deny", "tagesblick-flut:q1"),
        _quote(c.id, tc, "Die Dämme halten", "Brecht", "sagte", True, "Jonas Brecht", "confirm", "tagesblick-flut:q2"),
    ]
    a.figures = [
        _figure(a.id, ta, "mindestens 120", None, 120, None, "at_least", "Menschen", "evakuierte", ["Feuerwehr"], "rheinpost-flut:f1"),
        _figure(a.id, ta, "zwischen 2 und 5 Millionen Euro", None, 2e6, 5e6, "range", "Schaden", "schaden", ["Versicherer"], "rheinpost-flut:f2", "EUR"),
    ]
    b.figures = [
        _figure(b.id, tb, "etwa 300", 300, 300, 300, "approx", "Menschen", "evakuierte", ["Polizei"], "nordkurier-flut:f1"),
        _figure(b.id, tb, "rund 3 Millionen Euro", 3e6, 3e6, 3e6, "approx", "Schaden", "schaden", ["Stadt"], "nordkurier-flut:f2", "EUR"),
    ]
    c.figures = [_figure(c.id, tc, "bis zu 80", None, None, 80, "at_most", "Menschen", "evakuierte", ["dpa"], "tagesblick-flut:f1")]
    a.timexes = [_timex(a.id, ta, "am Montag", "2031-03-10"), _timex(a.id, ta, "Im März 2029", "2029-03")]
    b.timexes = [_timex(b.id, tb, "am Montag", "2031-03-10")]
    c.timexes = [_timex(c.id, tc, "am Dienstag", "2031-03-11")]
    return docs


def rich_story(docs: list[AnalysedArticle]) -> Story:
    """A fully linked story over `rich_docs()` in the shape the linking stages produce."""
    by_id = {d.id: d for d in docs}
    ents = {}
    for d in docs:
        for m in d.mentions:
            ent = ents.setdefault(m.norm, Entity(m.norm, m.label))
            ent.mentions.append(m)
            if d.id not in ent.article_ids:
                ent.article_ids.append(d.id)
            if m.text not in ent.aliases:
                ent.aliases.append(m.text)
    quotes = [q for d in docs for q in d.quotes]
    figures = [f for d in docs for f in d.figures]
    timeline = [{"date": t.value, "text": t.text, "event": t.event, "article_id": t.article_id, "start": t.start, "end": t.end,
                 "event_start": t.event_start, "event_end": t.event_end, "sources": [t.article_id]}
                for d in docs for t in d.timexes]
    timeline.sort(key=lambda r: r["date"])
    span_b = locate(by_id["nordkurier-flut"].text, "am Montag")
    span_a = locate(by_id["rheinpost-flut"].text, "am Montag")
    return Story(
        id="story-talheim", title="Dammbruch in Talheim", article_ids=[d.id for d in docs],
        entities=list(ents.values()), quotes=quotes, figures=figures,
        figure_groups=[
            {"topic": "evakuierte", "figure_ids": ["rheinpost-flut:f1", "nordkurier-flut:f1", "tagesblick-flut:f1"], "disagreement": True},
            {"topic": "schaden", "figure_ids": ["rheinpost-flut:f2", "nordkurier-flut:f2"], "disagreement": False},
        ],
        timeline=timeline,
        lineage=[{"source": "nordkurier-flut", "target": "tagesblick-flut", "kind": "agency", "score": 0.61, "spans": [
            {"article_id": "nordkurier-flut", "start": span_b[0], "end": span_b[1], "text": "am Montag"},
            {"article_id": "rheinpost-flut", "start": span_a[0], "end": span_a[1], "text": "am Montag"}]}],
        stance=[{"claim": "Die übrigen Dämme sind stabil", "cells": [
            {"actor": q.speaker_entity, "outlet": RICH_META[q.article_id]["outlet"], "article_id": q.article_id, "stance": q.stance,
             "start": q.start, "end": q.end, "text": q.text} for q in quotes if "Dämme" in q.text]}],
        membership=[{"article_id": d.id, "score": 0.8, "evidence": ["Talheim", "Damm"]} for d in docs],
    )


def build_rich_db(path: Path, extra_stories: int = 0) -> Store:
    """SQLite file with the linked story plus `extra_stories` one-article stories (for pagination)."""
    store = Store(str(path))
    docs = rich_docs()
    fillers = []
    for n in range(extra_stories):
        text = f"Meldung Nummer {n} aus Talheim\nKurzmeldung {n}: Der Gemeinderat tagte."
        art = Article(id=f"kurz-{n:03d}", source="kurz.txt", text=text, title=text.split("\n")[0], outlet="Kurzdienst",
                      published=f"2030-01-{1 + n % 28:02d}", content_hash=f"hash-kurz-{n}")
        fillers.append(AnalysedArticle(article=art))
    store.add_docs(docs + fillers)
    stories = [rich_story(docs)] + [Story(id=f"story-kurz-{n:03d}", title=d.article.title, article_ids=[d.id]) for n, d in enumerate(fillers)]
    store.save_stories(stories, docs + fillers)
    return store


# --- a real server ----------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(db: Path, token: str | None = None):
    """uvicorn in a background thread on 127.0.0.1:<free port>; yields the base URL."""
    from lagebild.web.app import create_app

    port = free_port()
    config = uvicorn.Config(create_app(str(db), token=token), host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def rich(request, tmp_path_factory):
    """The rich story served from SQLite and from PostgreSQL (skipped without its binaries)."""
    if request.param == "sqlite":
        db = tmp_path_factory.mktemp("web") / "rich.db"
    else:
        db = request.getfixturevalue("pg_server").new_database()
    build_rich_db(db, extra_stories=30)
    with running_server(db) as base:
        yield base


def get(base: str, path: str, **kw) -> httpx.Response:
    return httpx.get(base + path, timeout=30, **kw)


def need_pipeline():
    """Skip when the analysis pipeline cannot run here (e.g. a trained model is not installed)."""
    from lagebild.analyse import analyse_article

    try:
        analyse_article(Article(id="probe", source="probe", text="Peter Hansen sagte am Montag in Berlin, alles sei gut."))
    except Exception as exc:  # the stage's own error message says what is missing
        pytest.skip(f"analysis pipeline unavailable: {type(exc).__name__}: {exc}")


def schema():
    path = shared_dir() / "spec" / "dossier.schema.json"
    if not path.exists():
        pytest.skip(f"dossier schema not available: {path}")
    return json.loads(path.read_text())


# --- pages --------------------------------------------------------------------------------------
def test_story_list_search_filters_pagination(rich):
    page1 = get(rich, "/")
    assert page1.status_code == 200
    assert "31 stories" in page1.text and "page 1 of 2" in page1.text
    assert 'href="/?page=2"' in page1.text
    page2 = get(rich, "/?page=2")
    assert page2.status_code == 200 and "page 2 of 2" in page2.text
    titles = lambda html: set(re.findall(r'class="story-link" href="[^"]+">([^<]+)<', html))
    assert titles(page1.text).isdisjoint(titles(page2.text)) and len(titles(page1.text) | titles(page2.text)) == 31
    assert titles(get(rich, "/?q=Dammbruch").text) == {"Dammbruch in Talheim"}
    assert titles(get(rich, "/?outlet=Tagesblick").text) == {"Dammbruch in Talheim"}
    assert titles(get(rich, "/?entity=Jonas+Brecht").text) == {"Dammbruch in Talheim"}
    only_2031 = titles(get(rich, "/?from=2031-01-01").text)
    assert only_2031 == {"Dammbruch in Talheim"}
    assert "Dammbruch in Talheim" not in titles(get(rich, "/?to=2030-12-31&page=1").text)
    assert get(rich, "/?from=not-a-date").status_code == 200  # ignored, not an error


def test_story_page_sections(rich):
    r = get(rich, "/stories/story-talheim")
    assert r.status_code == 200
    html = r.text
    # side-by-side table: one column per outlet, with agency, byline, translation and key figures
    for outlet in ("Rheinpost", "Nordkurier", "Tagesblick"):
        assert f">{outlet}</a></th>" in html
    assert "translated from en" in html and "Mara Lind" in html and "dpa" in html
    # range chart: one SVG per group; the disagreeing group is marked and comes first
    charts = re.findall(r'<svg class="chart range-chart".*?</svg>', html, re.S)
    assert len(charts) == 2
    assert 'fill="#c0392b"' in charts[0] and 'fill="#c0392b"' not in charts[1]
    assert "sources disagree" in html and "≥ 120" in charts[0] and "≤ 80" in charts[0]
    # quotes grouped by speaker: Brecht has one direct and two indirect
    assert re.search(r"Jonas Brecht</a>\s*<span class=\"muted\">1 direct · 2 indirect", html)
    # stance matrix with a deny cell, timeline and lineage charts
    assert 'class="stance s-deny"' in html
    assert '<svg class="chart timeline-chart"' in html and '<svg class="chart lineage-chart"' in html
    # every evidence link points at a real span of its article
    store_text = {aid: t for aid, t in RICH_TEXTS.items()}
    links = re.findall(r'href="/articles/([^"?]+)\?hl=(\d+)-(\d+)#ev"', html)
    assert len(links) >= 10
    for aid, s, e in links:
        assert 0 <= int(s) < int(e) <= len(store_text[aid])


def test_article_page_highlights_evidence(rich):
    text = RICH_TEXTS["nordkurier-flut"]
    s, e = locate(text, "etwa 300")
    r = get(rich, f"/articles/nordkurier-flut?hl={s}-{e}")
    assert r.status_code == 200
    marked = re.findall(r'<span[^>]*class="[^"]*\bhl\b[^"]*" data-s=[^>]*>([^<]*)</span>', r.text)
    assert "".join(marked) == "etwa 300"
    assert re.search(r'<span id="ev" class="[^"]*hl', r.text)
    # every kind of item is marked in the text
    for kind in ("m-mention", "m-quote", "m-speaker", "m-figure", "m-timex"):
        assert kind in r.text
    # out-of-range or malformed spans are ignored, not errors
    assert get(rich, "/articles/nordkurier-flut?hl=5-999999").status_code == 200
    assert get(rich, "/articles/nordkurier-flut?hl=abc").status_code == 200


def test_entity_page_and_404s(rich):
    r = get(rich, "/entity?name=Jonas%20Brecht")
    assert r.status_code == 200 and "Die Dämme halten" in r.text and "Dammbruch in Talheim" in r.text
    assert get(rich, "/entity?name=Niemand").status_code == 404
    assert httpx.head(rich + "/stories/story-talheim").status_code == 200
    assert get(rich, "/stories/nope").status_code == 404
    assert get(rich, "/articles/nope").status_code == 404
    assert get(rich, "/api/stories/nope").json() == {"detail": "no such story"}


# --- API ----------------------------------------------------------------------------------------
def test_api_story_is_a_valid_dossier(rich):
    import jsonschema

    r = get(rich, "/api/stories/story-talheim")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    dossier = r.json()
    jsonschema.validate(dossier, schema())
    assert [s["id"] for s in dossier["stories"]] == ["story-talheim"]
    texts = {a["id"]: a["text"] for a in dossier["articles"]}
    story = dossier["stories"][0]
    for item in story["quotes"] + story["figures"] + story["timeline"]:
        assert texts[item["article_id"]][item["start"]:item["end"]] == item["text"]


def test_api_lists_and_articles(rich):
    listing = get(rich, "/api/stories?limit=5&offset=0").json()
    assert listing["total"] == 31 and len(listing["stories"]) == 5
    assert listing["stories"][0]["id"] == "story-talheim"
    assert set(listing["stories"][0]["outlets"]) == {"Rheinpost", "Nordkurier", "Tagesblick"}
    assert get(rich, "/api/stories?outlet=Tagesblick").json()["total"] == 1
    assert get(rich, "/api/stories?limit=100000").status_code == 422
    art = get(rich, "/api/articles/rheinpost-flut").json()
    assert art["story_id"] == "story-talheim" and art["article"]["text"] == RICH_TEXTS["rheinpost-flut"]
    assert get(rich, "/api/entities?name=Anna%20Keller").json()["stories"][0]["id"] == "story-talheim"
    spec = get(rich, "/openapi.json").json()
    assert "/api/stories/{story_id}" in spec["paths"]
    docs = get(rich, "/docs")
    assert docs.status_code == 200 and "/api/stories/{story_id}/figures.csv" in docs.text
    assert "cdn" not in docs.text.lower() and "<script src=\"http" not in docs.text


def test_csv_and_parquet_exports(rich):
    r = get(rich, "/api/stories/story-talheim/figures.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 5
    by_id = {row["figure_id"]: row for row in rows}
    assert by_id["nordkurier-flut:f1"]["value"] == "300" and by_id["nordkurier-flut:f1"]["outlet"] == "Nordkurier"
    assert by_id["rheinpost-flut:f2"]["high"] == "5000000.0" and by_id["rheinpost-flut:f2"]["attributed_to"] == "Versicherer"
    quotes = list(csv.DictReader(io.StringIO(get(rich, "/api/stories/story-talheim/quotes.csv").text)))
    assert len(quotes) == 5 and {q["speaker_entity"] for q in quotes} == {"Anna Keller", "Jonas Brecht"}
    pq = get(rich, "/api/stories/story-talheim/figures.parquet")
    try:
        import pyarrow.parquet as papq
    except ImportError:
        assert pq.status_code == 501 and "pyarrow" in pq.json()["detail"]
    else:
        table = papq.read_table(io.BytesIO(pq.content))
        assert table.num_rows == 5


def test_csv_cells_cannot_become_formulas():
    from lagebild.web.api import to_csv

    out = to_csv([{"text": "=HYPERLINK(\"http://x\")", "value": -3.0}], ["text", "value"])
    assert "'=HYPERLINK" in out and ",-3.0" in out


# --- security -----------------------------------------------------------------------------------
def test_security_headers_and_no_inline_code(rich):
    for path in ("/", "/stories/story-talheim", "/articles/rheinpost-flut", "/upload", "/docs", "/api/stories", "/nope"):
        r = get(rich, path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
        if r.headers["content-type"].startswith("text/html"):
            assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", r.text)  # only our static script
            assert " style=" not in r.text and " on" + "click=" not in r.text
            assert "http://" not in r.text.replace("http://127.0.0.1", "") or path == "/docs"


def _raw_get(base: str, raw_path: str) -> tuple[int, bytes]:
    """GET with the path sent byte for byte (httpx would normalise '..')."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.putrequest("GET", raw_path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", f"{host}:{port}")
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, body


def test_no_path_traversal(rich):
    for raw in ("/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/store/__init__.py",
                "/static/....//app.py", "/static//etc/passwd", "/static/%2Fetc%2Fpasswd",
                "/articles/..%2F..%2Fetc%2Fpasswd", "/api/articles/..%2Fstore", "/api/stories/%2e%2e"):
        status, body = _raw_get(rich, raw)
        assert status in (400, 404), raw
        assert b"import " not in body and b"root:" not in body
    assert _raw_get(rich, "/static/app.js")[0] == 200


def test_host_header_must_be_loopback_without_token(rich):
    r = httpx.get(rich + "/", headers={"Host": "evil.example"})
    assert r.status_code == 400


def test_token_required_and_checked(tmp_path):
    db = tmp_path / "tok.db"
    build_rich_db(db)
    with running_server(db, token=TOKEN) as base:
        assert get(base, "/").status_code == 401
        assert get(base, "/api/stories").status_code == 401
        assert get(base, "/static/app.css").status_code == 401
        assert get(base, "/", headers={"Authorization": "Bearer wrong-token-xxxxxxxx"}).status_code == 403
        assert get(base, "/", cookies={"lagebild_auth": "forged"}).status_code == 403
        assert get(base, "/api/stories", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert get(base, "/?token=wrong").status_code == 403
        first = get(base, f"/stories/story-talheim?token={TOKEN}")
        assert first.status_code == 303 and first.headers["location"] == "/stories/story-talheim"
        assert "httponly" in first.headers["set-cookie"].lower() and TOKEN not in first.headers["set-cookie"]
        with httpx.Client(base_url=base, follow_redirects=True) as browser:
            assert browser.get(f"/?token={TOKEN}").status_code == 200
            assert browser.get("/stories/story-talheim").status_code == 200  # the cookie now carries it


def test_serve_refuses_public_host_without_token(monkeypatch):
    from lagebild.web import serve
    from lagebild.web.security import is_loopback

    monkeypatch.delenv("LAGEBILD_TOKEN", raising=False)
    for host in ("0.0.0.0", "192.168.1.5", "example.org", "::"):
        with pytest.raises(SystemExit, match="needs a token"):
            serve(db=None, host=host, port=1, token=None)
    with pytest.raises(SystemExit, match="too short"):
        serve(db=None, host="0.0.0.0", port=1, token="short")
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.1.2.3")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.0.0.1")


# --- upload ---------------------------------------------------------------------------------------
UPLOAD_TEXT = (
    "Neue Brücke in Kaltenbach eröffnet\n"
    "Die Stadt Kaltenbach hat am Freitag eine neue Fußgängerbrücke über die Saale eröffnet. "
    "Oberbürgermeister Peter Hansen sagte: „Die Brücke verbindet endlich beide Stadtteile.“ "
    "Der Bau kostete nach Angaben der Verwaltung rund 4,5 Millionen Euro."
)


def test_upload_refuses_cross_origin_and_oversize(tmp_path):
    db = tmp_path / "up.db"
    Store(str(db))
    with running_server(db) as base:
        origin = {"Origin": base}
        pasted = {"text": UPLOAD_TEXT}
        assert httpx.post(base + "/upload", data=pasted, headers={"Origin": "http://evil.example"}).status_code == 403
        assert httpx.post(base + "/upload", data=pasted).status_code == 403
        assert httpx.post(base + "/upload", data=pasted, headers={"Referer": "http://evil.example/x"}).status_code == 403
        assert httpx.post(base + "/upload", data=pasted, headers={**origin, "Sec-Fetch-Site": "cross-site"}).status_code == 403
        big = {"files": ("big.txt", b"a" * (6 * 1024 * 1024), "text/plain")}
        assert httpx.post(base + "/upload", files=big, headers=origin, timeout=60).status_code == 413
        assert httpx.post(base + "/upload", data={"text": " "}, headers=origin).status_code == 400
        assert Store(str(db)).count_articles() == 0
        assert get(base, "/upload").status_code == 200


def test_upload_ingests(tmp_path):
    need_pipeline()
    db = tmp_path / "up.db"
    Store(str(db))
    with running_server(db) as base:
        origin = {"Origin": base}
        files = {"files": ("brücke neu.txt", UPLOAD_TEXT.encode(), "text/plain")}
        r = httpx.post(base + "/upload", files=files, headers=origin, timeout=60)
        assert r.status_code == 200, r.text
        assert "<b>1</b> added" in r.text
        article_id = re.search(r'href="/articles/([^"]+)"', r.text).group(1)
        page = get(base, f"/articles/{article_id}")
        assert page.status_code == 200 and "Fußgängerbrücke" in page.text
        listing = get(base, "/api/stories").json()
        assert listing["total"] >= 1
        # pasted text; the same text again is skipped
        pasted = {"text": UPLOAD_TEXT.replace("Kaltenbach", "Obertal"), "title": ""}
        assert "<b>1</b> added" in httpx.post(base + "/upload", data=pasted, headers=origin, timeout=60).text
        assert "<b>0</b> added" in httpx.post(base + "/upload", data=pasted, headers=origin, timeout=60).text
        # a pasted path is text, never a file to read
        r = httpx.post(base + "/upload", data={"text": "/etc/passwd"}, headers=origin, timeout=60)
        assert r.status_code == 200 and "root:" not in r.text


# --- the real pipeline --------------------------------------------------------------------------
HOSTILE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


def test_pipeline_db_renders_and_escapes(tmp_path):
    """Whatever the analysis stages find today, every page renders and article text stays text."""
    from lagebild.ingest_service import ingest_paths

    need_pipeline()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(UPLOAD_TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(f"Streit um Brücke {HOSTILE}\nDer Stadtrat von Kaltenbach stritt am Montag über die Kosten. "
                                  f"Ein Sprecher sagte, die Rechnung {HOSTILE} sei falsch.", encoding="utf-8")
    db = tmp_path / "pipe.db"
    result = ingest_paths([str(folder)], str(db))
    assert result.added == 2
    store = Store(str(db))
    with running_server(db) as base:
        stories = get(base, "/api/stories").json()["stories"]
        assert stories
        for st in stories:
            page = get(base, f"/stories/{st['id']}")
            assert page.status_code == 200
            assert "<script>window.__xss" not in page.text and "<img src=x" not in page.text
            import jsonschema

            jsonschema.validate(get(base, f"/api/stories/{st['id']}").json(), schema())
        for doc in store.load_docs():
            page = get(base, f"/articles/{doc.id}")
            assert page.status_code == 200
            assert "<script>window.__xss" not in page.text and "<img src=x" not in page.text
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in get(base, "/articles/b").text


def seeds_db(tmp_path):
    """The shared seeds ingested into a fresh SQLite file (skips without the seeds or the pipeline)."""
    seeds = shared_dir() / "seeds"
    if not seeds.exists():
        pytest.skip(f"shared data not available: {seeds}")
    need_pipeline()
    from lagebild.ingest_service import ingest_paths

    db = tmp_path / "seeds.db"
    ingest_paths([str(seeds)], str(db))
    return db


def test_seed_articles_render(tmp_path):
    db = seeds_db(tmp_path)
    with running_server(db) as base:
        for st in get(base, "/api/stories").json()["stories"]:
            assert get(base, f"/stories/{st['id']}").status_code == 200
            dossier = get(base, f"/api/stories/{st['id']}").json()
            for art in dossier["articles"]:
                assert get(base, f"/articles/{art['id']}").status_code == 200


def test_source_columns_show_inferred_translations():
    from lagebild.web.views import source_columns

    story = {"article_ids": ["a", "b"], "figures": [], "quotes": [], "membership": [],
             "lineage": [{"source": "language:fr", "target": "b", "kind": "translated-from", "inferred": True,
                          "language": "fr"}]}
    arts = {"a": {"id": "a", "translated_from": "en"}, "b": {"id": "b"}}
    cols = {c["id"]: c for c in source_columns(story, arts)}
    assert cols["a"]["translated_from"] == "en" and cols["b"]["translated_from"] == "fr (inferred)"
