"""The library API: lagebild.analyse(texts=, paths=, articles=) -> typed Dossier (issue 20)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import lagebild
from lagebild import Article, Dossier, FigureGroup, LineageEdge, StanceRow, TimelineRow
from lagebild.datapaths import shared_dir

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "examples" / "demo"


@pytest.fixture(scope="module")
def demo_pair(tmp_path_factory):
    """The demo through `lagebild report` (in-process) and through `lagebild.analyse`."""
    from lagebild.cli import app

    out = tmp_path_factory.mktemp("report")
    res = CliRunner().invoke(app, ["report", str(DEMO), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    return out, lagebild.analyse(paths=[DEMO])


def test_a_string_is_text_never_a_path():
    d = lagebild.analyse("Die CDU/CSU fordert mehr Geld für die Bundeswehr. Das sagte Friedrich Merz am Montag in Berlin.")
    assert len(d.articles) == 1 and d.errors == []
    assert d.articles[0].text.startswith("Die CDU/CSU")
    d2 = lagebild.analyse(texts=["examples/demo"])  # a text that names a directory is still a text
    assert len(d2.articles) == 1 and d2.articles[0].source == "<text>"


def test_articles_carry_their_metadata():
    art = Article(text="In Elmsfeld sprach die Feuerwehr von etwa 1.500 Menschen, die ihre Häuser "
                       "verlassen mussten.", title="Hochwasser an der Grauach", published="2026-03-17", outlet="Kurier",
                  url="https://example.org/a")
    d = lagebild.analyse(articles=[art])
    (a,) = d.articles
    assert (a.title, a.published, a.outlet, a.url) == ("Hochwasser an der Grauach", "2026-03-17", "Kurier",
                                                      "https://example.org/a")
    assert a.id and "In Elmsfeld sprach die Feuerwehr" in a.text


def test_missing_path_raises_and_bad_file_is_reported(tmp_path):
    with pytest.raises(lagebild.InputNotFoundError) as exc:
        lagebild.analyse(paths=[tmp_path / "nope.txt", tmp_path / "gone" / "*.txt"])
    assert "nope.txt" in str(exc.value) and isinstance(exc.value, FileNotFoundError)
    (tmp_path / "empty.txt").write_text("")
    d = lagebild.analyse(paths=tmp_path / "empty.txt")
    assert d.articles == [] and len(d.errors) == 1 and "empty.txt" in d.errors[0]
    with pytest.raises(TypeError):
        lagebild.analyse(texts=[tmp_path])  # a Path is not a text


def test_demo_dossier_is_typed_and_equals_the_report_json(demo_pair, tmp_path):
    out, d = demo_pair
    cli = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert d.to_dict() == cli
    story = d.stories[0]
    assert isinstance(story.figure_groups[0], FigureGroup) and isinstance(story.timeline[0], TimelineRow)
    assert isinstance(story.lineage[0], LineageEdge) and all(isinstance(r, StanceRow) for r in story.stance)
    texts = {a.id: a.text for a in d.articles}
    for edge in story.lineage:
        for span in edge.spans:
            assert texts[span.article_id][span.start:span.end] == span.text
    for row in story.timeline:
        if row.start is not None:
            assert texts[row.article_id][row.start:row.end] == row.text
    for g in story.figure_groups:
        assert all(story.figure(fid) is not None for fid in g.figure_ids)
    # save/load: the same bytes as `lagebild report`, and back to an equal Dossier
    d.save(tmp_path)
    assert (tmp_path / "dossier.json").read_text(encoding="utf-8") == (out / "dossier.json").read_text(encoding="utf-8")
    assert (tmp_path / "dossier.md").stat().st_size > 0 and (tmp_path / "dossier.html").stat().st_size > 0
    back = Dossier.load(tmp_path)
    assert back == d and back.to_dict() == cli


def test_saved_dossier_passes_the_shared_hook(demo_pair, tmp_path):
    hook, schema = shared_dir() / "hooks" / "check_dossier.py", shared_dir() / "spec" / "dossier.schema.json"
    if not hook.exists() or not schema.exists():
        pytest.skip("shared hook/spec not available")
    demo_pair[1].save(tmp_path)
    res = subprocess.run([sys.executable, str(hook), str(tmp_path / "dossier.json"), str(schema)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr


def test_unknown_fields_round_trip():
    """Fields added by a newer lagebild (quote confidence, group reason, inferred markers...) survive."""
    raw = {
        "version": "1.0", "future_top": {"a": 1},
        "articles": [{"id": "a", "source": "a.txt", "text": "Er sagte: Ja.", "title": None, "published": None,
                      "language": "de", "byline": None, "agency": [], "removed_lines": [],
                      "published_marker": "inferred", "translated_from_inferred": True}],
        "stories": [{"id": "s", "title": "T", "article_ids": ["a"], "entities": [], "figures": [],
                     "quotes": [{"article_id": "a", "start": 10, "end": 12, "text": "Ja", "direct": True,
                                 "speaker": "Er", "speaker_entity": None, "confidence": 0.7, "calibration": "v2"}],
                     "figure_groups": [{"topic": "x", "figure_ids": [], "disagreement": False, "new_key": [1, 2]}],
                     "timeline": [{"date": "2026", "text": "2026", "event": "e", "article_id": "a", "granularity": "year"}]}],
    }
    d = Dossier.from_dict(raw)
    assert d.to_dict() == raw
    assert list(d.to_dict()["stories"][0]) == list(raw["stories"][0])  # no fields added that were not there
    assert d.stories[0].quotes[0].confidence == 0.7 and d.stories[0].quotes[0].extra == {"calibration": "v2"}
    assert d.stories[0].figure_groups[0].extra["new_key"] == [1, 2]
    assert d.articles[0].extra["published_marker"] == "inferred"
    with pytest.raises(ValueError):
        Dossier.from_dict({"articles": [{"id": "no text"}]})


def test_old_entry_points_still_work(tmp_path):
    import lagebild.analyse.numbers as numbers_module  # the stage package is still importable by name
    from lagebild.analyse import analyse_article

    assert callable(analyse_article) and numbers_module.__name__ == "lagebild.analyse.numbers"
    assert lagebild.analyse.__module__ == "lagebild.api"  # ...and lagebild.analyse stays the function
    assert lagebild.analyse.numbers is numbers_module


def test_public_api_type_checks(tmp_path):
    """mypy --strict on a notebook-style script using only lagebild's exports."""
    pytest.importorskip("mypy")
    script = tmp_path / "use_lagebild.py"
    script.write_text(
        "import lagebild\n"
        "from lagebild import Article, Dossier, FigureGroup\n"
        "d: Dossier = lagebild.analyse(texts=['Die CDU/CSU fordert …'], paths=['articles/'],\n"
        "                              articles=[Article(text='…', title='T', published='2026-03-17', outlet='O', url='u')])\n"
        "for s in d.stories:\n"
        "    g: FigureGroup\n"
        "    for g in s.figure_groups:\n"
        "        print(g.topic.upper(), g.disagreement, [m.value for m in g.members], g.extra)\n"
        "    print([(r.date, r.sources[0].article_id) for r in s.timeline])\n"
        "    print([(e.source, e.spans[0].start + 1) for e in s.lineage])\n"
        "    print([[c.stance for c in row.cells] for row in s.stance], [q.speaker for q in s.quotes])\n"
        "d.save('out')\n"
        "print(Dossier.load('out').articles[0].text)\n"
    )
    bad = tmp_path / "misuse.py"
    bad.write_text("import lagebild\nlagebild.analyse(texts=3)\nx: int = lagebild.Dossier().stories[0].title\n")
    env = dict(os.environ, MYPYPATH=str(REPO))
    cmd = [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-incremental",
           "--cache-dir", os.devnull]
    ok = subprocess.run(cmd + [str(script)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    res = subprocess.run(cmd + [str(bad)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert res.returncode == 1 and "arg-type" in res.stdout and "assignment" in res.stdout, res.stdout

