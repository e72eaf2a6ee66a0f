"""Direct and indirect speech with speakers (issue 5).

Per article: (1) pair quotation marks of every German style; (2) group sentences that a
quotation bridges into 'units'; (3) in each unit find speech cues (sagte, teilte … mit, laut,
zufolge, so …), their speakers (speakers.py) and their messages: dass/ob-clauses, Konjunktiv
clauses, 'MESSAGE, sagte X', 'wie X mitteilte', 'laut X'; (4) attribute direct quotations by
the cue before (colon), after (', sagte X' / ', so X') or around them, nested quotations inside
reported clauses, and whole-sentence quotations continuing the last speaker; (5) Konjunktiv
sentences without a cue continue the last speaker (free indirect speech) — but only with
Konjunktiv I, plural Konjunktiv II standing in for it ('hätten', 'würden') or hearsay 'soll':
a singular Konjunktiv II ('Das Bündnis könnte …', 'es wäre …') is the writer's own hypothesis,
and this rule is also the better one on the tuning split; (6) '<statement>. Dies bestätigte X.'
takes the previous sentence as X's message; a full quotation after a colon whose verb is no
speech verb ('X sieht den Staat in der Pflicht: „…“') belongs to the subject of that clause;
(7) round 3: a colon that opens a quotation ends a reported clause and hands its cue and speaker
to the quotation ('X glaubt, dass …: „…“'); 'MESSAGE, heißt es (in Y)' is an impersonal report;
a fronted adverbial clause or a fronted PP with a relative clause is the writer's frame, not a
message ('Nachdem …, hat X angekündigt'); 'Und: „…“' continues the last speaker. Clause-level
helpers live in quote_clauses.py.

Scare quotes and titles (a short quoted phrase with no speech cue governing it, a quoted name
after a noun or article) are skipped. Pronoun speakers ('sagte er') are resolved to the last
named speaker or sentence subject of matching gender/number (speakers.resolve_pronouns).

Each Quote keeps the corpus-style roles (full source phrase with appositions, the pronoun or
'Demnach' span as written, all cue words such as 'teilte … mit', 'hatte … gesagt', 'äußerte
sich'; no cue for reported speech acts; extra message parts such as the 'Dies' of 'Dies sagte X')
in doc.extras['quote_roles'][quote.id]; the evaluation scores those, while Quote.speaker/cue stay
readable for the dossier (a pronoun or 'Seiner Ansicht' is resolved to the named speaker). The
same code serves pipeline and evaluation: no option differs between them. Quote.attributed_to lists the
chain outermost first (see attribution.py).
"""
from __future__ import annotations

import re

from ..records import AnalysedArticle, Quote, SpanIndex
from .attribution import Source, after_frame, claim_segments, find_sources
from .speakers import (ADVERBS, AUX, DETERMINERS, END_PUNCT, PREPS, PRONOUNS, RELATIVE, SUBJ_STARTERS, SUBORD, Tok,
                       Unit, clause_start, colon_subject, colon_verb, hard_start, heisst_source, is_adj, looks_like_name,
                       np_after, resolve_pronouns, role_apposition, span_of, speaker_after, speaker_for_cue, unit_subject)
from .speech_cues import cue_parts, cue_readings, first_person, konjunktiv_forms, substitute_konjunktiv
from .quote_clauses import (_FRAME_OPENERS, _after_conjunction, _colon_handover, _cues, _fronted_frame, _has_konj,
                             _in_subordinate, _in_wonach, _main_clause_start, _particle_ok, _strip)
from .quote_checks import review_quotes
from .quote_reports import Found, _complement_report, _dies_report
from .quote_marks import make_units, pair_quotes
from .stance_cues import stance_of

_LINKERS = {"und", "aber", "doch", "außerdem", "zudem", "weiter", "ferner", "dann", "sowie", "oder", "sondern"}
_MERGE_KINDS = ("free",)  # merging into the cue sentence scored worse on the tuning split
# plain saying verbs: after them a comma and a main clause is reported speech even in the indicative
_SAY = {"sagen", "erklären", "mitteilen", "betonen", "berichten", "schreiben", "behaupten", "versichern",
        "bekanntgeben", "angeben", "bestätigen", "melden", "ergänzen", "hinzufügen", "unterstreichen", "erläutern",
        "antworten", "entgegnen", "verkünden", "meinen", "glauben"}
_REPORTIVE = re.compile(r"\b(?:soll|sollen)\b")
# 'Normen sollen künftig nur noch auf Antrag erfolgen': a plan's 'sollen', the writer's, no hearsay
_PLANNED = re.compile(r"\b(?:künftig|zukünftig|in\s+Zukunft|demnächst|ab\s+(?:sofort|\d|Januar|Jänner|Februar|März|April"
                      r"|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Montag|Dienstag|Mittwoch|Donnerstag"
                      r"|Freitag|Samstag|Sonntag|kommende|nächste|dem\s+Jahr))")
_INDICATIVE = re.compile(r"\b(?:ist|sind|hat|haben|wird|werden)\b")
_PERFECT_INF = re.compile(r"\b\w+(?:t|en)\s+(?:haben|sein|worden\s+sein)\s*[.!?,;]")
# speech-act verbs whose object (not a clause) is what was said: 'X warnte vor einer Eskalation'.
# Kept: those whose reported-speech reading was right at least half the time on the tuning split.
_REPORTED = {"sprechen", "fordern", "warnen", "auffordern", "vorschlagen", "bestreiten", "zurückweisen",
             "ankündigen", "beschuldigen", "vorwerfen", "bezeichnen", "verweisen", "hinweisen"}


_CASUALTIES = re.compile(r"\b(?:Todesopfer|Opfer|Tote|Toten|Menschenleben|Leben|Verletzte)\b[^.]*\bgefordert|"
                         r"\bforderte[n]?\b[^.]*\b(?:Todesopfer|Opfer|Tote|Toten|Menschenleben|Leben|Verletzte)\b")


# ---------------------------------------------------------------------------- analysis of one unit

# words of a speaker's own voice ('Wenn man …: …, so X': the part before the colon is speech too)
_SPEAKER_WORDS = frozenset({"ich", "wir", "man", "uns", "mir", "mich", "unser", "unsere", "unseren", "unserer"})
# small words inside a subject noun phrase ('Der Mitgründer der Stiftung zur Erforschung …')
_NP_GLUE = frozenset({"zur", "zum", "vom", "beim", "im", "am", "und", "für"})


def analyse_unit(u: Unit, idx: int) -> list[Found]:
    """Indirect and direct quotes of one unit (free indirect speech is handled by the caller)."""
    toks = u.toks
    found: list[Found] = []
    colon_attr: dict[int, tuple] = {}  # token index of ':' -> (cue span, speaker, full)
    u.colon_attr = colon_attr  # read by the caller: a unit ending in 'sagte X:' introduces the next one
    cue_frames: list[tuple[int, int, tuple, tuple | None]] = []  # (tok index, msg_start, cue span, speaker)
    body_end = u.body_end()
    cues = _cues(u)
    cue_at = {n for n, _ in cues}
    for n, r in cues:
        t = toks[n]
        cue_span = (t.start, t.end)
        # 'wie X mitteilte' relay clause
        cs = clause_start(u, n)
        is_wie = cs < n and toks[cs].low == "wie"
        if not is_wie and r.finite:  # 'Wie X, Sprecher der Y, in Z mitteilte, …' (apposition commas)
            w = next((k for k in range(n - 1, max(-1, n - 16), -1) if toks[k].low == "wie" and not u.masked[k]
                      and (k == 0 or toks[k - 1].text in {",", "–"} or toks[k - 1].low in SUBJ_STARTERS)), None)
            if w is not None and not any(cue_readings(toks[m].text) or toks[m].text in {".", ";", ":"}
                                         for m in range(w + 1, n)):
                cs, is_wie = w, True
        spk = speaker_for_cue(u, n, r.finite, cue_frames[-1][3] if cue_frames else None, r.lemma)
        after = n + 1
        while after < len(toks) and after < n + 30:
            if u.masked[after] and not (toks[after - 1].text in {",", ":"}):
                after += 1  # a quoted name inside the frame: 'erklärte dem „Express“ gegenüber'
                continue
            if toks[after].text in {",", ":", ".", ";", "!", "?"} or u.masked[after]:
                break
            if toks[after].text.islower() and after in cue_at and toks[after - 1].low in ("und", "sowie", "oder"):
                break  # the next coordinated cue owns the complement
            after += 1
        msg: tuple[int, int] | None = None
        if spk is not None and spk[1][0] > t.start and after < len(toks) and toks[after].start < spk[1][1]:
            # the comma belongs to the speaker's apposition ('sagte Hans Meiners, ein Sprecher …, …')
            after = next((k for k in range(after + 1, len(toks)) if toks[k].start >= spk[1][1]), len(toks))
            if after < len(toks) and toks[after].text not in {",", ":"}:
                after = len(toks)
        if is_wie:
            if cs == 0 or (cs == 1 and toks[0].low in SUBJ_STARTERS):
                comma = after if after < len(toks) and toks[after].text == "," else None
                if comma is not None:
                    msg = (toks[comma].end, body_end)
            else:
                msg = (u.start, toks[cs - 1].start if cs > 0 else toks[cs].start)
        elif (cs > 0 and toks[cs].low in ("das", "dies") and toks[cs - 1].text == "," and r.finite
              and not any(o <= u.start and toks[cs - 1].start <= c + 1 for o, c in u.marks)):
            msg = (u.start, toks[cs - 1].start)  # '…, das teilte das Institut mit.'
        elif after < len(toks) and toks[after].text == ":":
            colon_attr[after] = (cue_span, spk)
            if after + 1 < len(toks) and not u.masked[after + 1]:
                msg = (toks[after].end, body_end)  # 'Er sagte: Wir werden …' without marks
                if not _has_konj(u, msg[0], msg[1], strong=True):
                    msg = None
        elif after < len(toks) and toks[after].text == "," and after + 1 < len(toks):
            nxt = toks[after + 1]
            if u.masked[after + 1]:
                colon_attr[after] = (cue_span, spk)
            elif nxt.low in ("und", "sowie") and any(toks[x].text.islower() and cue_readings(toks[x].text)
                                                     for x in range(after + 2, min(after + 8, len(toks)))):
                pass  # '…, meinte X, und Y ergänzte: …': another speaker's clause follows, the message comes before
            elif nxt.low in ("dass", "ob", "wonach", "wie", "warum", "wer", "was", "weshalb", "wann"):
                msg = (nxt.start, body_end)
            elif _has_konj(u, nxt.start, body_end, strong=False) and not cue_readings(nxt.text):
                msg = (nxt.start, body_end)
            elif toks[cs].low in _FRAME_OPENERS and not u.masked[cs]:
                pass  # 'Nachdem X bekannt wurde, hat Y …': after a verb-final cue the main clause follows
            elif (nxt.low not in ("um", "ohne", "statt", "anstatt", "was", "wobei", "nachdem", "woraufhin", "worauf",
                                  "wodurch", "womit", "weswegen")  # ('…, woraufhin ihn der Support bat, … zu schicken')
                  and not (nxt.low in RELATIVE and after + 2 < len(toks) and not toks[after + 2].text[:1].isupper())) \
                    and re.search(r"\bzu\s+\w+$|\w+zu\w+en$", u.text[nxt.start:body_end]):
                msg = (nxt.start, body_end)
            elif r.lemma in _SAY and _main_clause_start(toks, after + 1):
                msg = (nxt.start, body_end)  # 'teilte mit, vor dem Absturz wurde kein Notsignal gesendet'
        if msg is None and n > 0 and toks[n - 1].text == "," and r.finite and not is_wie:
            # 'MESSAGE, sagte X.' — message is the clause before the comma
            ms = u.start
            me = toks[n - 1].start
            colon = next((k for k in range(n - 3, 0, -1) if toks[k].text == ":" and not u.masked[k]
                          and toks[k + 1].text[:1].isupper() and not u.masked[k + 1]), None)
            if colon is not None and me - toks[colon + 1].start > 10:
                ms = toks[colon + 1].start  # 'X will Nachahmer abschrecken: Wir wollen …, sagte sie': the writer's lead-in
            subject = np_after(toks, 0, n - 1)  # 'X, Sprecher der Y, bezeichnete …': an apposed subject
            apposed = subject is not None and subject.full[1] >= n - 2 and subject.full != subject.core
            # 'Der Mitgründer der Stiftung …, Irfan al-Alawi, warf …': the subject and its name, no clause
            last = max((k for k in range(n - 1) if toks[k].text == ","), default=None)
            apposed = apposed or (last is not None and toks[0].low in DETERMINERS and looks_like_name(toks[last + 1:n - 1])
                                  and all(not tk.text.islower() or tk.low in DETERMINERS or tk.low in PREPS
                                          or tk.low in _NP_GLUE or is_adj(tk) for tk in toks[1:last])) \
                or role_apposition(u, 0, n) is not None  # 'Kurt von Figura, Präsident der X und Vorsitzender der Y, begrüßte'
            # a fronted adverbial clause ('Da …, warnte X') is the writer's frame, not a message
            subordinate = _fronted_frame(u, n - 1)
            if (not any(o <= ms and me <= c + 1 for o, c in u.marks) and me - ms > 10 and not apposed
                    and not subordinate):
                if t.low in ("heißt", "hieß") and n + 1 < len(toks) and toks[n + 1].low == "es":
                    # 'MESSAGE, heißt es (in dem Bericht).': impersonal report, the source may stay open
                    spk = heisst_source(u, n)
                    msg = (ms, me)
                else:
                    spk = speaker_after(u, n + 1)
                    if spk is not None:
                        msg = (ms, me)
        elif (msg is None and not r.finite and cs > 0 and toks[cs - 1].text == "," and toks[cs].low in AUX
              and not any(o <= u.start and toks[cs - 1].start <= c + 1 for o, c in u.marks)):
            # 'MESSAGE, hatte X damals gesagt.'
            sp2 = speaker_after(u, cs + 1, n)
            if sp2 is not None and toks[cs - 1].start - u.start > 10 and not _fronted_frame(u, cs - 1):
                spk, msg = sp2, (u.start, toks[cs - 1].start)
        if spk is None and msg is None:
            continue
        cue_frames.append((n, msg[0] if msg else t.end, cue_span, spk))
        if msg is None:
            continue
        s, e = _strip(u.text, *msg)
        if e - s < 3:
            continue
        # a message that is exactly one quotation is a direct quote (handled below)
        if any(o == s and c + 1 >= e for o, c in u.marks) or any(o + 1 == s and c == e for o, c in u.marks):
            colon_attr[n] = (cue_span, spk)
            continue
        found.append(Found(s, e, False, "indirect", cue_span, spk[0] if spk else None, spk[1] if spk else None,
                           unit=idx))
    # a message stops where the next reported clause begins: '…, allerdings hatte Putin angedeutet, …'
    for f in found:
        later = [g for g in found if g is not f and g.cue and f.start < g.cue[0] < f.end]
        if later:
            first = min(min(g.cue[0], g.speaker[0] if g.speaker else g.cue[0]) for g in later)
            comma = u.text.rfind(",", f.start, first)
            if comma > f.start + 3:
                f.end = _strip(u.text, f.start, comma)[1]
    _colon_handover(u, found, colon_attr)
    # 'MESSAGE, so der Sprecher.' (not a direct quotation: those are handled in _direct)
    for n in range(2, len(toks) - 1):
        if toks[n].low == "so" and toks[n - 1].text == "," and not u.masked[n] and not u.masked[n - 2]:
            ph = np_after(toks, n + 1)
            if ph is None or (ph.full[1] < len(toks) and toks[ph.full[1]].text not in {".", ",", "!", "?", ";", ":"}
                              and toks[ph.full[1]].low not in PREPS | ADVERBS | {"weiter"}):
                continue  # ', so X.' or ', so X weiter.' or ', so X in einer Mitteilung.'; not ', so dass …'
            end_tok = next((k for k in range(ph.full[1], len(toks)) if toks[k].text in {",", ".", ";", ":"}), len(toks))
            parenthetical = end_tok < len(toks) and toks[end_tok].text == "," and end_tok + 2 < len(toks)
            colon = next((k for k in range(n - 3, 0, -1) if toks[k].text == ":" and not u.masked[k]
                          and toks[k + 1].text[:1].isupper() and not u.masked[k + 1]), None)
            # 'Die Grünen üben Kritik: Ein Schwierigkeitsgrad …, so X': the writer's lead-in is no message
            lead = colon is not None and toks[n - 1].start - toks[colon + 1].start > 10 and not parenthetical \
                and not _has_konj(u, u.start, toks[colon].start, strong=False) \
                and not any(t.low in _SPEAKER_WORDS for t in toks[:colon])  # ('Wenn man …: …, so X': all speech)
            first = toks[colon + 1].start if lead else u.start
            s, e = _strip(u.text, first, u.body_end() if parenthetical else toks[n - 1].start)
            if e - s > 10 and not any(f.start <= s < f.end for f in found):
                spk = (span_of(toks, ph.core), span_of(toks, ph.full))
                found.append(Found(s, e, False, "indirect", (toks[n].start, toks[n].end), spk[0], spk[1], unit=idx))
                cue_frames.append((n, s, (toks[n].start, toks[n].end), spk))
    # 'laut X' / 'X zufolge' / 'nach Angaben X' / relays / 'unter Berufung auf'
    sources = [src for src in find_sources(u.text, u.start, u.end)
               if not any(o < src.cue_start < c for o, c in u.marks)]
    claim_found = _claims(u, idx, sources, found, cue_frames)
    found.extend(claim_found)
    found.extend(_direct(u, idx, found, colon_attr, cue_frames, sources))
    if not found:
        rep = [fr for fr in cue_frames if fr[3] is not None and cue_readings(toks[fr[0]].text)[0].lemma in _REPORTED]
        if rep and _CASUALTIES.search(u.text, u.start, u.end):
            rep = []  # 'Das Beben forderte 100 Todesopfer': 'fordern' without a speaker
        if rep:  # 'X warnte vor …': a reported speech act, the whole sentence is the message
            n, _m, cue_span, spk = rep[0]
            s, e = _strip(u.text, u.start, u.end)
            found.append(Found(s, e, False, "reported", cue_span, spk[0], spk[1], unit=idx))
    return found


def _claims(u: Unit, idx: int, sources: list[Source], found: list[Found], frames) -> list[Found]:
    out = []
    relay = [s.text for s in sources if s.kind == "relay"]
    via = [s.text for s in sources if s.kind == "via"]
    for f in found:
        f.chain_outer += relay
        f.chain_inner += via
    segs = claim_segments(u.text, u.start, u.body_end(), sources)
    for src, a, b in segs:
        # inside the frame of a speech cue (not inside its message) -> outer source of that quote
        outside = [f for f in found if not (f.start <= src.cue_start < f.end) and f.cue]
        owner = min(outside, key=lambda f: abs(f.cue[0] - src.cue_start)) if outside else None
        in_frame = any(fr[3] is not None and not any(f.start <= src.cue_start < f.end for f in found)
                       for fr in frames)
        if owner is not None and in_frame:
            owner.chain_outer.append(src.text)
            continue
        if in_frame and not found and u.marks:  # outer source of a direct quote: handled in _direct
            continue
        s0, e = _strip(u.text, a, b)
        s = after_frame(u.text, s0, e, src)
        if e - s < 8:
            continue
        f = Found(s, e, False, "according", (src.cue_start, src.cue_end), (src.start, src.end),
                  (src.full_start, src.full_end), unit=idx, frame_start=s0 if s != s0 else None)
        f.chain_outer = list(relay)
        f.chain_inner = list(via)
        out.append(f)
    return out


def _direct(u: Unit, idx: int, indirect: list[Found], colon_attr, frames, sources: list[Source]) -> list[Found]:
    toks = u.toks
    out: list[Found] = []
    claims = [s for s in sources if s.kind == "claim"]
    prev_attr = None  # attribution of the previous quotation in this unit, for '„…“, sagte er, „…“'
    for o, c in u.marks:
        s, e = o + 1, c
        inner = u.text[s:e]
        nwords = len(inner.split())
        oi, ci = u.tok_at(o), u.tok_at(c)
        if oi is None or ci is None:
            continue
        cue = spk = None
        if oi > 0 and toks[oi - 1].low in DETERMINERS | PREPS and nwords <= 4 and all(
                w[:1].isupper() or not w[:1].isalpha() for w in inner.split()):
            continue  # 'Auf Nachfrage der „Straits Times“ sagte …': a name in quotation marks, no message
        # (a) cue after: '„…“, sagte X' / '„…“, so X'
        k = ci + 1
        comma = k < len(toks) and toks[k].text == ","
        if comma:
            k += 1
        if k + 1 < len(toks) and toks[k].low in ("a", "ont") and cue_readings(toks[k + 1].text):
            k += 1  # French perfect: '« … », a déclaré X'
        # '„…“, sagte X' needs the comma (or closing punctuation inside, or a speaker after the verb):
        # in '„Der Standard“ berichtete' the quotation is a name
        if k < len(toks) and not u.masked[k] and (comma or inner.rstrip()[-1:] in ",.!?"
                                                   or speaker_after(u, k + 1) is not None):
            t = toks[k]
            if t.low == "so" and k + 1 < len(toks):
                ph = np_after(toks, k + 1)
                if ph is not None:
                    cue, spk = (t.start, t.end), (span_of(toks, ph.core), span_of(toks, ph.full))
            elif t.text.islower() and cue_readings(t.text) and any(r.finite for r in cue_readings(t.text)):
                r = [r for r in cue_readings(t.text) if r.finite][0]
                if t.low in ("hieß", "heißt"):
                    cue, spk = (t.start, t.end), heisst_source(u, k)
                elif _particle_ok(u, k, r.particle):
                    cue = (t.start, t.end)
                    spk = speaker_after(u, k + 1)
            elif (comma and t.text.islower() and nwords >= 4 and inner.rstrip()[-1:] in ",.!?"
                  and t.low not in DETERMINERS | PREPS | ADVERBS | SUBORD | RELATIVE and not is_adj(t)
                  and k + 1 < len(toks) and (toks[k + 1].low in DETERMINERS | {"er", "sie"}
                                             or toks[k + 1].text[:1].isupper())):
                # '„Wir haben vier Punkte“, zeigte sich X zufrieden': a quoted sentence, then verb + subject
                ph = np_after(toks, k + 1, pp_in=False)
                if ph is not None:
                    cue, spk = (t.start, t.end), (span_of(toks, ph.core), span_of(toks, ph.full))
        # (b) cue before: 'X sagte: „…“' or ', sagte er, „…“'
        if cue is None and oi > 0:
            key = oi - 1
            if key in colon_attr:
                cue, spk = colon_attr[key]
            elif toks[key].text == "," and prev_attr is not None:
                cue, spk = prev_attr
            elif toks[key].text == ":" and not all(t.low in _LINKERS for t in toks[clause_start(u, key):key]):
                # ('Und: „…“' or 'Weiter: „…“' only links on: the quotation continues the last speaker)
                cs = clause_start(u, key)
                ph = np_after(toks, cs, key)
                if ph is not None and ph.full[1] == key and key - cs <= 6:
                    spk = (span_of(toks, ph.core), span_of(toks, ph.full))
                elif nwords >= 4 and inner.rstrip()[-1:] in END_PUNCT + ",":
                    hs = hard_start(u, key)  # the subject may carry an apposition: 'X, Leiter der Y, sieht …:'
                    spk = colon_subject(u, hs, key)  # 'X sieht das anders: „…“'
                    if spk is not None:
                        cue = colon_verb(u, hs, key)
        kind = "direct"
        if cue is None and spk is None:
            # (c) nested inside a reported message or the object of a cue verb
            hosts = [f for f in indirect if f.start <= o and c < f.end and f.speaker]
            host = min(hosts, key=lambda f: f.end - f.start) if hosts else None
            if host is not None:
                cue, spk, kind = host.cue, (host.speaker, host.speaker_full), "nested"
            else:
                # a quoted phrase in a sentence whose speech verb has a speaker: the nearest such verb
                fr = [fr for fr in frames if fr[3] is not None and not (o <= toks[fr[0]].start <= c)]
                if fr and not _is_title(toks, oi):
                    best = min(fr, key=lambda x: abs(toks[x[0]].start - o))
                    cue, spk, kind = best[2], best[3], "nested"
        whole = _covers_unit(u, oi, ci) or (oi > 0 and toks[oi - 1].text == ":" and all(
            t.low in _LINKERS for t in toks[:oi - 1]) and oi > 1)  # 'Und: „…“' stands like a whole sentence
        if cue is None and spk is None and oi == 0 and u.pending is not None:
            cue, spk = u.pending  # 'Sie sagte dazu:' + next paragraph '„…“'
        if cue is None and spk is None and not whole:
            claim = next((cl for cl in claims if cl.cue_start < o
                          and not any(oo < cl.cue_start < cc for oo, cc in u.marks)), None)
            if claim is None or _is_title(toks, oi) or claim.end >= o:
                continue  # scare quote, title or name in quotation marks
            cue, kind = (claim.cue_start, claim.cue_end), "nested"
            spk = ((claim.start, claim.end), (claim.full_start, claim.full_end))
        if whole and cue is None and spk is None and (nwords < 3 or (inner.rstrip()[-1:] not in END_PUNCT
                                                                     and u.text[u.end - 1] not in END_PUNCT)):
            continue  # a quoted heading
        s, e = _strip(u.text, s, e)  # '„Ja,“ sagte er' and '« Oui »': the message has no edge punctuation
        if e <= s:
            continue
        words = re.findall(r"[\w-]+", u.text[s:e])
        if (kind == "nested" and len(words) <= 3
                and all(w[:1].isupper() or w[:1].isdigit() for w in words)):
            continue  # a quoted name or a single scare-quoted noun ('„Sentani Regency“', '„Thronrede“')
        f = Found(s, e, True, kind, cue, spk[0] if spk else None, spk[1] if spk else None, unit=idx)
        f.chain_outer = [cl.text for cl in claims if (cl.cue_start > c or cl.cue_start < o)
                         and (not spk or cl.start != spk[0][0])] if spk else []
        f.chain_outer = [s.text for s in sources if s.kind == "relay"] + f.chain_outer
        f.chain_inner = [s.text for s in sources if s.kind == "via"]
        out.append(f)
        prev_attr = (cue, spk) if (cue or spk) else None
    return out


# English and French nouns (and verbs of naming) before a title: 'the 2005 book "The Big Show"', 'le film « … »'
_WORK_NOUNS = {"book", "books", "film", "films", "movie", "movies", "album", "song", "novel", "show", "series", "play",
               "documentary", "article", "column", "report", "headline", "titled", "entitled", "called", "dubbed",
               "named", "livre", "roman", "chanson", "émission", "série", "pièce", "documentaire", "intitulé",
               "intitulée", "baptisé", "baptisée"}


def _is_title(toks: list[Tok], oi: int) -> bool:
    """A quotation that names something: right after a noun ('die Serie „Babylon Berlin“', in English
    and French a noun of a work: 'the book "The Big Show"'), after a genitive article ('des „Express“')
    or a short all-capitalised phrase after an article ('die „Washington Post“')."""
    if oi <= 0:
        return False
    prev = toks[oi - 1]
    if prev.text[:1].isupper() and prev.low not in DETERMINERS | PREPS or prev.low in ("des", "der", "dem") \
            or prev.low in _WORK_NOUNS:
        return True
    close = next((k for k in range(oi + 1, min(oi + 6, len(toks))) if toks[k].text in "“”«»\"‘’"), None)
    words = [t for t in toks[oi + 1:close] if t.text[:1].isalnum()] if close else []
    return prev.low in ("die", "das", "den") and 0 < len(words) <= 3 and all(t.text[:1].isupper() for t in words)


def _covers_unit(u: Unit, oi: int, ci: int) -> bool:
    """Is the quotation the whole unit (nothing but punctuation around it)?"""
    before = all(t.text in "–—-•" for t in u.toks[:oi])
    after = all(t.text in END_PUNCT + ")" for t in u.toks[ci + 1:])
    return before and after


# ---------------------------------------------------------------------------- article level

def analyse_text(text: str, sentences: list[tuple[int, int]], lang: str = "de", marks=None, known=None):
    """All quotes of a text: (found, units, subject candidates for pronoun resolution).

    Indirect speech needs German grammar (Konjunktiv, verb order); for other languages only
    direct quotations and 'according to' claims are kept. `marks` and `known` (the text's
    quotation marks and lower-case words) may come precomputed (quotes_in_text).
    """
    marks = pair_quotes(text) if marks is None else marks
    units = make_units(text, sentences, marks)
    known = {w.lower() for w in re.findall(r"[a-zäöüß]+", text)} if known is None else known
    found: list[Found] = []
    candidates: list[tuple[int, int]] = []  # sentence subjects, antecedents for pronoun speakers
    last_quote_unit = -10
    last_speaker: tuple | None = None
    pending = None
    for idx, (s, e) in enumerate(units):
        u = Unit(text, s, e, marks, known)
        u.pending = pending
        here = analyse_unit(u, idx)
        if lang != "de":
            here = [f for f in here if f.direct or f.kind == "according"]
            if lang in ("en", "fr"):
                from .quotes_intl import intl_speech

                here = intl_speech(text, u, lang, idx, here, last_speaker if idx - last_quote_unit <= 3 else None,
                                   Found)
        last = len(u.toks) - 1
        pending = u.colon_attr.get(last) if last >= 0 and u.toks[last].text == ":" else None
        named = [f for f in here if f.speaker]
        subj = unit_subject(u)
        if subj is not None:
            candidates.append(subj)
        if not here and lang == "de" and idx > 0 and (not found or found[-1].unit < idx - 1):
            back = _dies_report(u, idx, units[idx - 1])
            if back is not None:
                here = [back]
        if not here and lang == "de" and u.toks and len(u.toks) > 3 and (u.toks[0].low == "demnach" or (
                u.toks[0].low == "danach" and _has_konj(u, u.start, u.end, strong=True))):
            # 'Demnach wurden …': a report whose source was named before (the corpus marks 'Demnach')
            d0 = u.toks[0]
            spk = last_speaker if idx - last_quote_unit <= 3 and last_speaker else (None, None)
            ms, me = _strip(text, d0.end, u.body_end())
            here = [Found(ms, me, False, "according", (d0.start, d0.end), spk[0], (d0.start, d0.end), unit=idx)]
        if not here and lang == "de":
            recent = last_speaker if idx - last_quote_unit <= 3 else None
            here = _free_indirect(u, idx, recent, idx - last_quote_unit == 1)
            prev = found[-1] if found else None
            if (here and prev is not None and prev.kind in _MERGE_KINDS and prev.unit == idx - 1
                    and prev.speaker == here[0].speaker and "\n" not in text[prev.end:here[0].start]):
                prev.end = here[0].end  # one report running over several sentences
                prev.unit = idx
                last_quote_unit = idx
                continue
        elif (any(f.direct and f.speaker is None and f.kind == "direct" for f in here) and last_speaker
              and idx - last_quote_unit <= 2):
            for f in here:
                if f.direct and f.speaker is None:  # whole-sentence quotation continuing the last speaker
                    f.speaker, f.speaker_full = last_speaker
                    f.kind = "continued"
        found.extend(here)
        if here:
            last_quote_unit = idx
            named = [f for f in here if f.speaker]
            if named:
                last_speaker = (named[-1].speaker, named[-1].speaker_full)
    return found, units, candidates




def _free_indirect(u: Unit, idx: int, last_speaker, adjacent: bool = True) -> list[Found]:
    """A Konjunktiv sentence without a cue: reported speech of the last speaker."""
    s, e = u.start, u.end
    if u.text[e - 1:e] not in END_PUNCT + "“\"»«":
        return []  # headings and captions
    if u.toks and u.toks[0].low in ("wenn", "falls", "ob", "als"):
        return []
    forms = [f for f in konjunktiv_forms(u.text[s:e], u.known) if not any(o < s + f[1] < c for o, c in u.marks)
             and not first_person(u.text, s + f[1], s + f[2]) and not _in_wonach(u.text, s, s + f[1])
             and not _after_conjunction(u.text, s, s + f[1])]  # ('…hat X ausgeklammert, weil sie … eingesetzt würden')
    kinds = {k for *_, k in forms}
    reportive = _REPORTIVE.search(u.text, s, e) if not any(o < s < c for o, c in u.marks) else None
    if "I" in kinds:
        pass
    elif last_speaker is not None and adjacent and (substitute_konjunktiv(forms) or reportive and (
            forms or not _INDICATIVE.search(u.text, s, e)) and not _in_subordinate(u.text, s, reportive.start())
            and not _PLANNED.search(u.text, reportive.end(), e)):
        pass  # continuing a report: Konjunktiv II standing in for Konjunktiv I, and hearsay 'soll'
        # (not beside an indicative 'ist'/'hat': 'Es ist kostenlos und soll Geld einbringen' is the writer's)
    elif reportive and _PERFECT_INF.search(u.text, reportive.end(), e):
        # 'Er soll den Anschlag geplant haben': hearsay; who claims it is not said in the sentence
        return [Found(s, e, False, "free", None, None, None, unit=idx)]
    else:
        return []
    own = _colon_source(u, idx, forms)
    if own is not None:
        return [own]  # 'Der Independent ging noch weiter: Corbyn müsse …': the clause before the colon says who
    spk = last_speaker or (None, None)  # (falling back to any earlier speaker scored worse)
    comp = _complement_report(u, idx, forms)
    if comp is not None:
        return [comp]
    return [Found(s, e, False, "free", None, spk[0], spk[1], unit=idx)]


def _colon_source(u: Unit, idx: int, forms) -> Found | None:
    """A Konjunktiv report after a colon whose clause names its own source: 'Der Independent ging noch
    einen Schritt weiter: Corbyn müsse …' is the Independent's, not the last speaker's."""
    toks = u.toks
    key = next((k for k, t in enumerate(toks) if t.text == ":" and not u.masked[k]), None)
    if key is None or key < 2 or not any(u.start + f[1] > toks[key].end for f in forms):
        return None
    hs = hard_start(u, key)
    spk = colon_subject(u, hs, key)
    if spk is None or toks[hs].low in PRONOUNS or not u.text[spk[0][0]:spk[0][1]][:1].isupper():
        return None
    ms, me = _strip(u.text, toks[key].end, u.end)
    return Found(ms, me, False, "indirect", colon_verb(u, hs, key), spk[0], spk[1], unit=idx)


def quotes_in_text(text: str, start: int, end: int, article_id: str = "", lang: str = "de") -> list[Quote]:
    """Quotes of one span treated as a single sentence (used by attribution_chain).

    Same result as analyse_text(text[:end], [(start, end)]), without reading text[:end] again
    for every span (issue 18: that was quadratic in the text length)."""
    from .quote_marks import PrefixWords, quote_context

    found, _, _ = analyse_text(text[:end], [(start, end)], lang=lang, marks=quote_context(text, start, end),
                               known=PrefixWords(text, end))
    return [_to_quote(text, f, article_id, i) for i, f in enumerate(found)]


def _to_quote(text: str, f: Found, article_id: str, i: int) -> Quote:
    spk = text[f.speaker[0]:f.speaker[1]] if f.speaker else None
    chain = list(dict.fromkeys(f.chain_outer + ([spk] if spk else []) + f.chain_inner))
    return Quote(
        article_id=article_id, start=f.start, end=f.end, text=text[f.start:f.end], direct=f.direct,
        speaker=spk, speaker_start=f.speaker[0] if f.speaker else None, speaker_end=f.speaker[1] if f.speaker else None,
        cue=text[f.cue[0]:f.cue[1]] if f.cue else None, cue_start=f.cue[0] if f.cue else None,
        cue_end=f.cue[1] if f.cue else None, attributed_to=[c for c in chain if c], id=f"{article_id}-q{i}",
    )


def find_quotes(doc: AnalysedArticle) -> None:
    """Add `Quote`s to doc.quotes; corpus-style roles go to doc.extras['quote_roles']."""
    text = doc.text
    sentences = doc.sentences
    if not sentences:
        from .nlp import split_sentences

        sentences = split_sentences(text, doc.article.language)
    found, units, candidates = analyse_text(text, sentences, (doc.article.language or "de")[:2])
    pron = resolve_pronouns(text, found, doc.mentions, candidates)
    roles = doc.extras.setdefault("quote_roles", {})
    base = len(doc.quotes)
    mentions = SpanIndex(doc.mentions)  # per speaker a look-up, not a scan of every mention (issue 18)
    for i, f in enumerate(found):
        q = _to_quote(text, f, doc.id, base + i)
        us, ue = units[f.unit]
        # the cue verb itself decides ('dementierte'); else any stance phrase of the sentence
        cue_stance = stance_of(q.cue) if q.cue else "none"
        q.stance = cue_stance if cue_stance != "none" else (stance_of(text[us:ue]) if (f.cue or f.speaker) else "none")
        if q.speaker and doc.mentions:
            # the name in the speaker phrase: a person first, else the last name ('Kremlin
            # spokesman Dmitry Peskov', 'der Sprecher des Innenministeriums')
            inside = mentions.overlapping(f.speaker[0], f.speaker[1])
            m = max(inside, key=lambda m: (m.label == "PER" and not m.derived, m.end)) if inside else None
            if m is not None and m.norm:
                doc.extras.setdefault("quote_speaker_mentions", {})[q.id] = m.norm
        roles[q.id] = {
            "kind": f.kind,
            "source": pron.get(i) or f.speaker_full or f.speaker,
            # the corpus marks no cue for reported speech acts ('X forderte den Rücktritt')
            "cue": cue_parts(text, f.cue, units[f.unit]) if f.cue and f.kind != "reported" else [],
            "message": (f.start, f.end),
            "message_parts": list(f.extra),
        }
        doc.quotes.append(q)
    review_quotes(doc, found, base, mentions)
