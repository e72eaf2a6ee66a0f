"""--engine ray: the analysis as Ray tasks on a local Ray (2 CPUs) gives the same dossier as
--engine local (issue 18). Skips when Ray is not installed (extra lagebild[ray])."""
from __future__ import annotations

import importlib.util
import json

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.resources import demo_corpus


def _dossier(tmp_path, name, *options, corpus=None) -> dict:
    out = tmp_path / name
    result = CliRunner().invoke(app, ["report", str(corpus or demo_corpus()), "--out", str(out), "--quiet", *options])
    assert result.exit_code == 0, result.output
    return json.loads((out / "dossier.json").read_text(encoding="utf-8"))


def test_ray_engine_same_dossier_as_local(tmp_path):
    ray = pytest.importorskip("ray")
    assert not ray.is_initialized()
    local = _dossier(tmp_path, "local", "--engine", "local", "--workers", "1")
    remote = _dossier(tmp_path, "ray", "--engine", "ray", "--workers", "2")  # starts a local Ray, 2 CPUs
    assert local["articles"] and local["stories"]
    assert remote == local
    assert not ray.is_initialized()  # the Ray it started is stopped again


def test_ray_engine_same_dossier_as_local_on_the_seeds(tmp_path, seeds_dir):
    ray = pytest.importorskip("ray")
    local = _dossier(tmp_path, "local", "--engine", "local", "--workers", "1", corpus=seeds_dir)
    remote = _dossier(tmp_path, "ray", "--engine", "ray", "--workers", "2", corpus=seeds_dir)
    assert len(local["articles"]) == 5
    assert remote == local
    assert not ray.is_initialized()


def test_ray_tasks_keep_input_order():
    """Several chunks on 2 Ray CPUs (a Ray the caller started is used and left running): results
    come back in input order, one per article."""
    ray = pytest.importorskip("ray")
    from lagebild.clean import clean_document
    from lagebild.parallel import analyse_articles
    from lagebild.pipeline import dedupe_ids, load_raw

    raws, _ = load_raw([str(demo_corpus())])
    articles = dedupe_ids([clean_document(r) for r in raws])[:6]
    ray.init(address="local", num_cpus=2, include_dashboard=False)
    try:
        results = list(analyse_articles(articles, workers=2, chunk=2, engine="ray"))
        assert ray.is_initialized()
    finally:
        ray.shutdown()
    assert [r.article.id for r in results] == [a.id for a in articles]


def test_engine_ray_without_ray_is_one_error_line(tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "ray" else real(name, *a))
    result = CliRunner().invoke(app, ["report", str(demo_corpus()), "--out", str(tmp_path), "--engine", "ray"])
    assert result.exit_code == 2
    assert "pip install 'lagebild[ray]'" in result.output and len(result.output.strip().splitlines()) == 1


def test_unknown_engine_and_stray_address(tmp_path):
    bad = CliRunner().invoke(app, ["ingest", str(demo_corpus()), "--engine", "spark"])
    assert bad.exit_code == 2 and "local or ray" in bad.output
    stray = CliRunner().invoke(app, ["ingest", str(demo_corpus()), "--address", "ray://head:10001"])
    assert stray.exit_code == 2 and "--engine ray" in stray.output
