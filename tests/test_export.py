"""`lagebild export`: every table as JSONL, CSV and Parquet; Parquet read back with DuckDB (issue 20)."""
import csv
import json
from pathlib import Path

import pytest

from lagebild.cli import main
from lagebild.export import TABLES, stored_dossier
from lagebild.store import normalise_url

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "examples" / "demo"
pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("export") / "demo.db"
    assert main(["ingest", str(DEMO), "--db", str(db), "--quiet", "--workers", "1"]) == 0
    return db


def _export(db, fmt, what, out, *extra):
    return main(["export", "--db", str(db), "--format", fmt, "--what", what, "--out", str(out), "--quiet", *extra])


def test_every_table_as_parquet_reads_back_typed_in_duckdb(demo_db, tmp_path):
    dossier = stored_dossier(normalise_url(str(demo_db)))
    story = dossier.stories[0]
    expected = {"articles": len(dossier.articles), "quotes": len(story.quotes), "figures": len(story.figures),
                "entities": len(story.entities), "timeline": len(story.timeline),
                "stance": sum(len(r.cells) for r in story.stance), "lineage": len(story.lineage)}
    con = duckdb.connect()
    for what, columns in TABLES.items():
        out = tmp_path / f"{what}.parquet"
        assert _export(demo_db, "parquet", what, out) == 0
        types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{out}')").fetchall())
        assert list(types) == list(columns)
        for col, kind in columns.items():
            assert types[col] == {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN",
                                  "list[str]": "VARCHAR[]", "list[int]": "BIGINT[]"}[kind], (what, col)
        assert con.execute(f"SELECT count(*) FROM '{out}'").fetchone()[0] == expected[what], what
    assert expected["quotes"] > 0 and expected["figures"] > 0 and expected["lineage"] > 0
    # the join from quotes to articles: every quote finds its article, and its offsets point at its text
    q, a = tmp_path / "quotes.parquet", tmp_path / "articles.parquet"
    joined, ok, outlets = con.execute(
        f"SELECT count(*), sum(CASE WHEN substr(a.text, q.start + 1, q.\"end\" - q.start) = q.text THEN 1 ELSE 0 END),"
        f" count(DISTINCT a.outlet) FROM '{q}' q JOIN '{a}' a USING (article_id)").fetchone()
    assert joined == expected["quotes"] and ok == joined and outlets >= 3
    chains = con.execute(f"SELECT attributed_to FROM '{q}' WHERE len(attributed_to) > 0").fetchall()
    assert chains and all(isinstance(c[0], list) for c in chains)  # chains are lists, not joined strings
    spans = con.execute(f"SELECT span_starts FROM '{tmp_path / 'lineage.parquet'}' WHERE len(span_starts) > 0").fetchall()
    assert spans and all(isinstance(x, int) for row in spans for x in row[0])


def test_csv_and_jsonl_carry_lists_as_json_arrays_and_integer_offsets(demo_db, tmp_path):
    assert _export(demo_db, "csv", "quotes", tmp_path / "q.csv") == 0
    with (tmp_path / "q.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and list(rows[0]) == list(TABLES["quotes"])
    for r in rows:
        assert isinstance(json.loads(r["attributed_to"]), list) and isinstance(json.loads(r["speakers"]), list)
        assert r["start"].isdigit() and r["end"].isdigit() and r["direct"] in ("true", "false")
    assert _export(demo_db, "jsonl", "figures", tmp_path / "f.jsonl") == 0
    figs = [json.loads(line) for line in (tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()]
    assert figs and all(isinstance(f["start"], int) and isinstance(f["attributed_to"], list) for f in figs)
    assert any(f["group_topic"] for f in figs)


def test_one_story_and_bad_arguments(demo_db, tmp_path, capsys):
    story_id = stored_dossier(normalise_url(str(demo_db))).stories[0].id
    assert _export(demo_db, "jsonl", "timeline", tmp_path / "t.jsonl", "--story", story_id) == 0
    rows = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows and {r["story_id"] for r in rows} == {story_id}
    capsys.readouterr()
    assert _export(demo_db, "jsonl", "timeline", tmp_path / "x.jsonl", "--story", "no-such-story") == 2
    assert "no story no-such-story" in capsys.readouterr().err and not (tmp_path / "x.jsonl").exists()
    assert _export(tmp_path / "typo.db", "csv", "quotes", tmp_path / "y.csv") == 2
    assert "no database at" in capsys.readouterr().err and not (tmp_path / "typo.db").exists()
    assert _export(demo_db, "xlsx", "quotes", tmp_path / "z") == 2
