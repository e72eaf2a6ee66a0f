import pytest

from lagebild.datapaths import shared_data, shared_dir


def need_shared(*parts: str):
    """Skip the test when ../shared (or the given part of shared/data) is absent."""
    path = shared_data(*parts) if parts else shared_dir()
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture
def seeds_dir():
    path = shared_dir() / "seeds"
    if not path.exists():
        pytest.skip("shared seeds not available")
    return path


def light_analysis(monkeypatch) -> None:
    """For tests of ingest and error handling: the per-article analysis (NER model, quotes, ...) is
    replaced by an empty AnalysedArticle, so the test neither depends on a trained model nor spends
    its time there. Reading, cleaning, linking, storing, report writing and the CLI stay real."""
    from lagebild import parallel, pipeline
    from lagebild.records import AnalysedArticle

    monkeypatch.setattr(pipeline, "analyse_article", lambda art: AnalysedArticle(article=art))
    # report and ingest analyse through lagebild.parallel (issue 18)
    monkeypatch.setattr(parallel, "analyse_chunk", lambda arts: [AnalysedArticle(article=a) for a in arts])
    monkeypatch.setattr(parallel, "default_workers", lambda: 1)  # no worker processes (they would not see the patch)


def run_cli(args: list[str]):
    """(result, output) of `lagebild ARGS` through typer's runner; stderr joined into the output
    (click < 8.2 keeps stderr apart when asked; 8.2+ mixes it into output)."""
    from typer.testing import CliRunner

    from lagebild.cli import app

    result = CliRunner().invoke(app, args)
    out = result.output
    try:
        if result.stderr and result.stderr not in out:
            out += result.stderr
    except (ValueError, AttributeError):
        pass
    return result, out
