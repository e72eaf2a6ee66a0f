"""The fast batch clean-up passes (link/cluster_refine.py) compute what the one-by-one passes compute."""
from __future__ import annotations

import copy

import numpy as np
import pytest

from lagebild.link.cluster import StoryIndex
from lagebild.link.similarity import extract_features


def _index(seed: int = 3) -> StoryIndex:
    """Articles that mix two invented topics in varying shares, over a few weeks: early choices
    that the refinement moves and stories that the merge pass joins."""
    rng = np.random.default_rng(seed)
    topics = [([f"thema{t}wort{i}" for i in range(12)], [f"Name{t}x{i}" for i in range(4)]) for t in range(40)]
    common = [f"allgemein{i}" for i in range(200)]
    index = StoryIndex()
    for batch in range(8):
        feats = []
        for k in range(120):
            a, b = rng.choice(len(topics), 2, replace=False)
            share = rng.uniform(0.4, 1.0)
            words = list(rng.choice(topics[a][0], int(14 * share))) + list(rng.choice(topics[b][0], int(14 * (1 - share))))
            words += list(rng.choice(common, 12)) + list(rng.choice(topics[a][1], 2))
            if rng.random() < 0.3:
                words += list(rng.choice(topics[b][1], 1))
            text = " ".join(words) + f" {rng.integers(11, 40)} Menschen."
            day = 1 + int(rng.integers(0, 20))
            feats.append(extract_features(f"a{batch}-{k}", text, None, "de", f"2024-03-{day:02d}"))
        index.add(feats)
    return index


@pytest.fixture(scope="module")
def built() -> StoryIndex:
    return _index()


def _plain_refine(index: StoryIndex) -> int:
    return sum(index._refine_one(aid) for aid in sorted(index.stored))


def _plain_merge(index: StoryIndex) -> int:
    work = sorted(index.stories, key=lambda sid: index.stories[sid].founder, reverse=True)
    merges = 0
    while work:
        merges += index._merge_one(work.pop(), work) is not None
    return merges


def _state(index: StoryIndex) -> tuple:
    stories = sorted((st.id, tuple(st.article_ids), st.copies, st.keys.tobytes(), st.vals.tobytes(), st.first, st.last,
                      tuple(sorted(st.langs.items()))) for st in index.stories.values())
    members = sorted((aid, index.resolve(index.story_of[aid])) for aid in index.stored)
    return stories, members, sorted(index.joined_via.items())


def test_fast_passes_make_the_same_moves_and_merges(built):
    index, plain = copy.deepcopy(built), copy.deepcopy(built)
    moves, merges = index.refine(), index.merge_pass()
    assert (moves, merges) == (_plain_refine(plain), _plain_merge(plain))
    assert moves > 10 and merges > 0  # the test exercises both decisions, not only the skips
    assert _state(index) == _state(plain)


def test_lookup_finds_the_candidates_of_the_index(built):
    """The passes' integer look-up returns what the index's own candidate search returns, also after
    a refine pass moved articles and emptied stories (their postings lead on to where they went)."""
    index = copy.deepcopy(built)
    index.refine()  # moves found stories and redirect emptied ones
    names = index.postings.names
    ranked = 0
    for vec in [(a.keys, a.vals) for a in index.stored.values()] + [(s.keys, s.vals) for s in index.stories.values()]:
        got = [names[c] for c in index.candidate_codes(*vec).tolist()]
        assert got == index._candidates(*vec)
        assert set(got) <= set(index.stories)  # merged or emptied stories resolve to survivors
        ranked += len(got) == 16
    assert ranked > 50  # the ranked (tie-broken) path, not only the short one
