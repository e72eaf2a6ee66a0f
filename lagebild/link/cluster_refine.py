"""The batch clean-up passes of the story index (refine, merge pass) at a million articles.

Both passes look at every article (story) once and compare it with its own story and up to
MAX_CANDIDATES candidate stories. Done one Python step per posting entry and one numpy call per
candidate, that was most of the time of clustering a million articles (695 of 818 CPU-s, issue
18), although almost nothing moves (under 2 % of the articles, a few hundred merges).

Here each article's candidates come as integer story codes from the index's own postings
(postings.py: a posting's recent entries as one row of an int array, merges resolved by an array
of surviving stories, both kept up to date by the index as the passes change it) and its dot
products with all of them from one searchsorted over the candidates' concatenated vectors; the
per-candidate bounds are plain Python arithmetic on those few numbers (small numpy calls cost
more than they save there). Those scores (float64) only decide which articles cannot move: when
no candidate comes within SAFETY of the move (merge) rules, the article is skipped; otherwise
the original one-by-one step (`StoryIndex._refine_one`, `_merge_one`) runs and decides with the
very code and float32 arithmetic it always used. SAFETY is far above float32 rounding of these
sums (~1e-6), so the passes compute exactly what the one-by-one passes computed: the same moves,
merges and stories (tests/test_cluster_refine.py, test_cluster_batch_paths.py compare them).

Both passes take their work CHUNK articles (stories) at a time: the chunk's look-ups are one
gather over the postings (`Postings.lookup_many`), made against the index as it is; after a move
(merge) the articles (stories) of the chunk whose look-up it may have changed are looked up again
on their own (`_refine_chunk`, `_merge_chunk`). On a large index a second process computes the
refinement's dot products ahead (`_Ahead`): numbers for the screen only, never a decision.
"""
from __future__ import annotations

import gc
import mmap
import os
import threading

import numpy as np

from .similarity import HASH_BITS, KEY_TERMS, W_TEXT
from .sparse import sdots, top

SAFETY = 1e-4  # scores within this of a rule's bound go through the one-by-one step
# the largest language scale (a pair in two languages, similarity.language_scale): a bound that
# lets most candidates be dismissed before their exact scale and time factor are computed
_MAX_SCALE = 1.0 / (1.0 - W_TEXT)
CHUNK = 256  # articles whose candidates the refinement pass looks up together
AHEAD_FROM = 50_000  # articles from which a second process computes the refinement's screens ahead


def dots(keys: np.ndarray, vals: np.ndarray, stories: list) -> list[float]:
    """Dot products (float64) of one sparse vector with the sum vectors of several stories."""
    return sdots(keys, vals, stories, HASH_BITS).tolist()


def _may_move(index, art, own, others: list, d: list[float], margin: float) -> bool:
    """Whether `_refine_one` may move the article (`own` its story, `others` its candidate
    stories, d its dot products with [own] + others): True unless no rule comes within SAFETY."""
    thr = index.threshold
    scaled = index._scaled_link
    units = own.units
    own_score = 0.0 if units <= 1 else scaled(d[0], art.vals, units - 1, own, True, art.published, art.lang)
    # a move needs sc >= thr and sc > own_score + margin; or own_score < thr / 2 (out)
    if units > 1 and own_score - SAFETY < thr / 2:
        return True
    need = max(thr, own_score + margin) - SAFETY
    for st, raw in zip(others, d[1:]):
        n = len(st.article_ids) - st.copies
        # the link's bound (largest language scale, no time damping) first
        if n > 0 and raw / n * _MAX_SCALE >= need and \
                scaled(raw, art.vals, n, st, False, art.published, art.lang) >= need:
            return True
    return False


def refine_pass(index, rounds: int = 1) -> int:
    """StoryIndex.refine: every article in id order; `_refine_one` for those that may move.

    The articles are screened CHUNK at a time: their candidates are looked up together
    (`Postings.lookup_many`) against the index as it is. A move changes two stories (from, to) and
    the postings of the moved article's key terms, so after it an article of the chunk is looked up
    again on its own when its story, one of its posting entries or one of its query terms is among
    those; every other article's look-up is still what it would be now. On a large index a second
    process computes the screens' dot products ahead (`_Ahead`)."""
    moves = 0
    for _ in range(rounds):
        todo = [aid for aid in sorted(index.stored) if aid not in index.copy_of]  # copies never move
        chunks = [todo[s:s + CHUNK] for s in range(0, len(todo), CHUNK)]
        ahead = _Ahead.start(index, chunks, _article_screens) if len(todo) >= AHEAD_FROM else None
        changed: set[int] = set()  # codes of the stories moves changed since `ahead` started
        try:
            for c, chunk in enumerate(chunks):
                moves += _refine_chunk(index, chunk, ahead.get(c) if ahead else None, changed)
        finally:
            if ahead:
                ahead.stop()
    return moves


def _refine_chunk(index, aids: list[str], ahead: dict | None, changed: set[int]) -> int:
    """The refinement pass over one chunk of articles (`ahead`: the second process's dot products
    for it, keyed by (article, story code), or None); returns the moves made. Adds the codes of
    the stories it changes to `changed`."""
    from .cluster import MAX_CANDIDATES, REFINE_MARGIN, query_terms

    stories, postings = index.stories, index.postings
    names, code = postings.names, postings.code
    arts = [index.stored[a] for a in aids]
    owns = [stories[index.resolve(index.story_of[a])] for a in aids]
    queries = [query_terms(a.keys, a.vals) for a in arts]
    picked, roots, entry_vec = postings.lookup_many([k for k, _ in queries], [w for _, w in queries], MAX_CANDIDATES)
    own_code = [code[o.id] for o in owns]
    q_terms = np.concatenate([k for k, _ in queries])
    q_vec = np.repeat(np.arange(len(aids)), [len(k) for k, _ in queries])
    stale = np.zeros(len(aids), bool)
    moves = 0
    for i, aid in enumerate(aids):
        art = arts[i]
        if stale[i]:  # looked up again, its dot products computed here
            own = stories[index.resolve(index.story_of[aid])]
            codes = index.candidate_codes(art.keys, art.vals).tolist()
        else:
            own, codes = owns[i], picked[i].tolist()
        oc = code[own.id]
        codes = [oc] + [c for c in codes if c != oc]
        group = [stories[names[c]] for c in codes]
        # the second process's dot products of the stories no move changed since it read them
        known = ahead.get(aid, {}) if ahead is not None else {}
        d = [None if c in changed else known.get(c) for c in codes]
        missing = [j for j, x in enumerate(d) if x is None]
        if missing:
            for j, x in zip(missing, dots(art.keys, art.vals, [group[j] for j in missing])):
                d[j] = x
        if not _may_move(index, art, own, group[1:], d, REFINE_MARGIN) or not index._refine_one(aid):
            continue
        moves += 1  # the index keeps its postings and merge chains up to date itself
        touched = np.array([oc, code[index.resolve(index.story_of[aid])]], np.int64)  # from, to
        changed.update(touched.tolist())
        later = int(entry_vec.searchsorted(i + 1))
        stale[entry_vec[later:][np.isin(roots[later:], touched)]] = True
        stale[np.isin(own_code, touched)] = True
        stale[q_vec[np.isin(q_terms, top(art.keys, art.vals, KEY_TERMS))]] = True
    return moves


def _article_screens(index, aids: list[str]) -> list[tuple | None]:
    """For each article (the refinement's items): its vector and the codes of the stories it is
    screened against, its own first."""
    from .cluster import MAX_CANDIDATES, query_terms

    stories, code = index.stories, index.postings.code
    arts = [index.stored[a] for a in aids]
    own = [code[stories[index.resolve(index.story_of[a])].id] for a in aids]
    queries = [query_terms(a.keys, a.vals) for a in arts]
    picked = index.postings.lookup_many([k for k, _ in queries], [w for _, w in queries], MAX_CANDIDATES)[0]
    return [(a.keys, a.vals, [oc] + [x for x in found.tolist() if x != oc]) for a, oc, found in zip(arts, own, picked)]


def _story_screens(index, sids: list[str]) -> list[tuple | None]:
    """For each story (the merge pass's items; None when merged away): its sum vector and the
    codes of its candidate stories."""
    from .cluster import MAX_CANDIDATES, query_terms

    sts = [index.stories.get(sid) for sid in sids]
    live = [st for st in sts if st is not None]
    queries = [query_terms(st.keys, st.vals) for st in live]
    picked = iter(index.postings.lookup_many([k for k, _ in queries], [w for _, w in queries], MAX_CANDIDATES)[0]
                  if live else [])
    code = index.postings.code
    out = []
    for st in sts:
        if st is None:
            out.append(None)
            continue
        oc = code.get(st.id, -1)
        out.append((st.keys, st.vals, [x for x in next(picked).tolist() if x != oc]))
    return out


class _Ahead:
    """A clean-up pass's screens computed ahead by a second (forked) process: for every item of
    the chunks (an article of the refinement, a story of the merge pass), from the last chunk
    backwards, its look-up and its dot products with the stories it is screened against (`screens`
    says which), as the index was when the pass began. This process, working from the first chunk
    forwards, takes a chunk's dot products when that chunk is done and uses those of the stories
    no move (merge) has changed since; its look-ups it always makes itself, so a screen reads the
    very candidates the one-by-one step reads. The two meet about half way. Only the screens'
    numbers come from there: every move and merge is decided here by the one-by-one step. When no
    process can be forked, or it fails, every chunk is computed here, as without it."""

    def __init__(self, chunks: list[list[str]], screens):
        from .cluster import MAX_CANDIDATES

        self.chunks, self.screens = chunks, screens
        self.start_of = np.cumsum([0] + [len(c) for c in chunks]).tolist()
        width = MAX_CANDIDATES + 1
        n = self.start_of[-1]
        # shared with the second process: MAP_SHARED anonymous memory, made before the fork
        self._mem = mmap.mmap(-1, n * width * 12 + len(chunks) + 8)
        buf = memoryview(self._mem)
        self.codes = np.frombuffer(buf[:n * width * 4], np.int32).reshape(n, width)
        self.dots = np.frombuffer(buf[n * width * 4:n * width * 12], np.float64).reshape(n, width)
        self.done = np.frombuffer(buf[n * width * 12:n * width * 12 + len(chunks)], np.int8)
        self.reached = np.frombuffer(buf[n * width * 12 + len(chunks):], np.int64)  # this process's chunk
        self.reached[0] = -1
        self.pid = 0

    @classmethod
    def start(cls, index, chunks: list[list[str]], screens) -> "_Ahead | None":
        # forking a process that runs other threads could leave the copy holding their locks
        if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
            return None
        ahead = cls(chunks, screens)
        try:
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:  # the second process: compute, then leave at once (no clean-up of the parent's state)
            status = 1
            try:
                gc.disable()  # the index's objects stay as they are (no collection touching them)
                ahead._work(index)
                status = 0
            finally:
                os._exit(status)
        ahead.pid = pid
        return ahead

    def _work(self, index) -> None:
        stories, names = index.stories, index.postings.names
        for c in range(len(self.chunks) - 1, -1, -1):
            if c <= self.reached[0]:
                return  # this process got here first
            for row, screen in zip(range(self.start_of[c], self.start_of[c + 1]), self.screens(index, self.chunks[c])):
                codes = screen[2] if screen is not None else []
                self.codes[row, :len(codes)] = codes
                self.codes[row, len(codes):] = -1
                if codes:
                    self.dots[row, :len(codes)] = dots(screen[0], screen[1], [stories[names[x]] for x in codes])
            self.done[c] = 1

    def get(self, c: int) -> dict | None:
        """Chunk c's dot products, {item: {story code: dot product}}, when the second process has
        done it (None otherwise); tells it that this process has reached chunk c."""
        self.reached[0] = c
        if not self.done[c]:
            return None
        out = {}
        for row, item in zip(range(self.start_of[c], self.start_of[c + 1]), self.chunks[c]):
            codes = self.codes[row]
            k = int((codes >= 0).sum())
            out[item] = dict(zip(codes[:k].tolist(), self.dots[row, :k].tolist()))
        return out

    def stop(self) -> None:
        """End the second process (if it still works) and wait for it."""
        self.reached[0] = len(self.chunks)
        if self.pid:
            os.waitpid(self.pid, 0)
            self.pid = 0


def merge_pass_fast(index, work: list[str]) -> int:
    """StoryIndex.merge_pass over a work list (a stack: the last story first, a merged story pushed
    back and looked at next): `_merge_one` for the stories that may merge. The work list is taken
    CHUNK stories at a time, their candidates looked up together; a merge changes two stories (the
    one kept, the one merged away) and leads the postings of the second to the first, so a story of
    the chunk is looked up again on its own when one of those is among its posting entries (or is
    itself). On a long work list a second process computes the screens ahead (`_Ahead`)."""
    chunks = [work[max(0, e - CHUNK):e][::-1] for e in range(len(work), 0, -CHUNK)]  # in pop order
    work.clear()  # what `_merge_one` pushes is looked at at once (`_merge_chunk`)
    ahead = _Ahead.start(index, chunks, _story_screens) if len(chunks) * CHUNK >= AHEAD_FROM else None
    changed: set[int] = set()  # codes of the stories merges changed since `ahead` started
    merges = 0
    try:
        for c, chunk in enumerate(chunks):
            merges += _merge_chunk(index, chunk, work, ahead.get(c) if ahead else None, changed)
    finally:
        if ahead:
            ahead.stop()
    return merges


def _merge_chunk(index, sids: list[str], work: list[str], ahead: dict | None, changed: set[int]) -> int:
    """The merge pass over one chunk of stories (`ahead`: the second process's dot products for
    it, or None), each followed by the stories its merges push; returns the merges made. Adds the
    codes of the stories it changes to `changed`."""
    from .cluster import MAX_CANDIDATES, query_terms

    stories, postings = index.stories, index.postings
    code = postings.code
    none = (np.zeros(0, np.int32), np.zeros(0, np.float32))
    queries = [query_terms(st.keys, st.vals) if st is not None else none for st in map(stories.get, sids)]
    picked, roots, entry_vec = postings.lookup_many([k for k, _ in queries], [w for _, w in queries], MAX_CANDIDATES)
    own_code = np.array([code.get(sid, -1) for sid in sids], np.int64)
    stale = np.zeros(len(sids), bool)
    base = len(work)
    merges = 0
    for j, sid in enumerate(sids):
        codes = None if stale[j] else picked[j]
        known = ahead.get(sid) if ahead is not None else None
        while sid is not None:
            st = stories.get(sid)
            gone = _merge_step(index, st, codes, work, known, changed) if st is not None else None
            if gone is not None:
                merges += 1
                touched = np.array([code.get(gone, -1), code.get(index.resolve(gone), -1)], np.int64)  # away, kept
                changed.update(touched.tolist())
                row = int(entry_vec.searchsorted(j + 1))
                stale[entry_vec[row:][np.isin(roots[row:], touched)]] = True
                stale[np.isin(own_code, touched)] = True
            # a merged story is looked at again at once (looked up on its own), as `_merge_one` pushed it
            sid, codes, known = (work.pop() if len(work) > base else None), None, None
    return merges


def _merge_step(index, st, codes: np.ndarray | None, work: list[str], known: dict | None,
                changed: set[int]) -> str | None:
    """One story of the merge pass: screened with its candidates (`codes`, or looked up now when
    None) and its dot products with them (`known`: those the second process computed, used for the
    stories no merge changed since, this one included); `_merge_one` when it may merge. Returns the
    id of the story merged away (or None)."""
    from .cluster import COHESION_RATIO, LINK_FLOOR

    stories, postings = index.stories, index.postings
    names = postings.names
    if codes is None:
        codes = index.candidate_codes(st.keys, st.vals)
    oc = postings.code.get(st.id, -1)
    codes = [c for c in codes.tolist() if c != oc]
    others = [stories[names[c]] for c in codes]
    if not others:
        return None
    units = len(st.article_ids) - st.copies
    maybe = units <= 0
    if not maybe:
        thr = index.threshold
        if known is None or oc in changed:
            known = {}
        d = [None if c in changed else known.get(c) for c in codes]
        missing = [j for j, x in enumerate(d) if x is None]
        if missing:
            for j, x in zip(missing, dots(st.keys, st.vals, [others[j] for j in missing])):
                d[j] = x
        own_coh = False  # not computed yet
        for other, raw in zip(others, d):
            n = len(other.article_ids) - other.copies
            if n <= 0:
                maybe = True
                break
            if raw / (n * units) * _MAX_SCALE < LINK_FLOOR - SAFETY:
                continue
            link = index._story_link(st, other, raw) + SAFETY
            if link >= thr:
                maybe = True
            elif link >= LINK_FLOOR:
                if own_coh is False:
                    own_coh = st.cohesion()
                cohs = [c for c in (own_coh, other.cohesion()) if c is not None]
                maybe = bool(cohs) and link >= COHESION_RATIO * max(cohs)
            if maybe:
                break
    return index._merge_one(st.id, work) if maybe else None
