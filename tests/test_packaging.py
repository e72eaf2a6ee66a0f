"""Packaging: the wheel carries the demo corpus, the schema and py.typed; `lagebild demo` works from it."""
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from lagebild.datapaths import shared_dir
from lagebild.resources import demo_corpus, dossier_schema

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
SLOW = os.environ.get("LAGEBILD_SLOW") == "1" or os.environ.get("CI") == "true"


def test_demo_corpus_and_schema_are_package_resources():
    corpus = demo_corpus()
    assert corpus.is_dir() and str(corpus).startswith(str(REPO / "lagebild"))
    assert {p.suffix for p in corpus.iterdir()} >= {".txt", ".html", ".jsonl", ".xml"}
    assert dossier_schema()["title"] == "lagebild dossier"
    assert (REPO / "examples" / "demo").resolve() == corpus.resolve()  # examples/demo still works


def test_packaged_schema_is_the_shared_spec():
    spec = shared_dir() / "spec" / "dossier.schema.json"
    if not spec.exists():
        pytest.skip("shared spec not available")
    assert dossier_schema() == json.loads(spec.read_text(encoding="utf-8")), "refresh lagebild/data/dossier.schema.json"


def _imported(module: str) -> list[str]:
    pattern = re.compile(rf"^\s*(import|from)\s+{module}\b", re.M)
    return [str(p) for p in (REPO / "lagebild").rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("dist,module", [("scikit-learn", "sklearn"), ("jsonschema", "jsonschema"),
                                         ("dateparser", "dateparser")])
def test_unused_libraries_are_not_runtime_dependencies(dist, module):
    runtime = [re.split(r"[=<>\[; ]", d)[0].lower() for d in PYPROJECT["project"]["dependencies"]]
    assert dist not in runtime
    assert _imported(module) == [], f"{module} is imported at run time: declare {dist} as a dependency again"


@pytest.mark.skipif(not SLOW, reason="slow (~30 s): set LAGEBILD_SLOW=1 (runs in CI)")
def test_wheel_installs_and_runs_the_demo(tmp_path):
    """Build the wheel, install it into a fresh venv (system site-packages for spaCy etc.), run `lagebild demo`."""
    src, dist = tmp_path / "src", tmp_path / "dist"  # a copy: an in-tree build/ would keep stale files
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    shutil.copytree(REPO / "lagebild", src / "lagebild", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    (wheel,) = dist.glob("lagebild-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("lagebild/py.typed", "lagebild/data/dossier.schema.json", "lagebild/data/demo/agentur.jsonl",
                   "lagebild/models/ner/meta.json", "lagebild/web/templates/base.html"):
        assert needed in names, needed
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    res = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--force-reinstall",
                          str(wheel)], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    run = tmp_path / "run"
    run.mkdir()
    where = subprocess.run([str(py), "-c", "import lagebild; print(lagebild.__file__)"], capture_output=True,
                           text=True, cwd=run, timeout=120)
    assert where.stdout.strip().startswith(str(venv)), where.stdout + where.stderr  # the wheel, not the checkout
    res = subprocess.run([str(venv / "bin" / "lagebild"), "demo", "--out", "out", "--quiet"], capture_output=True,
                         text=True, cwd=run, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    d = json.loads((run / "out" / "dossier.json").read_text(encoding="utf-8"))
    assert len(d["articles"]) >= 5 and d["stories"]
