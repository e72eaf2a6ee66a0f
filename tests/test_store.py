"""Storage: a real SQLite file; re-ingest adds nothing twice; report --db rebuilds the dossier."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from lagebild.ingest_service import ingest_paths
from lagebild.store import Store

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"


def test_reingest_adds_nothing_twice(tmp_path):
    db = tmp_path / "lb.db"
    first = ingest_paths([str(DEMO)], str(db))
    assert first.added >= 5 and not first.errors
    second = ingest_paths([str(DEMO)], str(db))
    assert second.added == 0 and second.skipped == first.added
    con = sqlite3.connect(db)
    n, distinct = con.execute("select count(*), count(distinct content_hash) from articles").fetchone()
    assert n == distinct == first.added


def test_same_content_other_name_is_a_duplicate(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Titel der Meldung\nIn Musterstadt hat der Rat am Montag einen Haushalt beschlossen.", encoding="utf-8")
    copy = tmp_path / "sub" / "b.txt"
    copy.parent.mkdir()
    copy.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "lb.db"
    res = ingest_paths([str(tmp_path / "a.txt"), str(copy)], str(db))
    assert res.added == 1
    assert Store(str(db)).count_articles() == 1


def test_stored_stories_roundtrip(tmp_path):
    db = tmp_path / "lb.db"
    ingest_paths([str(DEMO)], str(db))
    store = Store(str(db))
    stories = store.list_stories()
    assert stories and stories[0]["n_articles"] >= 1
    story = store.get_story(stories[0]["id"])
    assert story["article_ids"]
    docs = store.load_docs(story["article_ids"])
    assert {d.id for d in docs} == set(story["article_ids"])


def test_report_from_db(tmp_path):
    db = tmp_path / "lb.db"
    ingest_paths([str(DEMO)], str(db))
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-m", "lagebild.cli", "report", "--db", str(db), "--out", str(out), "--quiet"],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    d = json.loads((out / "dossier.json").read_text())
    assert len(d["articles"]) >= 5 and d["stories"]


def test_sqlalchemy_url_accepted(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    store = Store(url)
    assert store.url == url and store.count_articles() == 0


def test_incremental_ingest_updates_only_changed_stories(tmp_path):
    """A second batch joins the stored story index instead of re-clustering everything."""
    db = tmp_path / "lb.db"
    demo_files = sorted(p for p in DEMO.iterdir() if p.is_file())
    first = ingest_paths([str(demo_files[0])], str(db))
    assert first.added >= 1 and first.stories_updated >= 1
    store = Store(str(db))
    assert store.load_blob("story_index")
    before = store.story_members()
    second = ingest_paths([str(p) for p in demo_files[1:]], str(db))
    assert second.added >= 4
    after = Store(str(db)).story_members()
    stored_ids = {a for members in after.values() for a in members}
    assert stored_ids == {d.id for d in Store(str(db)).load_docs()}
    # every article of the first batch is still in exactly one story
    first_ids = {a for members in before.values() for a in members}
    assert all(sum(a in m for m in after.values()) == 1 for a in first_ids)
    third = ingest_paths([str(p) for p in demo_files], str(db))
    assert third.added == 0 and third.stories_updated == 0
