"""Stance cues: does a sentence confirm, deny or leave open a claim? (shared by quotes and stance).

Patterns are German first, then English and French; matched case-insensitively on word starts.
Order matters: 'neither' phrases (negated confirmations, refusals to comment, 'could not be
verified') are matched first and win over the verbs inside them ('nicht bestätigen' is not a
confirmation), then denials, then confirmations. The phrases were collected from the 10kGNAD and
Wikinews corpora (e.g. 'konnte ... nicht bestätigen', 'wollte sich auf Nachfrage nicht dazu
äußern', 'können nicht unabhängig überprüft werden', 'weder bestätigt noch dementiert').
'bestreiten' also means 'to play/contest' ('106 Spiele bestritten', 'ihr Leben bestreiten'):
such matches are dropped.
"""
from __future__ import annotations

import re

_W = r"(?:[\w-]+\s+)"  # one word and its space: bounded gaps stay inside one clause

_NEITHER = [
    r"weder\s+(?:best[äa]tigt|bestätigen|best[äa]tigte)\s+noch\s+(?:dementiert|dementieren|dementierte|bestritten)",
    r"(?:wollte|wollten|will|wollen|möchte|möchten|mochte|mochten)\s+" + _W + r"{0,6}nicht\s+" + _W
    + r"{0,3}(?:äußern|kommentieren|bestätigen|sagen)",
    r"weigerte[n]?\s+sich,?\s+(?:sich\s+)?" + _W + r"{0,4}zu\s+(?:äußern|bestätigen|kommentieren)",
    r"nicht\s+" + _W + r"{0,2}(?:unabhängig\s+)?(?:bestätig|überprüf|verifizier|nachprüf)\w*",
    r"bestätig\w*\s+" + _W + r"{0,4}nicht\b",
    r"nicht\s+(?:dazu\s+|zu\s+\w+\s+)?(?:äußern|kommentier\w*|dementier\w*)",
    r"kommentierte[n]?\s+" + _W + r"{0,4}nicht\b",
    r"keine\s+(?:offizielle\s+|unabhängige\s+)?(?:Bestätigung|Stellungnahme)",
    r"unbestätigt\w*", r"ließ(?:en)?\s+sich\s+" + _W + r"{0,3}nicht\s+" + _W + r"{0,1}(?:überprüfen|bestätigen|verifizieren)",
    r"neither\s+confirm(?:ed)?\s+nor\s+den(?:y|ied)", r"declined\s+to\s+(?:comment|confirm)",
    r"(?:could|can)\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?)",
    r"(?:did|would|could)\s*(?:not|n't)\s+confirm", r"unconfirmed", r"no\s+comment",
    r"ni\s+confirm\w*\s+ni\s+d[ée]menti\w*", r"n['’]a\s+pas\s+(?:\w+\s+)?confirm[ée]\w*", r"non\s+confirm[ée]\w*",
    r"refus\w*\s+de\s+(?:commenter|confirmer)",
]
_DENY = [
    r"dementier\w*", r"dementi\b", r"bestreit\w*", r"bestritt\w*", r"bestritten", r"zurückgewiesen",
    r"weis[t]?\s+" + _W + r"{0,3}zurück", r"wies(?:en)?\s+" + _W + r"{0,4}zurück", r"zurückweis\w*", r"verneint\w*",
    r"leugne\w*", r"widersprech\w*", r"widerspr[ai]ch\w*",
    r"als\s+" + _W + r"{0,2}(?:falsch|haltlos|unwahr|unzutreffend|erfunden|Falschmeldung|Fake)\w*",
    r"Falschmeldung\w*", r"entbehr\w*\s+jeder\s+Grundlage", r"trifft\s+" + _W + r"{0,2}nicht\s+zu", r"nicht\s+zutreffend",
    r"den(?:y|ies|ied)", r"reject\w*", r"d[ée]ment\w*",
]
_CONFIRM = [
    r"bestätig\w*", r"bekräftig\w*", r"räumte?\s+" + _W + r"{0,3}ein", r"eingeräumt", r"bejaht\w*",
    r"trifft\s+" + _W + r"{0,1}zu\b", r"confirm\w*", r"acknowledg\w*", r"admitted", r"a\s+reconnu", r"confirm[ée]\w*",
]
_PATTERNS = [(name, re.compile(r"\b(?:" + "|".join(p) + r")\b", re.IGNORECASE)) for name, p in
             (("neither", _NEITHER), ("deny", _DENY), ("confirm", _CONFIRM))]

# 'bestreiten' as 'to play / to make a living': not a denial
_CONTEST = re.compile(
    r"\b(?:Spiel|Partie|Match|Finale|Halbfinale|Turnier|Rennen|Wettkampf|Länderspiel|Saison|Kampf|Duell|"
    r"Leben|Lebensunterhalt|Unterhalt|Wahlkampf|Auftritt|Runde|Etappe)\w*"
    # 'Einsatz' is a match only as one's own ('seinen ersten Einsatz bestritten', '20 Einsätze');
    # 'der Einsatz (der Truppen) wurde bestritten' is a denial
    r"|\b(?:sein|seine|seinen|ihr|ihre|ihren|\d+|erst|zweit|dritt|letzt)\w*\s+(?:\w+\s+)?Eins[aä]tz\w*", re.IGNORECASE)


def _is_contest(sentence: str, start: int, end: int) -> bool:
    word = sentence[start:end].lower()
    if not word.startswith(("bestreit", "bestritt")):
        return False
    window = sentence[max(0, start - 60):min(len(sentence), end + 40)]
    return bool(_CONTEST.search(window))


def detect_stance(sentence: str) -> list[tuple[str, int, int]]:
    """All stance cues in a sentence as (stance, start, end); 'neither' phrases win over their parts."""
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if name == "deny" and _is_contest(sentence, m.start(), m.end()):
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
