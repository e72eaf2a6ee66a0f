"""Compact sparse vectors for the story index: (sorted int32 keys, float32 values).

Dicts of Python floats cost ~90 bytes a term; these arrays cost 8, which is what lets a million
articles fit in a few GB. On such short arrays numpy's per-call overhead is most of the cost:
`sdot` calls ndarray methods (`bk.searchsorted`), not the module functions whose Python
wrappers (`np.searchsorted` -> fromnumeric._wrapfunc) took longer than the search itself
(about a quarter of the insertion time on a large index, issue 18).
"""
from __future__ import annotations

import numpy as np

from . import kernels

Vec = tuple[np.ndarray, np.ndarray]


def sdot(ak: np.ndarray, av: np.ndarray, bk: np.ndarray, bv: np.ndarray) -> float:
    """Dot product of two sparse vectors."""
    if not len(ak) or not len(bk):
        return 0.0
    if len(ak) > len(bk):
        ak, av, bk, bv = bk, bv, ak, av
    idx = bk.searchsorted(ak)
    idx[idx == len(bk)] = 0
    hit = bk[idx] == ak
    return float(np.dot(av[hit], bv[idx[hit]]))


_SHIFT32 = np.arange(512, dtype=np.int32) << 22  # each vector's own key range, while they fit in int32


def sdots(keys: np.ndarray, vals: np.ndarray, others: list, bits: int = 22) -> np.ndarray:
    """Dot products (float64) of one sparse vector with several others (objects with `.keys`,
    `.vals`; keys below 2**bits): one searchsorted over the others' concatenated keys, each
    vector's keys shifted into its own range -- one numpy pass instead of one `sdot` call each
    (the calls' overhead was most of an insertion's scoring time, issue 18). Up to 511 others
    with 22-bit keys the shifted keys fit in int32 (no int64 copies: a tenth less time).
    Both `keys` and each other's keys are sorted. With the compiled loops on (kernels.py) the
    matrix of the others' weights at `keys` is filled by one merge pass instead: the same matrix,
    the same product."""
    m = len(others)
    if kernels.active():
        return _sdots_jit(keys, vals, others)
    if bits != 22 or m >= len(_SHIFT32):
        return _sdots64(keys, vals, others, bits)
    if not m or not len(keys):
        return np.zeros(m)
    ks = [o.keys for o in others]
    lens = list(map(len, ks))
    allk = np.concatenate(ks).astype(np.int32, copy=False)
    if not len(allk):
        return np.zeros(m)
    shift = _SHIFT32[:m]
    allk += shift.repeat(lens)
    query = (shift[:, None] + keys).ravel()
    idx = allk.searchsorted(query)
    np.minimum(idx, len(allk) - 1, out=idx)
    got = np.concatenate([o.vals for o in others])[idx]
    got[allk[idx] != query] = 0
    return got.reshape(m, len(keys)) @ vals.astype(np.float64)


def _sdots_jit(keys: np.ndarray, vals: np.ndarray, others: list) -> np.ndarray:
    m, q = len(others), len(keys)
    if not m or not q:
        return np.zeros(m)
    ks = [o.keys for o in others]
    lens = np.fromiter(map(len, ks), np.int64, m)
    got = np.zeros(m * q)
    kernels.get().fill_dots(keys, np.concatenate(ks), np.concatenate([o.vals for o in others]), lens, got)
    return got.reshape(m, q) @ vals.astype(np.float64)


def _sdots64(keys: np.ndarray, vals: np.ndarray, others: list, bits: int) -> np.ndarray:
    """`sdots` for many others or wider keys (int64 shifts)."""
    m = len(others)
    lens = [len(o.keys) for o in others]
    if not len(keys) or not sum(lens):
        return np.zeros(m)
    shift = np.arange(m, dtype=np.int64) << bits
    allk = np.concatenate([o.keys for o in others]).astype(np.int64)
    allk += np.repeat(shift, lens)
    allv = np.concatenate([o.vals for o in others])
    query = (shift[:, None] + keys.astype(np.int64)).ravel()
    idx = allk.searchsorted(query)
    np.minimum(idx, len(allk) - 1, out=idx)
    got = np.where(allk[idx] == query, allv[idx], 0).astype(np.float64).reshape(m, len(keys))
    return got @ vals.astype(np.float64)


def sadd(ak: np.ndarray, av: np.ndarray, bk: np.ndarray, bv: np.ndarray, sign: float = 1.0) -> Vec:
    """a + sign * b (keys present in either; a shared key's weight summed in float64)."""
    if kernels.active() and av.dtype == bv.dtype == np.float32:  # one merge of the sorted keys (kernels.merge_add)
        return kernels.get().merge_add(ak.astype(np.int32, copy=False), av, bk.astype(np.int32, copy=False), bv,
                                       np.float32(sign))
    keys = np.concatenate([ak, bk])
    uk, inv = np.unique(keys, return_inverse=True)
    vals = np.bincount(inv, weights=np.concatenate([av, sign * bv]), minlength=len(uk)).astype(np.float32)
    return uk.astype(np.int32), vals


def at(skeys: np.ndarray, svals: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """A sparse vector's weights at `keys` (0 where absent)."""
    out = np.zeros(len(keys), np.float32)
    if len(skeys):
        idx = np.searchsorted(skeys, keys)
        idx[idx == len(skeys)] = 0
        hit = skeys[idx] == keys
        out[hit] = svals[idx[hit]]
    return out


def top(keys: np.ndarray, vals: np.ndarray, k: int) -> np.ndarray:
    """Keys of the k heaviest entries."""
    if len(keys) <= k:
        return keys
    return keys[np.argpartition(-vals, k)[:k]]
