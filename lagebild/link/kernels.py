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
a small report never imports numba or waits for a compilation (compiled code is cached on disk;
the kernels themselves are in kernels_nb.py, at module level, where numba's cache can find them).
Without numba, or with $LAGEBILD_NO_JIT=1, `active()` stays False and the numpy code runs.
"""
from __future__ import annotations

import os

import numpy as np

JIT_FROM = 5_000  # articles in an index from which the compiled loops are used
FAR = np.int64(1) << 62  # an unmarked story code in the postings' scratch marks (postings._FAR)

_kernels = None  # the module kernels_nb once loaded
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


def get():
    """The compiled kernels (the module kernels_nb: `get().fill_dots(...)`); only after `activate()`."""
    assert _kernels is not None
    return _kernels


def _load():
    global _kernels
    if _kernels is None:
        try:
            from . import kernels_nb
        except ImportError:  # no numba (the `fast` extra)
            return None
        _kernels = kernels_nb
    return _kernels
