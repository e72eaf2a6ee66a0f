"""Compiled inner loops of the story index (issue 18: a million articles clustered in ten minutes).

The index's hot spots are loops over a few thousand numbers per article: the sparse dot products
with the candidate stories (`sparse.sdots`), a story's sum vector plus an article (`sparse.sadd`)
and the candidate look-up in the postings (`postings.Postings`). In numpy each is a dozen calls on
short arrays whose overhead is most of the cost; with numba (the `fast` extra) each is one compiled
loop. Every kernel computes exactly what the numpy code it stands for computes -- the same values,
the same float32/float64 arithmetic in the same order -- so the stories, moves and merges do not
depend on whether numba is installed (tests/test_cluster_kernels.py compares both on random input
and on whole indexes; bench/bench_cluster.py --hash checks it at a million articles).

They are switched on by `activate()`, which the story index calls once it holds JIT_FROM articles:
a small report never imports numba or waits for a compilation (compiled code is cached on disk).
Without numba, or with $LAGEBILD_NO_JIT=1, `active()` stays False and the numpy code runs.
"""
from __future__ import annotations

import os

import numpy as np

JIT_FROM = 5_000  # articles in an index from which the compiled loops are used
FAR = np.int64(1) << 62  # an unmarked story code in the postings' scratch marks (postings._FAR)

_kernels: dict | None = None
_state = {"active": False}


def active() -> bool:
    return _state["active"]


def activate() -> bool:
    """Use the compiled loops from now on (in this process); False when numba is not there."""
    if not _state["active"] and os.environ.get("LAGEBILD_NO_JIT", "") in ("", "0") and _load() is not None:
        _state["active"] = True
    return _state["active"]


def deactivate() -> None:
    _state["active"] = False


def get() -> dict:
    assert _kernels is not None
    return _kernels


def _load() -> dict | None:
    global _kernels
    if _kernels is None:
        try:
            import numba
        except ImportError:
            return None
        _kernels = _compile(numba)
    return _kernels


def _compile(numba) -> dict:
    jit = numba.njit(cache=True, nogil=True)

    @jit
    def fill_dots(keys, allk, allv, lens, got):
        """got[i * q + j] = the i-th vector's weight at keys[j] (sorted keys on both sides): the
        matrix `sparse.sdots` multiplies with the query's weights."""
        q = len(keys)
        a = 0
        for i in range(len(lens)):
            b = a + lens[i]
            j = 0
            base = i * q
            while a < b and j < q:
                x = allk[a]
                y = keys[j]
                if x < y:
                    a += 1
                elif x > y:
                    j += 1
                else:
                    got[base + j] = allv[a]
                    a += 1
                    j += 1
            a = b

    @jit
    def merge_add(ak, av, bk, bv, sign):
        """`sparse.sadd`: the union of two sorted key arrays, a shared key's weight a + sign * b
        summed in float64 (sign * b in float32 first, as numpy multiplies a float32 array)."""
        n, m = len(ak), len(bk)
        ok = np.empty(n + m, np.int32)
        ov = np.empty(n + m, np.float32)
        i = j = o = 0
        while i < n and j < m:
            x, y = ak[i], bk[j]
            if x < y:
                ok[o] = x
                ov[o] = av[i]
                i += 1
            elif y < x:
                ok[o] = y
                ov[o] = np.float32(sign * bv[j])
                j += 1
            else:
                ok[o] = x
                ov[o] = np.float32(np.float64(av[i]) + np.float64(np.float32(sign * bv[j])))
                i += 1
                j += 1
            o += 1
        while i < n:
            ok[o] = ak[i]
            ov[o] = av[i]
            i += 1
            o += 1
        while j < m:
            ok[o] = bk[j]
            ov[o] = np.float32(sign * bv[j])
            j += 1
            o += 1
        return ok[:o].copy(), ov[:o].copy()

    @jit
    def pick(roots, entry_w, lo, hi, limit, mark, found, shared):
        """`Postings._pick` for roots[lo:hi]: each story once in the order first met (marks in
        `mark`, reset before returning); beyond `limit`, the `limit` with the largest summed entry
        weight, ties to the one met first. Returns the stories as a new array."""
        nf = 0
        for e in range(lo, hi):
            r = roots[e]
            p = mark[r]
            if p == FAR:
                mark[r] = nf
                found[nf] = r
                shared[nf] = entry_w[e]
                nf += 1
            else:
                shared[p] += entry_w[e]
        for i in range(nf):
            mark[found[i]] = FAR
        if nf <= limit:
            return found[:nf].copy()
        order = np.argsort(-shared[:nf], kind="mergesort")[:limit]
        return found[order]

    @jit
    def candidates(row_of, count, table, parent, mark, keys, weights, cap, limit):
        """`Postings.candidate_codes`: the entries of the keys' postings (each ring oldest first,
        resolved to surviving stories) picked as `pick` does."""
        n_entries = 0
        for t in range(len(keys)):
            row = row_of[keys[t]]
            if row >= 0:
                n_entries += min(count[row], cap)
        roots = np.empty(n_entries, np.int64)
        entry_w = np.empty(n_entries, np.float64)
        e = 0
        for t in range(len(keys)):
            row = row_of[keys[t]]
            if row < 0:
                continue
            n = count[row]
            k = min(n, cap)
            s = (n - k) % cap
            w = np.float64(weights[t])
            for j in range(k):
                roots[e] = parent[table[row, s + j]]
                entry_w[e] = w
                e += 1
        return pick(roots, entry_w, 0, n_entries, limit, mark, np.empty(n_entries, np.int64),
                    np.empty(n_entries, np.float64))

    @jit
    def pick_many(roots, entry_w, bounds, limit, mark):
        """`pick` for each vector's stretch of entries (bounds[i]..bounds[i + 1]); the stories of
        all vectors end to end and where each vector's start."""
        n = len(roots)
        found = np.empty(n, np.int64)
        shared = np.empty(n, np.float64)
        out = np.empty(n, np.int64)
        starts = np.empty(len(bounds), np.int64)
        o = 0
        for i in range(len(bounds) - 1):
            starts[i] = o
            got = pick(roots, entry_w, bounds[i], bounds[i + 1], limit, mark, found, shared)
            out[o:o + len(got)] = got
            o += len(got)
        starts[len(bounds) - 1] = o
        return out[:o], starts

    return {"fill_dots": fill_dots, "merge_add": merge_add, "candidates": candidates, "pick_many": pick_many}
