"""Reports: JSON, Markdown and HTML from the same in-memory dossier dict."""
from __future__ import annotations

import json
from pathlib import Path

from .html import render_html
from .markdown import render_markdown


def render_json(dossier: dict) -> str:
    return json.dumps(dossier, ensure_ascii=False, indent=2, default=str)


def write_all(dossier: dict, out: Path) -> dict[str, Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "dossier.json", "md": out / "dossier.md", "html": out / "dossier.html"}
    paths["json"].write_text(render_json(dossier), encoding="utf-8")
    paths["md"].write_text(render_markdown(dossier), encoding="utf-8")
    paths["html"].write_text(render_html(dossier), encoding="utf-8")
    return paths
