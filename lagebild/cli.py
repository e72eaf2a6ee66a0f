"""Command line: report, ingest, demo, eval, serve, train."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

app = typer.Typer(add_completion=False, no_args_is_help=True, help="lagebild: one dossier per news story.")
eval_app = typer.Typer(no_args_is_help=True, help="Evaluations: each prints one JSON line.")
train_app = typer.Typer(no_args_is_help=True, help="Train the project's own models.")
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
err = Console(stderr=True)

class _Bar:
    """Rich progress bar (stderr) driven by the pipeline's progress callback."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.progress = None
        self.task = None

    def __enter__(self):
        if not self.quiet:
            self.progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=err, transient=True,
            )
            self.progress.__enter__()
        return self

    def __call__(self, phase: str, done: int, total: int) -> None:
        if self.progress is None:
            return
        if self.task is None:
            self.task = self.progress.add_task(phase, total=total)
        self.progress.update(self.task, completed=done, total=total, description=phase)

    def __exit__(self, *exc):
        if self.progress is not None:
            self.progress.__exit__(*exc)


def _print_errors(errors, quiet: bool) -> None:
    """One line per error; its text is data: no markup, no terminal escapes (issue 19)."""
    from rich.text import Text

    from .ingest.names import printable

    for e in errors:
        err.print(Text.assemble(("error", "red"), " ", printable(str(e))), highlight=False, soft_wrap=True)


def _write_reports(dossier: dict, out: Path) -> None:
    from .report import write_all

    write_all(dossier, out)


@app.command()
def report(
    paths: List[str] = typer.Argument(None, help="files, directories or globs (txt, html, jsonl, rss/atom, warc)"),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="output directory"),
    db: Optional[str] = typer.Option(None, "--db", help="build from stored articles (SQLAlchemy URL or SQLite file)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    max_mb: float = typer.Option(20.0, "--max-mb", help="skip files larger than this"),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="analysis processes (default: one per core)"),
) -> None:
    """Write DIR/dossier.json, dossier.md and dossier.html."""
    from .pipeline import dossier_from_docs, load_raw, process

    if db and not paths:
        from .store import Store

        store = Store(db)
        dossier = store.dossier()
        if not dossier["stories"]:
            dossier = dossier_from_docs(store.load_docs()).to_dict()
        errors = []
    else:
        if not paths:
            err.print("give PATH... or --db")
            raise typer.Exit(2)
        raws, errors = load_raw(paths, max_bytes=int(max_mb * 1024 * 1024))
        with _Bar(quiet) as bar:
            batch = process(raws, bar, workers=workers)
        errors = errors + batch.errors
        dossier = dossier_from_docs(batch.docs, errors).to_dict()
    _print_errors(errors, quiet)
    _write_reports(dossier, out)
    n_art = len(dossier["articles"])
    if not quiet:
        err.print(f"{n_art} articles, {len(dossier['stories'])} stories -> {out}/dossier.json|.md|.html", markup=False)
    if n_art == 0:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help="files, directories or globs"),
    db: Optional[str] = typer.Option(None, "--db", help="SQLAlchemy URL or SQLite file (default lagebild.db)"),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
    max_mb: float = typer.Option(20.0, "--max-mb"),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="analysis processes (default: one per core)"),
) -> None:
    """Store articles and their analysis; re-ingesting adds nothing twice."""
    from .ingest_service import ingest_paths

    with _Bar(quiet) as bar:
        result = ingest_paths(paths, db, progress=bar, max_bytes=int(max_mb * 1024 * 1024), workers=workers)
    _print_errors(result.errors, quiet)
    err.print(
        f"added {result.added}, already stored {result.skipped}, errors {len(result.errors)}; "
        f"{result.total} articles in {result.url}", markup=False
    )
    if result.added + result.skipped == 0:
        raise typer.Exit(1)


@app.command()
def demo(out: Path = typer.Option(Path("demo-out"), "--out", "-o"), quiet: bool = typer.Option(False, "--quiet", "-q")) -> None:
    """Report on the invented demo corpus shipped inside the package (lagebild/data/demo)."""
    from .resources import demo_corpus

    corpus = demo_corpus()
    if not corpus.exists():
        err.print(f"demo corpus not found at {corpus}")
        raise typer.Exit(1)
    report([str(corpus)], out=out, db=None, quiet=quiet, max_mb=20.0, workers=None)
    typer.echo(f"dossier written: {out.resolve() / 'dossier.html'} (also dossier.json, dossier.md)")


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db"),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    token: Optional[str] = typer.Option(None, "--token", envvar="LAGEBILD_TOKEN", help="required when host is not loopback"),
) -> None:
    """Start the web UI and JSON API."""
    from .web import serve as serve_app

    serve_app(db=db, host=host, port=port, token=token)


def _register_evals() -> None:
    from .evaluate import TASKS

    for name in TASKS:
        try:
            module = importlib.import_module(f"lagebild.evaluate.{name}")
            command = module.run
        except Exception as exc:  # a broken eval task must not take the rest of the CLI down
            if not (isinstance(exc, ModuleNotFoundError) and (exc.name or "").startswith("lagebild.evaluate")):
                err.print(f"[yellow]eval task {name} unavailable: {type(exc).__name__}: {exc}[/yellow]")
            continue
        eval_app.command(name)(command)


def _register_training() -> None:
    try:
        module = importlib.import_module("lagebild.training")
    except ModuleNotFoundError:
        return
    for name, fn in getattr(module, "COMMANDS", {}).items():
        train_app.command(name)(fn)


_register_evals()
_register_training()


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    sys.exit(main())
