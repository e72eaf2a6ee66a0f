"""Story clustering (issue 7): an incremental, near-linear story index.

Algorithm (one configuration, the same for the eval and the pipeline):

1. Each article becomes a weighted sparse vector (similarity.py: text TF-IDF, entity names,
   numbers), so that similarity is a dot product; only its STORED_TERMS heaviest terms are kept
   (compact numpy arrays, 8 bytes a term).
2. Candidates: an inverted index maps each article's KEY_TERMS heaviest terms to the stories
   filed under them (only the POSTINGS_CAP most recent per term are looked at, and at most
   MAX_CANDIDATES stories are scored), so a new article costs the same whatever the size of
   the index -> linear time.
3. The article joins the candidate story with the highest average-link similarity (dot product
   with the story's sum vector / story size, damped by the time gap) if it reaches THRESHOLD;
   otherwise it founds a new story. Average link is what agglomerative clustering uses; keeping one
   sum vector per story makes it O(terms) instead of O(members).
4. When the joined story now links to another candidate story at THRESHOLD (average link
   between the two stories), the two merge: a streaming form of agglomerative merging.
5. In batch mode (`cluster_articles`) a refinement pass moves articles whose average link to
   another story is clearly higher than to their own, and a merge pass joins stories whose
   average link reaches THRESHOLD (both undo early, order-dependent choices; both linear).

Constants were chosen once on the ECB+ dev topics (training/cluster/sweep.py) and checked on the
German dev set (training/cluster/build_gnad_dev.py); nothing is tuned per dataset at run time.
Story ids are stable: 'story-' + a hash of the founding (earliest) article id; when two stories
merge, the older founder's id survives.
"""
from __future__ import annotations

import gc
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..records import AnalysedArticle, Entity
from .similarity import KEY_TERMS, Features, Vectoriser, days_between, dot, features_of_doc, time_factor

THRESHOLD = 0.22  # average-link similarity needed to join or merge
POSTINGS_CAP = 64  # stories per key term looked at (the most recent ones)
MAX_CANDIDATES = 16  # stories scored per new article (ranked by shared key-term weight)
MAX_STORY_TERMS = 600  # story sum vectors are pruned to their heaviest terms beyond 2x this
STORED_TERMS = 96  # per-article terms kept for refinement and evidence
REFINE_MARGIN = 0.02  # a move must gain at least this much average link

GC_FREEZE_FROM = 20_000  # articles in the index before long-lived objects leave the GC's view

_CHANNELS = ("text", "entities", "numbers")


def story_id_for(article_id: str) -> str:
    return "story-" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


# ---- compact sparse vectors: (sorted int32 keys, float32 values) ----------------------------
# Dicts of Python floats cost ~90 bytes a term; these arrays cost 8, which is what lets a
# million articles fit in a few GB.

def _compact(vec: dict[int, float]) -> tuple[np.ndarray, np.ndarray]:
    keys = np.fromiter(vec.keys(), dtype=np.int32, count=len(vec))
    vals = np.fromiter(vec.values(), dtype=np.float32, count=len(vec))
    order = np.argsort(keys)
    return keys[order], vals[order]


def _sdot(ak: np.ndarray, av: np.ndarray, bk: np.ndarray, bv: np.ndarray) -> float:
    if not len(ak) or not len(bk):
        return 0.0
    if len(ak) > len(bk):
        ak, av, bk, bv = bk, bv, ak, av
    idx = np.searchsorted(bk, ak)
    idx[idx == len(bk)] = 0
    hit = bk[idx] == ak
    return float(np.dot(av[hit], bv[idx[hit]]))


def _sadd(ak: np.ndarray, av: np.ndarray, bk: np.ndarray, bv: np.ndarray, sign: float = 1.0):
    keys = np.concatenate([ak, bk])
    uk, inv = np.unique(keys, return_inverse=True)
    vals = np.bincount(inv, weights=np.concatenate([av, sign * bv]), minlength=len(uk)).astype(np.float32)
    return uk.astype(np.int32), vals


def _top(keys: np.ndarray, vals: np.ndarray, k: int) -> np.ndarray:
    """Keys of the k heaviest entries."""
    if len(keys) <= k:
        return keys
    return keys[np.argpartition(-vals, k)[:k]]


@dataclass
class _Story:
    id: str
    founder: tuple[str, str]  # (published or '', article id): the earliest wins a merge
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    vals: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    article_ids: list[str] = field(default_factory=list)
    first: str | None = None
    last: str | None = None

    @property
    def size(self) -> int:
        return len(self.article_ids)

    def add_vector(self, keys: np.ndarray, vals: np.ndarray, sign: float = 1.0) -> None:
        self.keys, self.vals = _sadd(self.keys, self.vals, keys, vals, sign)
        if len(self.keys) > 2 * MAX_STORY_TERMS:  # keep memory bounded for huge stories
            keep = np.sort(np.argpartition(-np.abs(self.vals), MAX_STORY_TERMS)[:MAX_STORY_TERMS])
            self.keys, self.vals = self.keys[keep], self.vals[keep]

    def get(self, keys: np.ndarray) -> np.ndarray:
        """The story's weights at `keys` (0 where absent)."""
        out = np.zeros(len(keys), np.float32)
        if len(self.keys):
            idx = np.searchsorted(self.keys, keys)
            idx[idx == len(self.keys)] = 0
            hit = self.keys[idx] == keys
            out[hit] = self.vals[idx[hit]]
        return out

    def touch(self, published: str | None) -> None:
        if published:
            p = published[:10]
            self.first = min(self.first, p) if self.first else p
            self.last = max(self.last, p) if self.last else p


@dataclass
class _Stored:
    """What the index keeps per article: its truncated vector (sorted keys) and channels."""

    keys: np.ndarray
    vals: np.ndarray
    chan: np.ndarray
    published: str | None


class StoryIndex:
    """Incremental story index: `add(features)` files new articles without re-clustering."""

    def __init__(self, threshold: float | None = None):
        self.threshold = THRESHOLD if threshold is None else threshold
        self.vectoriser = Vectoriser()
        self.stories: dict[str, _Story] = {}
        self.redirect: dict[str, str] = {}  # merged story id -> surviving id
        self.postings: dict[int, list[str]] = defaultdict(list)
        self.story_of: dict[str, str] = {}
        self.stored: dict[str, _Stored] = {}
        self.joined_via: dict[str, str] = {}
        self.surface: dict[int, str] = {}  # entity/number bucket -> display form (evidence)

    # ---- public API -------------------------------------------------------------------------
    def add(self, feats: list[Features]) -> list[str]:
        """Add a batch of articles (document frequencies first, then assignment in date order).

        Returns the story id of each article, in input order (ids may later redirect on merges;
        `resolve` follows them)."""
        for f in feats:
            self.vectoriser.observe(f)
        order = sorted(range(len(feats)), key=lambda i: (feats[i].published or "9999", feats[i].article_id))
        for i in order:
            self._assign(feats[i])
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
        """Move articles to the story they link to best (batch clean-up); returns moves made."""
        moves = 0
        for _ in range(rounds):
            for aid in sorted(self.stored):
                art = self.stored[aid]
                own = self.stories[self.resolve(self.story_of[aid])]
                own_score = self._link(art.keys, art.vals, own, exclude=True, published=art.published)
                best, best_score = None, own_score
                for sid in self._candidates(art.keys, art.vals):
                    st = self.stories[sid]
                    if st is own:
                        continue
                    sc = self._link(art.keys, art.vals, st, published=art.published)
                    if sc > best_score + REFINE_MARGIN and sc >= self.threshold:
                        best, best_score = st, sc
                if best is None and own.size > 1 and own_score < self.threshold / 2:
                    best = self._new_story(aid, art.published)  # it fits nowhere
                if best is not None:
                    self._move(aid, own, best)
                    moves += 1
        return moves

    def merge_pass(self) -> int:
        """Agglomerative clean-up at story level: a story merges with the candidate story it
        links to best when that average link reaches the threshold; the merged story is looked
        at again (a work list, so the pass stays linear in the number of stories)."""
        merges = 0
        work = sorted(self.stories, key=lambda sid: self.stories[sid].founder, reverse=True)
        while work:
            sid = work.pop()
            st = self.stories.get(sid)
            if st is None:
                continue
            best = None
            for other_id in self._candidates(st.keys, st.vals):
                other = self.stories.get(other_id)
                if other is None or other is st:
                    continue
                link = _sdot(st.keys, st.vals, other.keys, other.vals) / (st.size * other.size)
                if link >= self.threshold and (best is None or link > best[0]):
                    best = (link, other)
            if best is not None:
                merged = self._merge(st, best[1])
                for aid in merged.article_ids:
                    self.joined_via[aid] = "merge"
                work.append(merged.id)
                merges += 1
        return merges

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
        """Stories filed under the vector's key terms, those sharing the most weight first
        (at most MAX_CANDIDATES are scored: the bound that keeps one insertion O(1))."""
        hits: dict[str, float] = defaultdict(float)
        if not len(keys):
            return []
        top = np.argpartition(-vals, min(KEY_TERMS, len(vals)) - 1)[:KEY_TERMS] if len(vals) > KEY_TERMS else range(len(vals))
        for i in top:
            posting = self.postings.get(int(keys[i]))
            if posting:
                w = float(vals[i])
                for sid in posting[-POSTINGS_CAP:]:
                    hits[self.resolve(sid)] += w
        if len(hits) <= MAX_CANDIDATES:
            return list(hits)
        return [sid for sid, _ in sorted(hits.items(), key=lambda kv: -kv[1])[:MAX_CANDIDATES]]

    def _link(self, keys: np.ndarray, vals: np.ndarray, st: _Story, exclude: bool = False,
              published: str | None = None) -> float:
        """Average-link similarity of an article to a story (optionally the article excluded)."""
        n = st.size - (1 if exclude else 0)
        if n <= 0:
            return 0.0
        raw = _sdot(keys, vals, st.keys, st.vals)
        if exclude:
            raw -= float(np.dot(vals, vals))
        gap = None
        if published and st.first:
            gap = min(days_between(published, st.first) or 0, days_between(published, st.last) or 0)
        return raw / n * time_factor(gap)

    def _new_story(self, aid: str, published: str | None) -> _Story:
        st = _Story(id=story_id_for(aid), founder=(published or "", aid))
        while st.id in self.stories or st.id in self.redirect:  # the same id added twice
            st.id += "x"
        self.stories[st.id] = st
        return st

    def _file(self, aid: str, st: _Story) -> None:
        art = self.stored[aid]
        st.article_ids.append(aid)
        st.add_vector(art.keys, art.vals)
        st.touch(art.published)
        self.story_of[aid] = st.id
        for h in _top(art.keys, art.vals, KEY_TERMS).tolist():
            posting = self.postings[h]
            if not posting or posting[-1] != st.id:
                posting.append(st.id)
                if len(posting) > 4 * POSTINGS_CAP:
                    del posting[: len(posting) - POSTINGS_CAP]  # only recent stories are looked at

    def _move(self, aid: str, src: _Story, dst: _Story) -> None:
        art = self.stored[aid]
        src.article_ids.remove(aid)
        src.add_vector(art.keys, art.vals, -1.0)
        self._file(aid, dst)
        self.joined_via[aid] = "refine"
        if not src.article_ids:
            del self.stories[src.id]
            self.redirect[src.id] = dst.id

    def _store(self, f: Features) -> _Stored:
        keys, vals, chan = self.vectoriser.arrays(f, STORED_TERMS)
        known = None
        for h, c in zip(keys.tolist(), chan.tolist()):
            if c > 0 and h not in self.surface:
                known = known if known is not None else f.surface()
                if h in known:
                    self.surface[h] = known[h]
        art = self.stored[f.article_id] = _Stored(keys, vals, chan, f.published)
        return art

    def _assign(self, f: Features) -> None:
        art = self._store(f)
        scored = sorted(((self._link(art.keys, art.vals, self.stories[sid], published=f.published), sid)
                         for sid in self._candidates(art.keys, art.vals)), reverse=True)
        if not scored or scored[0][0] < self.threshold:
            st = self._new_story(f.article_id, f.published)
            self._file(f.article_id, st)
            self.joined_via[f.article_id] = "founder"
            return
        st = self.stories[scored[0][1]]
        self._file(f.article_id, st)
        self.joined_via[f.article_id] = "similarity"
        # streaming agglomeration: the grown story may now link to another one as a whole
        for score, sid in scored[1:]:
            if score < self.threshold / 2:
                break
            other = self.stories.get(self.resolve(sid))
            if other is None or other is st:
                continue
            link = _sdot(st.keys, st.vals, other.keys, other.vals) / (st.size * other.size)
            if link >= self.threshold:
                st = self._merge(st, other)

    def _merge(self, a: _Story, b: _Story) -> _Story:
        keep, gone = (a, b) if a.founder <= b.founder else (b, a)
        for aid in gone.article_ids:
            self.story_of[aid] = keep.id
            self.joined_via[aid] = "merge"
        keep.article_ids.extend(gone.article_ids)
        keep.add_vector(gone.keys, gone.vals)
        for p in (gone.first, gone.last):
            keep.touch(p)
        del self.stories[gone.id]
        self.redirect[gone.id] = keep.id
        return keep

    def _evidence(self, aid: str, st: _Story) -> dict:
        """Why `aid` is in `st`: its average link to the other members, split by channel."""
        art = self.stored[aid]
        n = st.size - 1
        parts = {c: 0.0 for c in _CHANNELS}
        shared: dict[str, list[tuple[float, str]]] = {"entities": [], "numbers": []}
        if n > 0:
            rest = st.get(art.keys) - art.vals  # the rest of the story
            for h, v, c, other in zip(art.keys.tolist(), art.vals.tolist(), art.chan.tolist(), rest.tolist()):
                if other <= 1e-7:
                    continue
                contrib = v * other / n
                parts[_CHANNELS[c]] += contrib
                if c > 0 and h in self.surface:
                    shared[_CHANNELS[c]].append((contrib, self.surface[h]))
        score = sum(parts.values())
        via = self.joined_via.get(aid, "founder")
        if n > 0 and via != "founder":
            via = max(parts, key=parts.get)
        return {
            "article_id": aid,
            "score": round(score, 4),
            "similarity": {k: round(v, 4) for k, v in parts.items()},
            "shared_entities": [t for _, t in sorted(shared["entities"], reverse=True)[:10]],
            "shared_figures": [t for _, t in sorted(shared["numbers"], reverse=True)[:10]],
            "joined_via": via if n > 0 else "singleton",
        }


def cluster_articles(docs: list[AnalysedArticle]) -> list[dict]:
    """Group articles into stories: [{'id', 'article_ids', 'membership': [evidence rows]}].

    Membership rows: {article_id, score, similarity: {text, entities, numbers}, shared_entities,
    shared_figures, joined_via}."""
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


def story_title(docs: list[AnalysedArticle], entities: list[Entity]) -> str:
    """A title from the story's content: the title of its most central article.

    Central = highest average similarity to the other members; without titles, the first
    sentence of that article (cut at a word boundary), and failing that the key entities."""
    if not docs:
        return "Story"
    feats = [features_of_doc(d) for d in docs]
    vec = Vectoriser()
    for f in feats:
        vec.observe(f)
    vecs = [vec.vector(f)[0] for f in feats]
    total: dict[int, float] = defaultdict(float)
    for v in vecs:
        for h, w in v.items():
            total[h] += w
    def centrality(i: int) -> float:
        return dot(vecs[i], total) - dot(vecs[i], vecs[i])
    order = sorted(range(len(docs)), key=lambda i: (-centrality(i), docs[i].id))
    for i in order:
        t = (docs[i].article.title or "").strip()
        if t:
            return t
    for i in order:
        text = docs[i].article.text.strip()
        if text:
            first = text.split("\n", 1)[0]
            if len(first) > 120:
                first = first[:120].rsplit(" ", 1)[0] + " …"
            return first
    names = [e.name for e in sorted(entities, key=lambda e: -len(e.mentions))[:3]]
    return ", ".join(names) if names else "Story"
