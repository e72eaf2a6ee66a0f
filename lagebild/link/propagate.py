"""Story-level name propagation: a multi-word name recognised in one article of a story is a
mention wherever it occurs verbatim in the story's other articles ('Talsperre Grauwasser' found
in one agency copy and missed by the NER in the near-identical other copy).

Only names of two or more words are propagated (a single capitalised word is too often a common
noun); the label is the name's majority label over the story; existing mentions are never
overlapped. Names are looked up by their first word in one scan per article, which keeps it
linear, so the same step also runs over a whole batch before clustering (a name the NER found in
one article then counts in the others that spell it: their link to each other).
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


_CAP_WORD = re.compile(r"(?<![\w\-])[^\W\d_][\w\-]*")


def propagate_names(docs: list[AnalysedArticle], names: dict[str, str] | None = None) -> int:
    """Add mentions of multi-word names (default: the docs' own, see story_names) wherever they
    occur verbatim in the docs (in place); returns how many. Names are indexed by their first
    word, so one scan of each text finds them whatever the number of names (linear in text)."""
    names = story_names(docs) if names is None else names
    if not names or len(docs) < 2:
        return 0
    by_first: dict[str, list[str]] = defaultdict(list)
    for n in sorted(names, key=len, reverse=True):  # longest first: 'Olaf Scholz' before 'Olaf S.'
        by_first[n.split()[0]].append(n)
    added = 0
    for d in docs:
        text = d.text
        spans = sorted((m.start, m.end) for m in d.mentions)
        starts = [s for s, _ in spans]
        reach, hi = [], -1  # furthest end among the first k+1 mentions (nesting-safe overlap test)
        for _, e in spans:
            hi = max(hi, e)
            reach.append(hi)
        new = []
        last_end = -1
        for w in _CAP_WORD.finditer(text):
            s = w.start()
            if s < last_end or w.group(0) not in by_first:
                continue
            for n in by_first[w.group(0)]:
                e = s + len(n)
                if text.startswith(n, s) and (e == len(text) or not (text[e].isalnum() or text[e] in "-_")):
                    i = bisect.bisect_left(starts, e)
                    if not (i and reach[i - 1] > s):
                        new.append(Mention(d.id, s, e, text[s:e], names[n], derived=False))
                        last_end = e
                    break
        if new:
            d.mentions.extend(new)
            d.mentions.sort(key=lambda m: (m.start, m.end))
            added += len(new)
    return added
