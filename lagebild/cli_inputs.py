"""CLI input checks: one error line and exit 2 for a missing path or database, never a traceback."""
from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.text import Text

err = Console(stderr=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one error line (its text is data: no markup) and exit."""
    from .ingest.names import printable

    err.print(Text.assemble(("error", "red"), " ", printable(message)), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """'1 story', '2 stories', '0 articles'."""
    return f"{n} {singular if n == 1 else plural_form or singular + 's'}"


def check_paths(paths: list[str]) -> None:
    """When no PATH argument exists (or, as a glob, matches something): one error line each, exit 2.
    Otherwise the batch goes on and the reader gives each missing one its own error line. Names are
    printed escaped (undecodable bytes as \\xNN, control characters as escapes), never interpreted."""
    from .ingest.names import display_name

    missing = []
    for p in paths:
        try:
            if os.path.lexists(p):
                continue
            if glob.has_magic(p) and glob.glob(p, recursive=True):
                continue
        except (OSError, ValueError):  # e.g. a name too long for the file system, or a NUL
            pass
        kind = "no file matches" if glob.has_magic(p) else "no such file or directory:"
        missing.append(f"{kind} {display_name(p)}")
    if missing and len(missing) == len(paths):
        for line in missing[:-1]:
            err.print(Text.assemble(("error", "red"), " ", line), highlight=False, soft_wrap=True)
        fail(missing[-1])


def check_db(db: str | None) -> str:
    """An existing lagebild database (never creates one): its URL, else one error line and exit 2."""
    from sqlalchemy import create_engine, inspect

    from .store import DEFAULT_DB, normalise_url

    name = db or DEFAULT_DB
    url = normalise_url(db)
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):].split("?")[0]
        if path and path != ":memory:" and not Path(path).is_file():
            fail(f"no database at {name} (lagebild ingest PATH... --db {name} creates one)")
    try:
        engine = create_engine(url)
        try:
            tables = inspect(engine).get_table_names()
        finally:
            engine.dispose()
    except Exception as exc:  # wrong driver, unreachable server, not a database file
        fail(f"cannot open database {name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    if "articles" not in tables:
        fail(f"{name} is not a lagebild database (no articles table)")
    return url
