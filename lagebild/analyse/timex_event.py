"""The event a time expression dates: the clause of its sentence (issue 6)."""
from __future__ import annotations

import bisect
import re

_CLAUSE_SPLIT = re.compile(r"(?<!\d),\s+(?!\d)|;\s+|:\s+|\s+[–—-]\s+|\s*[„“”\"«»]\s*(?=[A-ZÄÖÜ])")


_SENT_SPLIT = re.compile(r"(?<=[.!?…])[\"“”»]?\s+(?=[„\"«A-ZÄÖÜ])")
_NO_SPLIT_BEFORE = re.compile(r"(?:\b\d{1,2}\.|\b(?:Nr|Dr|Prof|St|bzw|ca|vgl|z\.B|u\.a|Jan|Feb|Okt|Nov|Dez|Sept?|Aug)\.)$")


def _sub_sentence(text: str, s0: int, e0: int, start: int, end: int) -> tuple[int, int]:
    """Split [s0, e0) again at sentence ends the tokenizer missed ('im Februar 2022. Das ...');
    a period after a day number stays ('am 31. Oktober')."""
    cuts = [s0]
    for m in _SENT_SPLIT.finditer(text, s0, e0):
        if not _NO_SPLIT_BEFORE.search(text[max(s0, m.start() - 12):m.start()]):
            cuts.append(m.end())
    cuts.append(e0)
    a = max(c for c in cuts[:-1] if c <= start)
    b = min(c for c in cuts[1:] if c >= end)
    return a, b


_SORTED: list = [None]  # (sentences, length, starts, ends) of the last sorted, disjoint sentence list seen


def _covering(sentences: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The sentences overlapping [start, end), in list order: by bisection when the list is sorted
    and disjoint (one scan of every sentence per time expression was quadratic; issue 18)."""
    cache = _SORTED[0]
    if cache is None or cache[0] is not sentences or cache[1] != len(sentences):
        ok = all(sentences[i][1] <= sentences[i + 1][0] and sentences[i][0] < sentences[i][1]
                 for i in range(len(sentences) - 1)) and len(set(sentences)) == len(sentences)
        cache = (sentences, len(sentences), [s for s, _ in sentences] if ok else None, [e for _, e in sentences])
        _SORTED[0] = cache
    if cache[2] is None:
        return [(s, e) for s, e in sentences if s < end and e > start]
    lo = bisect.bisect_right(cache[3], start)  # the first sentence ending after start
    hi = bisect.bisect_left(cache[2], end)  # past the last sentence starting before end
    return [(s, e) for s, e in sentences[lo:hi] if s < end and e > start]


_APPOSITION = re.compile(r"\s*(?:dem|der|des|einem|einer|den)\s+(?:[a-zäöü]\w*\s+)?[A-ZÄÖÜ]\w*(?:\s+(?:der|des)\s+"
                         r"(?:[a-zäöü]\w*\s+)?[A-ZÄÖÜ]\w*)?\s*,\s*$")


def _cut_after_number(text: str, end: int) -> bool:
    """The sentence ends with a number's period ('Am 5.'), which may be a day's, not a sentence's end ('…
    statt.' | '2023 beginnt' is two sentences)."""
    return bool(re.search(r"\d\.\s*$", text[max(0, end - 4):end]))


def event_span(text: str, sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence around [start, end): commas/dashes/colons split clauses;
    a clause shorter than five words grows into its neighbours (fronted 'Am Montag,')."""
    covering = _covering(sentences, start, end)
    if covering:
        i0 = sentences.index(covering[0])
        i1 = sentences.index(covering[-1])
        # the sentencizer may cut after '5.' in 'Am 5. Oktober': join with the neighbours first
        if i0 > 0 and sentences[i0 - 1][1] >= covering[0][0] - 2 and _cut_after_number(text, sentences[i0 - 1][1]):
            i0 -= 1
        if i1 + 1 < len(sentences) and sentences[i1 + 1][0] <= covering[-1][1] + 2 \
                and _cut_after_number(text, covering[-1][1]):
            i1 += 1
        s0, e0 = sentences[i0][0], sentences[i1][1]
    else:
        s0 = text.rfind("\n", 0, start) + 1
        e0 = text.find("\n", end)
        e0 = len(text) if e0 < 0 else e0
    # paragraphs (and headlines without a final period) never share an event
    s0 = max(s0, text.rfind("\n", 0, start) + 1)
    nl = text.find("\n", end, e0)
    e0 = nl if nl >= 0 else e0
    s0, e0 = _sub_sentence(text, s0, e0, start, end)
    sent = text[s0:e0]
    cuts = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(sent)] + [len(sent)]
    bounds = []
    for a, b in zip(cuts, cuts[1:]):
        bounds.append((a, b))
    rel_s, rel_e = start - s0, end - s0
    i = next((k for k, (a, b) in enumerate(bounds) if a <= rel_s < b), 0)
    j = next((k for k, (a, b) in enumerate(bounds) if a < rel_e <= b), i)
    # an apposition right after the expression ('als am Freitag, dem Gebetstag der Muslime, ein Kran stürzte')
    # is no clause of its own: the clause goes on after it
    if j + 2 < len(bounds) and sent[bounds[j][0]:bounds[j][1]].rstrip(" ,").endswith(sent[rel_s:rel_e]) \
            and _APPOSITION.match(sent[bounds[j + 1][0]:bounds[j + 1][1]]):
        j += 2
    a, b = bounds[i][0], bounds[j][1]
    while len(sent[a:b].split()) < 5 and (i > 0 or j < len(bounds) - 1):
        if j < len(bounds) - 1:
            j += 1
        else:
            i -= 1
        a, b = bounds[i][0], bounds[j][1]
    seg = sent[a:b]
    lead = len(seg) - len(seg.lstrip(" ,;:–—-„“”\"«»"))
    trail = len(seg.rstrip(" ,;:–—-„“\"«»"))
    if trail <= lead:
        return s0, e0
    return s0 + a + lead, s0 + a + trail
