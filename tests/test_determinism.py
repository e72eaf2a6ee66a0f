"""The dossier does not depend on Python's string-hash seed (set iteration order): two processes with
different PYTHONHASHSEED write the same dossier.json for the demo corpus."""
from __future__ import annotations

import json
import os
import subprocess
import sys


def _dossier(tmp_path, seed: str) -> dict:
    out = tmp_path / f"out{seed}"
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run([sys.executable, "-m", "lagebild.cli", "demo", "--out", str(out), "-q"], env=env, check=True,
                   capture_output=True)
    d = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    d.pop("generated_at", None)
    return d


def test_dossier_is_independent_of_the_hash_seed(tmp_path):
    assert _dossier(tmp_path, "1") == _dossier(tmp_path, "2")
