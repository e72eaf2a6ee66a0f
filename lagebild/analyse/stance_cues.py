"""Stance cues: does a sentence confirm, deny or leave open a claim? (shared by quotes and stance)."""
from __future__ import annotations

import re

# Stems of German/English/French verbs and phrases; matched on word starts, case-insensitive.
_NEITHER = [
    r"weder\s+(?:best[äa]tigt|bestätigen|best[äa]tigte)\s+noch\s+(?:dementiert|dementieren|dementierte|bestritten)",
    r"(?:wollte|wollten|will)\s+(?:sich\s+)?(?:nicht|nicht\s+weiter)\s+(?:dazu\s+)?äußern",
    r"weigerte[n]?\s+sich,?\s+sich\s+(?:\w+\s+){0,4}zu\s+äußern",
    r"neither\s+confirm(?:ed)?\s+nor\s+den(?:y|ied)", r"ni\s+confirm\w*\s+ni\s+d[ée]menti\w*",
]
_DENY = [
    r"dementier\w*", r"bestreit\w*", r"bestritt\w*", r"bestritten", r"zurückgewiesen", r"weis[t]?\s+(?:\w+\s+){0,3}zurück",
    r"wies\s+(?:\w+\s+){0,3}zurück", r"zurückweis\w*", r"verneint\w*", r"leugne\w*", r"widersprech\w*", r"widerspr[ai]ch\w*",
    r"den(?:y|ies|ied)", r"reject\w*", r"d[ée]ment\w*",
]
_CONFIRM = [
    r"bestätig\w*", r"bekräftig\w*", r"räumte?\s+(?:\w+\s+){0,3}ein", r"eingeräumt", r"confirm\w*", r"confirm[ée]\w*",
]
_PATTERNS = [(name, re.compile(r"\b(?:" + "|".join(p) + r")\b", re.IGNORECASE)) for name, p in
             (("neither", _NEITHER), ("deny", _DENY), ("confirm", _CONFIRM))]


def detect_stance(sentence: str) -> list[tuple[str, int, int]]:
    """All stance cues in a sentence as (stance, start, end); 'neither' phrases win over their parts."""
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            found.append((name, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x[1])


def stance_of(sentence: str) -> str:
    """The dominant stance of a sentence: neither > deny > confirm > none."""
    kinds = {k for k, _, _ in detect_stance(sentence)}
    for k in ("neither", "deny", "confirm"):
        if k in kinds:
            return k
    return "none"
