"""End-to-end: the demo corpus and the seeds through `lagebild report`, checked against the contract."""
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import lagebild
from lagebild.datapaths import shared_dir
from lagebild.evaluate.report import span_check

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "examples" / "demo"


def schema():
    path = shared_dir() / "spec" / "dossier.schema.json"
    if not path.exists():
        pytest.skip("shared spec not available")
    return json.loads(path.read_text())


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "lagebild.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def demo_dossier(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    res = run_cli("report", str(DEMO), "--out", str(out), "--quiet")
    assert res.returncode == 0, res.stderr
    return out


def test_demo_writes_three_reports(demo_dossier):
    for name in ("dossier.json", "dossier.md", "dossier.html"):
        assert (demo_dossier / name).stat().st_size > 0


def test_demo_dossier_is_schema_valid_and_spans_check_out(demo_dossier):
    d = json.loads((demo_dossier / "dossier.json").read_text())
    jsonschema.validate(d, schema())
    n, ok = span_check(d)
    assert n > 0 and ok == n


def test_every_item_offset_matches_text(demo_dossier):
    d = json.loads((demo_dossier / "dossier.json").read_text())
    texts = {a["id"]: a["text"] for a in d["articles"]}
    for s in d["stories"]:
        for q in s["quotes"]:
            assert texts[q["article_id"]][q["start"]:q["end"]] == q["text"]
        for f in s["figures"]:
            assert texts[f["article_id"]][f["start"]:f["end"]] == f["text"]
        for e in s["entities"]:
            for m in e["mentions"]:
                assert texts[m["article_id"]][m["start"]:m["end"]] == m["text"]
        for t in s["timeline"]:
            if "start" in t:
                assert texts[t["article_id"]][t["start"]:t["end"]] == t["text"]


def test_html_is_self_contained(demo_dossier):
    html = (demo_dossier / "dossier.html").read_text()
    assert "http://" not in html.replace("http://www.w3.org", "") or "<script" not in html
    assert "<script" not in html
    assert "src=\"http" not in html and "href=\"http" not in html


def test_library_api_matches_cli(demo_dossier):
    d = lagebild.analyse(paths=[DEMO]).to_dict()
    cli = json.loads((demo_dossier / "dossier.json").read_text())
    assert [a["id"] for a in d["articles"]] == [a["id"] for a in cli["articles"]]
    assert [s["article_ids"] for s in d["stories"]] == [s["article_ids"] for s in cli["stories"]]


def test_library_accepts_raw_text():
    d = lagebild.analyse("Berlin – Die Regierung hat am Montag einen Plan vorgestellt.\nEr soll 2027 gelten.")
    assert len(d.articles) == 1 and d.articles[0].text.startswith("Berlin")


def test_seeds_form_one_story_with_content(tmp_path, seeds_dir):
    res = run_cli("report", str(seeds_dir), "--out", str(tmp_path), "--quiet")
    assert res.returncode == 0, res.stderr
    d = json.loads((tmp_path / "dossier.json").read_text())
    jsonschema.validate(d, schema())
    assert len(d["articles"]) == 5
    assert len(d["stories"]) == 1
    n, ok = span_check(d)
    assert n > 0 and ok == n


def test_eval_report_prints_one_json_line():
    res = run_cli("eval", "report", str(DEMO))
    assert res.returncode == 0, res.stderr
    lines = [l for l in res.stdout.splitlines() if l.strip()]
    assert len(lines) == 1
    row = json.loads(lines[0])
    assert row["span_ok_share"] == 1.0 and row["articles"] >= 5
