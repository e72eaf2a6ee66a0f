"""Files shipped inside the package (importlib.resources): the demo corpus and the dossier schema."""
from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any


def demo_corpus() -> Path:
    """The directory of the invented demo corpus (lagebild/data/demo)."""
    return Path(str(files("lagebild").joinpath("data", "demo")))


def dossier_schema() -> dict[str, Any]:
    """The JSON schema of dossier.json (a copy of ../shared/spec/dossier.schema.json)."""
    text = files("lagebild").joinpath("data", "dossier.schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text))
