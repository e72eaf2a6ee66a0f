"""Who copied or translated whom (issue 7).

Edges {source, target, kind, score, spans, ...}; source is the earlier article (the original).

- copies: the target's text is (nearly) contained in the source's: shingle containment >= 0.8.
- shares-agency-text-with: the two share substantial passages (agency copy edited by each
  outlet, or one common press release) without one containing the other.
- translated-from: the target says it is a translation (article.translated_from, or a note in the
  text such as 'aus dem Englischen übersetzt') or credits the same agency as an earlier article in
  another language (agency foreign-language services), and the source is an article in that
  language reporting the same names and numbers. Offsets cannot match across languages, so the spans are
  the shared names/numbers and the translation note.
  Without a note, translation artefacts (translation.py: name romanisation, typography,
  calques) stand in for it: an edge to the story's article in the inferred language, or
  'language:xx' -> article with "inferred": true when the story has no article in that language.

Candidates: exact shingle sets for small stories; MinHash LSH (datasketch) beyond LSH_FROM
articles, so a story of thousands of agency copies stays near-linear. Passages are maximal runs
of identical words (case-insensitive) of at least MIN_PASSAGE words, mapped back to exact
character spans of each article's cleaned text.
"""
from __future__ import annotations

import copy
import re
import zlib
from collections import defaultdict
from functools import cached_property, lru_cache

from ..records import AnalysedArticle

SHINGLE = 5  # words per shingle
MIN_PASSAGE = 8  # words in the shortest passage reported
COPY_CONTAINMENT = 0.8
SHARE_MIN_WORDS = 25  # shared passage words needed for shares-agency-text-with ...
SHARE_MIN_SHARE = 0.15  # ... or this share of the shorter article
LSH_FROM = 120
MAX_SPANS = 12
# a flood of near-copies links every pair (one 400-article story held 57,702 edges, 215 MB of JSON):
# each article keeps its strongest text edges, plus the edges that hold its lineage group together
MAX_EDGES_PER_ARTICLE = 5

_TOKEN = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b[A-ZÄÖÜ][\w'’-]{2,}")
# Notes that mark a translation (de/en/fr); group 'lang' names the source language when given.
_TRANSLATION_NOTE = re.compile(
    r"(?:aus\s+dem\s+(?P<de>\w+?)(?:e|en)?\s+(?:übersetzt|übertragen)|übersetzt\s+aus\s+dem\s+(?P<de2>\w+?)(?:e|en)?\b"
    r"|Übersetzung\s+aus\s+dem\s+(?P<de3>\w+?)(?:e|en)?\b|Übersetzung:\s*[A-ZÄÖÜ]\w+|\(übersetzt\s+von\b"
    r"|translated\s+from\s+(?:the\s+)?(?P<en>[A-Z]\w+)|traduit\s+de\s+l['’](?P<fr>\w+)|Traduction\s*:)",
    re.IGNORECASE)
_LANG_WORDS = {
    "englisch": "en", "english": "en", "anglais": "en", "französisch": "fr", "french": "fr", "français": "fr",
    "deutsch": "de", "german": "de", "allemand": "de", "russisch": "ru", "russian": "ru", "russe": "ru",
    "ukrainisch": "uk", "ukrainian": "uk", "italienisch": "it", "italian": "it", "italien": "it",
    "spanisch": "es", "spanish": "es", "espagnol": "es", "arabisch": "ar", "arabic": "ar", "arabe": "ar",
    "türkisch": "tr", "turkish": "tr", "polnisch": "pl", "polish": "pl", "chinesisch": "zh", "chinese": "zh",
    "japanisch": "ja", "japanese": "ja", "koreanisch": "ko", "korean": "ko", "hebräisch": "he", "hebrew": "he",
    "niederländisch": "nl", "dutch": "nl", "portugiesisch": "pt", "portuguese": "pt",
}

_cache: dict[tuple, list[dict]] = {}


class _Text:
    """Tokens of one article with their character offsets, plus shingle hashes."""

    def __init__(self, doc: AnalysedArticle):
        self.doc = doc
        self.id = doc.id

    # tokens and shingles on first use: a story of one article compares no texts (issue 18)
    def _tokenise(self) -> None:
        tokens: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for m in _TOKEN.finditer(self.doc.text):
            tokens.append(m.group(0).lower())
            starts.append(m.start())
            ends.append(m.end())
        self.tokens, self.starts, self.ends = tokens, starts, ends  # instance attributes from now on

    def __getattr__(self, name: str):
        """`tokens`, `starts`, `ends` on first use (then plain instance attributes, read in hot loops)."""
        if name in ("tokens", "starts", "ends"):
            self._tokenise()
            return self.__dict__[name]
        raise AttributeError(name)

    @cached_property
    def shingles(self) -> list[int]:
        tokens = self.tokens
        return [zlib.crc32(" ".join(tokens[i:i + SHINGLE]).encode("utf-8"))
                for i in range(max(0, len(tokens) - SHINGLE + 1))]

    @cached_property
    def shingle_set(self) -> set[int]:
        return set(self.shingles)

    @property
    def published(self) -> str:
        return self.doc.article.published or "9999"

    def span(self, i: int, j: int) -> dict:
        """Span covering tokens i..j-1, exact into the article text."""
        s, e = self.starts[i], self.ends[j - 1]
        return {"article_id": self.id, "start": s, "end": e, "text": self.doc.text[s:e]}


def _passages(a: _Text, b: _Text) -> list[tuple[int, int, int]]:
    """Maximal common word runs (a_start, b_start, length) of at least MIN_PASSAGE words."""
    if len(a.tokens) < MIN_PASSAGE or len(b.tokens) < MIN_PASSAGE:
        return []
    index: dict[tuple, list[int]] = defaultdict(list)
    for j in range(len(b.tokens) - MIN_PASSAGE + 1):
        index[tuple(b.tokens[j:j + MIN_PASSAGE])].append(j)
    out = []
    used_b: set[int] = set()
    i = 0
    while i <= len(a.tokens) - MIN_PASSAGE:
        best_len, best_j = 0, -1
        for j in index.get(tuple(a.tokens[i:i + MIN_PASSAGE]), ()):
            if j in used_b:
                continue
            n = MIN_PASSAGE
            while i + n < len(a.tokens) and j + n < len(b.tokens) and a.tokens[i + n] == b.tokens[j + n]:
                n += 1
            if n > best_len:
                best_len, best_j = n, j
        if best_len:
            out.append((i, best_j, best_len))
            used_b.update(range(best_j, best_j + best_len))
            i += best_len
        else:
            i += 1
    return out


@lru_cache(maxsize=1024)
def _note_in(text: str) -> re.Match | None:
    """The first translation note of a text (asked several times per article and story)."""
    return _TRANSLATION_NOTE.search(text)


def translation_note(doc: AnalysedArticle) -> tuple[str | None, dict | None]:
    """(source language if stated, span of the note) for an article marked as a translation."""
    art = doc.article
    m = _note_in(doc.text)
    span = {"article_id": doc.id, "start": m.start(), "end": m.end(), "text": doc.text[m.start():m.end()]} if m else None
    lang = None
    if art.translated_from:
        lang = art.translated_from.strip().lower()
    elif m:
        word = next((g for g in m.groupdict().values() if g), None)
        if word:
            w = word.lower()
            lang = _LANG_WORDS.get(w) or next((v for k, v in _LANG_WORDS.items() if k.startswith(w)), None)
        lang = lang or "?"
    return lang, span


def _anchors(doc: AnalysedArticle) -> dict[str, tuple[int, int]]:
    """Language-independent anchors (names, numbers) -> first occurrence span."""
    out: dict[str, tuple[int, int]] = {}
    names = [m.norm or m.text for m in doc.mentions] if doc.mentions else None
    if names:
        for m in doc.mentions:
            out.setdefault("e:" + (m.norm or m.text).lower(), (m.start, m.end))
    else:
        for m in _NAME.finditer(doc.text):
            out.setdefault("e:" + m.group(0).lower(), (m.start(), m.end()))
    for m in _NUMBER.finditer(doc.text):
        digits = re.sub(r"[.,]", "", m.group(0))
        if len(digits) >= 2:
            out.setdefault("n:" + digits, (m.start(), m.end()))
    return out


def _candidate_pairs(texts: list[_Text]) -> set[tuple[int, int]]:
    n = len(texts)
    if n <= LSH_FROM:
        return {(i, j) for i in range(n) for j in range(i + 1, n)}
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.2, num_perm=64)
    hashes = []
    for i, t in enumerate(texts):
        mh = MinHash(num_perm=64)
        mh.update_batch([s.to_bytes(4, "little") for s in t.shingle_set])
        hashes.append(mh)
        lsh.insert(str(i), mh)
    pairs = set()
    for i, mh in enumerate(hashes):
        for key in lsh.query(mh):
            j = int(key)
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _order(a: _Text, b: _Text) -> tuple[_Text, _Text]:
    """(source, target): the earlier article is the source; on equal dates the longer one."""
    ka = (a.published, -len(a.tokens), a.id)
    kb = (b.published, -len(b.tokens), b.id)
    return (a, b) if ka <= kb else (b, a)


def _text_edge(a: _Text, b: _Text) -> dict | None:
    inter = len(a.shingle_set & b.shingle_set)
    if not inter:
        return None
    src, tgt = _order(a, b)
    small = min(len(a.shingle_set), len(b.shingle_set)) or 1
    containment = inter / small
    jaccard = inter / len(a.shingle_set | b.shingle_set)
    passages = _passages(src, tgt)
    shared_words = sum(n for _, _, n in passages)
    shorter = min(len(a.tokens), len(b.tokens)) or 1
    if containment >= COPY_CONTAINMENT:  # one text (nearly) inside the other: the later copied
        kind, score = "copies", round(containment, 4)
    elif shared_words >= SHARE_MIN_WORDS or shared_words / shorter >= SHARE_MIN_SHARE:
        kind, score = "shares-agency-text-with", round(shared_words / shorter, 4)
    else:
        return None
    spans = []
    for i, j, n in sorted(passages, key=lambda p: -p[2])[:MAX_SPANS]:
        spans.append(src.span(i, i + n))
        spans.append(tgt.span(j, j + n))
    agencies = sorted(set(a.doc.article.agency) & set(b.doc.article.agency))
    return {"source": src.id, "target": tgt.id, "kind": kind, "score": score, "spans": spans,
            "jaccard": round(jaccard, 4), "containment": round(containment, 4), "shared_words": shared_words,
            "agencies": agencies}


def inferred_translation(doc: AnalysedArticle) -> dict | None:
    """The detector's verdict (translation.detect) for an article without a translation note,
    when it finds a translation from a known language; None otherwise."""
    lang, _ = translation_note(doc)
    if lang or doc.article.translated_from:
        return None
    from .translation import detect  # here: `python -m lagebild.link.translation` imports cleanly

    # once per article: origin_edges runs twice per story (build_story, lineage_groups); issue 18
    art = doc.article
    key = (art.text, art.language, tuple(art.agency or ()), art.id)
    hit = doc.__dict__.get("_translation_detect")  # not in extras: those are stored with the article
    if hit is None or hit[0] != key:
        hit = doc.__dict__["_translation_detect"] = (key, detect(doc))
    res = copy.deepcopy(hit[1])  # callers keep the span dicts in edges: each gets its own
    if not res["translated"] or not res["language"] or res["language"] == doc.article.language:
        return None
    return res


def _translation_edges(texts: list[_Text]) -> list[dict]:
    edges = []
    anchors = {t.id: _anchors(t.doc) for t in texts}
    langs = {t.doc.article.language for t in texts}
    for t in texts:
        lang, note = translation_note(t.doc)
        inferred = None
        if not lang and len(langs) > 1:  # no note: translation artefacts, when the story has that language
            inferred = inferred_translation(t.doc)
            if inferred and inferred["language"] in langs:
                lang = inferred["language"]
            else:
                inferred = None
        agencies = set(t.doc.article.agency)
        if not lang and not agencies:
            continue
        best = None
        for o in texts:
            if o is t or o.doc.article.language == t.doc.article.language:
                continue
            # an agency's foreign-language service translates its own copy: the same agency
            # credited on both sides is the other explicit sign of a translation
            via_agency = sorted(agencies & set(o.doc.article.agency))
            if lang and lang not in ("?", o.doc.article.language) and lang != o.id \
                    and lang != (o.doc.article.outlet or "").lower() and not via_agency:
                continue
            if not lang and not via_agency:
                continue
            if o.published > t.published or (o.published == t.published and not lang and o.id > t.id):
                continue  # an original cannot be younger than its translation
            shared = set(anchors[t.id]) & set(anchors[o.id])
            union = set(anchors[t.id]) | set(anchors[o.id])
            score = len(shared) / len(union) if union else 0.0
            if shared and (best is None or score > best[0]):
                best = (score, o, shared, via_agency)
        # without a note, only a strong overlap of names and numbers makes an agency translation
        if best is None or len(best[2]) < (2 if lang else 4) or (not lang and best[0] < 0.2):
            continue
        score, o, shared, via_agency = best
        spans = [note] if note else []
        if inferred:
            spans = inferred["spans"][:MAX_SPANS]
        for key in sorted(shared)[:MAX_SPANS]:
            for doc in (o.doc, t.doc):
                s, e = anchors[doc.id][key]
                spans.append({"article_id": doc.id, "start": s, "end": e, "text": doc.text[s:e]})
        edge = {"source": o.id, "target": t.id, "kind": "translated-from", "score": round(score, 4),
                "spans": spans, "language": o.doc.article.language, "shared_anchors": len(shared),
                "evidence": "artefacts" if inferred else "note" if lang else "agency", "agencies": via_agency}
        if inferred:
            edge.update(inferred=True, translation_score=inferred["score"])
        edges.append(edge)
    return edges


def origin_edges(docs: list[AnalysedArticle], edges: list[dict]) -> list[dict]:
    """Edges from origins outside the story: the agency an article credits ('agency:sda' ->
    article, kind 'credits-agency') and the language it says it was translated from when no
    article of the story is that original ('language:en' -> article, kind 'translated-from')."""
    out = []
    translated = {e["target"] for e in edges if e["kind"] == "translated-from"}
    langs = {d.article.language for d in docs}
    for doc in docs:
        art = doc.article
        for agency in art.agency:
            out.append({"source": f"agency:{agency}", "target": doc.id, "kind": "credits-agency", "score": 1.0,
                        "spans": [], "agency": agency, "evidence": "agency credit", "original": f"agency:{agency}"})
        lang, note = translation_note(doc)
        lang = art.translated_from or (lang if lang and lang != "?" else None)
        if lang and doc.id not in translated:
            out.append({"source": f"language:{lang}", "target": doc.id, "kind": "translated-from", "score": 1.0,
                        "original": f"language:{lang}",
                        "spans": [note] if note else [], "language": lang, "evidence": "note"})
        elif not lang and doc.id not in translated:
            # no note: translation artefacts (translation.py); an original of that language inside
            # the story is _translation_edges' business, so none is inferred then
            res = inferred_translation(doc)
            if res and res["language"] not in langs:
                lang = res["language"]
                out.append({"source": f"language:{lang}", "target": doc.id, "kind": "translated-from",
                            "score": res["score"], "original": f"language:{lang}", "spans": res["spans"][:MAX_SPANS],
                            "language": lang, "evidence": "artefacts", "inferred": True,
                            "cues": [c["label"] for c in res["cues"]]})
    return out


def find_lineage(docs: list[AnalysedArticle]) -> list[dict]:
    """Edges [{'source', 'target', 'kind', 'score', 'spans', 'original', ...}], source = earlier."""
    key = tuple((d.id, hash(d.text), d.article.published, d.article.language, d.article.translated_from,
                 tuple(d.article.agency)) for d in docs)
    if key in _cache:
        return _cache[key]
    texts = [_Text(d) for d in docs]
    edges = []
    by_lang: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(texts):
        by_lang[t.doc.article.language].append(i)
    for idx in by_lang.values():
        group = [texts[i] for i in idx]
        for i, j in sorted(_candidate_pairs(group)):
            edge = _text_edge(group[i], group[j])
            if edge:
                edges.append(edge)
    edges = _strongest(edges)
    edges.extend(_translation_edges(texts))
    # the original of every connected group: its earliest article
    comp = lineage_groups(docs, edges)
    pub = {t.id: (t.published, t.id) for t in texts}
    first: dict[str, str] = {}
    for aid, g in comp.items():
        if g not in first or pub[aid] < pub[first[g]]:
            first[g] = aid
    for e in edges:
        e["original"] = first[comp[e["source"]]]
    edges.sort(key=lambda e: (e["source"], e["target"], e["kind"]))
    if len(_cache) > 64:
        _cache.clear()
    _cache[key] = edges
    return edges


def _strongest(edges: list[dict]) -> list[dict]:
    """Each article's MAX_EDGES_PER_ARTICLE strongest text edges, plus a maximum spanning forest so
    that the lineage groups stay exactly what all edges make them; all edges when none has more."""
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[e["source"]] += 1
        degree[e["target"]] += 1
    if not edges or max(degree.values()) <= MAX_EDGES_PER_ARTICLE:
        return edges
    ranked = sorted(range(len(edges)), key=lambda k: (-edges[k]["score"], edges[k]["source"], edges[k]["target"]))
    parent = {x: x for x in degree}
    kept_per: dict[str, int] = defaultdict(int)
    keep = set()
    for k in ranked:
        a, b = edges[k]["source"], edges[k]["target"]
        ra, rb = _find(parent, a), _find(parent, b)
        joins = ra != rb
        if joins:
            parent[ra] = rb
        if joins or kept_per[a] < MAX_EDGES_PER_ARTICLE or kept_per[b] < MAX_EDGES_PER_ARTICLE:
            keep.add(k)
            kept_per[a] += 1
            kept_per[b] += 1
    return [e for k, e in enumerate(edges) if k in keep]


def lineage_groups(docs: list[AnalysedArticle], edges: list[dict] | None = None) -> dict[str, str]:
    """article id -> id of its lineage group (articles linked by copy/shared text/translation).

    Two articles in one group are not independent sources."""
    if edges is None:
        edges = find_lineage(docs)
        edges = edges + origin_edges(docs, edges)
    parent = {d.id: d.id for d in docs}
    for e in edges:  # origin nodes ('agency:dpa'): articles credited to one agency share a source
        if e.get("kind") == "credits-agency":
            parent.setdefault(e["source"], e["source"])

    for e in edges:
        if e["source"] in parent and e["target"] in parent:
            parent[_find(parent, e["source"])] = _find(parent, e["target"])
    return {d.id: _find(parent, d.id) for d in docs}


def independent_count(keys_per_item: list[list[str]]) -> int:
    """How many independent sources back a set of items: items sharing any key (a lineage group,
    an original source, an actor) count as one."""
    parent = list(range(len(keys_per_item)))
    seen: dict[str, int] = {}
    for i, keys in enumerate(keys_per_item):
        for key in keys:
            if key in seen:
                parent[_find(parent, i)] = _find(parent, seen[key])
            else:
                seen[key] = i
    return len({_find(parent, i) for i in range(len(keys_per_item))})


def _find(parent, x):
    """Union-find root of x in `parent` (a dict or a list), halving the path on the way."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
