"""The compiled kernels of `kernels.py`, defined at module level: numba caches a kernel that calls
another one (`candidates` and `pick_many` call `pick`) only when both are module-level functions;
as closures they were compiled again in every process (seconds each) and each time added another
copy to the on-disk cache. Imported only by `kernels._load`, so numba is imported only when the
story index switches the kernels on."""
from __future__ import annotations

import numba
import numpy as np

from .kernels import FAR

_jit = numba.njit(cache=True, nogil=True)


@_jit
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

@_jit
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

@_jit
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

@_jit
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

@_jit
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
