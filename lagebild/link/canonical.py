"""One canonical entity per real-world entity across spellings (issue 4).

Three passes over the mentions of one story:

1. Places: every mention that names a country or region, as a name ('Nordkorea', 'USA'), genitive
   ('Nordkoreas'), adjective ('nordkoreanische'), inhabitant noun ('Nordkoreaner') or compound part
   ('US-Regierung'), joins one entity per place code (gazetteer.py). Other story places teach their
   own adjective forms ('Kalifornien' -> 'kalifornischen', 'Berlin' -> 'Berliner').
2. Within an article: a person's full name introduces them; later surname-only or first-name-only
   mentions attach to it ('Wolodymyr Selenskyj ... Selenskyj'), genitives to their base
   ('Selenskyjs'). An organisation's acronym in parentheses binds to its long form.
3. Across the story's articles: local clusters merge by transliteration skeleton and phonetic keys
   (translit.py), blocked so only plausible pairs are compared; persons need compatible first names
   (two different first names with one surname stay two people) and an ambiguous surname-only
   cluster is left alone. Acronyms merge with long forms written out or matching by initials.

The canonical name is the most frequent full form in the story's majority language; `aliases` lists
the distinct spellings, `forms` the inflected ones; appositive roles ('Der ukrainische Präsident
Wolodymyr Selenskyj') resolve later descriptions and quote speakers (`link_speakers`)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..records import AnalysedArticle, Entity, Mention
from .mention_repair import _TRAILING, _first_names_only, _hyphenated_name, _repaired  # noqa: F401  (split from here)
from .entity_de import _lemma, nominative, person_genitive, saxon_genitive, with_first_names
from .entity_en import english_entity, line_at, story_words
from .entity_kinds import foreign_person, match_reports, review_kinds
from .entity_acronyms import merge_acronyms
from .entity_vouch import _german_word, annotated_names, lower_unvouched
from .entity_merge import merge_bare, merge_surnames
from .entity_descriptor import clean_aliases, strip_descriptor
from .entity_evidence import (LISTED, confidence, is_place_word, multiword_place, org_cue, org_written_in,  # noqa
                              person_by_first_name, place_cue, place_not_person, work_cue)
from .gazetteer import ROLE_SUFFIX, LocalForms, adj_stem, gazetteer, noun_stem
from .translit import (
    blocking_keys, compound_name, fold, genitive_base, is_acronym, joined_skeleton, name_parts,
    known_word, persons_compatible, skeleton_token, split_compound, split_name, strip_titles, surname_variants,
    token_similar, tokens,
)

# Generic heads of organisation names: 'Wagner-Gruppe' / 'Wagner Group' / 'Wagner' are one group.
_DESIGNATORS = {"grupe", "grup", "group", "konzern", "partei", "parti", "bevegung", "gmbh", "ag", "inc", "ltd",
                "corp", "holding", "miliz", "milis"}
ORG_PLACES = {"EU", "UN"}  # gazetteer region codes that name organisations
_PLACE_PREP = re.compile(r"\b(?:in|im|nach|aus|nahe|nördlich|südlich|östlich|westlich|rund um)\s+$", re.I)
_MAX_BLOCK = 60  # candidates per fuzzy blocking key before the key is ignored


@dataclass
class CanonicalEntity(Entity):
    """An Entity plus what the schema allows beyond it: derived/inflected forms and a place code."""

    forms: list[str] = field(default_factory=list)  # 'nordkoreanische', 'Selenskyjs', 'US-Regierung'
    place: str | None = None  # ISO 3166 / CLDR code when the entity is a country or region
    confidence: float = 1.0  # how sure it is a name (entity_evidence.confidence)
    listed: bool = True  # shown in the lists of the report and UI (confidence >= entity_evidence.LISTED)
    kind_word: bool = False  # a kind word of the name decided the type (entity_kinds), not the model alone

    def to_dict(self) -> dict:
        out = super().to_dict()
        out["forms"] = self.forms
        if self.place:
            out["place"] = self.place
        out["confidence"] = self.confidence
        out["listed"] = self.listed
        return out


# ----------------------------------------------------------------------------------- mentions

@dataclass
class Item:
    """One mention with what the linker derived for it."""

    mention: Mention
    doc: int  # index into docs
    lang: str
    base: str  # genitive-stripped name ('Selenskyjs' -> 'Selenskyj'); compound part for *part
    label: str  # the mention's label, corrected where the NER label is implausible
    place: str | None = None
    inflected: bool = False  # base differs from the surface (genitive, compound, adjective)
    role_of: int | None = None  # item index of the person this role phrase directly precedes


# places whose people are called by the same word in the plural (with an article: 'die Schweden')
_PEOPLE_NAMED_LIKE_PLACES = frozenset("Schweden Schwaben Sachsen Bayern Franken Hessen Polen Preußen Friesen Westfalen Pommern"
                                      .split())


def _collect(docs: list[AnalysedArticle]) -> list[Item]:
    gaz = gazetteer()
    known: set[str] = set()
    for d in docs:
        for m in d.mentions:
            if not m.derived:
                known.add(fold(m.text))
                known.update(fold(t) for t in m.text.split())
    local_forms = LocalForms(docs, gaz)
    person_names = {m.text for d in docs for m in d.mentions if m.label == "PER" and not m.derived}
    names = {m.text for d in docs for m in d.mentions if not m.derived}
    # full names the story also writes outside a genitive ('Tom Hanks spielt'): their s is the name's own
    plain_s = {m.text for d in docs for m in d.mentions if m.label == "PER" and m.text.endswith("s")
               and not saxon_genitive(m.text, d.text[m.end:m.end + 40], d.text[max(0, m.start - 30):m.start])}
    items: list[Item] = []
    for i, d in enumerate(docs):
        lang = d.article.language or "de"
        first = len(items)
        # surnames of persons this article writes with first and last name: 'bei Stronach' is Frank Stronach
        surnames = {" ".join(split_name(m.text)[1]) for m in d.mentions if m.label == "PER" and not m.derived
                    and split_name(m.text)[0] and split_name(m.text)[1]}
        for m in _repaired(d, lang, person_names, names):
            if m.text in _PEOPLE_NAMED_LIKE_PLACES and re.search(r"\b(?:[Dd]ie|[Dd]en|[Dd]er)\s+$", d.text[max(0, m.start - 5):m.start]):
                continue  # 'die Schweden', 'den Schwaben': the people, not the place
            text = strip_titles(m.text.strip(), lang)
            it = Item(m, i, lang, text, m.label)
            if m.label == "PER" and not m.derived and text not in surnames and (
                    not m.norm and gaz.rank(text, lang) <= 0 and len(text) > 3 or " " not in text and is_place_word(text)):
                it.label = "LOC"  # a country's name ('Nordkorea') or a place ('Texas') tagged PER, unless the article
                # names a person with it ('Jordan' after 'Eddie Jordan'); never the first name of 'Texas Ranger'
            elif m.label == "LOC" and not m.derived and not m.norm and text in surnames \
                    and gaz.lookup(text, lang) is None and not _PLACE_PREP.search(d.text[max(0, m.start - 12):m.start]):
                it.label = "PER"  # 'Stronach', 'Hollande' tagged LOC next to 'Frank Stronach'
            if m.norm:
                it.place = gaz.resolve(m.norm, lang) if m.label != "PER" else None
                it.base, it.inflected = m.norm, m.norm != m.text
            elif m.derived:
                it.place = gaz.resolve(text, lang)
                if it.place is None:
                    it.base = local_forms.get(text) or compound_name(text, known)
                    if not it.base[:1].isupper():
                        it.base = adj_stem(it.base).capitalize()  # unknown adjective: 'bayrische' -> 'Bayrisch'
                    elif text[:1].isupper() and " " not in text and "-" not in text and it.base == text:
                        it.place = gaz.resolve(split_compound(text), lang)  # 'Europaminister' -> Europa
                        it.base = split_compound(text)
                it.inflected = True
            elif it.label != "PER":
                # ORG/MISC only as exact names ('Russland' tagged ORG), never 'US-Armee'
                it.place = gaz.lookup(text, lang, codes=it.label == "LOC")
                if it.place is None and it.label in ("MISC", "ORG") and not text[:1].isupper():
                    it.place = gaz.resolve(text, lang)
            if it.place is None and not m.derived:
                base = genitive_base(text, known)
                if base == text and it.label != "PER" and re.search(r"\b(?:des|eines)\s+$", d.text[max(0, m.start - 7):m.start]) \
                        and text.endswith("s") and not text.endswith("ss") and len(text) > 4:
                    base = text[:-2] if text.endswith("es") and _lemma(text.split()[-1]) == text.split()[-1][:-2] \
                        else text[:-1]  # 'des Pentagons' -> 'Pentagon' even when never written; 'Bundeskriminalamtes'
                if base == text and lang == "de" and person_genitive(text, it.label, d.text[max(0, m.start - 60):m.end + 40],
                                                                     plain_s, person_names, m.start - max(0, m.start - 60)):
                    base, it.label = text[:-1], "PER"  # 'Steven Spielbergs Film', 'Auslieferung Heinz-Christian Straches'
                elif base == text and it.label == "PER" and text.endswith("s") and annotated_names().get(text[:-1]) == "PER" \
                        and text not in annotated_names():
                    base = text[:-1]  # 'einer Wahlniederlage Barack Obamas': the annotated corpora know 'Barack Obama'
                it.base, it.inflected = base, base != text
            elif it.place is not None and not m.derived and not m.norm:
                it.inflected = gaz.rank(text, lang) > 0  # 'Nordkoreas', 'Russen': a form, not a name
            items.append(it)
        _attach_roles(items, first, d)
    return items


def _generic_head(bare: str, written: set[str], gaz) -> bool:
    """A one-word dictionary noun left of a name once its 'descriptor' is cut ('Landtag' of 'Schweriner Landtag',
    'Club' of 'Chaos Computer Club', 'Baby' of 'Million Dollar Baby') that the story never writes alone: no alias
    (survey 30: a reader takes it for a name of its own)."""
    return " " not in bare and "-" not in bare and bare not in written and _german_word(bare) \
        and gaz.lookup(bare, "de") is None


def _role_like(text: str) -> bool:
    """'Nordkoreas Machthaber', 'Kremlchef': ends in a dictionary role noun, so not a name."""
    words = text.split()
    return bool(words) and bool(ROLE_SUFFIX.search(noun_stem(words[-1]))) and known_word(words[-1])


def _attach_roles(items: list[Item], first: int, doc: AnalysedArticle) -> None:
    """An NER span cut between role and name ('Nordkoreas Machthaber' | 'Kim Jong Un') makes the role
    a form of the person that follows it directly."""
    mine = sorted(range(first, len(items)), key=lambda k: items[k].mention.start)
    for a, b in zip(mine, mine[1:]):
        ia, ib = items[a], items[b]
        if (ia.label in ("PER", "ORG") and ib.label == "PER" and not ia.mention.derived and ia.place is None
                and not doc.text[ia.mention.end:ib.mention.start].strip() and _role_like(ia.mention.text)
                and split_name(ib.base)[0]):
            ia.role_of, ia.inflected, ia.label = b, True, "PER"


# --------------------------------------------------------------------------------- union-find

class _UF:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# ------------------------------------------------------------------------- within an article

def _local_clusters(items: list[Item], idx: list[int], uf: _UF) -> None:
    """Union the mentions of one article (idx: indices into items, sorted by start)."""
    pers = [i for i in idx if items[i].place is None and items[i].label == "PER"]
    full = [i for i in pers if split_name(items[i].base)[0]]
    # Full names: merge compatible ones (Wladimir Putin ~ Wladimir Wladimirowitsch Putin).
    by_last: dict[str, list[int]] = defaultdict(list)
    for i in full:
        keys = {skeleton_token(v) for v in surname_variants(items[i].base)} | {joined_skeleton(items[i].base)}
        for j in {j for k in keys for j in by_last.get(k, [])}:
            if _persons_compatible(items[i].base, items[j].base):
                uf.union(i, j)
        for k in keys:
            by_last[k].append(i)
    # Names without a given name attach to the full name they abbreviate: surname ('Selenskyj'),
    # given name ('Jasper'), family-name-first ('Kim'); ties go to the surname, then to recency.
    token_index: dict[str, list[int]] = defaultdict(list)
    for i in full:
        parts = name_parts(items[i].base)
        keys = surname_variants(items[i].base) + split_name(items[i].base)[0] + ["".join(parts[1:])]
        for k in {skeleton_token(k) for k in keys}:
            token_index[k].append(i)
    for i in pers:
        if i in full:
            continue
        base = items[i].base
        variants = {skeleton_token(v) for v in surname_variants(base)}
        cands = [j for j in {j for v in variants for j in token_index.get(v, [])} if _persons_compatible(base, items[j].base)]
        if not cands:
            continue
        roots = {uf.find(j) for j in cands}
        if len(roots) > 1:
            by_surname = [j for j in cands if variants & {skeleton_token(v) for v in surname_variants(items[j].base)}]
            roots = {uf.find(j) for j in by_surname} or roots
        if len(roots) > 1:  # e.g. two Kims: the most recent preceding full name, else the next one
            start = items[i].mention.start
            pool = [j for j in cands if uf.find(j) in roots]
            before = [j for j in pool if items[j].mention.start < start]
            pick = max(before, key=lambda j: items[j].mention.start) if before else min(pool, key=lambda j: items[j].mention.start)
            roots = {uf.find(pick)}
        uf.union(i, roots.pop())
    # Everything else: same folded base and compatible type within the article.
    seen: dict[tuple[str, str], int] = {}
    for i in idx:
        it = items[i]
        if it.place is not None or it.label == "PER":
            continue
        key = (_type_group(it.label), joined_skeleton(it.base))
        if key in seen:
            uf.union(i, seen[key])
        else:
            seen[key] = i


def _type_group(label: str) -> str:
    """NER confuses ORG and LOC for institutions named after places (Kreml, Pentagon): one group."""
    return "PER" if label == "PER" else "MISC" if label == "MISC" else "ORGLOC"


# -------------------------------------------------------------------------------- the story

def canonical_entities(docs: list[AnalysedArticle]) -> list[Entity]:
    """Group the mentions of all docs of one story into canonical entities."""
    items = _collect(docs)
    if not items:
        return []
    uf = _UF(len(items))
    by_doc: dict[int, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_doc[it.doc].append(i)
    for idx in by_doc.values():
        idx.sort(key=lambda i: (items[i].mention.start, items[i].mention.end))
        _local_clusters(items, idx, uf)
    for i, it in enumerate(items):
        if it.role_of is not None:
            uf.union(it.role_of, i)
    # Places: one entity per code across the story.
    place_first: dict[str, int] = {}
    for i, it in enumerate(items):
        if it.place is not None:
            uf.union(i, place_first.setdefault(it.place, i))
    # The same multi-word name with different NER labels ('Hydra Energie' as PER in one sentence,
    # ORG in the next) is one entity; single words keep the type guard (Washington: city/person).
    multi: dict[str, int] = {}
    for i, it in enumerate(items):
        if it.place is None and not it.mention.derived and it.role_of is None and len(tokens(it.base)) >= 2:
            uf.union(i, multi.setdefault(joined_skeleton(it.base), i))
    _merge_across(items, uf)
    _first_names_to_full(items, uf)
    acr = merge_acronyms(docs, items, by_doc, uf)  # parenthesised definitions, then initials of long forms
    return _build_entities(docs, items, uf, acr)


def _merge_across(items: list[Item], uf: _UF) -> None:
    """Merge local clusters of different articles by blocked transliteration-aware comparison."""
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.place is None:
            clusters[uf.find(i)].append(i)
    # Representative per cluster: its longest base.
    reps = {r: max((items[i].base for i in mem), key=lambda b: (len(name_parts(b)), len(b))) for r, mem in clusters.items()}
    labels = {r: Counter(_type_group(items[i].label) for i in mem).most_common(1)[0][0] for r, mem in clusters.items()}
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    persons_full = [r for r in reps if labels[r] == "PER" and split_name(reps[r])[0]]
    persons_single = [r for r in reps if labels[r] == "PER" and not split_name(reps[r])[0]]
    others = [r for r in reps if labels[r] != "PER"]

    # 1. Full person names with each other (keyed by surname and whole-name skeleton).
    for r in persons_full:
        keys = {k for v in surname_variants(reps[r]) for k in blocking_keys(v)} | {"j:" + joined_skeleton(reps[r])}
        cands = {c for k in keys for c in _block(index, ("PER", k))}
        for c in cands:
            if uf.find(c) != uf.find(r) and _persons_compatible(reps[r], reps[c]):
                uf.union(r, c)
        for k in keys:
            index[("PER", k)].append(r)
        parts = name_parts(reps[r])
        for k in blocking_keys(parts[0]) | blocking_keys("".join(parts[1:])):  # Kim ~ Kim Jong Un
            index[("PER", k)].append(r)
    # 2. Names without given name: attach when exactly one person in the story fits.
    single_index: dict[str, list[int]] = defaultdict(list)
    lone: list[int] = []  # surname-like names no person of the story carries
    for r in persons_single:
        keys = {k for v in surname_variants(reps[r]) for k in blocking_keys(v)}
        cands = {c for k in keys for c in _block(index, ("PER", k))}
        fits = {uf.find(c) for c in cands if _persons_compatible(reps[r], reps[c])}
        if len(fits) == 1:
            uf.union(r, fits.pop())
            continue
        if fits:
            continue  # two different people share the name: leave it unresolved
        lone.append(r)
        for k in keys:
            for c in _block(single_index, k):
                if uf.find(c) != uf.find(r) and _persons_compatible(reps[r], reps[c]):
                    uf.union(r, c)
            single_index[k].append(r)
    # 3. Organisations, places, misc: same skeleton, or near-identical long names.
    other_index: dict[tuple[str, str], list[int]] = defaultdict(list)
    js_of = {r: joined_skeleton(reps[r]) for r in others}
    for r in others:
        js = js_of[r]
        if not js:
            continue
        group = labels[r]
        toks = [skeleton_token(t) for t in tokens(reps[r])]
        keys = {"j:" + js, "o:" + " ".join(sorted(toks))}  # Gruppe Wagner
        core = [t for t in toks if t not in _DESIGNATORS]
        if group == "ORGLOC" and core and len(core) < len(toks):
            keys.add("o:" + " ".join(sorted(core)))  # Wagner-Gruppe ~ Wagner Group ~ Wagner
        cj = "".join(core) or js
        if len(cj) >= 7:
            keys |= {"h:" + cj[:4], "t:" + cj[-4:]} | {"p:" + k for k in blocking_keys(cj) if k.startswith("p:")}
        for k in keys:
            block = other_index.get((group, k), [])
            if len(block) > _MAX_BLOCK and k[0] in "htp":
                continue  # a key shared by that many names discriminates nothing; skip (near-linear)
            for c in block:
                if uf.find(c) == uf.find(r):
                    continue
                jc = js_of[c]
                if jc == js or k.startswith("o:") or (min(len(jc), len(js)) >= 8 and _near(jc, js)) or (
                        " " not in reps[r] + reps[c] and min(len(jc), len(js)) >= 7 and token_similar(reps[r], reps[c])):
                    uf.union(r, c)
            other_index[(group, k)].append(r)
    # 4. A lone 'person' spelt like a place or organisation of the story is that (NER label noise:
    #    'Washington' tagged PER once, LOC elsewhere).
    for r in lone:
        key = "j:" + joined_skeleton(reps[r])
        roots = {uf.find(c) for g in ("ORGLOC", "MISC") for c in other_index.get((g, key), [])}
        if len(roots) == 1:
            uf.union(r, roots.pop())


def _first_names_to_full(items: list[Item], uf: _UF) -> None:
    """'Anna Maria' (first names only) joins 'Anna Maria Hochstätter' when exactly one person of the story
    carries those first names before a surname."""
    full: dict[str, set[int]] = defaultdict(set)
    lone: list[int] = []
    for i, it in enumerate(items):
        if it.label != "PER" or it.place is not None or it.mention.derived:
            continue
        if _first_names_only(it.base) and " " in it.base.strip():  # one first name alone: the local rules decide
            lone.append(i)
        elif len(it.base.split()) >= 2:
            words = it.base.split()
            for k in range(1, len(words)):
                full[" ".join(words[:k])].add(uf.find(i))
    for i in lone:
        roots = {uf.find(r) for r in full.get(items[i].base, ())}
        if len(roots) == 1:
            uf.union(i, roots.pop())


_REGNAL = re.compile(r"\s(?:[IVX]{1,5}\.?|der\s+(?:Große|Jüngere|Ältere)|the\s+(?:Great|Younger|Elder)|Jr\.?|Sr\.?|junior|senior)$")


def _regnal(name: str) -> str:
    """'Friedrich Wilhelm I.' -> 'I', 'Friedrich II.' -> 'II', 'Bush Jr.' -> 'JR'; '' without."""
    m = _REGNAL.search(name.strip())
    return m.group().strip().rstrip(".").upper() if m else ""


def _persons_compatible(a: str, b: str) -> bool:
    """persons_compatible, and the same regnal number or title: Friedrich Wilhelm I. is not Friedrich II."""
    return _regnal(a) == _regnal(b) and persons_compatible(_REGNAL.sub("", a.strip()) or a, _REGNAL.sub("", b.strip()) or b)


def _near(a: str, b: str) -> bool:
    """Spelled alike, and the same numbers ('Olympische Winterspiele 2018' is not 2006)."""
    return fuzz.ratio(a, b) >= 92 and _NUMBERS.findall(a) == _NUMBERS.findall(b)


_NUMBERS = re.compile(r"\d+")


def _block(index: dict, key) -> list[int]:
    """Members of a blocking key; fuzzy keys (prefix/suffix/phonetic) shared by too many names are
    dropped, exact skeleton keys never are."""
    block = index.get(key, [])
    k = key[1] if isinstance(key, tuple) else key
    return [] if len(block) > _MAX_BLOCK and k[:2] in ("h:", "t:", "p:") else block


def majority_language(docs: list[AnalysedArticle]) -> str:
    langs = Counter(d.article.language or "de" for d in docs)
    return langs.most_common(1)[0][0] if langs else "de"


def _choose_name(members: list[Item], docs: list[AnalysedArticle], label: str, place: str | None, lang: str) -> str:
    gaz = gazetteer()
    plain = [it for it in members if not it.mention.derived]
    if place is not None:
        names = Counter(
            it.mention.text for it in plain
            if it.mention.text[:1].isupper() and it.lang == lang
            and gaz.forms.get(lang, {}).get(fold(it.mention.text), (None, 9))[1] <= 0
        )
        if names:
            return max(names, key=lambda n: (names[n], len(n)))
        gen = [it.mention.text[:-1] for it in plain if it.mention.text.endswith("s") and gaz.rank(it.mention.text[:-1], lang) <= 0]
        return max(gen, key=gen.count) if gen else gaz.name(place, lang)  # 'Englands' -> 'England', not 'Vereinigtes Königreich'
    plain = [it for it in plain if it.role_of is None] or plain  # ('Tirols Landeschef' | 'Günther Platter': the name)
    pool = [it for it in plain if it.lang == lang] or plain or members
    counts = Counter(it.base for it in pool)
    # Spelling variants of one form count together (Selenskyj/Selenskij in one language).
    if label == "PER":
        full = [n for n in counts if len(name_parts(n)) >= 2]
        if full:  # a name with its surname beats first names alone ('Anna Maria' / 'Anna Maria Hochhauser')
            best = max(full, key=lambda n: (not _first_names_only(n), counts[n], len(name_parts(n)), len(n)))
            return with_first_names(best, full)  # ('Oliver Rudolf Jufer' beside 'Rudolf Jufer')
    else:
        if longs := [n for n in counts if not is_acronym(n)]:
            return max(longs, key=lambda n: (counts[n] > 0, len(tokens(n)) >= 2, not _inflected_of(n, longs), counts[n], len(n)))
    return max(counts, key=lambda n: (counts[n], len(n)))


def _inflected_of(name: str, others: list[str]) -> bool:
    """'Landratsamts Talmark' next to 'Landratsamt Talmark': a genitive form of another name."""
    words = name.split()
    for other in others:
        ow = other.split()
        if other != name and len(ow) == len(words) and all(
                a == b or a in (b + "s", b + "es") for a, b in zip(words, ow)):
            return True
    return False


def _plain(it: Item, name: str, gaz) -> bool:
    """A mention that names the entity itself: not an adjective, demonym or inhabitant noun
    ('nordkoreanische', 'Österreicher'), not a compound that only contains the name ('CDU-Generalsekretär')."""
    text = it.mention.text
    if it.mention.derived or not text[:1].isupper():
        return False
    if "-" in text and " " not in text and not _hyphenated_name(text) and text != name:
        return False
    if it.place is not None:
        return text in (name, name + "s") or _inflected_as(text, name) or gaz.rank(text, it.lang) <= 0 or (
            text.endswith("s") and gaz.rank(text[:-1], it.lang) <= 0)
    return True


def _inflected_as(text: str, name: str) -> bool:
    """'Vereinten Nationen' for 'Vereinte Nationen': the same words but for an adjective's ending."""
    a, b = text.split(), name.split()
    return len(a) == len(b) > 1 and a[-1] == b[-1] and all(
        x == y or x.rstrip("nrsm") == y.rstrip("nrsm") and x[:1].isupper() for x, y in zip(a[:-1], b[:-1]))


def _build_entities(docs: list[AnalysedArticle], items: list[Item], uf: _UF, acr: dict[str, set[int]]) -> list[Entity]:
    lang = majority_language(docs)
    words = story_words(d.text for d in docs) if lang == "en" else frozenset()  # once per story
    gaz = gazetteer()
    groups: dict[int, list[Item]] = defaultdict(list)
    for i, it in enumerate(items):
        groups[uf.find(i)].append(it)
    acr_of: dict[int, set[str]] = defaultdict(set)
    for key, linked in acr.items():
        for i in linked:
            acr_of[uf.find(i)].add(key)
    entities: list[Entity] = []
    bare_of: dict[int, str] = {}
    plain_of: dict[int, int] = {}
    for root, members in groups.items():
        members.sort(key=lambda it: (it.doc, it.mention.start))
        places = Counter(it.place for it in members if it.place)
        place = places.most_common(1)[0][0] if places else None
        plain = [it for it in members if not it.mention.derived] or members
        labels = Counter(it.label for it in plain)
        if len(labels) > 1 and not any(it.label == "PER" and split_name(it.base)[0] for it in plain):
            labels.pop("PER", None)  # only surname-like PER mentions: the NER misread a place/org
        label = "LOC" if place else labels.most_common(1)[0][0]
        name = _choose_name(members, docs, label, place, lang)
        named = nominative(name, label) if lang == "de" and place is None else (name, label)
        written, (name, label) = (name if named[0] != name else None), named  # 'Deutschen X' -> 'Deutscher X'
        bare = None
        if place is None:
            name, label, bare = strip_descriptor(name, label, {it.base for it in plain})
            contexts = [docs[it.doc].text[max(0, it.mention.start - 30):it.mention.start] for it in plain]
            texts = tuple(dict.fromkeys(docs[it.doc].text for it in plain))
            if lang == "de" and work_cue(name, contexts, [docs[it.doc].text[it.mention.end:it.mention.end + 2] for it in plain]):
                label = "MISC"  # 'der Film The Revenant', '„Blade Runner“': the title of a work, whatever the model said
            elif org_cue(name, [it.mention.text for it in members], contexts, texts, label):
                label = "ORG"  # 'TransCanada Corp', 'Reiseveranstalter Thomas Cook', 'Branchenverband Bitkom'
            elif label in ("PER", "ORG") and not (person_by_first_name(name) or foreign_person(name)) and (
                    place_cue(contexts) or label == "ORG" and org_written_in(name, contexts)):
                label = "LOC"  # 'die Hauptstadt Kuala Lumpur', 'die Stadt Flint'
            elif label == "PER" and multiword_place(name):
                label = "LOC"  # 'Kuala Lumpur': the place list knows it, no first name of the lexicon
            elif label != "PER" and (person_by_first_name(name) or label != "MISC" and foreign_person(name)):
                label = "PER"  # 'Malik Jackson' tagged ORG: a first name of the lexicon (or the international list) says person
            elif label == "LOC" and re.fullmatch(r"[A-ZÄÖÜ]\w*(?:[A-Z]\w*|\d+)", name) and not is_place_word(name):
                label = "ORG"  # 'GfK', 'MediaCom', 'Ö3': brands and stations, places have no inner capitals or digits
            elif label in ("PER", "ORG") and place_not_person(
                    name, [docs[it.doc].text[max(0, it.mention.start - 12):it.mention.start] for it in plain], label):
                label = "LOC"  # 'in Molenbeek', 'aus Mytilini', 'in München'
        elif place in ORG_PLACES:
            label = "ORG"  # the EU is an organisation, though the gazetteer knows it as a region
        english_junk = False  # the German model on English text (entity_en.py)
        if lang == "en":
            name, label, english_junk = english_entity(name, label, place, [
                docs[it.doc].text[it.mention.end:it.mention.end + 48] for it in plain],
                [line_at(docs[it.doc].text, it.mention.start) for it in plain], words,
                [docs[it.doc].text[max(0, it.mention.start - 24):it.mention.start] for it in plain],
                [it.mention.text for it in plain])
        plain_count = sum(1 for it in members if _plain(it, name, gaz))
        aliases = list(dict.fromkeys(it.mention.text for it in members if not it.inflected and not it.mention.derived))
        for key in sorted(acr_of.get(root, ())):  # acronym defined in parentheses but never tagged
            text = next((docs[it.doc].text for it in members), "")
            hit = re.search(r"\(\s*(" + re.escape(key) + r")\s*\)", text, re.I) if text else None
            if hit and hit.group(1) not in aliases:
                aliases.append(hit.group(1))
        if name not in aliases:
            aliases.insert(0, name)
        if bare and bare not in aliases and not _generic_head(bare, {it.base for it in plain}, gaz):
            aliases.append(bare)  # 'Costa Crociere' inside 'Reederei Costa Crociere'
        aliases = clean_aliases(name, aliases)  # ('Corp', 'Billigflieger Ryanair')
        forms = list(dict.fromkeys(it.mention.text for it in members if it.inflected or it.mention.derived))
        for it in members:
            if it.mention.norm is None:
                it.mention.norm = name
        conf = confidence(name, label, place, plain_count, lang)
        if written:  # 'Deutscher Wetterdienst' reads like a description ('Kölner
            conf = max(conf, confidence(written, label, place, plain_count, lang))  # Polizei'): judge what was written
        if english_junk:
            conf = min(conf, 0.3)  # a headline, role or demonym read by the German model (entity_en.py)
        entities.append(CanonicalEntity(
            name=name, type=label, aliases=aliases,
            article_ids=list(dict.fromkeys(docs[it.doc].id for it in members)),
            mentions=[it.mention for it in members], forms=forms, place=place,
            confidence=conf, listed=conf >= LISTED,
        ))
        plain_of[id(entities[-1])] = plain_count
        if bare:
            bare_of[id(entities[-1])] = bare
    sports = match_reports(docs)
    entities = merge_surnames(merge_bare(review_kinds(entities, docs, sports), bare_of, plain_of, _type_group),
                              plain_of, lang)
    entities = lower_unvouched(entities, plain_of, docs, sports)
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    from .speakers import _remember

    _remember(docs, entities)
    return entities

