"""The compiled loops of the story index (link/kernels.py) compute exactly what the numpy code computes."""
from __future__ import annotations

import copy

import numpy as np
import pytest

pytest.importorskip("numba")

from lagebild.link import kernels  # noqa: E402
from lagebild.link.postings import Postings  # noqa: E402
from lagebild.link.sparse import sadd, sdots  # noqa: E402

from test_cluster_refine import _index, _state  # noqa: E402


def _both(fn):
    """fn() with the numpy code, then with the compiled loops."""
    kernels.deactivate()
    plain = fn()
    assert kernels.activate()
    try:
        return plain, fn()
    finally:
        kernels.deactivate()


class _Vec:
    def __init__(self, keys, vals):
        self.keys, self.vals = keys, vals


def _vec(rng, n, space=1 << 22):
    keys = np.unique(rng.integers(0, space, n)).astype(np.int32)
    return keys, rng.random(len(keys)).astype(np.float32)


def test_dot_products_are_the_same_bits():
    rng = np.random.default_rng(1)
    for trial in range(300):
        space = int(rng.choice([50, 400, 1 << 22]))  # small key spaces: many shared keys
        keys, vals = _vec(rng, int(rng.integers(0, 120)), space)
        others = [_Vec(*_vec(rng, int(rng.integers(0, 900)), space)) for _ in range(int(rng.integers(0, 20)))]
        if trial % 50 == 0:  # more others than the int32 shift path takes
            others *= 40
        plain, fast = _both(lambda: sdots(keys, vals, others))
        assert plain.dtype == fast.dtype and plain.tobytes() == fast.tobytes()


def test_sum_vectors_are_the_same_bits():
    rng = np.random.default_rng(2)
    for _ in range(300):
        space = int(rng.choice([30, 300, 1 << 22]))
        a, b = _vec(rng, int(rng.integers(0, 500)), space), _vec(rng, int(rng.integers(0, 100)), space)
        for sign in (1.0, -1.0):
            plain, fast = _both(lambda: sadd(*a, *b, sign))
            assert [x.dtype for x in plain] == [x.dtype for x in fast]
            assert all(p.tobytes() == f.tobytes() for p, f in zip(plain, fast))


def test_candidate_look_ups_are_the_same():
    """Many stories per term (full rings, ties in summed weight) and merged stories."""
    rng = np.random.default_rng(3)
    post = Postings(8, 64)
    for k in range(400):
        post.append_many(np.unique(rng.integers(0, 64, 5)), f"s{k % 90}")
    for k in range(0, 90, 7):
        post.redirect(f"s{k}", f"s{k + 1}")
    queries = [(np.unique(rng.integers(0, 64, int(rng.integers(1, 12)))),) for _ in range(200)]
    queries = [(q[0], np.round(rng.random(len(q[0])), 1).astype(np.float32)) for q in queries]  # ties
    for limit in (3, 16):
        plain, fast = _both(lambda: [post.candidate_codes(k, w, limit).tolist() for k, w in queries])
        assert plain == fast
        plain, fast = _both(lambda: post.lookup_many([k for k, _ in queries], [w for _, w in queries], limit))
        assert [p.tolist() for p in plain[0]] == [f.tolist() for f in fast[0]]
        assert all(np.array_equal(p, f) for p, f in zip(plain[1:], fast[1:]))


def test_an_index_built_and_cleaned_up_is_the_same():
    def build():
        index = _index(seed=5)
        index.refine()
        index.merge_pass()
        return _state(index)

    plain, fast = _both(build)
    assert plain == fast


def test_a_large_index_switches_them_on(monkeypatch):
    kernels.deactivate()
    monkeypatch.setattr(kernels, "JIT_FROM", 100)
    try:
        index = _index(seed=7)
        assert kernels.active()
        copy.deepcopy(index)  # the index stays an ordinary Python object
    finally:
        kernels.deactivate()


def test_switched_off_by_the_environment(monkeypatch):
    kernels.deactivate()
    monkeypatch.setenv("LAGEBILD_NO_JIT", "1")
    assert not kernels.activate()


def test_a_second_process_loads_the_kernels_from_the_cache(tmp_path):
    """Compiled once, loaded from numba's disk cache by the next process: kernels that call another
    kernel were closures once, compiled again (seconds) by every process and added to the cache
    each time."""
    import os
    import subprocess
    import sys

    script = ("import time, numpy as np\n"
              "from lagebild.link import kernels\n"
              "assert kernels.activate()\n"
              "k = kernels.get()\n"
              "t = time.process_time()\n"
              "mark = np.full(8, kernels.FAR, np.int64)\n"
              "k.pick_many(np.array([1, 2, 1], np.int64), np.ones(3), np.array([0, 3], np.int64), 5, mark)\n"
              "k.candidates(np.array([0], np.int32), np.array([1], np.int64), np.zeros((1, 4), np.int32),\n"
              "                np.arange(8, dtype=np.int64), mark, np.array([0], np.int32), np.ones(1, np.float32), 4, 5)\n"
              "print(time.process_time() - t)\n")
    env = dict(os.environ, NUMBA_CACHE_DIR=str(tmp_path), LAGEBILD_NO_JIT="0")

    def run() -> tuple[float, int]:
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        return float(out.stdout.split()[-1]), len(list(tmp_path.rglob("*.nbc")))

    first, files = run()
    second, files_after = run()
    assert files_after == files > 0
    assert second < first / 3
