"""Command line: report, ingest, demo, eval, serve, train."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .cli_inputs import check_db, check_paths, fail, plural
from .export import ExportFormat, ExportTable

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="lagebild: one dossier per news story.\n\n\b\nExample:\n  lagebild demo --out demo-out")
eval_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                       help="Evaluations: each prints one JSON line.\n\n\b\nExample:\n  lagebild eval numbers tests/data/numbers_dev.jsonl")
train_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                        help="Train the project's own models.\n\n\b\nExample:\n  lagebild train ner --help")
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
err = Console(stderr=True)
MAX_MB_HELP = "skip input files larger than this many MB (e.g. --max-mb 50)"
# options shared by report and ingest (one definition, the same help in both)
MAX_MB_OPTION = typer.Option(20.0, "--max-mb", metavar="MB", help=MAX_MB_HELP)
WORKERS_OPTION = typer.Option(None, "--workers", "-w", help="analysis processes (default: one per core)")
ENGINE_OPTION = typer.Option("local", "--engine", metavar="local|ray",
                             help="where the analysis runs: local processes, or Ray tasks (extra lagebild[ray])")
ADDRESS_OPTION = typer.Option(None, "--address", metavar="ADDR",
                              help="Ray cluster for --engine ray (default: a local Ray), e.g. ray://head:10001")


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="print the version and exit (lagebild --version)")) -> None:
    """lagebild: one dossier per news story.

    \b
    Example:
      lagebild demo --out demo-out
    """


class _Rate(TextColumn):
    """Items per second of the phase ('34.2/s')."""

    def __init__(self) -> None:
        super().__init__("")

    def render(self, task):  # type: ignore[no-untyped-def]
        from rich.text import Text

        elapsed = task.finished_time if task.finished else task.elapsed
        speed = task.completed / elapsed if elapsed and task.completed else None
        return Text(f"{speed:.1f}/s" if speed else "", style="progress.data.speed")


class _Bar:
    """Rich progress (stderr) driven by the pipeline's progress callback: one line per phase
    (reading, analysis, linking) with counts, rate and time."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.progress = None
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        if not self.quiet:
            self.progress = Progress(
                TextColumn("{task.description:<8}"), BarColumn(), MofNCompleteColumn(), _Rate(), TimeElapsedColumn(),
                console=err, transient=True,
            )
            self.progress.__enter__()
        return self

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        if self.progress is None:
            return
        if phase not in self.tasks:
            self.tasks[phase] = self.progress.add_task(phase, total=total)
        self.progress.update(self.tasks[phase], completed=done, total=total)

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


def _check_engine(engine: str, address: str | None) -> None:
    """--engine local|ray: one error line (exit 2) for an unknown engine, an --address without
    --engine ray, or Ray not installed (looked up, not imported: Ray is imported only to run)."""
    import importlib.util

    if engine not in ("local", "ray"):
        fail(f"unknown --engine {engine!r}: local or ray")
    if address and engine != "ray":
        fail("--address is for --engine ray")
    if engine == "ray" and importlib.util.find_spec("ray") is None:
        from .parallel_ray import INSTALL_HINT

        fail(INSTALL_HINT)


@app.command()
def report(
    paths: List[str] = typer.Argument(None, metavar="PATH",
                                      help="files, directories or globs (txt, html, jsonl, rss/atom, warc), e.g. articles/ 'feeds/*.xml'"),
    out: Path = typer.Option(Path("out"), "--out", "-o", metavar="DIR", help="output directory (e.g. --out report/)"),
    db: Optional[str] = typer.Option(None, "--db", metavar="URL",
                                     help="report on the stored articles of this database instead of PATHs (SQLite file or SQLAlchemy URL, e.g. --db lagebild.db)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar and no summary line"),
    max_mb: float = MAX_MB_OPTION,
    workers: Optional[int] = WORKERS_OPTION,
    engine: str = ENGINE_OPTION,
    address: Optional[str] = ADDRESS_OPTION,
) -> None:
    """Write DIR/dossier.json, dossier.md and dossier.html.

    \b
    Examples:
      lagebild report articles/ feed.xml --out out
      lagebild report --db lagebild.db --out out
    """
    from .pipeline import dossier_from_docs, report_dossier

    _check_engine(engine, address)
    if db and paths:
        fail(f"give PATH... or --db, not both (to store and report: lagebild ingest PATH... --db {db} && "
             f"lagebild report --db {db})")
    if db:
        from .store import Store

        store = Store(check_db(db))
        dossier = store.dossier()
        if not dossier["stories"]:
            dossier = dossier_from_docs(store.load_docs()).to_dict()
        errors = []
        if not dossier["articles"]:
            fail(f"no articles stored in {db}; nothing written", code=1)
    else:
        if not paths:
            fail("give PATH... or --db (see lagebild report --help)")
        check_paths(paths)
        with _Bar(quiet) as bar:
            bar("read", 0, None)  # reading, cleaning and linking run on the workers too
            built = report_dossier(paths, bar, max_bytes=int(max_mb * 1024 * 1024), workers=workers,
                                   engine=engine, address=address)
            errors = built.errors
            dossier = built.to_dict()
    _print_errors(errors, quiet)
    n_art = len(dossier["articles"])
    if n_art == 0:
        fail(f"no articles found in {' '.join(paths or [])}; nothing written", code=1)
    _write_reports(dossier, out)
    if not quiet:
        err.print(f"{plural(n_art, 'article')}, {plural(len(dossier['stories']), 'story', 'stories')} -> "
                  f"{out}/dossier.json|.md|.html", markup=False)


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="files, directories or globs, e.g. articles/ 'feeds/*.xml'"),
    db: Optional[str] = typer.Option(None, "--db", metavar="URL",
                                     help="SQLite file or SQLAlchemy URL, created when missing (default lagebild.db; e.g. --db news.db)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
    max_mb: float = MAX_MB_OPTION,
    workers: Optional[int] = WORKERS_OPTION,
    engine: str = ENGINE_OPTION,
    address: Optional[str] = ADDRESS_OPTION,
) -> None:
    """Store articles and their analysis; re-ingesting adds nothing twice.

    \b
    Example:
      lagebild ingest articles/ --db news.db
    """
    from .ingest_service import ingest_paths

    _check_engine(engine, address)
    check_paths(paths)

    with _Bar(quiet) as bar:
        result = ingest_paths(paths, db, progress=bar, max_bytes=int(max_mb * 1024 * 1024), workers=workers,
                              engine=engine, address=address)
    _print_errors(result.errors, quiet)
    err.print(
        f"added {result.added}, already stored {result.skipped}, errors {len(result.errors)}; "
        f"{plural(result.total, 'article')} in {result.url}", markup=False
    )
    if result.added + result.skipped == 0:
        raise typer.Exit(1)


@app.command()
def demo(out: Path = typer.Option(Path("demo-out"), "--out", "-o", metavar="DIR", help="output directory (e.g. --out demo-out)"),
         quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar")) -> None:
    """Report on the invented demo corpus shipped inside the package (lagebild/data/demo).

    \b
    Example:
      lagebild demo --out demo-out
    """
    from .resources import demo_corpus

    corpus = demo_corpus()
    if not corpus.exists():
        err.print(f"demo corpus not found at {corpus}")
        raise typer.Exit(1)
    report([str(corpus)], out=out, db=None, quiet=quiet, max_mb=20.0, workers=None, engine="local", address=None)
    typer.echo(f"dossier written: {out.resolve() / 'dossier.html'} (also dossier.json, dossier.md)")


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", metavar="URL",
                                     help="database to serve (SQLite file or SQLAlchemy URL; default lagebild.db)"),
    create: bool = typer.Option(False, "--create", help="create an empty database when it is missing (add articles on /upload)"),
    host: str = typer.Option("127.0.0.1", "--host", metavar="HOST", help="address to listen on (e.g. --host 0.0.0.0, needs --token)"),
    port: int = typer.Option(8000, "--port", metavar="PORT", help="port to listen on (e.g. --port 8080)"),
    token: Optional[str] = typer.Option(None, "--token", envvar="LAGEBILD_TOKEN", metavar="TOKEN",
                                        help="required when host is not loopback (at least 12 characters; or $LAGEBILD_TOKEN)"),
    workers: int = typer.Option(1, "--workers", min=1, max=64, metavar="N", help="server processes (e.g. --workers 2: one per core)"),
) -> None:
    """Start the web UI and JSON API.

    \b
    Examples:
      lagebild serve --db news.db --port 8000
      lagebild serve --db new.db --create
    """
    from .web import serve as serve_app

    if not create:
        check_db(db)

    serve_app(db=db, host=host, port=port, token=token, workers=workers)


@app.command()
def export(
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="file format (e.g. --format parquet; Parquet needs pyarrow)"),
    what: ExportTable = typer.Option(..., "--what",
                                     help="which table (e.g. --what quotes; quotes.article_id joins articles.article_id)"),
    out: Path = typer.Option(..., "--out", "-o", metavar="PATH", help="output file (e.g. --out quotes.parquet)"),
    db: Optional[str] = typer.Option(None, "--db", metavar="URL",
                                     help="database to export (SQLite file or SQLAlchemy URL; default lagebild.db)"),
    story: Optional[str] = typer.Option(None, "--story", metavar="ID", help="only this story (e.g. --story s1); default: all"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no summary line"),
) -> None:
    """Export one table of the stored dossier as JSONL, CSV or Parquet.

    \b
    Examples:
      lagebild export --db news.db --format parquet --what quotes --out quotes.parquet
      lagebild export --db news.db --format csv --what figures --story s1 --out figures.csv
    """
    from .export import stored_dossier, write

    dossier = stored_dossier(check_db(db), story)
    if story and not dossier.stories:
        fail(f"no story {story} in {db or 'lagebild.db'}")
    try:
        n = write(dossier, what.value, fmt.value, out)
    except RuntimeError as exc:  # pyarrow missing
        fail(str(exc))
    if not quiet:
        err.print(f"{plural(n, 'row')} of {what.value} -> {out}", markup=False)


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
        eval_app.command(name, epilog=f"\b\nExample:\n  lagebild eval {name} PATH")(_paths_checked(command))


def _paths_checked(command):
    """An eval command whose PATH arguments are checked first: a missing one is one error line and
    exit 2, not a traceback or a zero score."""
    import functools
    import inspect

    sig = inspect.signature(command)
    names = [n for n, p in sig.parameters.items() if isinstance(p.default, typer.models.ArgumentInfo)]

    @functools.wraps(command)
    def run(*args, **kwargs):
        bound = sig.bind_partial(*args, **kwargs).arguments
        for n in names:
            value = bound.get(n)
            check_paths([str(v) for v in (value if isinstance(value, (list, tuple)) else [value]) if v is not None])
        return command(*args, **kwargs)

    return run


def _register_training() -> None:
    try:
        module = importlib.import_module("lagebild.training")
    except ModuleNotFoundError:
        return
    for name, fn in getattr(module, "COMMANDS", {}).items():
        train_app.command(name, epilog=f"\b\nExample:\n  lagebild train {name}")(fn)


_register_evals()
_register_training()


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point: errors are one line (exit 2 for a missing file), never a traceback
    (set LAGEBILD_DEBUG=1 to see it)."""
    import os

    try:
        app(args=argv, prog_name="lagebild")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else _one_line(str(exc.code), 1))
    except KeyboardInterrupt:
        return _one_line("interrupted", 130)
    except Exception as exc:
        if os.environ.get("LAGEBILD_DEBUG"):
            raise
        if isinstance(exc, (FileNotFoundError, NotADirectoryError, IsADirectoryError)):
            return _one_line(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc), 2)
        return _one_line(f"{type(exc).__name__}: {exc}", 1)
    return 0


def _one_line(message: str, code: int) -> int:
    from rich.text import Text

    from .ingest.names import printable

    text = message.strip().splitlines()[0] if message.strip() else "failed"
    err.print(Text.assemble(("error", "red"), " ", printable(text)), highlight=False, soft_wrap=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
