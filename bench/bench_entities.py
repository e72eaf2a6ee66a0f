"""Throughput of the entities stage (lagebild.analyse.entities.find_entities).

    python bench/bench_entities.py [--articles 300] [--procs 1 2] [--no-doc-pass]

Input: German news texts from shared/data/corpus/10kgnad/test.csv (unlabelled). Sentences are
split first (the stage before entities) and not timed; the timed part is find_entities alone,
model load excluded (one warm-up article per process). Tokens = spaCy tokens of the texts.
Prints one JSON line per process count: tokens/s, articles/s, mentions.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lagebild.analyse import sentences  # noqa: E402
from lagebild.analyse.entities import find_entities, load_model  # noqa: E402
from lagebild.datapaths import shared_data  # noqa: E402
from lagebild.records import AnalysedArticle, Article  # noqa: E402


def load_texts(n: int) -> list[str]:
    path = shared_data("corpus", "10kgnad", "test.csv")
    if not path.exists():
        sys.exit(f"bench needs {path}")
    csv.field_size_limit(1 << 24)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    return [r[1] for r in rows if len(r) > 1][:n]


def _prepared(texts: list[str]) -> list[AnalysedArticle]:
    docs = []
    for i, t in enumerate(texts):
        d = AnalysedArticle(Article(id=f"b{i}", source="bench", text=t))
        sentences(d)
        docs.append(d)
    return docs


def _work(texts: list[str]) -> tuple[float, float, int]:
    """Per process: warm up, then time find_entities over the chunk (wall and CPU seconds; the CPU
    time is the fair number on a machine shared with other jobs)."""
    load_model()
    docs = _prepared(texts)
    warm = _prepared(texts[:1])
    find_entities(warm[0])
    t0, c0 = time.perf_counter(), time.process_time()
    for d in docs:
        find_entities(d)
    return time.perf_counter() - t0, time.process_time() - c0, sum(len(d.mentions) for d in docs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--procs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-doc-pass", action="store_true",
                    help="switch off the junk filter / document-level pass (ner_doc) for an A/B")
    args = ap.parse_args()
    if args.no_doc_pass:
        os.environ["LAGEBILD_NER_DOC"] = "0"  # read per call, inherited by worker processes
    texts = load_texts(args.articles)
    nlp = load_model()
    n_tok = sum(len(nlp.tokenizer(t)) for t in texts)
    for procs in args.procs:
        chunks = [texts[i::procs] for i in range(procs)]
        t0 = time.perf_counter()
        if procs == 1:
            results = [_work(chunks[0])]
        else:
            with Pool(procs) as pool:
                results = pool.map(_work, chunks)
        wall = time.perf_counter() - t0
        # throughput = work done / slowest worker's stage time (load + sentence split excluded)
        stage = max(r[0] for r in results)
        cpu = sum(r[1] for r in results)
        print(json.dumps({
            "bench": "entities", "doc_pass": not args.no_doc_pass, "procs": procs, "articles": len(texts), "tokens": n_tok,
            "mentions": sum(r[2] for r in results),
            "tokens_per_s": round(n_tok / stage), "articles_per_s": round(len(texts) / stage, 1),
            "tokens_per_cpu_s": round(n_tok / cpu), "load_avg_1min": round(os.getloadavg()[0], 2),
            "wall_s_incl_load": round(wall, 1),
        }), flush=True)


if __name__ == "__main__":
    main()
