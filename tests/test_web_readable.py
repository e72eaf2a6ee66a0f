"""Web (issue 20): an alias opens its canonical entity's page; time values are shown as readable dates."""
from __future__ import annotations

from starlette.testclient import TestClient
from test_web import build_rich_db

from lagebild.report.timevalues import readable_time
from lagebild.web.app import create_app


def test_alias_resolves_to_the_canonical_entity(tmp_path):
    build_rich_db(tmp_path / "rich.db")
    client = TestClient(create_app(str(tmp_path / "rich.db")), base_url="http://127.0.0.1")
    r = client.get("/entity?name=Keller", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/entity?name=Anna%20Keller"
    page = client.get("/entity?name=Keller").text
    assert "Anna Keller" in page and "Wir haben die Lage unter Kontrolle." in page  # her quotes, not 'none'
    assert client.get("/entity?name=Anna%20Keller", follow_redirects=False).status_code == 200
    assert client.get("/entity?name=%25", follow_redirects=False).status_code == 404  # '%' is no wildcard
    assert client.get("/entity?name=Kell", follow_redirects=False).status_code == 404  # no alias, no entity


def test_time_values_are_readable(tmp_path):
    build_rich_db(tmp_path / "rich.db")
    client = TestClient(create_app(str(tmp_path / "rich.db")), base_url="http://127.0.0.1")
    story = client.get("/stories/story-talheim").text
    assert "10 March 2031" in story and "March 2029" in story
    article = client.get("/articles/rheinpost-flut").text
    assert "10 March 2031" in article and 'title="2031-03-10"' in article


def test_readable_time_values():
    cases = {("2026-03-17TEV", None): "17 March 2026, evening", ("XXXX-WXX-1", "SET"): "Mondays",
             ("XXXX-WXX-1TEV", "DATE"): "Monday, evening", ("PRESENT_REF", None): "now", ("P2W", "DURATION"): "2 weeks",
             ("P1W", "SET"): "every week", ("2024-W43", None): "week 43 of 2024", ("2025-Q1", None): "Q1 2025",
             ("2023-SP", None): "spring 2023", ("T07", None): "07:00", ("196", None): "the 1960s",
             ("not a value", None): "not a value", ("2026-13-01", None): "2026-13-01"}
    for (value, kind), want in cases.items():
        assert readable_time(value, kind) == want, value
