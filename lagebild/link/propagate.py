"""Story-level name propagation: a multi-word name recognised in one article of a story is a
mention wherever it occurs verbatim in the story's other articles ('Talsperre Grauwasser' found
in one agency copy and missed by the NER in the near-identical other copy).

Only names of two or more words are propagated (a single capitalised word is too often a common
noun); the label is the name's majority label over the story; existing mentions are never
overlapped. One regular-expression scan per article keeps it linear.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from ..records import AnalysedArticle, Mention


def story_names(docs: list[AnalysedArticle]) -> dict[str, str]:
    """Multi-word names of the story -> majority label."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        for m in d.mentions:
            if not m.derived and " " in m.text.strip() and m.text[:1].isupper():
                votes[m.text][m.label] += 1
    return {name: c.most_common(1)[0][0] for name, c in votes.items()}


def propagate_names(docs: list[AnalysedArticle]) -> int:
    """Add mentions of the story's multi-word names to every article (in place); returns how many."""
    names = story_names(docs)
    if not names or len(docs) < 2:
        return 0
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w\-])({alt})(?![\w\-])")
    added = 0
    for d in docs:
        spans = sorted((m.start, m.end) for m in d.mentions)
        starts = [s for s, _ in spans]
        reach, hi = [], -1  # furthest end among the first k+1 mentions (nesting-safe overlap test)
        for _, e in spans:
            hi = max(hi, e)
            reach.append(hi)
        new = []
        for hit in pattern.finditer(d.text):
            s, e = hit.span()
            i = bisect.bisect_left(starts, e)
            if i and reach[i - 1] > s:
                continue
            new.append(Mention(d.id, s, e, d.text[s:e], names[hit.group(1)], derived=False))
        if new:
            d.mentions.extend(new)
            d.mentions.sort(key=lambda m: (m.start, m.end))
            added += len(new)
    return added
