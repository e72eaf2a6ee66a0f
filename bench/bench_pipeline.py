"""Throughput of full analysis against extraction alone, in one process and one run (issue 18).

    python bench/bench_pipeline.py [--articles 1000] [--pages 150] [--workers 1,2]

Two inputs from ../shared/data:
- the German HTML pages of boilerplate/trafilatura-de/html: `trafilatura.extract` alone (the
  settings lagebild's HTML reader uses: include_comments=False) against `lagebild report` on the
  same files (read, extract, clean, analyse, link, write dossier.json/.md/.html);
- 10kGNAD articles (corpus/10kgnad/test.csv, unlabelled text only) as one JSONL file:
  `lagebild report` alone.
`lagebild report` runs with each --workers count, and on the HTML pages also with `--engine ray`
on a local Ray of each size (wall time; skipped when Ray is not installed). The main process has
imported everything and loaded the models before the clocks start (one warm-up article); worker
start-up (each worker loads the models) is inside the timed runs. Prints one JSON line: articles per wall second, per
CPU second (this process and its workers: the fair per-core figure on a machine shared with other
jobs), ratios to trafilatura within this run (wall and CPU: with 2 workers the wall ratio is the
one that can rise), and peak RSS (main, largest worker).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lagebild.datapaths import shared_data  # noqa: E402


def _cpu() -> float:
    """CPU seconds of this process, of the workers (which the forkserver forks, so they are not in
    RUSAGE_CHILDREN: lagebild.parallel sums what they report) and of the forkserver itself (it
    imports spaCy once, when the first worker starts)."""
    from lagebild import parallel

    self_ = resource.getrusage(resource.RUSAGE_SELF)
    return self_.ru_utime + self_.ru_stime + parallel.WORKER_CPU_SECONDS + _forkserver_cpu()


def _forkserver_cpu() -> float:
    from multiprocessing import forkserver

    pid = getattr(forkserver._forkserver, "_forkserver_pid", None)
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError, TypeError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _own_cpu() -> float:
    self_ = resource.getrusage(resource.RUSAGE_SELF)
    return self_.ru_utime + self_.ru_stime


LAST_SPLIT: dict = {}  # the CPU split of the last `_timed` run


def _timed(fn) -> tuple[object, float, float]:
    """(fn(), wall seconds, CPU seconds); LAST_SPLIT gets the CPU of this process and of each
    worker. On a machine shared with other jobs, this process plus the busiest worker is the
    wall time the run would need on free cores (the main process mostly waits while workers run)."""
    from lagebild import parallel

    before = dict(parallel.WORKER_CPU_BY_PID)
    w0, c0, m0 = time.perf_counter(), _cpu(), _own_cpu()
    out = fn()
    wall, cpu, main_cpu = time.perf_counter() - w0, _cpu() - c0, _own_cpu() - m0
    workers = sorted((v - before.get(pid, 0.0) for pid, v in parallel.WORKER_CPU_BY_PID.items()
                      if v - before.get(pid, 0.0) > 0), reverse=True)
    LAST_SPLIT.clear()
    LAST_SPLIT.update({"main_cpu_s": round(main_cpu, 2), "workers_cpu_s": [round(w, 2) for w in workers],
                       "critical_path_cpu_s": round(main_cpu + (workers[0] if workers else 0.0), 2)})
    return out, wall, cpu


def _rates(n: int, wall: float, cpu: float) -> dict:
    return {"articles": n, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "articles_per_s": round(n / wall, 2), "articles_per_cpu_s": round(n / cpu, 2)} | LAST_SPLIT


def trafilatura_alone(pages: list[Path]) -> int:
    import trafilatura

    done = 0
    for p in pages:
        text = trafilatura.extract(p.read_text(encoding="utf-8", errors="replace"), include_comments=False)
        done += bool(text)
    return done


def lagebild_report(paths: list[str], workers: int, out: Path, engine: str = "local") -> int:
    """What `lagebild report PATHS --out OUT --workers N [--engine E]` does, in this process."""
    from lagebild.pipeline import report_dossier
    from lagebild.report import write_all

    dossier = report_dossier(paths, workers=workers, engine=engine).to_dict()
    write_all(dossier, out)
    return len(dossier["articles"])


def ray_scaling(paths: list[str], workers: list[int], out: Path) -> dict:
    """`lagebild report --engine ray` on a local Ray with each worker count (wall seconds: Ray's
    worker processes are not children of this one, so their CPU is not counted). Ray is started
    before the clock (its start-up is reported apart); each Ray worker imports lagebild and loads
    the models inside the timed run, as a report run does."""
    try:
        import ray
    except ImportError:
        return {"skipped": "ray not installed (pip install 'lagebild[ray]')"}
    res: dict = {"articles": len(paths)}
    for w in workers:
        t0 = time.perf_counter()
        ray.init(address="local", num_cpus=w, include_dashboard=False, log_to_driver=False)
        res[f"ray_init_w{w}_s"] = round(time.perf_counter() - t0, 2)
        try:
            n, wall, _ = _timed(lambda: lagebild_report(paths, w, out / f"ray{w}", engine="ray"))
        finally:
            ray.shutdown()
        res[f"report_w{w}"] = {"wall_s": round(wall, 2), "dossier_articles": n}
    if len(workers) > 1:
        res[f"speedup_w{workers[-1]}_over_w{workers[0]}"] = round(
            res[f"report_w{workers[0]}"]["wall_s"] / res[f"report_w{workers[-1]}"]["wall_s"], 2)
    return res


def _same_dossiers(tmp: Path, runs: list[str]) -> bool:
    """Whether the runs (worker counts, engines) wrote byte-identical dossier.json files."""
    return len({(tmp / run / "dossier.json").read_bytes() for run in runs}) == 1


def gnad_jsonl(n: int, path: Path) -> int:
    src = shared_data("corpus", "10kgnad", "test.csv")
    csv.field_size_limit(1 << 24)
    with open(src, encoding="utf-8", newline="") as fh:
        texts = [r[1] for r in csv.reader(fh, delimiter=";", quotechar="'") if len(r) > 1][:n]
    path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    return len(texts)


def warm_up() -> None:
    """Imports and models in the main process, so that 1 worker is not charged for them."""
    from lagebild.pipeline import dossier_from_docs, process
    from lagebild.records import RawDocument

    text = "Bürgermeisterin Ilse Kramer sagte am Dienstag in Linz, die Fähre koste rund 2,5 Millionen Euro."
    dossier_from_docs(process([RawDocument(id="warm", source="warm", text=text)]).docs)
    trafilatura_alone([])
    import trafilatura  # noqa: F401


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="10kGNAD articles (0: skip)")
    ap.add_argument("--pages", type=int, default=150, help="HTML pages (0: skip)")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--no-ray", dest="ray", action="store_false",
                    help="skip the --engine ray runs on the HTML pages (run when Ray is installed)")
    args = ap.parse_args()
    workers = [int(w) for w in args.workers.split(",")]
    html_dir = shared_data("boilerplate", "trafilatura-de", "html")
    if not html_dir.exists() and args.pages:
        sys.exit(f"bench needs {html_dir}")
    warm_up()
    result: dict = {"bench": "pipeline", "date": time.strftime("%Y-%m-%d"), "python": platform.python_version(),
                    "cores": os.cpu_count(), "note": "shared machine: compare ratios within this run"}
    with tempfile.TemporaryDirectory() as tmp:
        if args.pages:
            pages = sorted(html_dir.glob("*.html"))[: args.pages]
            n, wall, cpu = _timed(lambda: trafilatura_alone(pages))
            html = {"pages": len(pages), "trafilatura": _rates(len(pages), wall, cpu)}
            for w in workers:
                n, wall, cpu = _timed(lambda: lagebild_report([str(p) for p in pages], w, Path(tmp) / f"h{w}"))
                html[f"report_w{w}"] = _rates(len(pages), wall, cpu) | {"dossier_articles": n}
                html[f"ratio_w{w}_to_trafilatura"] = round(html["trafilatura"]["wall_s"] / wall, 3)
                html[f"cpu_ratio_w{w}_to_trafilatura"] = round(html["trafilatura"]["cpu_s"] / cpu, 3)
                # trafilatura's CPU against this run's critical path: the wall ratio on free cores
                html[f"critical_path_ratio_w{w}_to_trafilatura"] = round(
                    html["trafilatura"]["cpu_s"] / LAST_SPLIT["critical_path_cpu_s"], 3)
            result["html"] = html
            runs = [f"h{w}" for w in workers]
            if args.ray:
                result["ray_html"] = ray_scaling([str(p) for p in pages], workers, Path(tmp))
                runs += [f"ray{w}" for w in workers if f"report_w{w}" in result["ray_html"]]
            html["dossiers_identical"] = _same_dossiers(Path(tmp), runs)
        if args.articles:
            jsonl = Path(tmp) / "gnad.jsonl"
            n_in = gnad_jsonl(args.articles, jsonl)
            gnad: dict = {"articles": n_in}
            for w in workers:
                n, wall, cpu = _timed(lambda: lagebild_report([str(jsonl)], w, Path(tmp) / f"g{w}"))
                gnad[f"report_w{w}"] = _rates(n_in, wall, cpu) | {"dossier_articles": n}
            if len(workers) > 1:
                first, last = gnad[f"report_w{workers[0]}"], gnad[f"report_w{workers[-1]}"]
                gnad[f"speedup_w{workers[-1]}_over_w{workers[0]}"] = round(first["wall_s"] / last["wall_s"], 2)
            gnad["dossiers_identical"] = _same_dossiers(Path(tmp), [f"g{w}" for w in workers])
            result["gnad"] = gnad
    from lagebild import parallel

    result["peak_rss_mb"] = {"main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                             "largest_worker": round(parallel.WORKER_PEAK_RSS_KB / 1024)}
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
