"""Gazetteer rules that complement the statistical NER model (GermEval-2014 conventions).

1. Demonym adjectives -> LOCderiv ('nordkoreanische', 'US-amerikanischen', 'deutsch-israelische').
   The stems come from two places: German country/region names from CLDR via babel, turned into
   adjective stems by the regular German derivation rules (Syrien -> syrisch, Korea -> koreanisch,
   Ukraine -> ukrainisch, Russland -> russisch, Schweden -> schwedisch, ...), and the demonyms seen
   in the labelled training pool (irregular ones such as französisch, britisch, chinesisch), which
   the training recipe writes to <model>/demonyms.txt.
2. Acronym compounds -> *part ('EU-Kommission' ORGpart, 'US-Präsident' LOCpart).

Rules only fill gaps: a token the model already put inside an entity is never touched.
Whether they pay off is measured by `lagebild eval ner --no-rules` vs the default.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import IDX, ORTH

_ORTH_CACHE: dict[tuple, dict[int, str | None]] = {}
from pathlib import Path

_ISCH = re.compile(r"^([a-zäöüß]{2,}?)isch(e|en|er|es|em)?$")
_SCH = re.compile(r"^([a-zäöüß]{3,}sch)(e|en|er|es|em)?$")
# compass/scope prefixes that stay part of one demonym: nordkoreanisch, südamerikanisch, gesamtdeutsch
_PREFIXES = ("nord", "süd", "ost", "west", "mittel", "zentral", "inner", "gesamt", "alt", "neu", "ur", "sowjet",
             "nordost", "nordwest", "südost", "südwest", "latein", "schwarz")
# acronyms of countries/unions written before a hyphen compound (US-Präsident): LOC, others ORG
_LOC_ACRONYMS = {"US", "USA", "UK", "DDR", "BRD", "UdSSR", "VAE", "GUS"}
_ACRONYM_COMPOUND = re.compile(r"^([A-ZÄÖÜ][A-Za-zÄÖÜ]{0,1}[A-ZÄÖÜ]{1,4})-([A-ZÄÖÜ][a-zäöüß]{2,}.*)$")


def _country_names_de() -> list[str]:
    try:
        from babel import Locale

        loc = Locale("de")
        names = list(loc.territories.values())
    except Exception:  # babel missing or without CLDR data: data-driven stems still work
        names = []
    return [n for n in names if n and " " not in n and "-" not in n]


def stems_from_name(name: str) -> set[str]:
    """Adjective stems (before '-isch') by the regular derivations of German country names."""
    n = name.lower()
    out = {n}
    for suf, rep in (("ien", ""), ("ien", "i"), ("en", ""), ("land", ""), ("land", "länd"), ("e", ""),
                     ("ei", ""), ("a", "an"), ("a", ""), ("n", ""), ("ern", "er"), ("ien", "ian")):
        if n.endswith(suf) and len(n) - len(suf) >= 3:
            out.add(n[: len(n) - len(suf)] + rep)
    if n.endswith("land"):
        out.add(n[:-4])  # deutschland -> deutsch (stem without 'isch', handled by _ADJ 'sch')
    return {s for s in out if len(s) >= 3}


def adjective_base(word: str) -> str | None:
    """'russischen' -> 'russ', 'deutsche' -> 'deutsch'; None when not an -isch/-sch adjective."""
    m = _ISCH.match(word) or _SCH.match(word)
    return m.group(1) if m else None


@lru_cache(maxsize=4)
def demonym_stems(extra_file: str | None = None) -> frozenset[str]:
    stems: set[str] = set()
    for name in _country_names_de():
        stems |= stems_from_name(name)
    if extra_file and Path(extra_file).exists():
        for line in Path(extra_file).read_text(encoding="utf-8").split():
            base = adjective_base(line.lower())
            if base:
                stems.add(base)
    return frozenset(stems)


def is_demonym(word: str, stems: frozenset[str]) -> bool:
    """Lower-case -isch adjective derived from a known place: 'russische', 'nordkoreanischen',
    'US-amerikanische', 'deutsch-israelische' (every hyphen part must qualify)."""
    parts = word.split("-")
    if len(parts) > 1 and parts[0] in ("US", "EU", "UN"):
        parts = parts[1:]
    if not parts or not parts[0][:1].islower():
        return False
    for i, p in enumerate(parts):
        base = adjective_base(p if i == len(parts) - 1 else p + "e")  # 'deutsch-' in deutsch-israelisch
        if base is None:
            return False
        cands = {base}
        for pre in _PREFIXES:
            if base.startswith(pre) and len(base) >= len(pre) + 3:
                cands.add(base[len(pre):])
        if not cands & stems:
            return False
    return True


def acronym_part_label(word: str) -> str | None:
    """'EU-Kommission' -> 'ORGpart', 'US-Präsident' -> 'LOCpart', else None."""
    m = _ACRONYM_COMPOUND.match(word)
    if not m:
        return None
    return "LOCpart" if m.group(1) in _LOC_ACRONYMS else "ORGpart"


def load_places(path: str | None) -> frozenset[str]:
    """One-token place names (LOC at least twice in the training data; <model>/places.txt)."""
    if not path or not Path(path).exists():
        return frozenset()
    return frozenset(w for w in Path(path).read_text(encoding="utf-8").split() if len(w) >= 4)


def is_place_adjective(word: str, places: frozenset[str]) -> bool:
    """'Berliner', 'Wolfsburgern', 'Schweizer': capitalised -er(n) forms of a known place, which
    GermEval tags LOCderiv when they stand alone ('die Berliner Polizei', 'die Schweizer')."""
    if not places or not (word[:1].isupper() and word[1:].islower()):
        return False
    if word.endswith("ern"):
        stem = word[:-3]
    elif word.endswith("er"):
        stem = word[:-2]
    else:
        return False
    return any(c in places for c in (stem, stem + "e", stem + "en", stem + "n"))


_HEAD_NOUN = re.compile(r"-[A-ZÄÖÜ][a-zäöüß]{2,}$")


def compound_part_label(word: str, label: str) -> str:
    """A one-token name compound whose head (after the last hyphen) is a common noun is a *part in
    GermEval ('CSU-Politiker' ORG -> ORGpart, 'NASA-Sonde'); on GermEval's train slice 80% of
    such one-token spans are *part. Country acronyms make it LOCpart ('US-Botschafter')."""
    if label not in ("PER", "ORG", "LOC", "MISC") or not _HEAD_NOUN.search(word):
        return label
    first = word.split("-", 1)[0]
    if first in _LOC_ACRONYMS:
        return "LOCpart"
    return label + "part"


def apply_rules(doc, stems: frozenset[str], demonyms: bool = True, parts: bool = True,
                places: frozenset[str] = frozenset()):
    """Rules after the model: relabel one-token name compounds to *part and one-token place
    adjectives ('Berliner') from LOC to LOCderiv; add demonym / place-adjective / acronym-compound
    spans where the model found nothing. Returns the Doc."""
    if parts or places:
        from spacy.tokens import Span

        ents = list(doc.ents)
        changed = False
        for k, e in enumerate(ents):
            new = e.label_
            if parts and len(e) == 1 and "-" in e.text:
                new = compound_part_label(e.text, e.label_)
            elif len(e) == 1 and e.label_ == "LOC" and is_place_adjective(e.text, places):
                new = "LOCderiv"
            if new != e.label_:
                ents[k] = Span(doc, e.start, e.end, label=new)
                changed = True
        if changed:
            doc.ents = ents
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    new = []
    # token ids as arrays: no Token objects (nor Doc.text, which joins every token) for the many
    # tokens no rule touches; the decision is cached per word id
    strings = doc.vocab.strings
    cache = _ORTH_CACHE.setdefault((id(stems), id(places), demonyms, parts), {})
    if len(cache) > 500_000:
        cache.clear()
    orths = doc.to_array(ORTH).tolist()
    starts = doc.to_array(IDX).tolist()
    for i, o in enumerate(orths):
        if i in taken:
            continue
        label = cache.get(o, 0)
        if label == 0:
            word = strings[o]
            label = _word_label(word, stems, places, demonyms, parts) if len(word) >= 2 else None
            cache[o] = label
        if label:
            new.append(doc.char_span(starts[i], starts[i] + len(strings[o]), label=label))
    if new:
        doc.ents = list(doc.ents) + [s for s in new if s is not None]
    return doc


@lru_cache(maxsize=200_000)
def _word_label(word: str, stems: frozenset[str], places: frozenset[str], demonyms: bool, parts: bool) -> str | None:
    """The label a free-standing token gets from the rules (cached: the same words recur; the
    frozensets cache their hash, so the key is cheap)."""
    if demonyms and (is_demonym(word, stems) or is_place_adjective(word, places)):
        return "LOCderiv"
    if parts:
        return acronym_part_label(word)
    return None


@lru_cache(maxsize=1)
def _stem_to_country() -> dict[str, str]:
    """Adjective stem -> German country name, only for stems that point to one name."""
    seen: dict[str, set[str]] = {}
    for name in _country_names_de():
        for st in stems_from_name(name):
            seen.setdefault(st, set()).add(name)
    return {st: next(iter(names)) for st, names in seen.items() if len(names) == 1}


def demonym_country(word: str) -> str | None:
    """'nordkoreanische' -> 'Nordkorea', 'russischen' -> 'Russland', 'deutsche' -> 'Deutschland';
    None when the adjective is not regularly derived from exactly one CLDR country name."""
    parts = word.split("-")
    if len(parts) != 1:
        return None
    base = adjective_base(word.lower())
    return _stem_to_country().get(base) if base else None
