"""Acronyms and their long forms (split from canonical.py): 'Institute for the Study of War (ISW)',
'ISW (Institute ...)', and an acronym that matches the initials of exactly one long form of the story
('BND' -> 'Bundesnachrichtendienst'). A news agency's short name ('APA', 'dpa') is not matched by
initials: its credit line names the agency, not 'Alpinpolizei Axams' (audit 11)."""
from __future__ import annotations

import re
from collections import defaultdict

from ..clean.meta import AGENCIES
from ..records import AnalysedArticle
from .entity_evidence import is_place_word
from .gazetteer import gazetteer
from .translit import acronym_candidates, fold, is_acronym, tokens

_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-ZÄÖÜ][A-Za-zÄÖÜäöü&]{1,9})\s*\)")
_AGENCY_WORDS = re.compile(r"agentur|agency|press|nachrichten|news", re.I)


def merge_acronyms(docs: list[AnalysedArticle], items: list, by_doc: dict[int, list[int]], uf) -> dict[str, set[int]]:
    """Union each acronym with its long form in `uf`; returns the parenthesised definitions (acronym ->
    item ids) for naming the entities."""
    acr = _acronym_links(docs, items, by_doc)
    short: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.place is None and it.label != "PER" and is_acronym(it.base):
            short[fold(it.base)].append(i)
    if short or acr:
        by_initials: dict[str, set[int]] = defaultdict(set)
        for i, it in enumerate(items):
            if it.place is None and it.label in ("ORG", "MISC", "LOC") and not is_acronym(it.base):
                for ini in acronym_candidates(it.base):
                    by_initials[ini].add(i)
        for key in set(short) | set(acr):
            group = list(acr.get(key, ())) + short.get(key, [])
            for j in group[1:]:
                uf.union(group[0], j)
            roots = {uf.find(j) for j in by_initials.get(key, ())} - {uf.find(group[0])}
            if len(roots) == 1 and not (key in AGENCIES and key not in acr and not any(
                    _AGENCY_WORDS.search(items[j].base) for j in by_initials.get(key, ()))):
                uf.union(group[0], roots.pop())  # only an unambiguous long form (and no agency's short name)
    return acr


def _acronym_links(docs: list[AnalysedArticle], items: list, by_doc: dict[int, list[int]]) -> dict[str, set[int]]:
    """'Institute for the Study of War (ISW)' and 'ISW (Institute ...)': acronym -> item ids."""
    out: dict[str, set[int]] = defaultdict(set)
    for d, idx in by_doc.items():
        text = docs[d].text
        for i in idx:
            it = items[i]
            if it.label == "PER" or it.place is not None or it.mention.derived:
                continue
            m = _PAREN_ACRONYM.match(text, it.mention.end)
            if m and (gazetteer().lookup(m.group(1), docs[d].article.language or "de") is not None
                      or is_place_word(m.group(1))):
                m = None  # 'St. Gallen (Schweiz)': a place in parentheses says where, it is no short form
            if m and not is_acronym(m.group(1)) and any(
                    p.label == "PER" and p.start <= m.start(1) and m.end(1) <= p.end for p in docs[d].mentions):
                m = None  # 'Bayern München (Alaba)': a person in parentheses, no short form (a player in a preview)
            if m and not is_acronym(it.base) and len(tokens(it.base)) >= 2:
                out[fold(m.group(1))].add(i)
            if is_acronym(it.base):
                after = re.match(r"\s*\(([^()]{6,120})\)", text[it.mention.end:])
                if after:  # the long form opens the parentheses ('YPG (in deutschen Medien …)' names none)
                    opens = it.mention.end + after.start(1) + len(after.group(1)) - len(after.group(1).lstrip())
                    for j in idx:
                        mj = items[j].mention
                        if mj.start == opens and not mj.derived and mj.end <= it.mention.end + after.end():
                            out[fold(it.base)].add(j)
    return out
