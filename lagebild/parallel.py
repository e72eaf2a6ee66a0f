"""Reading, cleaning and analysis on several cores: worker processes that load the models once
(issue 18).

Work is cut into chunks (in input order) and each chunk runs in a worker process: files read and
cleaned (`lagebild.pipeline.read_clean_chunk`), or cleaned articles analysed by
`lagebild.analyse.analyse_batch` (their sentences share NER batches). The results come back in
input order, so the output is the same as with one worker. Workers are
forked from a clean 'forkserver' process that imported spaCy once ('spawn' where there is no
forkserver), never from this process (which may hold threads or open databases), and load the
spaCy models in their initializer, once per worker.

A chunk whose batch analysis fails is redone article by article, so that one bad article becomes
one error and the rest of its chunk is kept.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from multiprocessing import get_context

from .records import AnalysedArticle, Article, IngestError

CHUNK = 32  # articles per task: enough sentences for full NER batches, small enough to spread
MIN_CHUNK = 8  # fewer articles than this per task only when asked for (tests)
MIN_PARALLEL = 64  # fewer articles are analysed in this process: starting a worker costs ~40 articles
Result = AnalysedArticle | IngestError
Progress = Callable[[str, int, int], None]
# a module-level function (sent to workers by name): one chunk of items -> one result per item
Task = Callable[[list], list]


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyse_chunk(articles: list[Article]) -> list[Result]:
    """Analyse articles together; on failure one by one, each failure an `IngestError`."""
    import copy

    from .analyse import analyse_article, analyse_batch
    from .link.similarity import keep_text_terms

    try:  # on copies: a batch that fails half-way must not leave its articles changed
        out: list[Result] = list(analyse_batch(copy.deepcopy(articles)))
    except Exception:
        out = []
        for art in articles:
            try:
                out.append(analyse_article(art))
            except Exception as exc:  # one bad article must not stop the batch
                out.append(IngestError(art.source, f"analysis failed: {type(exc).__name__}: {exc}"))
    for doc in out:  # the text part of the clustering features, here rather than in the waiting main process
        if isinstance(doc, AnalysedArticle):
            keep_text_terms(doc)
    return out


_CPU_REPORTED = 0.0  # in a worker: its CPU seconds already reported


def _run_in_worker(task: Task, chunk: list) -> tuple[list, float, int, int]:
    """task(chunk), plus the worker's CPU seconds since its last report (start-up included), its
    peak RSS (KB) and its pid. Workers are forked by the forkserver, not by this process, so they
    are not in this process's rusage; bench/bench_pipeline.py reads WORKER_CPU_SECONDS,
    WORKER_CPU_BY_PID and WORKER_PEAK_RSS_KB."""
    import resource

    global _CPU_REPORTED
    results = task(chunk)
    now = time.process_time()
    spent, _CPU_REPORTED = now - _CPU_REPORTED, now
    return results, spent, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, os.getpid()


WORKER_CPU_SECONDS = 0.0  # CPU time spent in worker processes, summed in this process
WORKER_CPU_BY_PID: dict[int, float] = {}  # the same per worker process
WORKER_PEAK_RSS_KB = 0  # the largest worker's peak RSS


def _warm_worker() -> None:
    """Worker initializer: load the models before the first chunk arrives."""
    from .analyse.entities import load_model
    from .analyse.nlp import get_nlp

    load_model()
    get_nlp("de")


def _context():
    """'forkserver' where there is one (a clean server process that imported spaCy once forks
    each worker), else 'spawn'; never a fork of this process. Only third-party modules are
    preloaded: lagebild itself is imported in each worker after it took this process's sys.path,
    so that workers run the same lagebild as this process (a checkout, not an installed copy)."""
    try:
        ctx = get_context("forkserver")
    except ValueError:  # Windows
        return get_context("spawn")
    ctx.set_forkserver_preload(["numpy", "thinc.api", "spacy", "lxml.html", "trafilatura", "htmldate"])
    return ctx


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


class Analyser:
    """Runs chunks of work (reading and cleaning files, analysing articles) on `workers` processes
    (None: one per core), started on first need and kept for the next call (reading, then
    analysis; ingest analyses chunk after chunk); use it as a context manager so that the workers
    stop at the end."""

    def __init__(self, workers: int | None = None, chunk: int = CHUNK, min_parallel: int = MIN_PARALLEL,
                 engine: str = "local", address: str | None = None):
        self.workers = default_workers() if workers is None else max(1, workers)
        self.chunk = chunk
        self.min_parallel = min_parallel
        self._pool: ProcessPoolExecutor | None = None
        self._ray = None
        if engine == "ray":  # chunks as Ray tasks (lagebild/parallel_ray.py); imports Ray only here
            from .parallel_ray import RayAnalyser

            self._ray = RayAnalyser(self.workers, address)
        elif engine != "local":
            raise ValueError(f"unknown engine {engine!r} (local or ray)")

    @property
    def reads_files(self) -> bool:
        """Whether the workers can read this process's input files (not on a remote Ray cluster)."""
        return self._ray is None or not self._ray.address

    def __enter__(self) -> Analyser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self._ray is not None:
            self._ray.close()

    def _map(self, task: Task, chunks: list[list]) -> Iterator[list]:
        if self._ray is not None:  # asked for explicitly: used whatever the size
            return self._ray.map(task, chunks)
        if self._pool is None and (self.workers <= 1 or len(chunks) <= 1
                                   or sum(map(len, chunks)) < self.min_parallel):
            return map(task, chunks)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(),
                                             initializer=_warm_worker)
        return self._gather(self._pool.map(_run_in_worker, repeat(task), chunks))

    @staticmethod
    def _gather(timed: Iterator[tuple[list, float, int, int]]) -> Iterator[list]:
        global WORKER_CPU_SECONDS, WORKER_PEAK_RSS_KB
        for results, cpu, rss, pid in timed:
            WORKER_CPU_SECONDS += cpu
            WORKER_CPU_BY_PID[pid] = WORKER_CPU_BY_PID.get(pid, 0.0) + cpu
            WORKER_PEAK_RSS_KB = max(WORKER_PEAK_RSS_KB, rss)
            yield results

    def run(self, task: Task, items: list, chunk: int, phase: str, progress: Progress | None = None) -> Iterator:
        """task over `items` in chunks of `chunk`, on the workers: one result per item, in input order."""
        chunks = _chunks(items, chunk)
        done = 0
        for part, results in zip(chunks, self._map(task, chunks)):
            yield from results
            done += len(part)
            if progress:
                progress(phase, done, len(items))

    def analyse(self, articles: list[Article], progress: Progress | None = None) -> Iterator[Result]:
        """One result per article, in input order: an `AnalysedArticle`, or an `IngestError`."""
        return self.run(analyse_chunk, articles, chunk_size(len(articles), self.chunk), "analyse", progress)


def chunk_size(n: int, largest: int = CHUNK) -> int:
    """Articles per chunk: `largest`, or fewer so that a short batch still makes 8 chunks (150
    articles in 5 chunks of 32 kept one of 2 workers busy for 3 chunks and the other for 2). It
    depends on the number of articles only, never on the number of workers."""
    return min(largest, max(MIN_CHUNK, -(-n // 8)))


def analyse_articles(articles: list[Article], workers: int | None = None, progress: Progress | None = None,
                     chunk: int = CHUNK, min_parallel: int = MIN_PARALLEL, engine: str = "local",
                     address: str | None = None) -> Iterator[Result]:
    """One result per article, in input order (see `Analyser`)."""
    with Analyser(workers, chunk, min_parallel, engine, address) as analyser:
        yield from analyser.analyse(articles, progress)
