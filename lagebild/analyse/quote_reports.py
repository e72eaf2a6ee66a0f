"""`Found`, a quote before it becomes a `Quote`, and two report patterns of the quote finder: 'Dies
teilte X mit' after a statement, and 'X erwähnte, dass …' with a verb outside the cue lexicon (split
from quotes.py to keep it under ~600 lines)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .quote_clauses import _particle_ok, _strip
from .speakers import ADVERBS, AUX, DETERMINERS, END_PUNCT, PREPS, SUBORD, Unit, np_after, span_of, speaker_for_cue
from .speech_cues import cue_readings


@dataclass
class Found:
    """A quote before it becomes a record (absolute offsets)."""

    start: int
    end: int
    direct: bool
    kind: str  # direct | nested | indirect | according | free
    cue: tuple[int, int] | None = None
    speaker: tuple[int, int] | None = None  # as shown (resolved antecedent for pronouns)
    speaker_full: tuple[int, int] | None = None  # corpus-style source span as written in the frame
    chain_outer: list[str] = field(default_factory=list)
    chain_inner: list[str] = field(default_factory=list)
    unit: int = 0
    extra: list = field(default_factory=list)  # further message parts (corpus style): the 'Dies' of 'Dies sagte X'
    frame_start: int | None = None  # the start before a fronted 'laut X' frame was cut off (the confidence reads it)


def _dies_report(u: Unit, idx: int, prev: tuple[int, int]) -> Found | None:
    """'<statement>. Dies teilte die Polizei mit.': the previous sentence is the message."""
    toks = u.toks
    if len(toks) < 3 or toks[0].low not in ("dies", "das") or "\n" in u.text[prev[1]:u.start]:
        return None
    n = 1
    if toks[1].low in AUX:  # 'Dies hat der Sprecher bestätigt'
        n = next((k for k in range(2, len(toks)) if toks[k].text in {",", ".", ";", ":"}), len(toks)) - 1
        while n > 1 and not cue_readings(toks[n].text):
            n -= 1
    readings = cue_readings(toks[n].text) if n >= 1 and toks[n].text.islower() else []
    if not readings or not _particle_ok(u, n, readings[0].particle if readings[0].finite else ""):
        return None
    spk = speaker_for_cue(u, n, readings[0].finite)
    if spk is None:
        return None
    ms, me = _strip(u.text, *prev)
    while me > ms and u.text[me - 1] in END_PUNCT:
        me -= 1
    if me - ms < 15 or any(o < ms < c or o < me < c for o, c in u.marks):
        return None
    f = Found(ms, me, False, "indirect", (toks[n].start, toks[n].end), spk[0], spk[1], unit=idx)
    f.extra = [(toks[0].start, toks[0].end)]
    return f


def _complement_report(u: Unit, idx: int, forms) -> Found | None:
    """'X erwähnte, dass er … werde': a verb outside the cue lexicon with a Konjunktiv dass/ob-clause.

    The message is the clause, the speaker the subject of the main clause (V2: NP + finite verb)."""
    toks = u.toks
    for k in range(3, len(toks)):
        if toks[k - 1].text != "," or toks[k].low not in ("dass", "ob") or u.masked[k]:
            continue
        if any(u.start + a < toks[k].start for _w, a, _b, kind in forms):
            return None  # a Konjunktiv main clause ('Die Behörde gehe davon aus, dass …') continues a report
        if any(t.text in {".", ";", ":"} for t in toks[:k - 1]):
            return None
        msg_end = u.body_end()
        subj = None
        if toks[0].low in ("er", "sie") and toks[1].text.islower():
            subj = ((toks[0].start, toks[0].end), (toks[0].start, toks[0].end))
            verb = 1
        else:
            if toks[0].low in PREPS | ADVERBS | SUBORD or (toks[0].low not in DETERMINERS and toks[0].low in u.known):
                return None  # 'Zu …', 'Weiterhin …', 'Neu sei …': the Vorfeld is no subject
            ph = np_after(toks, 0, k - 1)
            if ph is None or ph.full[1] >= k - 1 or not toks[ph.full[1]].text.islower():
                return None
            subj = (span_of(toks, ph.core), span_of(toks, ph.full))
            verb = ph.full[1]
        if toks[verb].low in AUX | {"wird", "werden", "soll", "sollen", "muss", "kann"} - {"hat", "hatte", "haben",
                                                                                             "hatten"}:
            return None  # passive/modal main clause: 'Es wird erwartet, dass' has no speaker here
        cue = (toks[verb].start, toks[verb].end)
        return Found(toks[k].start, msg_end, False, "indirect", cue, subj[0], subj[1], unit=idx)
    return None
