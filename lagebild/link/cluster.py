"""Story clustering (issue 7): an incremental, near-linear story index.

Algorithm (one configuration, the same for the eval and the pipeline):

1. Each article becomes a weighted sparse vector (similarity.py: text TF-IDF, entity names,
   numbers), so that similarity is a dot product; only its STORED_TERMS heaviest terms are kept
   (compact numpy arrays, 8 bytes a term).
2. Candidates: an inverted index maps each article's KEY_TERMS heaviest terms to the stories
   filed under them; a new article looks up its QUERY_TERMS heaviest terms (only the
   POSTINGS_CAP most recent stories per term are looked at, and at most MAX_CANDIDATES stories
   are scored), so a new article costs the same whatever the size of the index -> linear time.
3. The article joins the candidate story with the highest average-link similarity (dot product
   with the story's sum vector / story size, damped by the time gap) if it reaches THRESHOLD;
   otherwise it founds a new story. Average link is what agglomerative clustering uses; keeping one
   sum vector per story makes it O(terms) instead of O(members).
   Two refinements of plain average link (issue 7: multi-outlet German stories):
   - near-copies: an article whose vector is >= DUP_SIM to one of the story's recent members (an
     agency text under two mastheads) is filed as that member's copy; copies are kept out of the
     sum vector and the size, so syndication does not count as two independent views;
   - relative linkage: a story's cohesion (average link among its members) is O(terms) from the
     sum vector and the members' squared norms. Multi-outlet coverage is loosely knit (every
     outlet brings its own facts and names: cohesion ~0.2), so an article also joins when its
     average link reaches COHESION_RATIO x the story's cohesion, never below LINK_FLOOR. A tight
     story (cohesion 0.35+) still needs THRESHOLD, which is what keeps two similar stories of
     one topic apart (ECB+).
4. When the joined story now links to another candidate story (average link between the two
   stories, damped by the time between their date ranges, same rules), the two merge: a
   streaming form of agglomerative merging.
5. In batch mode (`cluster_articles`) a refinement pass moves articles whose average link to
   another story is clearly higher than to their own, and a merge pass joins stories under the
   same rules (both undo early, order-dependent choices; both linear; cluster_refine.py skips
   the articles and stories that provably stay, which is what makes them fast at 1 M articles).

Constants were chosen once on the ECB+ dev topics and the German dev set together (training/cluster/
sweep.py, build_gnad_dev.py), the demo and the seeds as one-story checks; nothing is tuned at run time.
Story ids are stable: 'story-' + a hash of the founding article id; a merge keeps the older founder's.
"""
from __future__ import annotations

import gc
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..records import AnalysedArticle
from .similarity import (HASH_BITS, KEY_TERMS, Features, Vectoriser, _ordinal, days_between, features_of_doc,
                         language_scale, time_factor)
from .postings import Postings
from . import kernels
from .sparse import at, sadd, sdot, sdots, top

THRESHOLD = 0.22  # average-link similarity needed to join or merge
# An article looks stories up by more of its terms than it files under (KEY_TERMS): a follow-up
# whose heaviest terms are its own new names still finds the story by the names it shares.
QUERY_TERMS = 24
POSTINGS_CAP = 64  # stories per key term looked at (the most recent ones)
MAX_CANDIDATES = 16  # stories scored per new article (ranked by shared key-term weight)
MAX_STORY_TERMS = 600  # story sum vectors are pruned to their heaviest terms beyond 2x this
STORED_TERMS = 96  # per-article terms kept for refinement and evidence
REFINE_MARGIN = 0.02  # a move must gain at least this much average link
# Near-copies (agency copy in two outlets, a re-published article): an article whose vector is
# this close to one member is filed as that member's copy and counts as ONE unit in every
# average link, so that syndication does not weigh a story's view twice.
DUP_SIM = 0.8
# Relative linkage: a loosely knit story (members that are only moderately similar to each
# other, as in multi-outlet coverage where every outlet brings its own facts) also takes an
# article, or merges with a story, whose average link reaches COHESION_RATIO x the story's own
# cohesion (average link among its members), as long as it is at least LINK_FLOOR.
LINK_FLOOR = 0.16
COHESION_RATIO = 0.7
SCAN_MEMBERS = 24  # members (most recent) compared one by one in the near-copy check
SCAN_STORIES = 3  # best candidate stories whose members are compared one by one

LOCAL_MERGE = True  # `add` runs the merge pass on the stories its batch touched
GC_FREEZE_FROM = 20_000  # articles in the index before long-lived objects leave the GC's view

def _count(st: "_Story", lang: str, k: int) -> None:
    st.langs[lang] = st.langs.get(lang, 0) + k


def _day(published: str | None) -> int | None:
    """The day ordinal of a publication date (None when unknown or unreadable)."""
    return _ordinal(published[:10]) if published else None


def _time_at(day: int | None, st: "_Story") -> float:
    """time_factor of the distance in days from `day` to the nearer end of the story's date range
    (1 when either is unknown)."""
    a, b = st.first_day, st.last_day
    if day is None or a is None or b is None:
        return 1.0
    return time_factor(min(abs(day - a), abs(day - b)))


def _damped(raw: float, n: int, st: "_Story", langs: dict, day: int | None, lang: str) -> float:
    """An article's average link to a story from its dot product `raw` with n counted members:
    raw / n, damped by the time gap and scaled for the languages of the members `langs`
    (one-language stories, the usual case, need no language scale). The one formula of
    `StoryIndex._scaled_link`, also run per candidate by `_assign`."""
    scale = 1.0 if len(langs) == 1 and lang in langs else language_scale({lang: 1}, langs)
    return raw / n * _time_at(day, st) * scale


def query_terms(keys: np.ndarray, vals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The QUERY_TERMS heaviest terms of a vector (keys, weights), in argpartition's order: the
    order candidate stories are met in."""
    if len(vals) > QUERY_TERMS:
        order = np.argpartition(-vals, QUERY_TERMS - 1)[:QUERY_TERMS]
        return keys[order], vals[order]
    return keys, vals


def story_id_for(article_id: str) -> str:
    return "story-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class _Story:
    id: str
    founder: tuple[str, str]  # (published or '', article id): the earliest wins a merge
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    vals: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    article_ids: list[str] = field(default_factory=list)
    first: str | None = None
    last: str | None = None
    copies: int = 0  # members filed as near-copies of another member (not in the sum vector)
    sq: float = 0.0  # sum of the squared norms of the counted members' vectors (for cohesion)
    langs: dict = field(default_factory=dict)  # language -> counted members (cross-language links)
    # the day ordinals of first and last (None when unknown or unreadable), kept by `touch`
    first_day: int | None = field(default=None, init=False, repr=False, compare=False)
    last_day: int | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.first_day, self.last_day = _day(self.first), _day(self.last)

    @property
    def size(self) -> int:
        return len(self.article_ids)

    @property
    def units(self) -> int:
        """Independent members: what average links divide by (copies count once)."""
        return len(self.article_ids) - self.copies

    def cohesion(self) -> float | None:
        """Average link among the story's (counted) members: (|sum|^2 - sum of |v|^2) / (n(n-1)),
        O(terms) from the sum vector; None for a single member."""
        n = self.units
        if n < 2:
            return None
        return (float(np.dot(self.vals, self.vals)) - self.sq) / (n * (n - 1))

    def add_vector(self, keys: np.ndarray, vals: np.ndarray, sign: float = 1.0) -> None:
        self.keys, self.vals = sadd(self.keys, self.vals, keys, vals, sign)
        if len(self.keys) > 2 * MAX_STORY_TERMS:  # keep memory bounded for huge stories
            keep = np.sort(np.argpartition(-np.abs(self.vals), MAX_STORY_TERMS)[:MAX_STORY_TERMS])
            self.keys, self.vals = self.keys[keep], self.vals[keep]

    def get(self, keys: np.ndarray) -> np.ndarray:
        """The story's weights at `keys` (0 where absent)."""
        return at(self.keys, self.vals, keys)

    def touch(self, published: str | None) -> None:
        if published:
            p = published[:10]
            if not self.first or p < self.first:
                self.first, self.first_day = p, _day(p)
            if not self.last or p > self.last:
                self.last, self.last_day = p, _day(p)


@dataclass
class _Stored:
    """What the index keeps per article: its truncated vector (sorted keys) and channels."""

    keys: np.ndarray
    vals: np.ndarray
    chan: np.ndarray
    published: str | None
    length: int = 0  # word tokens (text channel), to tell the fullest of near-copies
    lang: str = "de"


class StoryIndex:
    """Incremental story index: `add(features)` files new articles without re-clustering."""

    def __init__(self, threshold: float | None = None):
        self.threshold = THRESHOLD if threshold is None else threshold
        self.vectoriser = Vectoriser()
        self.stories: dict[str, _Story] = {}
        self.redirect: dict[str, str] = {}  # merged story id -> surviving id
        self.postings = Postings(POSTINGS_CAP, 1 << HASH_BITS)  # key term -> recent stories
        self.story_of: dict[str, str] = {}
        self.stored: dict[str, _Stored] = {}
        self.joined_via: dict[str, str] = {}
        self.surface: dict[int, str] = {}  # entity/number bucket -> display form (evidence)
        self.copy_of: dict[str, str] = {}  # near-copy article -> the member it copies
        self.copies_of: dict[str, list[str]] = defaultdict(list)

    def __setstate__(self, state: dict) -> None:
        old_format = "copy_of" not in state
        # indexes pickled before near-copies and cohesion were tracked: no copies, sq recomputed
        state.setdefault("copy_of", {})
        state.setdefault("copies_of", defaultdict(list))
        self.__dict__.update(state)
        if isinstance(self.postings, dict):  # pickled before the postings were integer-coded
            self.postings = Postings.from_items(self.postings.items(), self.redirect, POSTINGS_CAP, 1 << HASH_BITS)
        if old_format:
            for st in self.stories.values():
                st.sq = sum(float(np.dot(self.stored[a].vals, self.stored[a].vals)) for a in st.article_ids)
        for st in self.stories.values():  # indexes pickled before the day ordinals or the languages
            st.__post_init__()
            if not hasattr(st, "langs"):
                st.langs = {}
                for a in st.article_ids:
                    if a not in self.copy_of:
                        _count(st, self.stored[a].lang, 1)

    # ---- public API -------------------------------------------------------------------------
    def add(self, feats: list[Features]) -> list[str]:
        """Add a batch of articles (document frequencies first, then assignment in date order).

        Returns the story id of each article, in input order (ids may later redirect on merges;
        `resolve` follows them)."""
        if len(self.stored) + len(feats) >= kernels.JIT_FROM:
            kernels.activate()  # compiled inner loops (numba, when installed): the same results, faster
        for f in feats:
            self.vectoriser.observe(f)
        order = sorted(range(len(feats)), key=lambda i: (feats[i].published or "9999", feats[i].article_id))
        # the batch's vectors in one pass: the frequencies stay as observed while it is assigned
        for i, vec in zip(order, self.vectoriser.arrays_many([feats[i] for i in order], STORED_TERMS)):
            self._assign(feats[i], vec)
        if LOCAL_MERGE:
            # stories this batch touched may now link as wholes to stories filed earlier (or in
            # another order): the same merge rule, on the touched stories only (O(batch))
            self.merge_pass({self.story_of[f.article_id] for f in feats})
        if len(self.stored) >= GC_FREEZE_FROM:
            # The index's objects live as long as the index: without this, every full garbage
            # collection rescans all of them and insertion slows down as the index grows.
            gc.freeze()
        return [self.resolve(self.story_of[f.article_id]) for f in feats]

    def add_docs(self, docs: list[AnalysedArticle]) -> list[str]:
        return self.add([features_of_doc(d) for d in docs])

    def resolve(self, sid: str) -> str:
        while sid in self.redirect:
            sid = self.redirect[sid]
        return sid

    def refine(self, rounds: int = 1) -> int:
        """Move articles to the story they link to best (batch clean-up); returns moves made.
        Each article in id order (`_refine_one`; cluster_refine skips those that provably stay)."""
        return _fast.refine_pass(self, rounds)

    def _refine_one(self, aid: str) -> bool:
        """One article of the refinement pass: moved to the candidate story it links to clearly
        better than to its own (or out on its own when it fits nowhere); True when it moved."""
        if aid in self.copy_of:
            return False  # a copy goes wherever its original goes
        art = self.stored[aid]
        own = self.stories[self.resolve(self.story_of[aid])]
        own_score = self._link(art.keys, art.vals, own, exclude=True, published=art.published, lang=art.lang)
        best, best_score = None, own_score
        for sid in self._candidates(art.keys, art.vals):
            st = self.stories[sid]
            if st is own:
                continue
            sc = self._link(art.keys, art.vals, st, published=art.published, lang=art.lang)
            if sc > best_score + REFINE_MARGIN and sc >= self.threshold:
                best, best_score = st, sc
        if best is None and own.units > 1 and own_score < self.threshold / 2:
            best = self._new_story(aid, art.published)  # it fits nowhere
        if best is None:
            return False
        self._move(aid, own, best)
        return True

    def merge_pass(self, story_ids=None) -> int:
        """Agglomerative clean-up at story level: a story merges with the candidate story it
        links to best when that link passes `_should_merge`; the merged story is looked at again
        (a work list, so the pass stays linear in the number of stories). `story_ids` limits the
        work list (`add` passes the stories a batch touched); default: every story."""
        ids = self.stories if story_ids is None else {self.resolve(s) for s in story_ids} & self.stories.keys()
        work = sorted(ids, key=lambda sid: self.stories[sid].founder, reverse=True)
        # each story screened with one numpy pass; `_merge_one` only for those that may merge
        return _fast.merge_pass_fast(self, work)

    def _merge_one(self, sid: str, work: list[str]) -> str | None:
        """One step of the merge pass; returns the id of the story merged away (or None)."""
        st = self.stories.get(sid)
        if st is None:
            return None
        best = None
        others = [o for o in map(self.stories.get, self._candidates(st.keys, st.vals)) if o is not None and o is not st]
        raws = sdots(st.keys, st.vals, others, HASH_BITS).tolist() if others else []
        for other, raw in zip(others, raws):
            link = self._story_link(st, other, raw)
            if best is None or link > best[0]:
                if self._should_merge(st, other, link):
                    best = (link, other)
        if best is None:
            return None
        merged = self._merge(st, best[1])
        for aid in merged.article_ids:
            self.joined_via[aid] = "merge"
        work.append(merged.id)
        return best[1].id if merged is st else st.id

    def clusters(self, ids_from_members: bool = False) -> list[dict]:
        """Every story: {'id', 'article_ids', 'membership': [evidence rows]}, largest first.

        The index keeps the founder's id for good (stable for incremental use); a one-off batch
        can instead name each story after its earliest member (`ids_from_members`), which is the
        same id for the same articles whatever the order they came in."""
        out = []
        for st in self.stories.values():
            if not st.article_ids:
                continue
            members = sorted(st.article_ids, key=lambda a: (self.stored[a].published or "9999", a))
            rows = [self._evidence(a, st) for a in members]
            sid = story_id_for(members[0]) if ids_from_members else st.id
            out.append({"id": sid, "article_ids": members, "membership": rows})
        out.sort(key=lambda c: (-len(c["article_ids"]), c["id"]))
        return out

    # ---- internals --------------------------------------------------------------------------
    def _candidates(self, keys: np.ndarray, vals: np.ndarray) -> list[str]:
        """Story ids (resolved through merges) sharing one of the vector's QUERY_TERMS heaviest
        terms, capped at MAX_CANDIDATES (by shared key-term weight; ties: the story met first).
        The postings are integer-coded rings (postings.py): the look-up is a few numpy
        operations over the query terms' rows, not one Python step per entry (issue 18)."""
        names = self.postings.names
        return [names[c] for c in self.candidate_codes(keys, vals).tolist()]

    def candidate_codes(self, keys: np.ndarray, vals: np.ndarray) -> np.ndarray:
        """`_candidates` as story codes of the postings (`postings.names[code]` is the id): what
        the clean-up passes (cluster_refine) read."""
        if not len(keys):
            return np.zeros(0, np.int64)
        return self.postings.candidate_codes(*query_terms(keys, vals), MAX_CANDIDATES)

    def _link(self, keys: np.ndarray, vals: np.ndarray, st: _Story, exclude: bool = False,
              published: str | None = None, lang: str = "de") -> float:
        """Average-link similarity of an article to a story (optionally the article excluded)."""
        n = st.units - (1 if exclude else 0)
        if n <= 0:
            return 0.0
        return self._scaled_link(sdot(keys, vals, st.keys, st.vals), vals, n, st, exclude, published, lang)

    def _scaled_link(self, raw: float, vals: np.ndarray, n: int, st: _Story, exclude: bool,
                     published: str | None, lang: str) -> float:
        """`_link` from the dot product with the story's sum vector (n = the members counted)."""
        langs = st.langs
        if exclude:
            raw -= float(np.dot(vals, vals))
            if len(langs) > 1:  # the article itself does not count
                langs = dict(langs)
                langs[lang] = langs.get(lang, 1) - 1
        return _damped(raw, n, st, langs, _day(published), lang)

    def _units(self, st: _Story, k: int) -> list[str]:
        """The story's k most recently filed members that are not copies (bounded work)."""
        out = []
        for aid in reversed(st.article_ids):
            if aid not in self.copy_of:
                out.append(aid)
                if len(out) == k:
                    break
        return out

    def _closest(self, art: _Stored, st: _Story) -> tuple[float, str | None]:
        """(similarity, member) of the story's recent member most similar to the article."""
        best, who = 0.0, None
        members = self._units(st, SCAN_MEMBERS)
        for aid, sim in zip(members, sdots(art.keys, art.vals, [self.stored[a] for a in members], HASH_BITS).tolist()):
            if sim > best:
                best, who = sim, aid
        return best, who

    def _story_link(self, a: _Story, b: _Story, raw: float | None = None) -> float:
        """Average link between two stories (copies count once), damped by the time between
        their date ranges like an article's link (0 days when the ranges overlap); `raw`: the
        dot product of their sum vectors when known."""
        raw = sdot(a.keys, a.vals, b.keys, b.vals) if raw is None else raw
        link = raw / (a.units * b.units) * language_scale(a.langs, b.langs)
        gap = None
        if a.first and b.first:
            early, late = (a, b) if a.first <= b.first else (b, a)
            gap = 0.0 if late.first <= early.last else days_between(early.last, late.first)
        return link * time_factor(gap)

    def _should_join(self, score: float, st: _Story) -> bool:
        """An article joins: its average link reaches the threshold, or the floor and the
        story's own cohesion scaled by COHESION_RATIO."""
        if score >= self.threshold:
            return True
        coh = st.cohesion()
        return coh is not None and score >= LINK_FLOOR and score >= COHESION_RATIO * coh

    def _should_merge(self, a: _Story, b: _Story, link: float) -> bool:
        """Two stories merge: average link reaches the threshold, or the floor and the
        cohesion of the tighter of the two (scaled)."""
        if link >= self.threshold:
            return True
        if link < LINK_FLOOR:
            return False
        cohs = [c for c in (a.cohesion(), b.cohesion()) if c is not None]
        return bool(cohs) and link >= COHESION_RATIO * max(cohs)

    def _new_story(self, aid: str, published: str | None) -> _Story:
        st = _Story(id=story_id_for(aid), founder=(published or "", aid))
        while st.id in self.stories or st.id in self.redirect:  # the same id added twice
            st.id += "x"
        self.stories[st.id] = st
        return st

    def _file(self, aid: str, st: _Story, copy_of: str | None = None) -> None:
        art = self.stored[aid]
        st.article_ids.append(aid)
        if copy_of is None:
            st.add_vector(art.keys, art.vals)
            st.sq += float(np.dot(art.vals, art.vals))
            _count(st, art.lang, 1)
        else:  # a near-copy adds nothing to the story's view: its original is already counted
            st.copies += 1
            self.copy_of[aid] = copy_of
            self.copies_of[copy_of].append(aid)
        st.touch(art.published)
        self.story_of[aid] = st.id
        self.postings.append_many(top(art.keys, art.vals, KEY_TERMS), st.id)

    def _promote(self, copy: str, st: _Story) -> None:
        """Make a copy the counted member of its group instead of its original: syndicated
        copies are often cut (a dropped last paragraph), the fullest one carries most of the
        story. The order articles arrive in then does not decide which copy speaks."""
        old = self.copy_of.pop(copy)
        group = [c for c in self.copies_of.pop(old) if c != copy] + [old]
        for c in group:
            self.copy_of[c] = copy
        self.copies_of[copy] = group
        a, b = self.stored[old], self.stored[copy]
        st.add_vector(a.keys, a.vals, -1.0)
        st.add_vector(b.keys, b.vals)
        st.sq += float(np.dot(b.vals, b.vals)) - float(np.dot(a.vals, a.vals))
        _count(st, a.lang, -1)
        _count(st, b.lang, 1)
        self.joined_via[copy], self.joined_via[old] = self.joined_via.get(old, "founder"), "duplicate"

    def _move(self, aid: str, src: _Story, dst: _Story) -> None:
        art = self.stored[aid]
        src.article_ids.remove(aid)
        src.add_vector(art.keys, art.vals, -1.0)
        src.sq -= float(np.dot(art.vals, art.vals))
        _count(src, art.lang, -1)
        self._file(aid, dst)
        self.joined_via[aid] = "refine"
        for copy in self.copies_of.get(aid, ()):  # copies stay with their original
            src.article_ids.remove(copy)
            src.copies -= 1
            dst.article_ids.append(copy)
            dst.copies += 1
            dst.touch(self.stored[copy].published)
            self.story_of[copy] = dst.id
        if not src.article_ids:
            self._retire(src, dst)

    def _store(self, f: Features, vec: tuple[np.ndarray, np.ndarray, np.ndarray]) -> _Stored:
        """Keep the article: `vec` is its `vectoriser.arrays(f, STORED_TERMS)` (`add` makes the
        batch's vectors in one pass)."""
        keys, vals, chan = vec
        known = None
        for h in keys[chan > 0].tolist():  # entity and number buckets
            if h not in self.surface:
                known = known if known is not None else f.surface()
                if h in known:
                    self.surface[h] = known[h]
        art = self.stored[f.article_id] = _Stored(keys, vals, chan, f.published, sum(f.words.values()), f.language)
        return art

    def _assign(self, f: Features, vec: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
        art = self._store(f, vec)
        cands = self._candidates(art.keys, art.vals)
        found = [self.stories[sid] for sid in cands]
        raws = sdots(art.keys, art.vals, found, HASH_BITS).tolist() if found else []
        # each candidate's `_scaled_link` (0 without counted members), the article's day looked up once
        day = _day(f.published)
        scored = sorted(((_damped(raw, st.units, st, st.langs, day, art.lang) if st.units > 0 else 0.0, sid)
                         for raw, st, sid in zip(raws, found, cands)), reverse=True)
        chosen = None
        # the best few candidates are also compared member by member: a near-copy joins its
        # original's story whatever the average, and one strong link backs a fair average
        for score, sid in scored[:SCAN_STORIES]:
            st = self.stories[sid]
            # score x units is the (damped) sum of the dots with all members (all weights are
            # positive), so no single member can reach DUP_SIM when it is below: skip the scan
            sim, member = self._closest(art, st) if score * st.units >= DUP_SIM else (0.0, None)
            if sim * _time_at(day, st) >= DUP_SIM:
                self._file(f.article_id, st, copy_of=member)
                self.joined_via[f.article_id] = "duplicate"
                if art.length > self.stored[member].length:
                    self._promote(f.article_id, st)
                return
            if chosen is None and self._should_join(score, st):
                chosen = st
        if chosen is None:
            st = self._new_story(f.article_id, f.published)
            self._file(f.article_id, st)
            self.joined_via[f.article_id] = "founder"
            return
        st = chosen
        self._file(f.article_id, st)
        self.joined_via[f.article_id] = "similarity"
        # streaming agglomeration: the grown story may now link to another one as a whole
        for score, sid in scored[1:]:
            if score < self.threshold / 2:
                break
            other = self.stories.get(self.resolve(sid))
            if other is None or other is st:
                continue
            if self._should_merge(st, other, self._story_link(st, other)):
                st = self._merge(st, other)

    def _merge(self, a: _Story, b: _Story) -> _Story:
        keep, gone = (a, b) if a.founder <= b.founder else (b, a)
        for aid in gone.article_ids:
            self.story_of[aid] = keep.id
            self.joined_via[aid] = "merge"
        keep.article_ids.extend(gone.article_ids)
        keep.copies += gone.copies
        keep.sq += gone.sq
        for lang, c in gone.langs.items():
            _count(keep, lang, c)
        keep.add_vector(gone.keys, gone.vals)
        for p in (gone.first, gone.last):
            keep.touch(p)
        self._retire(gone, keep)
        return keep

    def _retire(self, gone: _Story, keep: _Story) -> None:
        """Story `gone` was merged into or emptied towards `keep`: its id and its postings lead there."""
        del self.stories[gone.id]
        self.redirect[gone.id] = keep.id
        self.postings.redirect(gone.id, keep.id)

    def _evidence(self, aid: str, st: _Story) -> dict:
        """Why `aid` is in `st`: its average link to the other members, split by channel
        (cluster_evidence.evidence_row)."""
        return evidence_row(self, aid, st)


def cluster_articles(docs: list[AnalysedArticle]) -> list[dict]:
    """Group articles into stories: [{'id', 'article_ids', 'membership': [evidence rows]}].

    Membership rows: {article_id, score, similarity: {text, entities, numbers}, shared_entities,
    shared_figures, joined_via}; a near-copy has joined_via 'duplicate' plus duplicate_of (the
    member it copies) and duplicate_similarity, and its score is its link to the other members."""
    return cluster_features([features_of_doc(d) for d in docs])


def cluster_features(feats: list[Features]) -> list[dict]:
    """Batch clustering of pre-computed features (what `cluster_articles` and the eval share)."""
    if not feats:
        return []
    index = StoryIndex()
    index.add(feats)
    index.refine()
    index.merge_pass()
    return index.clusters(ids_from_members=True)


from . import cluster_refine as _fast  # noqa: E402  (the fast clean-up passes)
from .cluster_evidence import evidence_row  # noqa: E402
from .titles import story_title  # noqa: E402,F401  (re-exported: the story API lives here)
