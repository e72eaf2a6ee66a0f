"""How story clustering time and memory grow with the number of articles.

    nice python bench/bench_cluster.py --sizes 10000,20000,50000,100000

Synthetic German articles are assembled from 10kGNAD sentences (shared data): each synthetic
story has its own pool of sentences plus invented names and numbers; an article takes a few
sentences of its story and a few random background sentences (so stories overlap in vocabulary
the way real news does). Articles stream into one `StoryIndex` in batches of --batch, exactly
as the ingest service would add them; at every size in --sizes one JSON line reports the
cumulative wall and CPU time of this process (the machine is shared: CPU time is the fair
measure; with --workers N the feature extraction of N-1 helper processes is not in it), the
throughput of the last stretch, RSS now and at its peak, and the number of stories.
At the end the batch clean-up (refine + merge pass) is timed once (CPU per pass, wall for both;
on a large index the refinement has a second process compute screens ahead, whose CPU time is
given apart as cleanup_helper_cpu_secs), with the run's totals and the final number of stories,
and B-cubed F1 against the synthetic stories is printed as a sanity check (not a quality claim).
With --hash a last line gives a hash of the stories after filing and after the clean-up (ids,
members, copies, how each article joined): a speed change must leave both unchanged.

From 5,000 articles the index uses its compiled inner loops (lagebild/link/kernels.py, numba from the
`fast` extra; `"compiled_loops"` in the last timing line says whether they ran): the same stories, moves
and merges as the numpy code (`LAGEBILD_NO_JIT=1` runs that; --hash compares).

The helpers send each batch's features packed (`_features_packed`, rebuilt by `_unpack` into the
same Features): unpickling Features one by one cost the index's process about 40 µs an article.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lagebild.datapaths import shared_data  # noqa: E402
from lagebild.link import kernels  # noqa: E402
from lagebild.link.cluster import StoryIndex  # noqa: E402
from lagebild.link.similarity import Features, extract_features, hashed  # noqa: E402

_SYL = ["ka", "lo", "mir", "dan", "ter", "bel", "os", "ri", "vak", "zen", "hu", "gor", "an", "pe", "lis", "tru"]


def rss_mb(field: str = "VmRSS") -> float:
    """Resident memory of this process now (VmRSS) or at its peak so far (VmHWM), in MB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def sentences() -> list[str]:
    path = shared_data("corpus", "10kgnad", "test.csv")
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    out = []
    for _, text in rows:
        out.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s.strip()) <= 300)
    return out


def name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 3))).capitalize()


def articles(n: int, pool: list[str], seed: int = 7):
    """Yield (id, text, published, story) for n synthetic articles."""
    rng = random.Random(seed)
    made = 0
    story = 0
    while made < n:
        story += 1
        size = min(n - made, max(1, int(rng.expovariate(1 / 4.0)) + 1))
        core = rng.sample(pool, 6)
        names = [f"{name(rng)} {name(rng)}" for _ in range(2)] + [name(rng)]
        nums = [str(rng.randint(11, 5000)) for _ in range(2)]
        day = 1 + story // 400  # ~400 new stories a day
        for k in range(size):
            parts = rng.sample(core, 3) + rng.sample(pool, 3)
            rng.shuffle(parts)
            parts.insert(1, f"{names[0]} traf {names[1]} in {names[2]}, {nums[0]} Menschen kamen, {nums[1]} blieben.")
            published = f"2025-{1 + (day // 28) % 12:02d}-{1 + day % 28:02d}"
            yield f"s{story}-a{k}", " ".join(parts), published, f"s{story}"
            made += 1


def membership_hash(index: StoryIndex) -> str:
    """A hash of every story (id, members in order, copies) and of how each article joined:
    identical for identical clustering results (the check that a speed change changes nothing)."""
    import hashlib

    h = hashlib.sha1()
    for sid in sorted(index.stories):
        st = index.stories[sid]
        h.update(f"{sid}:{','.join(st.article_ids)};{st.copies}\n".encode())
    for aid in sorted(index.copy_of):
        h.update(f"{aid}>{index.copy_of[aid]}\n".encode())
    for aid in sorted(index.joined_via):
        h.update(f"{aid}={index.joined_via[aid]}\n".encode())
    return h.hexdigest()[:16]


def _features(item):
    aid, text, published = item
    f = extract_features(aid, text, None, "de", published)
    hashed(f)  # term hashing belongs to the parallel part
    return f


def _features_packed(items) -> tuple:
    """A helper's share: the features of several articles, packed for the trip to the index's
    process (`_unpack`): strings in flat lists, counts and hashed terms in a few arrays. Pickling
    each Features (three Counters and six small arrays) cost the index's process ~40 µs an
    article to unpickle, a tenth of what filing it costs; the Features that arrive are the same."""
    feats = [_features(x) for x in items]
    head = [(f.article_id, f.published, f.language) for f in feats]
    strings: list[str] = []
    counts: list[int] = []
    sizes: list[int] = []
    for f in feats:
        for part in (f.words, f.entities, f.numbers):  # term -> count
            strings.extend(part)
            counts.extend(part.values())
            sizes.append(len(part))
        strings.extend(f.surface_of)  # key -> display form: the keys, then the forms
        strings.extend(f.surface_of.values())
        sizes.append(len(f.surface_of))
    arrays = [a for f in feats for pair in f._hashed for a in pair]
    lens = np.array([len(a) for a in arrays[::2]], np.int64)
    return (head, strings, np.array(counts, np.int64), sizes, lens, np.concatenate(arrays[::2]),
            np.concatenate(arrays[1::2]))


def _unpack(packed: tuple) -> list[Features]:
    """The Features that `_features_packed` packed (Counters, dicts and hashed arrays alike)."""
    head, strings, counts, sizes, lens, keys, tfs = packed
    counts = counts.tolist()
    bounds = np.concatenate([[0], np.cumsum(lens)]).tolist()
    out = []
    s = c = z = h = 0
    for aid, published, language in head:
        parts = []
        for _ in range(3):
            n = sizes[z]
            z += 1
            part = Counter.__new__(Counter)  # a Counter filled at C speed (Counter() runs Python code)
            dict.update(part, zip(strings[s:s + n], counts[c:c + n]))
            parts.append(part)
            s += n
            c += n
        n = sizes[z]
        z += 1
        surface = dict(zip(strings[s:s + n], strings[s + n:s + 2 * n]))
        s += 2 * n
        f = Features(aid, parts[0], parts[1], parts[2], published, language, surface)
        f._hashed = [(keys[bounds[h + i]:bounds[h + i + 1]], tfs[bounds[h + i]:bounds[h + i + 1]]) for i in range(3)]
        h += 3
        out.append(f)
    return out


def _children_cpu() -> float:
    """CPU seconds of this process's ended (and waited for) child processes."""
    t = os.times()
    return t.children_user + t.children_system


def _record(stream, gold: dict):
    for aid, text, published, story in stream:
        gold[aid] = story
        yield aid, text, published, story


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,20000,50000,100000")
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=1,
                    help="processes for feature extraction (the index itself is one sequential writer)")
    ap.add_argument("--hash", action="store_true",
                    help="print a hash of the stories after filing and after the clean-up (identity checks)")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    pool = sentences()
    index = StoryIndex()
    gold: dict[str, str] = {}
    t0 = time.perf_counter()
    c0 = time.process_time()
    last_t, last_n, done = t0, 0, 0
    last_c = c0
    feat_secs = 0.0
    stream = _record(articles(sizes[-1], pool), gold)

    def next_items() -> list:
        return [(a, t, p) for _, (a, t, p, _s) in zip(range(args.batch), stream)]

    def next_chunks() -> list:
        """The next batch, one share per helper (fewer, larger messages cost this process less)."""
        items = next_items()
        size = max(1, -(-len(items) // max(1, args.workers - 1)))
        return [items[i:i + size] for i in range(0, len(items), size)]

    if args.workers > 1:
        import multiprocessing as mp

        # helpers extract the next batch's features while this process files the current one
        workers = mp.get_context("fork").Pool(args.workers - 1)
        pending = workers.map_async(_features_packed, next_chunks())
    while done < sizes[-1]:
        tf = time.perf_counter()
        if args.workers > 1:
            packed = pending.get()
            pending = workers.map_async(_features_packed, next_chunks())
            feat_secs += time.perf_counter() - tf
            batch = [f for chunk in packed for f in _unpack(chunk)]
        else:
            batch = [_features(x) for x in next_items()]
            feat_secs += time.perf_counter() - tf
        if not batch:
            break
        index.add(batch)
        done += len(batch)
        if done in sizes:
            now = time.perf_counter()
            cpu = time.process_time()
            print(json.dumps({"articles": done, "secs": round(now - t0, 1), "cpu_secs": round(cpu - c0, 1),
                              "articles_per_s_last": round((done - last_n) / (now - last_t), 1),
                              "articles_per_cpu_s_last": round((done - last_n) / (cpu - last_c), 1),
                              "feature_share": round(feat_secs / (now - t0), 2),
                              "rss_mb": round(rss_mb()), "peak_rss_mb": round(rss_mb("VmHWM")),
                              "stories": len(index.stories)}), flush=True)
            last_t, last_n, last_c = now, done, cpu
    if args.workers > 1:
        workers.terminate()
    th, ch = time.perf_counter(), time.process_time()
    filed_hash = membership_hash(index) if args.hash else None
    t0 += time.perf_counter() - th  # the hash is not part of the run's time
    c0 += time.process_time() - ch
    tc, tw, kids = time.process_time(), time.perf_counter(), _children_cpu()
    moves = index.refine()
    tr = time.process_time()
    merges = index.merge_pass()
    clean = time.process_time() - tc
    helper = _children_cpu() - kids  # the refinement's second process (cluster_refine._Ahead)
    from lagebild.evaluate.cluster import bcubed

    pred = {aid: index.resolve(index.story_of[aid]) for aid in gold}
    now = time.perf_counter()
    print(json.dumps({"cleanup_cpu_secs": round(clean, 1), "refine_cpu_secs": round(tr - tc, 1),
                      "merge_cpu_secs": round(clean - (tr - tc), 1), "cleanup_helper_cpu_secs": round(helper, 1),
                      "cleanup_secs": round(now - tw, 1),
                      "total_secs": round(now - t0, 1), "total_cpu_secs": round(time.process_time() - c0, 1),
                      "stories": len(index.stories), "moves": moves, "merges": merges,
                      "rss_mb": round(rss_mb()), "peak_rss_mb": round(rss_mb("VmHWM")),
                      "synthetic_bcubed": bcubed(gold, pred), "compiled_loops": kernels.active()}), flush=True)
    if args.hash:  # outside the timed part
        print(json.dumps({"filed_hash": filed_hash, "final_hash": membership_hash(index)}), flush=True)


if __name__ == "__main__":
    main()
