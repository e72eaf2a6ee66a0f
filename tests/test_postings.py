"""The integer-coded ring postings answer exactly what the dict-of-lists postings answered."""
import random
from collections import defaultdict

import numpy as np

from lagebild.link.postings import Postings


def _reference(postings: dict, redirect: dict, keys, weights, cap: int, limit: int) -> list[str]:
    """The look-up as the story index did it with lists (before issue 18's rings)."""
    def resolve(s):
        while s in redirect:
            s = redirect[s]
        return s

    seq, lens, ws = [], [], []
    for h, w in zip(keys, weights):
        posting = postings.get(h)
        if posting:
            recent = posting[-cap:]
            seq += recent
            lens.append(len(recent))
            ws.append(w)
    if not seq:
        return []
    found = list(dict.fromkeys(resolve(s) for s in seq))
    if len(found) <= limit:
        return found
    rank = {s: i for i, s in enumerate(found)}
    shared = np.bincount([rank[resolve(s)] for s in seq], weights=np.repeat(np.array(ws, np.float64), lens))
    return [found[i] for i in np.argsort(-shared, kind="stable")[:limit].tolist()]


def test_rings_match_lists_through_appends_and_merges():
    rng = random.Random(5)
    cap, limit = 8, 5
    ring = Postings(cap, 64)
    lists: dict[int, list[str]] = defaultdict(list)
    redirect: dict[str, str] = {}
    alive = []
    for step in range(3000):
        if rng.random() < 0.3 or not alive:
            sid = f"s{step}"
            alive.append(sid)
        else:
            sid = rng.choice(alive)
        for h in rng.sample(range(64), 3):
            posting = lists[h]
            if not posting or posting[-1] != sid:
                posting.append(sid)
            ring.append(h, sid)
        if rng.random() < 0.05 and len(alive) > 2:  # a merge: one story leads to another from now on
            gone, keep = rng.sample(alive, 2)
            alive.remove(gone)
            redirect[gone] = keep
            ring.redirect(gone, keep)
        if step % 7 == 0:
            keys = rng.sample(range(64), 6)
            weights = np.array([rng.random() for _ in keys], np.float32)
            want = _reference(lists, redirect, keys, weights.astype(np.float64).tolist(), cap, limit)
            assert ring.candidates(np.array(keys), weights, limit) == want
    for h, ids in ring.items():
        assert ids == lists[h][-cap:]
    again = Postings.from_items(ring.items(), redirect, cap, 64)
    keys = np.arange(64)
    weights = np.linspace(0.1, 1.0, 64).astype(np.float32)
    assert again.candidates(keys, weights, limit) == ring.candidates(keys, weights, limit)


def test_a_story_already_last_is_not_appended_twice():
    ring = Postings(4, 8)
    for sid in ["a", "a", "b", "a", "a"]:
        ring.append(3, sid)
    assert ring.get(3) == ["a", "b", "a"]
    assert ring.get(2, []) == []
