"""The story index's inverted index: key term -> the stories most recently filed under it.

Stories are coded as integers once (`code`), each term's recent stories sit in one row of an
int32 table used as a ring (the last `cap` entries, oldest first when read), and merges are an
array of parents. A new article's candidate stories then come from a few numpy operations over
its query terms' rows instead of one Python step per posting entry (the dict-of-lists postings
were about a third of the insertion time at 300 k articles, issue 18). The semantics are those
of the lists they replace: an entry is appended unless the posting's last entry is the same
story, and only the last `cap` entries are ever looked at.

Two layout choices keep a look-up short (issue 18, the 1 M-article batch): each ring is stored
twice side by side (slots i and i + cap hold the same entry), so a row's recent entries are one
contiguous stretch whatever the ring's start, read with one `take`; and `parent` holds every
code's surviving story directly (a redirect re-points the codes merged into the story that goes),
so entries are resolved with one gather instead of walking chains of merges.
"""
from __future__ import annotations

import numpy as np

from . import kernels

_FAR = kernels.FAR  # an unmarked story code in the scratch marks
_EMPTY = np.zeros(0, np.int64)


class Postings:
    def __init__(self, cap: int, buckets: int):
        self.cap = cap
        self.code: dict[str, int] = {}
        self.names: list[str] = []
        self.parent = np.zeros(1024, np.int64)  # code -> code of its surviving story
        self.group: dict[int, list[int]] = {}  # surviving code -> the codes merged into it (itself included)
        self.row_of = np.full(buckets, -1, np.int32)  # term -> row in the table (-1: no posting)
        self.table = np.zeros((1024, 2 * cap), np.int32)  # row -> ring of story codes, stored twice
        self.count = np.zeros(1024, np.int64)  # entries ever appended to the row
        self.rows = 0
        self._ar = np.arange(cap, dtype=np.int64)
        self._mark = np.zeros(0, np.int64)  # scratch (all _FAR between look-ups): a story code's first position in a look-up

    def __setstate__(self, state: dict) -> None:
        """Postings pickled before the doubled rings and direct parents are brought to them."""
        self.__dict__.update(state)
        self._mark = np.zeros(0, np.int64)  # scratch: made anew on first use (an unpickled one was slower)
        if self.table.shape[1] == self.cap:
            self.table = np.concatenate([self.table, self.table], axis=1)
        if "group" not in state:
            parent = self.parent
            roots = parent.copy()
            while True:
                up = parent[roots]
                if np.array_equal(up, roots):
                    break
                roots = up
            self.parent = roots
            self.group = {}
            for c, r in enumerate(roots[:len(self.names)].tolist()):
                if c != r:
                    self.group.setdefault(r, [r]).append(c)

    # ---- story codes and merges ------------------------------------------------------------
    def code_of(self, sid: str) -> int:
        c = self.code.get(sid)
        if c is None:
            c = self.code[sid] = len(self.names)
            self.names.append(sid)
            if c >= len(self.parent):
                self.parent = np.concatenate([self.parent, np.zeros(len(self.parent), np.int64)])
            self.parent[c] = c
        return c

    def redirect(self, gone: str, keep: str) -> None:
        """Story `gone` was merged into (or emptied towards) `keep`: its entries now lead there
        (and so do the entries of the stories merged into `gone` before)."""
        g = self.code_of(gone)
        k = int(self.parent[self.code_of(keep)])
        if g == k:
            return
        h = int(self.parent[g])
        if h != g:  # not a surviving story (never so in the index): only its own entries lead on
            self.group[h].remove(g)
            self._repoint([g], k)
            return
        self._repoint(self.group.pop(g, [g]), k)

    def _repoint(self, codes: list[int], root: int) -> None:
        self.parent[codes] = root
        members = self.group.get(root)
        if members is None:
            members = self.group[root] = [root]
        members.extend(codes)

    # ---- the lists' interface ----------------------------------------------------------------
    def _new_rows(self, k: int) -> int:
        """Room for k more rows; returns the first new row."""
        row = self.rows
        while row + k > len(self.table):
            self.table = np.concatenate([self.table, np.zeros_like(self.table)])
            self.count = np.concatenate([self.count, np.zeros_like(self.count)])
        self.rows += k
        return row

    def append(self, term: int, sid: str) -> None:
        """Append `sid` to the term's posting unless it is already the last entry."""
        c = self.code_of(sid)
        row = int(self.row_of[term])
        if row < 0:
            row = self._new_rows(1)
            self.row_of[term] = row
        n = int(self.count[row])
        cap = self.cap
        if n and self.table[row, (n - 1) % cap] == c:
            return
        self.table[row, n % cap] = self.table[row, n % cap + cap] = c
        self.count[row] = n + 1

    def append_many(self, terms: np.ndarray, sid: str) -> None:
        """`append(term, sid)` for each of several distinct terms, in one pass."""
        c = self.code_of(sid)
        rows = self.row_of[terms]
        new = rows < 0
        if new.any():
            k = int(new.sum())
            fresh = np.arange(self._new_rows(k), self.rows, dtype=np.int32)
            rows[new] = fresh
            self.row_of[terms[new]] = fresh
        n = self.count[rows]
        cap = self.cap
        table = self.table
        add = (n == 0) | (table[rows, (n - 1) % cap] != c)
        rows, n = rows[add], n[add]
        slot = n % cap
        table[rows, slot] = c
        table[rows, slot + cap] = c
        self.count[rows] = n + 1

    def _row_codes(self, row: int) -> list[int]:
        """The row's entries, oldest first."""
        n = int(self.count[row])
        k = min(n, self.cap)
        s = (n - k) % self.cap
        return self.table[row, s:s + k].tolist()

    def get(self, term: int, default=None) -> list[str] | None:
        """The term's recent entries (story ids as filed, oldest first), or `default`."""
        row = int(self.row_of[term]) if 0 <= term < len(self.row_of) else -1
        if row < 0:
            return default
        return [self.names[c] for c in self._row_codes(row)]

    def items(self):
        """(term, recent story ids) for every term with a posting (what the store keeps)."""
        terms = np.flatnonzero(self.row_of >= 0)
        for t in terms.tolist():
            yield t, [self.names[c] for c in self._row_codes(int(self.row_of[t]))]

    def __len__(self) -> int:
        return self.rows

    @classmethod
    def from_items(cls, items, redirect: dict[str, str], cap: int, buckets: int) -> "Postings":
        p = cls(cap, buckets)
        for term, ids in items:
            for sid in ids[-cap:]:
                p.append(int(term), sid)
        for gone, keep in redirect.items():
            p.redirect(gone, keep)
        return p

    # ---- candidate look-up ---------------------------------------------------------------------
    def candidates(self, keys: np.ndarray, weights: np.ndarray, limit: int) -> list[str]:
        """Stories (surviving ids) filed under the terms `keys` (in this order), each once in the
        order first met; beyond `limit` of them, the `limit` with the largest sum of `weights` over
        the entries that lead to them (ties: the one met first). Each posting's recent entries are
        read oldest first, as a list's `posting[-cap:]` would be."""
        names = self.names
        return [names[c] for c in self.candidate_codes(keys, weights, limit).tolist()]

    def candidate_codes(self, keys: np.ndarray, weights: np.ndarray, limit: int) -> np.ndarray:
        """`candidates` as story codes (`names[code]` is the id)."""
        if kernels.active():  # the same look-up as one compiled loop (kernels.candidates)
            return kernels.get().candidates(self.row_of, self.count, self.table, self.parent, self._marks(),
                                            keys, weights, self.cap, limit)
        roots, entry_w, _, _ = self._entries(keys, weights)
        return self._pick(roots, entry_w, limit)

    def lookup_many(self, keys: list[np.ndarray], weights: list[np.ndarray],
                    limit: int) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
        """`candidate_codes(keys[i], weights[i], limit)` for each i, the posting entries of all the
        vectors read with one gather (the clean-up passes look up many vectors before the index
        changes), then each vector's stories picked from its own entries. Also returned: the
        surviving story of every entry read and the vector (i) it was read for."""
        roots, entry_w, has, lens = self._entries(np.concatenate(keys), np.concatenate(weights))
        term_vec = np.repeat(np.arange(len(keys)), [len(k) for k in keys])[has]  # each read term's vector
        bounds = np.cumsum(np.bincount(term_vec, weights=lens, minlength=len(keys))).astype(np.int64).tolist()
        if kernels.active():  # each vector's `_pick` in one compiled loop (kernels.pick_many)
            out, starts = kernels.get().pick_many(roots, entry_w, np.array([0] + bounds, np.int64), limit,
                                                  self._marks())
            starts = starts.tolist()
            picked = [out[a:b] for a, b in zip(starts, starts[1:])]
        else:
            picked = [self._pick(roots[a:b], entry_w[a:b], limit) for a, b in zip([0] + bounds, bounds)]
        return picked, roots, np.repeat(term_vec, lens)

    def _entries(self, keys: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(the surviving story of every recent entry of the terms' postings, in look-up order:
        term by term, each ring oldest first; the weight of each entry's term; which terms have a
        posting; the number of entries read from each of those)."""
        rows = self.row_of[keys]
        has = rows >= 0
        rows = rows[has]
        n = self.count[rows]
        cap = self.cap
        lens = np.minimum(n, cap)
        start = rows * np.int64(2 * cap) + (n - lens) % cap  # the oldest entry read: one stretch of the doubled ring
        seq = self.table.reshape(-1).take(start[:, None] + self._ar)
        roots = self.parent[seq.ravel() if len(lens) and lens.min() == cap else seq[self._ar < lens[:, None]]]
        return roots, np.repeat(weights[has].astype(np.float64), lens), has, lens

    def _marks(self) -> np.ndarray:
        """The scratch marks (all _FAR between look-ups), at least one per story code."""
        if len(self._mark) < len(self.parent):
            self._mark = np.full(len(self.parent), _FAR, np.int64)
        return self._mark

    def _pick(self, roots: np.ndarray, entry_w: np.ndarray, limit: int) -> np.ndarray:
        """The stories of one vector's entries (`roots`, in look-up order, `entry_w` the weight of
        each entry's term): each once in the order first met, beyond `limit` of them the `limit`
        with the largest summed weight (ties: the one met first)."""
        n = len(roots)
        if not n:
            return _EMPTY
        ar = np.arange(n)
        mark = self._marks()
        np.minimum.at(mark, roots, ar)  # each story's first position
        first = mark[roots]
        mark[roots] = _FAR
        is_first = first == ar
        found = roots[is_first]  # each story once, in the order first met
        if len(found) <= limit:
            return found
        rank = is_first.cumsum() - 1
        shared = np.bincount(rank[first], weights=entry_w)
        return found[(-shared).argsort(kind="stable")[:limit]]
