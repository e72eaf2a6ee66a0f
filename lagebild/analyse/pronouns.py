"""Pronoun speakers: gender/number of a speaker phrase and resolution of 'er'/'sie' to the person a
paragraph is about (split from speakers.py)."""
from __future__ import annotations

import re

from .speakers import _FEMALE_NAMES, _FEMALE_ROLE, _POSSESSIVE_PRONOUN, _ROLE_WORDS, PRONOUNS


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


def pronoun_matches(pronoun: str, gn: str) -> bool:
    p = pronoun.lower()
    if p == "er":
        return gn in ("m", "?")
    if p == "sie":
        return gn in ("f", "pl", "f|pl")
    return False


_OBLIQUE_BEFORE = re.compile(r"\b(?:mit|gegen|neben|für|bei|beim|über|zu|zum|ohne|um|durch|wegen"
                             r"|with|against|for|about)\s+(?:(?:dem|den|der|des|einem|einen|the)\s+)?$", re.I)


def resolve_pronouns(text: str, found: list, mentions, candidates=()) -> dict[int, tuple[int, int]]:
    """Replace pronoun speakers by the last named speaker, sentence subject or PER mention of
    matching gender/number ('er' -> 'Der Landrat Ernst Kohl'); the pronoun span is returned."""
    pron: dict[int, tuple[int, int]] = {}
    history: list[tuple[int, int]] = list(candidates)
    per = sorted((m.start, m.end) for m in mentions if m.label == "PER")
    for i, f in enumerate(found):
        if f.speaker is None:
            continue
        word = text[f.speaker[0]:f.speaker[1]]
        first = word.split()[0].lower() if word.split() else ""
        if first in _POSSESSIVE_PRONOUN and len(word.split()) == 2:
            word = _POSSESSIVE_PRONOUN[first]  # 'Seiner Ansicht nach': whose view is it? as for 'er'
        if word.lower() in PRONOUNS:
            cands = [h for h in history if h[1] <= f.speaker[0]] + [p for p in per if p[1] <= f.speaker[0]]
            cands.sort(key=lambda x: x[0])
            fits = [c for c in cands if pronoun_matches(word, gender_number(text[c[0]:c[1]]))]
            # the person the paragraph is about: its last named speaker beats a nearer name that never spoke
            para = text.rfind("\n", 0, f.speaker[0]) + 1
            spoken = set(history)  # membership in a set: `in history` per candidate was quadratic (issue 18)
            spoke = [c for c in fits if c in spoken and c[0] >= para]
            # a name inside a prepositional phrase ('neben Peter Kranz') is rarely what 'er' picks up
            subjects = [c for c in fits if not _OBLIQUE_BEFORE.search(text[max(0, c[0] - 12):c[0]])]
            match = spoke[-1] if spoke else subjects[-1] if subjects else fits[-1] if fits else None
            pron[i] = f.speaker
            if match is not None:
                f.speaker = match
        else:
            history.append(f.speaker)
    return pron
