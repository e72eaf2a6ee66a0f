"""Clause-level helpers for the quote finder (issue 5), split from quotes.py to keep it readable.

They answer grammatical questions about one unit's tokens: does a main clause start here, does a
fronted part frame the sentence (a subordinate clause or a prepositional phrase with a relative
clause) rather than state something, does a particle verb have its particle ('teilte … mit',
'spricht davon'), which words are speech cues, is there a Konjunktiv in a span, and where does a
reported clause hand over to a quotation announced by a colon.
"""
from __future__ import annotations

from .speakers import AUX, DETERMINERS, PREPS, RELATIVE, SUBORD, Tok, Unit, clause_start, is_adj, np_after
from .speech_cues import cue_readings, konjunktiv_forms

_NOT_MAIN = SUBORD | RELATIVE | {"um", "ohne", "statt", "anstatt", "wo", "wobei", "was", "wer", "denn", "bevor",
                                   "seit", "seitdem", "bis", "sobald", "so", "wie", "und", "oder", "aber", "sondern",
                                   "dessen", "deren"}  # ('sagte X aus, dessen Kanzlei …': a relative clause)


def _main_clause_start(toks: list[Tok], k: int) -> bool:
    """Does a main clause (V2) start at token k: subject-like first word, then a lower-case verb?"""
    if k + 1 >= len(toks):
        return False
    first = toks[k]
    if first.low in RELATIVE and toks[k + 1].text[:1].isupper() and toks[k + 1].low not in DETERMINERS:
        # an article, not a relative pronoun: 'erklärte, die Entdeckung werfe …'; but no verb up to the
        # sentence end is the speaker's apposition ('meint X, die Leiterin der Abteilung im Ministerium.')
        return _verb_follows(toks, k, stop={".", "!", "?", ";"})
    if first.low in _NOT_MAIN or not first.text[:1].isalnum():
        return False
    if first.low in ("er", "sie", "es", "man", "wir", "ich", "dies", "das"):
        return toks[k + 1].text.islower()
    if not (first.text[:1].isupper() or first.text[:1].isdigit() or first.low in DETERMINERS):
        return False
    if first.low in ("ein", "eine", "einer", "eines", "einem", "einen"):
        # 'berichtete X, ein überparteilicher Thinktank mit Sitz in Washington': an apposition when no verb
        # follows (adjectives, prepositions and nouns only; 'sein Land plane …' has its Konjunktiv)
        return _verb_follows(toks, k, stop={".", "!", "?", ";", ","})
    # a noun with no verb to the sentence end is an apposition too ('sagte X, Österreich-Chef des Konzerns am
    # Montag vor Journalisten.'); 'Merkel habe …' has its verb
    return _verb_follows(toks, k, stop={".", "!", "?", ";"})


_COORD = {"und", "oder", "sowie", "sondern", "aber", "bzw", "sowohl", "als", "auch"}


def _verb_follows(toks: list[Tok], k: int, stop: set[str]) -> bool:
    """A lower-case word that can be a verb (no article, preposition, adjective or conjunction) after
    token k, before the first token of `stop`."""
    end = next((j for j in range(k, len(toks)) if toks[j].text in stop), len(toks))

    def adjective(j: int) -> bool:  # 'neue Fragen'; a bare -e word before no noun is a verb ('werfe neue …')
        return is_adj(toks[j]) and not (toks[j].low.endswith("e") and (j + 1 >= end or toks[j + 1].text.islower()))

    return any(toks[j].text.islower() and toks[j].low not in DETERMINERS and toks[j].low not in PREPS
               and toks[j].low not in _COORD and not adjective(j) for j in range(k + 1, end))


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:–—-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:–—-"):
        e -= 1
    return s, e


_DA_PREPS = {"von", "auf", "über", "mit", "an", "für", "aus", "um", "vor", "zu"}


_FRAME_OPENERS = SUBORD | {"falls", "sofern", "soweit", "wenn", "nachdem", "als"}
_NOUN_CLAUSE = {"dessen", "deren", "dass", "ob", "wie", "warum", "weshalb", "wann", "wer", "was", "wo"}
_PREP_OR_CONJ = {"seit", "seitdem", "während", "bis"}


def _fronted_frame(u: Unit, comma: int) -> bool:
    """Is the Vorfeld before the comma at token `comma` the writer's frame rather than a message?
    'Da …, warnte X' / 'Nachdem …, hat X angekündigt' (a fronted adverbial clause) and 'In seiner Rede,
    die … verlesen wurde, mahnte X' (a fronted prepositional phrase whose only finite verb sits in
    a relative clause): neither is a statement of its own."""
    toks = u.toks
    if not toks or u.masked[0]:
        return False
    if toks[0].low in _FRAME_OPENERS:
        # 'seit', 'während', 'bis' also open a phrase: in 'Seit Beginn der Angriffe habe das Militär …
        # geflogen, sagte X' the auxiliary stands second (a main clause: the message), not last
        return not (toks[0].low in _PREP_OR_CONJ and any(t.low in AUX for t in toks[2:comma - 1]))
    if toks[0].low in PREPS:
        first = next((k for k in range(1, comma) if toks[k].text == "," and not u.masked[k]), None)
        # (or a noun with its clause: 'Auf die Frage, ob …, sagte X', 'Zur Feststellung, dass …, sagte X')
        return first is not None and first + 1 < comma and toks[first + 1].low in RELATIVE | _NOUN_CLAUSE
    return False


def _particle_ok(u: Unit, n: int, particle: str) -> bool:
    if not particle:
        return True
    words = particle.split()
    toks = u.toks
    # a prepositional particle also stands as its pronominal adverb before a clause: 'spricht davon, dass'
    da = ("dar" if words[0][:1] in "aeiouäöü" else "da") + words[0] if len(words) == 1 and words[0] in _DA_PREPS else ""
    if n >= len(words) and [t.low for t in toks[n - len(words):n]] == words:
        return True  # verb-final with a separate particle: 'wie X bekannt gab'
    for k in range(n + 1, min(n + 25, len(toks))):
        if toks[k].text == "," and k > n + 1 and k + 1 < len(toks):
            # an apposition closed right before the particle: 'teilte der Direktor, Bagus Puruhito, mit'
            ph = np_after(toks, k + 1)
            e = ph.full[1] if ph is not None else k
            if e + 1 < len(toks) and toks[e].text == "," and [t.low for t in toks[e + 1:e + 1 + len(words)]] == words:
                return True
        if toks[k].text in {",", ":", ";", "."} and k > n + 1:
            return False
        if [t.low for t in toks[k:k + len(words)]] == words or (da and toks[k].low == da):
            return True
    return False


def _has_konj(u: Unit, s: int, e: int, strong: bool) -> bool:
    seg = u.text[s:e]
    forms = konjunktiv_forms(seg, u.known)
    for w, a, b, kind in forms:
        pos = s + a
        if any(o < pos < c for o, c in u.marks):
            continue
        if kind in ("I", "II") or (not strong and kind == "II-weak"):
            return True
    return False


def _colon_handover(u: Unit, found: list, colon_attr: dict) -> None:
    """'X glaubt, dass …: „…“' — a colon that opens a quotation ends the reported clause, and the
    quotation that follows is the same speaker's elaboration (same cue, same speaker)."""
    toks = u.toks
    for f in found:
        if not f.cue or f.direct:
            continue
        for k in range(len(toks)):
            t = toks[k]
            if t.text != ":" or u.masked[k] or not (f.start < t.start <= f.end):
                continue
            if k + 1 < len(toks) and not any(o == toks[k + 1].start for o, _c in u.marks):
                continue  # a colon inside the clause ('sagte, es gebe zwei Gründe: …'); a final colon announces
            f.end = _strip(u.text, f.start, t.start)[1]
            if f.speaker and (k not in colon_attr or colon_attr[k][1] is None):  # a speakerless verb inside the clause
                colon_attr[k] = (f.cue, (f.speaker, f.speaker_full))
            break


_SUBORDINATE_OPENERS = {"wo", "wie", "die", "der", "das", "denen", "dem", "den", "deren", "dessen", "welche", "welcher",
                        "welches", "weil", "da", "damit", "dass", "wenn", "ob", "um", "womit", "wobei", "wodurch"}


def _in_subordinate(text: str, s: int, k: int) -> bool:
    """Whether position k lies in a clause after a comma that opens with a relative or subordinating word
    ('…, wo Kleinkinder lernen sollen, …': a plan, not hearsay of the main clause)."""
    comma = text.rfind(",", s, k)
    if comma < 0:  # a sentence that is itself a subordinate clause: 'Zumal der Kader … erleben soll.'
        words = text[s:k].split()
        return bool(words) and words[0].lower() in ("zumal", "weil", "obwohl", "damit", "sodass")
    words = text[comma + 1:k].split()
    return bool(words) and words[0].lower() in _SUBORDINATE_OPENERS


def _in_wonach(text: str, s: int, k: int) -> bool:
    """Whether position k lies in a 'wonach' clause: '…die Mitterlehner-Aussage, wonach die Arbeitnehmer …
    fordern würden' reports the claim of the noun before it, not the last speaker's."""
    comma = text.rfind(",", s, k)
    words = text[comma + 1:k].split() if comma >= 0 else []
    return bool(words) and words[0].lower() == "wonach"


_AS_REPORTED = frozenset({"berichtet", "gemeldet"})
_FILLER_AFTER = frozenset({"mal", "einmal", "so", "es", "ruhig", "eher", "etwa", "lieber", ",", "–"})
_AS_ADVERBS = frozenset({"bereits", "schon", "gestern", "mehrfach", "ausführlich", "zuvor", "zuletzt"})


def _cues(u: Unit) -> list[tuple[int, object]]:
    """The speech cues of a unit: (token index, reading), capitalised nouns, attributive participles and
    'wie berichtet' left out."""
    out = []
    for n, t in enumerate(u.toks):
        if u.masked[n]:
            continue
        readings = cue_readings(t.text)
        if not readings:
            continue
        if not t.text.islower() and n != 0:
            continue  # nouns ('Berichten') are capitalised
        if n > 0 and (u.toks[n - 1].low == "zu" or u.toks[n - 1].low in DETERMINERS and n + 1 < len(u.toks)
                      and u.toks[n + 1].text[:1].isupper() and u.toks[n + 1].low not in DETERMINERS):
            continue  # attributive participle: 'die berichteten Fälle' (but not '…, das teilte das Institut mit')
        if t.low in _AS_REPORTED and (n > 0 and u.toks[n - 1].low == "wie"
                                      or n > 1 and u.toks[n - 2].low == "wie" and u.toks[n - 1].low in _AS_ADVERBS):
            continue  # 'wie (bereits) berichtet': the writer's paper reported it, nobody in the text
        if t.low == "sagen" and n + 1 < len(u.toks) and u.toks[n + 1].low == "wir" and (
                n + 2 >= len(u.toks) or u.toks[n + 2].low in _FILLER_AFTER or u.toks[n + 2].text[:1].isupper()):
            continue  # 'sagen wir mal Berlin Prenzlauer Berg', 'sagen wir so': a filler, nobody reports
        ok = [r for r in readings if _particle_ok(u, n, r.particle)]
        cs = clause_start(u, n)
        if any(u.toks[k].low in AUX for k in range(cs, n)):  # perfect tense: read as participle
            ok = [r for r in ok if not r.finite] + [r for r in ok if r.finite]
        if ok:
            out.append((n, ok[0]))
    return out


_CONJUNCTIONS = frozenset({"weil", "da", "damit", "wenn", "falls", "obwohl", "sodass", "nachdem", "bevor", "als"})


def _after_conjunction(text: str, s: int, k: int) -> bool:
    """Position k lies in a clause a subordinating conjunction opens after a comma: its Konjunktiv is the
    conjunction's ('weil sie … eingesetzt würden'), not a report of the main clause."""
    comma = text.rfind(",", s, k)
    words = text[comma + 1:k].split() if comma >= 0 else []
    return bool(words) and words[0].lower() in _CONJUNCTIONS
