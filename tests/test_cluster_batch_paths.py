"""The story index's batch paths (issue 18, a million articles) compute what the one-article
paths computed: vectors bit for bit, candidate look-ups exactly, screens' dot products closely."""
from __future__ import annotations

import math
import random
import time

import numpy as np
import pytest

from lagebild.link import cluster_refine
from lagebild.link.similarity import (PRIOR_DOCS, RENORM_TOP, W_ENT, W_NUM, W_TEXT, Vectoriser, extract_features,
                                      hashed)


def _reference_arrays(vec: Vectoriser, f, top: int | None):
    """Vectoriser.arrays as it was before the batch form: one pass per channel, one article at a
    time (the oracle the batch form must match bit for bit)."""
    n = vec.n_docs + 1 + PRIOR_DOCS
    parts_k, parts_v, parts_c = [], [], []
    channels = list(zip(hashed(f), (W_TEXT, W_ENT, W_NUM)))
    present = sum(w for (keys, _), w in channels if len(keys))
    for c, ((keys, tfs), weight) in enumerate(channels):
        if not len(keys) or weight <= 0:
            continue
        idf = np.log((n + 1) / (vec.df[keys] + 1.0)) + 1.0
        vals = (1.0 + np.log(tfs)) * idf
        vals *= math.sqrt(weight / present) / np.sqrt(np.dot(vals, vals))
        parts_k.append(keys)
        parts_v.append(vals)
        parts_c.append(np.full(len(keys), c, dtype=np.int8))
    if not parts_k:
        return np.zeros(0, np.int32), np.zeros(0, np.float32), np.zeros(0, np.int8)
    keys, vals, chan = np.concatenate(parts_k), np.concatenate(parts_v), np.concatenate(parts_c)
    if top is not None and len(keys) > top:
        keep = np.argpartition(-vals, top)[:top]
        full = np.bincount(chan, weights=vals * vals, minlength=3)
        keys, vals, chan = keys[keep], vals[keep], chan[keep]
        kept = np.bincount(chan, weights=vals * vals, minlength=3)
        scale = np.sqrt(np.divide(full, kept, out=np.ones(3), where=kept > 0))
        vals = vals * (scale[chan] ** RENORM_TOP)
    order = np.argsort(keys, kind="stable")
    keys, vals, chan = keys[order], vals[order], chan[order]
    if len(np.flatnonzero(keys[1:] == keys[:-1])):
        uk, inv = np.unique(keys, return_inverse=True)
        vals = np.bincount(inv, weights=vals, minlength=len(uk))
        first = np.unique(inv, return_index=True)[1]
        keys, chan = uk, chan[first]
    return keys.astype(np.int32), vals.astype(np.float32), chan


def _articles(n: int, seed: int = 4) -> list:
    rng = random.Random(seed)
    words = [f"wort{i}" for i in range(400)]
    names = [f"Name{i}" for i in range(60)]
    feats = []
    for i in range(n):
        k = rng.choice([0, 3, 20, 60, 150])  # none, few and more words than the vector keeps
        text = " ".join(rng.choice(words) for _ in range(k))
        text += " " + " ".join(f"und {rng.choice(names)}" for _ in range(rng.randint(0, 4)))
        text += " " + " ".join(str(rng.randint(11, 99)) for _ in range(rng.randint(0, 3)))
        feats.append(extract_features(f"a{i}", text, None, "de", "2024-05-01"))
    # two channels hashed to one bucket (rare in real text, but it happens): summed into one term
    for f in feats[::7]:
        (wk, wt), (ek, et), (nk, nt) = hashed(f)
        if len(wk) and len(ek):
            ek = ek.copy()
            ek[0] = wk[len(wk) // 2]
            f._hashed = [(wk, wt), (ek, et), (nk, nt)]
    return feats


@pytest.mark.parametrize("top", [None, 96, 5])
def test_batch_vectors_are_the_one_article_vectors_bit_for_bit(top):
    feats = _articles(300)
    vec = Vectoriser()
    for f in feats:
        vec.observe(f)
    got = vec.arrays_many(feats, top)
    assert len(got) == len(feats)
    for f, arrays in zip(feats, got):
        want = _reference_arrays(vec, f, top)
        for g, w in zip(arrays, want):
            assert g.dtype == w.dtype and g.tobytes() == w.tobytes(), f.article_id
        for g, w in zip(vec.arrays(f, top), want):
            assert g.dtype == w.dtype and g.tobytes() == w.tobytes(), f.article_id


def test_batch_lookup_matches_the_one_vector_lookup():
    from test_cluster_refine import _index

    index = _index()
    index.refine()  # moved articles and emptied stories: look-ups go through merges
    from lagebild.link.cluster import MAX_CANDIDATES, query_terms

    vecs = [(a.keys, a.vals) for a in index.stored.values()][:300]
    queries = [query_terms(k, v) for k, v in vecs]
    picked, roots, entry_vec = index.postings.lookup_many([k for k, _ in queries], [w for _, w in queries],
                                                          MAX_CANDIDATES)
    for i, (k, v) in enumerate(vecs):
        assert picked[i].tolist() == index.candidate_codes(k, v).tolist()
        assert set(picked[i].tolist()) <= set(roots[entry_vec == i].tolist())


@pytest.mark.parametrize("chunk", [3, 37])
def test_passes_in_small_chunks_make_the_same_moves_and_merges(monkeypatch, chunk):
    """Many chunk ends, moves and merges inside chunks: the articles (stories) looked up again are
    the ones a move (merge) touched."""
    import copy

    from test_cluster_refine import _index, _plain_merge, _plain_refine, _state

    built = _index(seed=5)
    plain = copy.deepcopy(built)
    monkeypatch.setattr(cluster_refine, "CHUNK", chunk)
    moves = built.refine()
    assert moves == _plain_refine(plain) and moves > 10
    assert _state(built) == _state(plain)
    merges = built.merge_pass()
    assert merges == _plain_merge(plain) and merges > 0
    assert _state(built) == _state(plain)


@pytest.mark.parametrize("chunk", [37, 256])
def test_passes_with_screens_computed_ahead_make_the_same_moves_and_merges(monkeypatch, chunk):
    """The second process's dot products (used where no move or merge changed the stories since)
    leave every move and merge as it was."""
    import copy

    from test_cluster_refine import _index, _plain_merge, _plain_refine, _state

    built = _index(seed=5)
    plain = copy.deepcopy(built)
    monkeypatch.setattr(cluster_refine, "CHUNK", chunk)
    monkeypatch.setattr(cluster_refine, "AHEAD_FROM", 1)
    used = []
    get = cluster_refine._Ahead.get

    def get_waiting(self, c):  # the second half of the chunks: wait for the second process (a test only)
        deadline = time.monotonic() + 10
        while c >= len(self.chunks) // 2 and not self.done[c] and time.monotonic() < deadline:
            time.sleep(0.001)
        used.append(get(self, c))
        return used[-1]

    monkeypatch.setattr(cluster_refine._Ahead, "get", get_waiting)
    moves = built.refine()
    assert moves == _plain_refine(plain) and moves > 10
    assert _state(built) == _state(plain)
    assert any(u is not None for u in used)  # some chunks did come from the second process
    used.clear()
    merges = built.merge_pass()
    assert merges == _plain_merge(plain) and merges > 0
    assert _state(built) == _state(plain)
    assert any(u is not None for u in used)
