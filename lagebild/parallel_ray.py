"""Ray as the distributed engine for the analysis stage (issue 18: `--engine ray`).

Each chunk of cleaned articles is analysed by `lagebild.parallel.analyse_chunk` in a Ray task; the
results are gathered with `ray.get` in input order, so the dossier is the same as with
`--engine local`. Ray schedules the tasks; there is no scheduler here. Without an address a local
Ray is started with `workers` CPUs (no dashboard); with one (e.g. `ray://head:10001`) the tasks run
on that cluster, whose nodes need the same lagebild installed. Ray is imported only here, and only
when `--engine ray` is used (extra `lagebild[ray]`).
"""
from __future__ import annotations

from collections.abc import Iterator

from .records import AnalysedArticle, Article, IngestError

Result = AnalysedArticle | IngestError

INSTALL_HINT = "--engine ray needs Ray: pip install 'lagebild[ray]'"


class RayMissing(RuntimeError):
    """Ray is not installed."""


def _ray():
    try:
        import ray
    except ImportError as exc:
        raise RayMissing(INSTALL_HINT) from exc
    return ray


def _analyse_chunk_task(articles: list[Article]) -> list[Result]:
    from .parallel import analyse_chunk

    return analyse_chunk(articles)


class RayAnalyser:
    """Runs `analyse_chunk` as Ray tasks; starts (and at `close`, stops) Ray unless it is already
    initialised by the caller."""

    def __init__(self, workers: int, address: str | None = None):
        self.workers = max(1, workers)
        self.address = address
        self._ray = _ray()
        self._task = None
        self._started = False

    def _start(self) -> None:
        ray = self._ray
        if not ray.is_initialized():
            if self.address:  # a cluster: its resources are its own
                ray.init(address=self.address, include_dashboard=False, log_to_driver=False)
            else:
                # "local": a new Ray of our own, never one found through RAY_ADDRESS or Ray's temp directory
                ray.init(address="local", num_cpus=self.workers, include_dashboard=False, log_to_driver=False)
            self._started = True
        self._task = ray.remote(num_cpus=1, max_retries=1)(_analyse_chunk_task)

    def map(self, chunks: list[list[Article]]) -> Iterator[list[Result]]:
        """One result list per chunk, in input order."""
        if not chunks:
            return
        if self._task is None:
            self._start()
        refs = [self._task.remote(chunk) for chunk in chunks]  # Ray schedules; we keep the order
        for ref in refs:
            yield self._ray.get(ref)

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()
            self._started = False
        self._task = None
