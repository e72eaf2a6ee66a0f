"""Ray as the distributed engine for reading, cleaning and analysis (issue 18: `--engine ray`).

Each chunk of work (files read and cleaned by `lagebild.pipeline.read_clean_chunk`, articles
analysed by `lagebild.parallel.analyse_chunk`) runs in a Ray task; the results are gathered with
`ray.get` in input order, so the dossier is the same as with `--engine local`. On a cluster
(`address`) the tasks are given documents the driver read, never paths to its files. Ray schedules the tasks; there is no scheduler here. Without an address a local
Ray is started with `workers` CPUs (no dashboard); with one (e.g. `ray://head:10001`) the tasks run
on that cluster, whose nodes need the same lagebild installed. Ray is imported only here, and only
when `--engine ray` is used (extra `lagebild[ray]`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

INSTALL_HINT = "--engine ray needs Ray: pip install 'lagebild[ray]'"


class RayMissing(RuntimeError):
    """Ray is not installed."""


def _ray():
    try:
        import ray
    except ImportError as exc:
        raise RayMissing(INSTALL_HINT) from exc
    return ray


def _chunk_task(task: Callable[[list], list], chunk: list) -> list:
    return task(chunk)


class RayAnalyser:
    """Runs chunks of work as Ray tasks; starts (and at `close`, stops) Ray unless it is already
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
        self._task = ray.remote(num_cpus=1, max_retries=1)(_chunk_task)

    def map(self, task: Callable[[list], list], chunks: list[list]) -> Iterator[list]:
        """task(chunk) for each chunk, in input order."""
        if not chunks:
            return
        if self._task is None:
            self._start()
        refs = [self._task.remote(task, chunk) for chunk in chunks]  # Ray schedules; we keep the order
        for ref in refs:
            yield self._ray.get(ref)

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()
            self._started = False
        self._task = None
