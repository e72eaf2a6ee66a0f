"""Web (issue 19): every parameter bounded (422, never 500), error pages carry the security
headers, and any stored article id (with '/', '?', '#', '%', spaces) opens in the UI and the API.
Runs on SQLite and on PostgreSQL."""
from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from pg import pg_server, pg_url  # noqa: F401  (fixtures)
from test_web import build_rich_db, running_server

from lagebild.records import AnalysedArticle, Article, Story

ODD_IDS = ["agentur/2031/03/dammbruch", "a?b#c", "100% sicher", "../../etc/passwd", "ümlaut id", "x" * 200]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request, tmp_path_factory):
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("webh") / "h.db")
    else:
        db = request.getfixturevalue("pg_server").new_database()
    store = build_rich_db(db, extra_stories=3)
    docs = []
    for n, aid in enumerate(ODD_IDS):
        text = f"Meldung {n}\nIn Talheim tagte der Rat zum {n}. Mal."
        docs.append(AnalysedArticle(article=Article(id=aid, source="odd.jsonl", text=text, title=f"Meldung {n}",
                                                    published="2031-03-12", content_hash=f"odd-{n}")))
    store.add_docs(docs)
    store.save_stories([Story(id="story-odd", title="Seltsame Ids", article_ids=ODD_IDS)], docs, remove=[])
    with running_server(db) as base:
        yield base


def get(base, path):
    return httpx.get(base + path, timeout=30)


def _has_security_headers(r):
    return "content-security-policy" in r.headers and r.headers.get("x-content-type-options") == "nosniff"


def test_any_stored_id_opens(site):
    for aid in ODD_IDS:
        enc = quote(aid, safe="")
        page = get(site, f"/articles/{enc}")
        assert page.status_code == 200, aid
        api = get(site, f"/api/articles/{enc}")
        assert api.status_code == 200 and api.json()["article"]["id"] == aid
        assert api.json()["story_id"] == "story-odd"
    story = get(site, "/stories/story-odd")
    assert story.status_code == 200
    for aid in ODD_IDS:
        assert f'href="/articles/{quote(aid, safe="")}' in story.text


@pytest.mark.parametrize("path", [
    "/api/stories?offset=99999999999999999999", "/api/stories?offset=-1", "/api/stories?limit=99999999999999999999",
    "/api/stories?limit=0", "/api/stories?limit=abc", "/api/entities?name=x&limit=99999999999999999999",
    "/api/entities?name=", "/api/stories?q=" + "x" * 500, "/api/stories?from=" + "1" * 100,
    "/?page=99999999999999999999999", "/?page=abc", "/?page=-5",
])
def test_parameters_are_bounded(site, path):
    r = get(site, path)
    assert r.status_code in (200, 422), (path, r.status_code)
    assert _has_security_headers(r), path


def test_out_of_range_pages_and_highlights(site):
    assert get(site, "/?page=99999999999999999999999").status_code == 200
    assert get(site, f"/articles/{quote(ODD_IDS[0], safe='')}?hl=99999999999999999999-999999999999999999999").status_code == 200
    assert get(site, "/api/stories?offset=10000000").json()["stories"] == []


def test_internal_errors_carry_security_headers(site, monkeypatch, tmp_path):
    from lagebild.web.app import create_app

    app = create_app(str(tmp_path / "e.db"))
    monkeypatch.setattr(app.state.store, "article_and_story", lambda *a: 1 / 0)
    from starlette.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as client:
        for path in ("/api/articles/x", "/articles/x"):
            r = client.get(path)
            assert r.status_code == 500 and _has_security_headers(r), path
            assert "ZeroDivision" not in r.text
