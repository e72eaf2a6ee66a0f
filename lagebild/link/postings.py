"""The story index's inverted index: key term -> the stories most recently filed under it.

Stories are coded as integers once (`code`), each term's recent stories sit in one row of an
int32 table used as a ring (the last `cap` entries, oldest first when read), and merges are an
array of parents. A new article's candidate stories then come from a few numpy operations over
its query terms' rows instead of one Python step per posting entry (the dict-of-lists postings
were about a third of the insertion time at 300 k articles, issue 18). The semantics are those
of the lists they replace: an entry is appended unless the posting's last entry is the same
story, and only the last `cap` entries are ever looked at.
"""
from __future__ import annotations

import numpy as np

_FAR = np.int64(1) << 62
_EMPTY = np.zeros(0, np.int64)

class Postings:
    def __init__(self, cap: int, buckets: int):
        self.cap = cap
        self.code: dict[str, int] = {}
        self.names: list[str] = []
        self.parent = np.zeros(1024, np.int64)
        self.row_of = np.full(buckets, -1, np.int32)  # term -> row in the table (-1: no posting)
        self.table = np.zeros((1024, cap), np.int32)  # row -> ring of story codes
        self.count = np.zeros(1024, np.int64)  # entries ever appended to the row
        self.rows = 0
        self._ar = np.arange(cap, dtype=np.int64)
        self._mark = np.zeros(0, np.int64)  # scratch (all _FAR between look-ups): a story code's first position in a look-up

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
        """Story `gone` was merged into (or emptied towards) `keep`: its entries now lead there."""
        g = self.code_of(gone)
        self.parent[g] = self.code_of(keep)

    # ---- the lists' interface ----------------------------------------------------------------
    def append(self, term: int, sid: str) -> None:
        """Append `sid` to the term's posting unless it is already the last entry."""
        c = self.code_of(sid)
        row = int(self.row_of[term])
        if row < 0:
            row = self.rows
            if row >= len(self.table):
                self.table = np.concatenate([self.table, np.zeros_like(self.table)])
                self.count = np.concatenate([self.count, np.zeros_like(self.count)])
            self.row_of[term] = row
            self.rows += 1
        n = int(self.count[row])
        if n and self.table[row, (n - 1) % self.cap] == c:
            return
        self.table[row, n % self.cap] = c
        self.count[row] = n + 1

    def _row_codes(self, row: int) -> list[int]:
        """The row's entries, oldest first."""
        n = int(self.count[row])
        k = min(n, self.cap)
        return self.table[row, (n - k + self._ar[:k]) % self.cap].tolist()

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
        rows = self.row_of[keys]
        has = rows >= 0
        if not has.any():
            return _EMPTY
        rows = rows[has].astype(np.int64)
        counts = self.count[rows]
        lens = np.minimum(counts, self.cap)
        ar = self._ar
        pos = (counts - lens)[:, None] + ar
        np.remainder(pos, self.cap, out=pos)
        seq = self.table[rows[:, None], pos][ar < lens[:, None]]
        parent = self.parent
        roots = parent[seq]
        while True:
            up = parent[roots]
            if np.array_equal(up, roots):
                break
            roots = up
        parent[seq] = roots  # chains shortened as they are met
        n = len(roots)
        ar = np.arange(n)
        if len(self._mark) < len(parent):
            self._mark = np.full(len(parent), _FAR, np.int64)
        mark = self._mark
        np.minimum.at(mark, roots, ar)  # each story's first position
        first = mark[roots]
        mark[roots] = _FAR
        is_first = first == ar
        found = roots[is_first]  # each story once, in the order first met
        if len(found) <= limit:
            return found
        rank = is_first.cumsum() - 1
        shared = np.bincount(rank[first], weights=np.repeat(weights[has].astype(np.float64), lens))
        return found[(-shared).argsort(kind="stable")[:limit]]
