"""The batch clean-up passes of the story index (refine, merge pass) at a million articles.

Both passes look at every article (story) once and compare it with its own story and up to
MAX_CANDIDATES candidate stories. Done one Python step per posting entry and one numpy call per
candidate, that was most of the time of clustering a million articles (695 of 818 CPU-s, issue
18), although almost nothing moves (under 2 % of the articles, a few hundred merges).

Here each article's candidates come from integer story codes (`_Lookup`: a story id -> int once,
a posting's recent entries as one int array, merge chains resolved by an array of parents) and
its dot products with all of them from one searchsorted over the candidates' concatenated
vectors. Those scores (float64) only decide which articles cannot move: when no candidate comes
within SAFETY of the move (merge) rules, the article is skipped; otherwise the original one-by-
one step (`StoryIndex._refine_one`, `_merge_one`) runs and decides with the very code and float32
arithmetic it always used. SAFETY is far above float32 rounding of these sums (~1e-6), so the
passes compute exactly what the one-by-one passes computed: the same moves, merges and stories
(tests/test_cluster_refine.py compares them).
"""
from __future__ import annotations

import numpy as np

from .similarity import HASH_BITS, KEY_TERMS, W_TEXT
from .sparse import sdots, top

SAFETY = 1e-4  # scores within this of a rule's bound go through the one-by-one step
FAST_FROM = 2000  # merge passes over fewer stories, or over a quarter of the index or less (the
# per-batch one in `add`), stay one-by-one: the lookup's set-up reads every posting
# the largest language scale (a pair in two languages, similarity.language_scale): a bound that
# lets most candidates be dismissed before their exact scale and time factor are computed
_MAX_SCALE = 1.0 / (1.0 - W_TEXT)
_EMPTY = np.zeros(0, np.int64)
_FAR = np.int64(1) << 62


class _Lookup:
    """Integer story codes, the postings' recent entries as one array of codes, and merge chains
    as an array of parents, kept in step with the index while a pass changes it (`moved`,
    `gone`)."""

    def __init__(self, index):
        from .cluster import MAX_CANDIDATES, POSTINGS_CAP, QUERY_TERMS

        self.index = index
        self.cap, self.q, self.max_cand = POSTINGS_CAP, QUERY_TERMS, MAX_CANDIDATES
        self.code: dict[str, int] = {}
        self.names: list[str] = []
        self.parent = np.zeros(1 << 12, np.int64)
        self.pos = np.zeros(0, np.int64)  # scratch: per story code, its first position (else _FAR)
        self.ar = np.arange(4096, dtype=np.int64)
        for sid in index.stories:
            self.code_of(sid)
        for sid in index.redirect:
            self.code_of(sid)
        # term h's recent postings are flat[start[h]:start[h] + count[h]]
        self.start = np.zeros(1 << HASH_BITS, np.int64)
        self.count = np.zeros(1 << HASH_BITS, np.int64)
        ids: list[str] = []
        terms, counts = [], []
        for h, posting in index.postings.items():
            if posting:
                recent = posting[-self.cap:]
                ids.extend(recent)
                terms.append(h)
                counts.append(len(recent))
        self.flat = np.fromiter(map(self.code.__getitem__, ids), np.int64, len(ids))
        self.used = len(ids)
        if terms:
            counts = np.array(counts, np.int64)
            self.count[terms] = counts
            self.start[terms] = np.cumsum(counts) - counts

    def code_of(self, sid: str) -> int:
        c = self.code.get(sid)
        if c is None:
            c = self.code[sid] = len(self.names)
            self.names.append(sid)
            if c >= len(self.parent):
                self.parent = np.concatenate([self.parent, np.zeros(len(self.parent), np.int64)])
            self.parent[c] = c
            target = self.index.redirect.get(sid)
            if target is not None:
                self.parent[c] = self.code_of(target)
        return c

    def gone(self, sid: str) -> None:
        """Story `sid` was merged or emptied: its postings now lead to its redirect target."""
        if sid in self.code:
            self.parent[self.code[sid]] = self.code_of(self.index.redirect[sid])

    def moved(self, keys: np.ndarray, vals: np.ndarray) -> None:
        """An article was filed again: the postings of its key terms changed (their new recent
        entries go to the end of the flat array)."""
        for h in top(keys, vals, KEY_TERMS).tolist():
            recent = [self.code_of(sid) for sid in self.index.postings.get(h, [])[-self.cap:]]
            if self.used + len(recent) > len(self.flat):
                self.flat = np.concatenate([self.flat, np.zeros(len(self.flat) + len(recent), np.int64)])
            self.flat[self.used:self.used + len(recent)] = recent
            self.start[h], self.count[h] = self.used, len(recent)
            self.used += len(recent)

    def candidates(self, keys: np.ndarray, vals: np.ndarray) -> np.ndarray:
        """Codes of the stories `StoryIndex._candidates` returns for the vector, in its order:
        the same query terms, the same sums of shared weight (float64, added in the same order)
        and the same tie-break (the story met first)."""
        if not len(keys):
            return _EMPTY
        q = self.q
        if len(vals) > q:
            order = np.argpartition(-vals, q - 1)[:q]
            keys, vals = keys[order], vals[order]
        counts = self.count[keys]
        ends = np.cumsum(counts)
        n = int(ends[-1])
        if not n:
            return _EMPTY
        if n > len(self.ar):
            self.ar = np.arange(2 * n, dtype=np.int64)
        ar = self.ar[:n]
        parent = self.parent
        roots = parent[self.flat[ar + np.repeat(self.start[keys] - ends + counts, counts)]]
        while True:
            up = parent[roots]
            if np.array_equal(up, roots):
                break
            roots = up
        # each story once, in the order first met: the smallest position at which it occurs
        if len(self.pos) < len(parent):
            self.pos = np.full(len(parent), _FAR, np.int64)
        pos = self.pos
        np.minimum.at(pos, roots, ar)
        found = roots[pos[roots] == ar]
        if len(found) <= self.max_cand:
            pos[found] = _FAR
            return found
        pos[found] = self.ar[: len(found)]  # each entry's story as its rank in first-met order
        shared = np.bincount(pos[roots], weights=np.repeat(vals.astype(np.float64), counts))
        pos[found] = _FAR
        return found[np.argsort(-shared, kind="stable")[: self.max_cand]]


def dots(keys: np.ndarray, vals: np.ndarray, stories: list) -> np.ndarray:
    """Dot products (float64) of one sparse vector with the sum vectors of several stories."""
    return sdots(keys, vals, stories, HASH_BITS)


def refine_pass(index, rounds: int = 1) -> int:
    """StoryIndex.refine: every article in id order; `_refine_one` for those that may move."""
    moves = 0
    thr = index.threshold
    from .cluster import REFINE_MARGIN

    for _ in range(rounds):
        lk = _Lookup(index)
        stories, names, stored = index.stories, lk.names, index.stored
        for aid in sorted(stored):
            if aid in index.copy_of:
                continue
            art = stored[aid]
            own = stories[index.resolve(index.story_of[aid])]
            others = [stories[names[c]] for c in lk.candidates(art.keys, art.vals).tolist()]
            others = [st for st in others if st is not own]
            d = dots(art.keys, art.vals, [own] + others)
            n = own.units - 1
            own_score = 0.0 if n <= 0 else index._scaled_link(float(d[0]), art.vals, n, own, True, art.published,
                                                               art.lang)
            # a move needs sc >= thr and sc > own_score + margin; or own_score < thr / 2 (out)
            need = max(thr, own_score + REFINE_MARGIN) - SAFETY
            maybe = own.units > 1 and own_score - SAFETY < thr / 2
            if not maybe and others:
                units = np.array([st.units for st in others], np.float64)
                bound = np.divide(d[1:], units, out=np.zeros(len(others)), where=units > 0) * _MAX_SCALE
                for j in np.flatnonzero(bound >= need).tolist():
                    st = others[j]
                    sc = index._scaled_link(float(d[1 + j]), art.vals, st.units, st, False, art.published, art.lang)
                    if sc >= need:
                        maybe = True
                        break
            if maybe and index._refine_one(aid):
                moves += 1
                lk.moved(art.keys, art.vals)
                if own.id not in stories:
                    lk.gone(own.id)
    return moves


def merge_pass_fast(index, work: list[str]) -> int:
    """StoryIndex.merge_pass over a long work list: `_merge_one` for the stories that may merge."""
    from .cluster import COHESION_RATIO, LINK_FLOOR

    lk = _Lookup(index)
    stories, names = index.stories, lk.names
    thr = index.threshold
    merges = 0
    while work:
        sid = work.pop()
        st = stories.get(sid)
        if st is None:
            continue
        others = [stories[names[c]] for c in lk.candidates(st.keys, st.vals).tolist()]
        others = [o for o in others if o is not st]
        if not others:
            continue
        maybe = st.units <= 0
        if not maybe:
            d = dots(st.keys, st.vals, others)
            units = np.array([o.units for o in others], np.float64)
            maybe = bool((units <= 0).any())
            if not maybe:
                bound = d / (units * st.units) * _MAX_SCALE
                own_coh = st.cohesion()
                for j in np.flatnonzero(bound >= LINK_FLOOR - SAFETY).tolist():
                    link = index._story_link(st, others[j], float(d[j])) + SAFETY
                    if link >= thr:
                        maybe = True
                    elif link >= LINK_FLOOR:
                        cohs = [c for c in (own_coh, others[j].cohesion()) if c is not None]
                        maybe = bool(cohs) and link >= COHESION_RATIO * max(cohs)
                    if maybe:
                        break
        if maybe:
            gone = index._merge_one(sid, work)
            if gone is not None:
                merges += 1
                lk.gone(gone)
    return merges
