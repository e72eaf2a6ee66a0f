"""Storage: a real SQLite file; re-ingest adds nothing twice; report --db rebuilds the dossier."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pg import db_url, pg_server, pg_url  # noqa: F401  (fixtures: each test on SQLite and PostgreSQL)

from lagebild.ingest_service import ingest_paths
from lagebild.store import Store

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"


def test_reingest_adds_nothing_twice(db_url):
    first = ingest_paths([str(DEMO)], db_url)
    assert first.added >= 5 and not first.errors
    second = ingest_paths([str(DEMO)], db_url)
    assert second.added == 0 and second.skipped == first.added
    from sqlalchemy import text

    with Store(db_url).engine.connect() as con:
        n, distinct = con.execute(text("select count(*), count(distinct content_hash) from articles")).one()
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


def test_stored_stories_roundtrip(db_url):
    ingest_paths([str(DEMO)], db_url)
    store = Store(db_url)
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


def test_incremental_ingest_updates_only_changed_stories(db_url):
    """A second batch joins the stored story index instead of re-clustering everything."""
    db = db_url
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


def test_story_index_is_stored_without_pickle_and_round_trips(tmp_path):
    """The index is an .npz of arrays + JSON (read with allow_pickle=False); a reloaded index
    files new articles exactly as the one that never left memory."""
    import io
    import pickle

    import numpy as np

    from lagebild.link.cluster import StoryIndex
    from lagebild.link.similarity import extract_features
    from lagebild.store.index_state import IndexFormatError, dump_index, load_index

    texts = [f"{p} {w}: Bürgermeisterin {n} sagte am Montag in {p}, der {w} koste {k} Millionen Euro."
             for p, w, n, k in [("Birkenau", "Fährbau", "Ilse Kramer", 2), ("Talheim", "Dammbruch", "Jonas Brecht", 5),
                                ("Birkenau", "Fährbau", "Ilse Kramer", 3), ("Lindau", "Brückenbau", "Petra Vogt", 7),
                                ("Talheim", "Dammbruch", "Jonas Brecht", 6), ("Lindau", "Brückenbau", "Petra Vogt", 8)]]
    feats = [extract_features(f"a{i}", t, published=f"2031-03-{10 + i}") for i, t in enumerate(texts)]
    kept, reloaded = StoryIndex(), StoryIndex()
    kept.add(feats[:3])
    reloaded.add(feats[:3])
    blob = dump_index(reloaded)
    assert not blob.startswith(b"\x80")  # not a pickle
    with np.load(io.BytesIO(blob), allow_pickle=False) as z:
        assert "meta" in z.files
    reloaded = load_index(blob)
    kept.add(feats[3:])
    reloaded.add(feats[3:])
    assert kept.clusters() == reloaded.clusters()
    assert dump_index(kept) == dump_index(reloaded)
    with pytest.raises(IndexFormatError):
        load_index(pickle.dumps({"a": 1}))
    # a field the codec does not know is an error, not silently lost
    kept.new_field = 1
    with pytest.raises(IndexFormatError):
        dump_index(kept)


def test_pickled_index_from_an_older_version_is_never_unpickled(tmp_path, monkeypatch):
    import pickle

    db = str(tmp_path / "lb.db")
    ingest_paths([str(DEMO)], db)
    store = Store(db)
    members = store.story_members()

    class Boom:
        def __reduce__(self):
            return (exec, ("raise SystemExit('unpickled!')",))

    store.save_blob("story_index", pickle.dumps(Boom()))
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: pytest.fail("pickle.loads called"))
    again = ingest_paths([str(DEMO)], db)  # rebuilds the index from the stored articles
    assert again.added == 0
    assert Store(db).story_members() == members
    assert not Store(db).load_blob("story_index").startswith(b"\x80")


def test_store_is_small(tmp_path):
    """Bytes per stored article (the old pickled index made 6 articles 17 MB)."""
    db = tmp_path / "lb.db"
    res = ingest_paths([str(DEMO)], str(db))
    per_article = db.stat().st_size / res.total
    assert per_article < 100_000, per_article


def test_upgrade_from_the_schema_before_migrations(db_url):
    """A database made by the previous schema (no alembic_version, '|'-joined filters, a pickled
    index blob) is upgraded in place: join tables filled, the pickle deleted unread."""
    from sqlalchemy import create_engine, text

    from lagebild.store.migrate import head

    from lagebild.store.migrate import upgrade

    engine = create_engine(db_url)
    upgrade(engine, "0001")  # the tables exactly as the code before migrations created them ...
    with engine.begin() as con:
        con.execute(text("DROP TABLE alembic_version"))  # ... which knew nothing of Alembic
        con.execute(text("INSERT INTO stories (id, title, n_articles, last_published, outlets, entities, data) VALUES"
                         " ('story-1', 'Dammbruch', 2, '2031-03-10', 'Rheinpost|Tagesblick', 'Jonas Brecht|Talheim', '{}')"))
        con.execute(text("INSERT INTO blobs (key, value) VALUES ('story_index', :v)"), {"v": b"\x80\x05pickle"})
    engine.dispose()
    store = Store(db_url)
    from lagebild.store.migrate import current

    assert current(store.engine) == head()
    assert store.count_stories(outlet="tagesblick") == 1 and store.count_stories(outlet="Tages") == 0
    assert store.count_stories(entity="Jonas Brecht") == 1 and store.count_stories(query="brecht") == 1
    assert store.load_blob("story_index") is None
    # the models and the migrations describe the same schema
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from lagebild.store import Base

    with store.engine.connect() as con:
        diff = compare_metadata(MigrationContext.configure(con), Base.metadata)
    ops = [(d[0][0] if isinstance(d, list) else d[0], str(d)[:200]) for d in diff]
    assert not [o for o in ops if o[0] not in ("modify_nullable", "modify_default", "modify_type")], ops


def test_hostile_values_store_on_every_engine(db_url, tmp_path):
    """NUL characters, lone surrogates, '/' and quotes in ids and fields store on SQLite and PostgreSQL."""
    lines = [json.dumps({"id": "agentur/1'; DROP TABLE articles;--", "title": "Titel\u0000mit NUL", "x": "a\u0000b",
                         "text": "Die Gemeinde Birkenau tagte am Dienstag \ud800 und beschloss den Haushalt.\u0000"}),
             json.dumps({"id": "b" * 300, "text": "Der Rat in Talheim tagte am Mittwoch und vertagte die Entscheidung."})]
    src = tmp_path / "odd.jsonl"
    src.write_text("\n".join(lines), encoding="utf-8")
    res = ingest_paths([str(src)], db_url)
    assert res.added == 2 and not res.errors, [str(e) for e in res.errors]
    store = Store(db_url)
    art = store.get_article("agentur/1'; DROP TABLE articles;--")
    assert art and "\x00" not in art["article"]["title"] and "\ufffd" in art["article"]["text"]
    assert store.count_articles() == 2
    # the web's one-query read: the same analysis and the story it is in
    assert store.article_and_story("agentur/1'; DROP TABLE articles;--") == (art, store.story_of_article("agentur/1'; DROP TABLE articles;--"))
    assert store.story_of_article("agentur/1'; DROP TABLE articles;--") is not None
    assert store.article_and_story("no-such-id") == (None, None)


def test_writer_lock_admits_one_process_at_a_time(db_url):
    """Ingests (CLI runs, uploads in any web worker) take the database's writer lock: a second process
    waits until the first lets go (flock beside a SQLite file, an advisory lock on PostgreSQL)."""
    import time

    store = Store(db_url)
    code = ("import sys, time; from lagebild.store import Store; s = Store(sys.argv[1]); print('waiting', flush=True)\n"
            "with s.writer_lock():\n    print(time.time(), flush=True)")
    with store.writer_lock():
        other = subprocess.Popen([sys.executable, "-c", code, db_url], stdout=subprocess.PIPE, text=True)
        assert other.stdout.readline().strip() == "waiting"
        time.sleep(0.5)
        released = time.time()
    got = float(other.stdout.readline())
    assert other.wait(30) == 0
    assert got >= released  # it had the lock only after this process let go
    with store.writer_lock():  # and the lock can be taken again
        pass


def test_story_list_walks_the_list_order_index(db_url):
    """Migration 0005: the story list's ORDER BY (newest, biggest, id; undated last) is an index walk
    on both engines, with no sort of all stories; the revision downgrades and upgrades again."""
    from alembic import command
    from sqlalchemy import select, text

    from lagebild.store import StoryRow, story_list_order
    from lagebild.store.migrate import _config, upgrade

    store = Store(db_url)
    sql = str(select(StoryRow.id).order_by(*story_list_order()).limit(25).compile(store.engine, compile_kwargs={"literal_binds": True}))

    def walks_the_index() -> bool:
        store.engine.dispose()  # new connections: sqlite3 keeps a prepared EXPLAIN, with its old plan
        with store.engine.begin() as conn:
            if store.url.startswith("sqlite"):
                plan = " / ".join(r[3] for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
                return "ix_stories_list_order" in plan and "TEMP B-TREE" not in plan
            conn.execute(text("SET LOCAL enable_seqscan = off"))  # an empty table: show what the planner can use
            plan = " / ".join(r[0] for r in conn.execute(text("EXPLAIN " + sql)))
            return "ix_stories_list_order" in plan and "Sort" not in plan

    assert walks_the_index()
    with store.engine.begin() as conn:
        command.downgrade(_config(conn), "0004")
    assert not walks_the_index()
    upgrade(store.engine)
    assert walks_the_index()


def test_idle_pooled_connection_is_checked_and_replaced(pg_url):
    """PostgreSQL: a pooled connection idle for a while is pinged on checkout (not on every checkout,
    which cost every web request a round trip); one the server closed meanwhile is replaced unseen."""
    from sqlalchemy import text

    store = Store(pg_url)
    with store.engine.connect() as conn:
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar()
    with Store(pg_url).engine.connect() as other:  # the server ends that session while it sits in the pool
        assert other.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    for record in list(store.engine.pool._pool.queue):  # as if it had been idle for a minute
        record.info["returned_at"] -= 60
    assert store.count_articles() == 0  # checked, found dead, replaced: the caller sees nothing
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT pg_backend_pid()")).scalar() != pid


def _workers_for_any_batch(monkeypatch):
    """Small batches run in this process (starting workers costs ~40 articles): use the workers anyway."""
    from lagebild import parallel

    defaults = list(parallel.Analyser.__init__.__defaults__)
    defaults[2] = 0  # (workers, chunk, min_parallel, engine, address)
    monkeypatch.setattr(parallel.Analyser.__init__, "__defaults__", tuple(defaults))


def test_ingest_reads_on_the_workers_with_the_same_result(tmp_path, monkeypatch):
    """With 2 workers the inputs are read and cleaned, and the stories linked, on the workers: the
    same articles, stories and errors (a broken file named) as one worker doing it all in this process."""
    import sqlite3

    _workers_for_any_batch(monkeypatch)

    bad = tmp_path / "broken.html"
    bad.write_bytes(b"\x00\x01\x02 not a page")
    inputs = [str(p) for p in sorted(DEMO.glob("*.txt"))] * 3 + [str(DEMO), str(bad)]  # several read tasks
    got = {}
    for n in (1, 2):
        db = tmp_path / f"w{n}.db"
        res = ingest_paths(inputs, str(db), workers=n)
        con = sqlite3.connect(db)
        got[n] = (res.added, [(e.source, e.message) for e in res.errors],
                  sorted(con.execute("select id, content_hash, title, analysis from articles")),
                  sorted(con.execute("select story_id, article_id from story_articles")),
                  # the stories are linked on the workers too: the same story rows
                  sorted(con.execute("select id, title, n_articles, outlets, entities, data from stories")),
                  sorted(con.execute("select * from story_entities")), sorted(con.execute("select * from story_cards")))
    assert got[1][0] > 0 and any("broken.html" in src for src, _ in got[1][1]) and got[1][4]
    assert got[1] == got[2]


def test_ingest_with_workers_reads_no_file_in_this_process(tmp_path, monkeypatch):
    import lagebild.ingest as ingest

    def no_reading_here(*args, **kwargs):
        raise AssertionError("a file was read in the main process")

    pages = []  # files are read on the workers (feeds and JSONL here), a few files per task
    for k in range(9):
        page = tmp_path / f"m{k}.txt"
        page.write_text(f"Meldung {k}\nIn Musterstadt {k} hat der Rat am Montag {k + 2} Projekte beschlossen.",
                        encoding="utf-8")
        pages.append(str(page))
    _workers_for_any_batch(monkeypatch)
    monkeypatch.setattr(ingest, "read_file", no_reading_here)
    res = ingest_paths(pages, str(tmp_path / "lb.db"), workers=2)
    assert res.added == len(pages) > 0 and not res.errors
