"""Look-ups over an article's person names for speakers.py, built once per article (issue 18).

`_name_in_phrase` compared every word of every speaker phrase with every person name of the article,
and `_local_full_name` every name with every other: quadratic in an article's length. These indexes
give the same answers from blocking keys: two tokens can only be `token_similar` when they share a
skeleton or a phonetic key, or are both long (the fuzzy branch for tokens of 10+ letters); two names
can only be `persons_compatible` when their surname variants, first given names, joined skeletons or
given-name-less remainders share such a key. Candidates are then checked with the real test, in the
order the old scan saw them (the old full-name scan went through a set, so its ties fell by the hash
seed: they now fall to the name the article writes first, the same in every run).
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..records import Mention
from .translit import (_parts, name_tails, _split, _surname_variants, joined_skeleton, persons_compatible, phonetic_key,
                       skeleton_token, token_similar)

_LONG = 10  # token_similar's fuzzy branch without a phonetic match needs both skeletons this long


def _token_keys(token: str) -> tuple[list[str], bool]:
    """(keys, long) of one token as token_similar compares it."""
    sk = skeleton_token(token)
    if not sk:
        return [], False
    return ["s:" + sk, "p:" + phonetic_key(token)], len(sk) >= _LONG


class TokenIndex:
    """Tokens -> the tokens of a fixed set that are token_similar to them."""

    def __init__(self, tokens):
        self.by_key: dict[str, list[str]] = defaultdict(list)
        self.long: list[str] = []
        for t in dict.fromkeys(tokens):
            keys, long = _token_keys(t)
            for k in keys:
                self.by_key[k].append(t)
            if long:
                self.long.append(t)
        self._similar: dict[str, set[str]] = {}

    def similar(self, word: str) -> set[str]:
        if word not in self._similar:
            keys, long = _token_keys(word)
            cands = {t for k in keys for t in self.by_key.get(k, ())}
            if long:
                cands.update(self.long)
            self._similar[word] = {t for t in cands if token_similar(word, t)}
        return self._similar[word]


def _name_keys(name: str) -> tuple[set[str], bool]:
    """Blocking keys of a person name for persons_compatible (see the module docstring)."""
    keys = {"j:" + joined_skeleton(name)}
    long = False
    given, _ = _split(name)
    variants = _surname_variants(name) or ()
    for v in list(variants) + ([given[0]] if given else []):
        tk, lg = _token_keys(v)
        keys.update(tk)
        long = long or lg
    # a surname alone against the rest of a name after its first part ('Bergmann Ode' ~ 'Anna Bergmann Ode')
    keys.add("q:" + skeleton_token("".join(_parts(name)[1:])))
    if not given:
        keys.update("q:" + skeleton_token(v) for v in variants)
    return keys, long


class FullNames:
    """`_local_full_name` over a fixed list of person mentions: the longest name among them that a
    name can stand for (on ties, the one written first)."""

    def __init__(self, mentions: list[Mention]):
        self.texts = list(dict.fromkeys(m.text for m in mentions))
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.long: list[int] = []
        for i, text in enumerate(self.texts):
            keys, long = _name_keys(text)
            for k in keys:
                self.by_key[k].append(i)
            if long:
                self.long.append(i)
        self._memo: dict[str, str] = {}

    def longest(self, name: str) -> str:
        if name not in self._memo:
            keys, long = _name_keys(name)
            cands = {i for k in keys for i in self.by_key.get(k, ())}
            if long:
                cands.update(self.long)
            best = name
            for i in sorted(cands):
                text = self.texts[i]
                if len(_parts(text)) > len(_parts(best)) and persons_compatible(name, text):
                    best = text
            self._memo[name] = best
        return self._memo[name]


class PersonNames:
    """The person mentions of one article and what speakers.py asks about them."""

    def __init__(self, persons: list[Mention]):
        self.persons = persons
        self.names = list(dict.fromkeys(m.text for m in persons))  # each name once, in order
        self.folded_tokens: set[str] | None = None
        self._tokens: TokenIndex | None = None  # built on first use, like the full-name indexes
        self._full: dict[bool, FullNames] = {}
        self._tails: set[str] | None = None  # every name and its tails ('Rahmani Pur' of 'Arasch Rahmani Pur')

    def _token_index(self) -> tuple[TokenIndex, dict[str, list[int]]]:
        if self._tokens is None:
            self._tokens = TokenIndex(t for n in self.names for t in n.split())
            self.names_with: dict[str, list[int]] = defaultdict(list)  # token -> names holding it
            for i, n in enumerate(self.names):
                for t in dict.fromkeys(n.split()):
                    self.names_with[t].append(i)
        return self._tokens, self.names_with

    def full_names(self, given_only: bool) -> FullNames:
        """Over every person mention, or (given_only) over those with a given name."""
        if given_only not in self._full:
            self._full[given_only] = FullNames([m for m in self.persons if _split(m.text)[0]] if given_only
                                               else self.persons)
        return self._full[given_only]

    def best_name(self, words: list[str]) -> str | None:
        """The name sharing the most words with the phrase (ties: the longer, then the first)."""
        tokens, names_with = self._token_index()
        hits: dict[int, int] = defaultdict(int)
        for w in words:
            for i in {i for t in tokens.similar(w) for i in names_with[t]}:
                hits[i] += 1
        best, best_score = None, 0
        for i in sorted(hits):
            name = self.names[i]
            if hits[i] > best_score or (hits[i] == best_score and best and len(name) > len(best)):
                best, best_score = name, hits[i]
        return best

    def genitive_of_other(self, text: str) -> bool:
        """`text` is the genitive of a person name the article writes without the s ('Rahmani Purs' beside 'Arasch
        Rahmani Pur', 'Samanis' beside 'Mohammed Resa Ali Samani'): someone's, not that person's own name."""
        if len(text) < 5 or not re.search(r"[^sxzß]s$", text):
            return False
        if self._tails is None:
            self._tails = name_tails(self.names)
        return text[:-1] in self._tails
