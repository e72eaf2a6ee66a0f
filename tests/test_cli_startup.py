"""`lagebild --help` starts without importing spaCy (issue 18: cheap start-up)."""
from __future__ import annotations

import subprocess
import sys


def test_help_does_not_import_spacy():
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom lagebild.cli import app\n"
            "r = CliRunner().invoke(app, ['--help'])\nassert r.exit_code == 0, r.output\n"
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"
