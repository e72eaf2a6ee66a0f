"""Pronoun speakers: gender/number of a speaker phrase and resolution of 'er'/'sie' to the person a
paragraph is about (split from speakers.py)."""
from __future__ import annotations

import bisect
import re

from .speakers import _ROLE_WORDS, DETERMINERS, PRONOUNS

_POSSESSIVE_PRONOUN = {"seiner": "er", "seinem": "er", "seinen": "er", "ihrer": "sie", "ihrem": "sie", "ihren": "sie"}
_FEMALE_ROLE = re.compile(r"(?:in|innen)$")
_FEMALE_NAMES = {
    "angela", "annalena", "ursula", "kamala", "hillary", "nancy", "marine", "giorgia", "theresa", "liz",
    "christine", "olena", "julia", "maria", "anna", "nina", "svenja", "nancy", "sahra", "alice", "ricarda",
    "franziska", "katarina", "katrin", "claudia", "manuela", "malu", "kristalina", "agnes", "marie", "karin",
}

# nouns for people that are no role ('die Frau', 'der Mann'): they can be what a speaking 'sie'/'er' means
_PERSON_NOUNS = {"frau", "frauen", "mann", "männer", "kind", "kinder", "mädchen", "junge", "jungen", "mutter", "vater",
                 "eltern", "tochter", "sohn", "bruder", "schwester", "familie", "paar", "person", "personen", "mensch",
                 "menschen", "leute", "opfer", "zeuge", "zeugin", "zeugen", "freund", "freundin", "nachbar", "nachbarin",
                 "nachbarn", "fans", "gast", "gäste", "witwe", "ehefrau", "ehemann", "partnerin", "partner", "team"}


def gender_number(phrase: str) -> str:
    """'m', 'f', 'pl' or '?' for a speaker phrase (for pronoun resolution)."""
    words = phrase.split()
    if not words:
        return "?"
    low = [w.lower().strip(",") for w in words]
    if (low[0] == "die" and len(words) >= 2 and words[-1].endswith(("en", "er", "s"))
            and not _FEMALE_ROLE.search(words[-1])):
        return "pl"
    if any(w in _FEMALE_NAMES for w in low):
        return "f"
    for w in words:
        if _ROLE_WORDS.match(w) and _FEMALE_ROLE.search(w) and not w.endswith(("Kommission", "Stiftung")):
            return "f"
    if low[0] in ("eine", "einer") or (low[0] == "die" and any(_ROLE_WORDS.match(w) for w in words)):
        return "f"
    if low[0] in ("der", "ein") or any(_ROLE_WORDS.match(w) for w in words):
        return "m"
    if low[0] == "die":
        return "f|pl"  # 'die Polizei', 'die Behörden'
    if low[0] == "das":
        return "n"
    if re.match(r"^[A-ZÄÖÜ][a-zäöüß]+ [A-ZÄÖÜ]", phrase) and words[0].lower().endswith("a"):
        return "f"
    return "?"


_BODY_OR_PERSON_END = re.compile(r"(?:stadt|gemeinde|land|staat|firma|gewerkschaft|partei|verwaltung|regierung|kammer"
                                 r"|nom|loge|krat|ast|ant|ent|ist|eur|ier|kollege|experte|pilot|soldat|kandidat|athlet|prophet|poet)$", re.I)


def names_a_thing(phrase: str) -> bool:
    """A phrase headed by a common noun that names no person, role or body ('Die Terrasse des Cafés',
    'Verzögerungsmaßnahmen'): a subject or a misread 'speaker' that a speaking 'er'/'sie' cannot mean."""
    from ..link.entity_evidence import _INSTITUTION, _ORG_WORDS
    from ..link.gazetteer import ROLE_SUFFIX, noun_stem
    from ..link.translit import compound_splits, known_word
    from .quote_checks import _noun_is_speaker

    words = [w.strip(",.;:()") for w in phrase.split()]
    head = next((w for w in words if w[:1].isupper() and w.lower() not in DETERMINERS), None)
    if head is None or not head[1:].islower() or head.lower() in _PERSON_NOUNS:
        return False
    if _noun_is_speaker(head) or _ROLE_WORDS.match(head) or ROLE_SUFFIX.search(noun_stem(head)) \
            or len((_ORG_WORDS.search(head) or [""])[0]) >= 4 or _INSTITUTION.search(head) \
            or _BODY_OR_PERSON_END.search(head):
        return False
    later = words[words.index(head) + 1:]
    if later and later[0][:1].isupper() and later[0].lower() not in DETERMINERS:
        return False  # 'Bürgermeister Ernst Kohl', 'Sprecherin Anna Berg': a name follows the noun
    return known_word(head) and len(words) > 1 or any(
        len(sp) >= 2 and all(len(x) >= 4 for x in sp) for sp in compound_splits(head))


def pronoun_matches(pronoun: str, gn: str) -> bool:
    p = pronoun.lower()
    if p == "er":
        return gn in ("m", "?")
    if p == "sie":
        return gn in ("f", "pl", "f|pl")
    return False


_OBLIQUE_BEFORE = re.compile(r"\b(?:mit|gegen|neben|für|bei|beim|über|zu|zum|ohne|um|durch|wegen"
                             r"|with|against|for|about)\s+(?:(?:dem|den|der|des|einem|einen|the)\s+)?$", re.I)


# how far back (characters) a pronoun looks for a subject outside its paragraph's speakers
_REACH = 1000


def resolve_pronouns(text: str, found: list, mentions, candidates=()) -> dict[int, tuple[int, int]]:
    """Replace pronoun speakers by the last named speaker, sentence subject or PER mention of
    matching gender/number ('er' -> 'Der Landrat Ernst Kohl'); the pronoun span is returned.

    The candidates of a pronoun are the earlier speakers (history) and PER mentions ending before it,
    in order of start (history first on ties). Both stay in sorted key lists and are read backwards
    from the pronoun until the answer is certain (issue 18: rebuilding and re-typing every candidate
    for every pronoun was quadratic in an article's length)."""
    pron: dict[int, tuple[int, int]] = {}
    history: list[tuple[int, int]] = list(candidates)
    per = sorted((m.start, m.end) for m in mentions if m.label == "PER")
    per_at: dict[tuple[int, int], list[int]] = {}
    for k, p in enumerate(per):
        per_at.setdefault(p, []).append(k)
    # sort keys of the candidates: (start, 0, history index) / (start, 1, per index)
    every = sorted([(h[0], 0, j) for j, h in enumerate(history)] + [(p[0], 1, k) for k, p in enumerate(per)])
    spoken = set(history)
    said = sorted([(h[0], 0, j) for j, h in enumerate(history)]
                  + [(p[0], 1, k) for p in spoken for k in per_at.get(p, ())])  # keys of spoken spans
    kinds: dict[tuple[int, int], str] = {}
    oblique: dict[int, bool] = {}
    done: dict[tuple[int, int], tuple[int, int]] = {}  # pronoun span -> the antecedent it was resolved to

    def value(key: tuple[int, int, int]) -> tuple[int, int]:
        return history[key[2]] if key[1] == 0 else per[key[2]]

    full: dict[str, str] = {}  # surname -> the full name written earlier ('Nowak-Obelinda' -> 'Barbara Nowak-Obelinda')
    for a, b in per:
        name = text[a:b].split()
        if len(name) > 1:
            full.setdefault(name[-1], " ".join(name))

    def fits(c: tuple[int, int], word: str) -> bool:
        if c not in kinds:
            phrase = text[c[0]:c[1]]
            kinds[c] = gender_number(phrase)
            if kinds[c] == "?" and phrase in full:  # a surname alone: the gender of its full name
                kinds[c] = gender_number(full[phrase])
            if c not in per_at and names_a_thing(phrase):
                kinds[c] = "thing"
        return pronoun_matches(word, kinds[c])

    def is_subject(c: tuple[int, int]) -> bool:
        # a name inside a prepositional phrase ('neben Peter Kranz') is rarely what 'er' picks up
        if c[0] not in oblique:
            oblique[c[0]] = bool(_OBLIQUE_BEFORE.search(text[max(0, c[0] - 12):c[0]]))
        return not oblique[c[0]]

    for i, f in enumerate(found):
        if f.speaker is None:
            continue
        word = text[f.speaker[0]:f.speaker[1]]
        first = word.split()[0].lower() if word.split() else ""
        if first in _POSSESSIVE_PRONOUN and len(word.split()) == 2:
            word = _POSSESSIVE_PRONOUN[first]  # 'Seiner Ansicht nach': whose view is it? as for 'er'
        if word.lower() in PRONOUNS and f.speaker in done:
            pron[i], f.speaker = f.speaker, done[f.speaker]  # a report continuing 'sagt er': the same person
        elif word.lower() in PRONOUNS:
            at = f.speaker[0]
            # the person the paragraph is about: its last named speaker beats a nearer name that never spoke
            para = text.rfind("\n", 0, at) + 1
            match = None
            # 'kam Ablehnung von X, Rupert Wolff: Wir lehnen …, sagte er': the person who introduces the message
            lead = bisect.bisect_left(per, (f.start,)) - 1
            if lead >= 0 and text[per[lead][1]:f.start].strip() == ":" and fits(per[lead], word):
                match = per[lead]
            for k in range(bisect.bisect_left(said, (at + 1,)) - 1 if match is None else -1, -1, -1):
                if said[k][0] < para:
                    break
                c = value(said[k])
                if c[1] <= at and not (said[k][1] == 0 and f.start <= c[0] < f.end) and fits(c, word):
                    match = c
                    break
            if match is None:  # else the last subject that fits, else the last that fits
                last_fit = None
                for k in range(bisect.bisect_left(every, (at + 1,)) - 1, -1, -1):
                    c = value(every[k])
                    if c[1] < at - _REACH:
                        break  # ('sagte sie in einem Interview' is not the body that spoke five paragraphs up)
                    if c[1] <= at and not (every[k][1] == 0 and f.start <= c[0] < f.end) and fits(c, word):
                        # never the subject of the message itself ('Solche Heime sollen nicht ..., sagt er': 'er'
                        # is not 'Solche Heime'); a person named in it still can be ('Nach Aussagen von X ...')
                        if is_subject(c):
                            match = c
                            break
                        last_fit = last_fit or c
                match = match or last_fit
            pron[i] = f.speaker
            if match is not None:
                done[f.speaker] = match
                f.speaker = match
        else:
            key = (f.speaker[0], 0, len(history))
            history.append(f.speaker)
            bisect.insort(every, key)
            bisect.insort(said, key)
            if f.speaker not in spoken:
                spoken.add(f.speaker)
                for k in per_at.get(f.speaker, ()):
                    bisect.insort(said, (f.speaker[0], 1, k))
    return pron
