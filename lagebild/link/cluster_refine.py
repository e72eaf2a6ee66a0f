"""The batch clean-up passes of the story index (refine, merge pass) at a million articles.

Both passes look at every article (story) once and compare it with its own story and up to
MAX_CANDIDATES candidate stories. Done one Python step per posting entry and one numpy call per
candidate, that was most of the time of clustering a million articles (695 of 818 CPU-s, issue
18), although almost nothing moves (under 2 % of the articles, a few hundred merges).

Here each article's candidates come as integer story codes from the index's own postings
(postings.py: a posting's recent entries as one row of an int array, merge chains resolved by an
array of parents, both kept up to date by the index as the passes change it) and its dot products
with all of them from one searchsorted over the candidates' concatenated vectors. Those scores (float64) only decide which articles cannot move: when no candidate comes
within SAFETY of the move (merge) rules, the article is skipped; otherwise the original one-by-
one step (`StoryIndex._refine_one`, `_merge_one`) runs and decides with the very code and float32
arithmetic it always used. SAFETY is far above float32 rounding of these sums (~1e-6), so the
passes compute exactly what the one-by-one passes computed: the same moves, merges and stories
(tests/test_cluster_refine.py compares them).
"""
from __future__ import annotations

import numpy as np

from .similarity import HASH_BITS, W_TEXT
from .sparse import sdots

SAFETY = 1e-4  # scores within this of a rule's bound go through the one-by-one step
# the largest language scale (a pair in two languages, similarity.language_scale): a bound that
# lets most candidates be dismissed before their exact scale and time factor are computed
_MAX_SCALE = 1.0 / (1.0 - W_TEXT)


def dots(keys: np.ndarray, vals: np.ndarray, stories: list) -> np.ndarray:
    """Dot products (float64) of one sparse vector with the sum vectors of several stories."""
    return sdots(keys, vals, stories, HASH_BITS)


def refine_pass(index, rounds: int = 1) -> int:
    """StoryIndex.refine: every article in id order; `_refine_one` for those that may move."""
    moves = 0
    thr = index.threshold
    from .cluster import REFINE_MARGIN

    for _ in range(rounds):
        stories, names, stored = index.stories, index.postings.names, index.stored
        for aid in sorted(stored):
            if aid in index.copy_of:
                continue
            art = stored[aid]
            own = stories[index.resolve(index.story_of[aid])]
            others = [stories[names[c]] for c in index.candidate_codes(art.keys, art.vals).tolist()]
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
                moves += 1  # the index keeps its postings and merge chains up to date itself
    return moves


def merge_pass_fast(index, work: list[str]) -> int:
    """StoryIndex.merge_pass over a long work list: `_merge_one` for the stories that may merge."""
    from .cluster import COHESION_RATIO, LINK_FLOOR

    stories, names = index.stories, index.postings.names
    thr = index.threshold
    merges = 0
    while work:
        sid = work.pop()
        st = stories.get(sid)
        if st is None:
            continue
        others = [stories[names[c]] for c in index.candidate_codes(st.keys, st.vals).tolist()]
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
            merges += index._merge_one(sid, work) is not None
    return merges
