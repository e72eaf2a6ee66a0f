"""The library entry point: `lagebild.analyse(texts=..., paths=..., articles=...) -> Dossier`."""
from __future__ import annotations

import glob
import json
import os
from collections.abc import Callable, Iterable
from typing import Any, Union

from .dossier import Article, Dossier

PathLike = Union[str, "os.PathLike[str]"]


class InputNotFoundError(FileNotFoundError):
    """Paths given to `analyse(paths=...)` that do not exist (and match no glob)."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__(f"no such file or directory: {', '.join(missing)}")


def _as_list(items: Any, one: tuple[type, ...]) -> list[Any]:
    if items is None:
        return []
    if isinstance(items, one):
        return [items]
    return list(items)


def _missing(paths: list[str]) -> list[str]:
    return [p for p in paths if not os.path.lexists(p) and not (glob.has_magic(p) and glob.glob(p, recursive=True))]


def analyse(
    texts: str | Iterable[str] | None = None,
    paths: PathLike | Iterable[PathLike] | None = None,
    articles: Article | Iterable[Article] | None = None,
    *,
    max_mb: float = 20.0,
    progress: Callable[[str, int, int], None] | None = None,
) -> Dossier:
    """Analyse article texts, files and `Article` records into one `Dossier`.

    - `texts`: article texts (a string is always text, never a path);
    - `paths`: files, directories or globs (txt, html, jsonl, RSS/Atom, WARC); a path that does not
      exist raises `InputNotFoundError` before anything is analysed; a file that cannot be read
      becomes one line in `Dossier.errors` and the rest goes on;
    - `articles`: `Article(text=..., title=..., published=..., outlet=..., url=...)` with metadata.

    >>> d = analyse(texts=["Berlin – Die Regierung hat am Montag einen Plan vorgestellt."])
    >>> d.articles[0].published is None
    True
    """
    from .ingest import read_paths, stable_id
    from .pipeline import dossier_from_docs, process
    from .records import IngestError, RawDocument
    from .report import render_json

    text_list = _as_list(texts, (str,))
    path_list = [os.fspath(p) for p in _as_list(paths, (str, os.PathLike))]
    article_list = _as_list(articles, (Article,))
    for t in text_list:
        if not isinstance(t, str):
            raise TypeError(f"texts must be strings, got {type(t).__name__} (files go to paths=...)")
    for a in article_list:
        if not isinstance(a, Article):
            raise TypeError(f"articles must be lagebild.Article, got {type(a).__name__}")
    missing = _missing(path_list)
    if missing:
        raise InputNotFoundError(missing)

    raws: list[RawDocument] = []
    errors: list[IngestError] = []
    for text in text_list:
        raws.append(RawDocument(id=stable_id(text), source="<text>", text=text))
    for a in article_list:
        raws.append(RawDocument(
            id=a.id or stable_id(a.url or "", a.text), source=a.source or a.url or "<text>", text=a.text,
            title=a.title, published=a.published, url=a.url, outlet=a.outlet, byline=a.byline, language=a.language,
        ))
    for rec in read_paths(path_list, max_bytes=int(max_mb * 1024 * 1024)):
        if isinstance(rec, IngestError):
            errors.append(rec)
        else:
            raws.append(rec)
    batch = process(raws, progress)
    result = dossier_from_docs(batch.docs, errors + batch.errors)
    # through JSON, so that the typed dossier is exactly what `lagebild report` writes
    return Dossier.from_dict(json.loads(render_json(result.to_dict())))
