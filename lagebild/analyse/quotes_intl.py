"""Reported speech in English and French (issue 5: German first, then English and French).

German indirect speech needs the Konjunktiv and verb-order machinery of quotes.py; English and
French mark it with a reporting verb and a complement clause, which a few clause patterns catch:

- subject first:  'Kremlin spokesman Dmitry Peskov said (on Monday) (that) MESSAGE.'
                  'Le porte-parole a assuré (lundi) que MESSAGE.'  'L'exploitant affirme que MESSAGE.'
- postposed:      'MESSAGE, the district administrator said.'  'MESSAGE, said X, the ….'
                  'MESSAGE, a indiqué mardi la préfète X.'  'MESSAGE, a-t-il précisé.'
- according to:   'According to X, MESSAGE.'  'MESSAGE, according to X.'  'Selon X, MESSAGE.'

Verbs other than plain saying verbs ('denied', 'confirmed', 'a démenti') need an explicit 'that' /
'que' clause, so 'denied the report' is not a message. A pronoun speaker ('He added that …',
'a-t-il précisé') continues the last named speaker when there is one. Sentences holding a direct
quotation are left to the quotation rules.
"""
from __future__ import annotations

import re

_SAY_EN = (r"said|says|say|told|tells|added|adds|stated|states|announced|announces|claimed|claims|warned|warns|"
           r"insisted|insists|argued|argues|explained|explains|noted|notes|wrote|writes|reported|reports|estimated|"
           r"estimates|stressed|stresses|believes|believed|predicted|predicts|promised|promises|vowed|vows|"
           r"conceded|concedes|maintained|maintains|alleged|alleges|asserted|asserts|declared|declares|"
           r"acknowledged|acknowledges|admitted|admits|confirmed|confirms|denied|denies|suggested|suggests")
_PLAIN_EN = {"said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "wrote", "writes",
             "claimed", "claims", "insisted", "insists", "warned", "warns", "explained", "explains", "believes",
             "believed", "estimated", "estimates", "announced", "announces", "noted", "notes", "stressed", "stresses",
             "argued", "argues", "maintained", "maintains", "predicted", "predicts", "declared", "declares"}
_WHEN_EN = (r"(?:\s+(?:on|late\s+on|early\s+on|earlier\s+on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
            r"Sunday)(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:yesterday|today|last\s+week|earlier)|"
            r"\s+(?:in|at|on|during)\s+(?:a|an|the)\s+(?:statement|interview|speech|news\s+conference|"
            r"press\s+conference|briefing|post|video|message|letter|televised\s+address)(?:\s+on\s+\w+)?|"
            r"\s+on\s+(?:Telegram|X|Twitter|Facebook|social\s+media|television|TV)|\s+in\s+(?:19|20)\d\d)*")
_AUX_EN = r"(?:(?:has|have|had|will|would|also|later|then|again|repeatedly)\s+)*"
# whom it was told: 'reporters', 'the Associated Press', 'Us', 'E! News', 'People magazine', 'the magazine'
_OBJ_EN = (r"(?:\s+(?:reporters|journalists|(?:the\s+)?[A-Z][\w.!]*(?:\s+[A-Z][\w.!]*){0,4}(?:['’]s?(?:\s+[A-Z][\w.!]*)+)?"
           r"(?:\s+(?:magazine|newspaper|radio|television|TV|website|blog|site|show|program|podcast|channel))?"
           r"|the\s+(?:magazine|mag|paper|newspaper|website|station|network|agency|court|jury|crowd|audience|committee|"
           r"panel|council)|him|her|them|us))?")

_SAY_FR = (r"déclaré|affirmé|indiqué|assuré|annoncé|estimé|expliqué|précisé|souligné|ajouté|démenti|confirmé|"
           r"reconnu|averti|prévenu|jugé|dit|écrit|rappelé|insisté|martelé|promis|nié|admis|répété|signalé|"
           r"fait\s+savoir|déploré|regretté|dénoncé|accusé|prédit|relevé|observé")
_PRES_FR = (r"affirme|affirment|déclare|déclarent|indique|indiquent|assure|assurent|annonce|annoncent|estime|"
            r"estiment|explique|expliquent|précise|précisent|souligne|soulignent|ajoute|ajoutent|dit|disent|juge|"
            r"jugent|dément|démentent|confirme|confirment|reconnaît|reconnaissent|rappelle|rappellent|prévient|"
            r"nie|nient|admet|admettent|martèle|assène|écrit|écrivent")
_PLAIN_FR = {"déclaré", "affirmé", "indiqué", "assuré", "annoncé", "estimé", "expliqué", "précisé", "souligné", "ajouté",
             "dit", "écrit", "rappelé", "insisté", "martelé", "répété", "fait savoir", "affirme", "affirment", "déclare",
             "indique", "assure", "estime", "explique", "précise", "souligne", "ajoute", "dit", "disent", "écrit"}
_WHEN_FR = (r"(?:\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|jeudi|mercredi)"
            r"(?:\s+(?:matin|soir|après-midi))?|\s+(?:dans|lors\s+d')\s*(?:un|une)\s+(?:communiqué|entretien|"
            r"interview|discours|conférence\s+de\s+presse|message|vidéo)|\s+sur\s+(?:Telegram|X|Twitter|Facebook|"
            r"les\s+réseaux\s+sociaux)|\s+(?:à\s+la\s+presse|aux\s+journalistes|devant\s+la\s+presse|à\s+l'AFP))*")

_SUBJECT_EN = re.compile(rf"(?P<np>[^,;:]+?)\s+{_AUX_EN}(?P<cue>{_SAY_EN})\b(?P<obj>{_OBJ_EN}){_WHEN_EN}"
                         r"(?P<sep>,?\s+that\s+|\s+)(?P<msg>.+)$", re.S)
_SUBJECT_FR = re.compile(rf"(?P<np>[^,;:]+?)\s+(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:aussi\s+|également\s+|"
                         rf"encore\s+|déjà\s+)?(?P<cue>{_SAY_FR})|(?P<cue2>{_PRES_FR})){_WHEN_FR}"
                         r"(?P<sep>,?\s+qu(?:e\s+|['’]))(?P<msg>.+)$", re.S)
_POST_EN = re.compile(rf"^(?P<msg>.+?),\s+(?:(?P<np>[^,;:]+?)\s+{_AUX_EN}(?P<cue>{_SAY_EN}){_OBJ_EN}|(?P<cue2>{_SAY_EN})\s+"
                      rf"(?P<np2>[^,;:]+?)){_WHEN_EN}(?:,\s+[^.]*)?{_WHEN_EN}[\s.!?]*$", re.S)
_POST_FR = re.compile(rf"^(?P<msg>.+?),\s+(?:(?:a|ont|avait)\s+(?P<cue>{_SAY_FR})|(?P<cue2>{_PRES_FR})){_WHEN_FR}"
                      rf"\s+(?P<np>[^,;:]+?){_WHEN_FR}(?:,\s+[^.]*)?[\s.!?]*$"
                      rf"|^(?P<msg2>.+?),\s+(?P<cue3>(?:a|ont|avait)-t-(?:il|elle|ils|elles)\s+(?:{_SAY_FR})|"
                      rf"(?:{_PRES_FR})-t?-?(?:il|elle|ils|elles)){_WHEN_FR}[\s.!?]*$", re.S)
_ACCORDING = re.compile(r"^(?P<cue>According\s+to|Selon|D['’]après)\s+(?P<np>[^,]+?),\s+(?P<msg>.+)$"
                        r"|^(?P<msg2>.+?),\s+(?P<cue2>according\s+to|selon|d['’]après)\s+(?P<np2>[^,]+?)[\s.!?]*$", re.S)

_PRONOUNS = {"he", "she", "they", "il", "elle", "ils", "elles", "we", "nous", "on"}
_NP_START = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ]|(?:the|a|an|its|his|her|their|our|le|la|les|l['’]|un|une|des|ce|cette|"
                       r"he|she|they|we|il|elle|ils|elles|on)\b)")
_FINITE_HINT = re.compile(r"\b(?:is|are|was|were|will|would|could|can|may|might|must|should|had|has|have|"
                          r"did|does|do)\b|\w+(?:ed|s)\b")
_END = re.compile(r"[\s.!?…\"“”»«]+$")


# a subject phrase holding a finite verb is a clause ('Many roads were closed and police said');
# one ending in a preposition or a modal is a fragment ('The court of claims', 'Peavy could not say')
_NP_VERB = {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "est", "sont", "était", "étaient",
}
_NP_BAD_END = {"not", "now", "could", "would", "can", "may", "might", "must", "should", "will", "to", "of", "in", "for",
               "on", "at", "by", "with", "from", "and", "or", "et", "ou", "de", "du", "des", "pas", "ne", "n'"}


# a party and state tag after a name ('Rep. Edward Markey (D-Mass.) said'; quote_checks reads it too)
PARTY_TAG = re.compile(r"\(?[DRI]-[A-Z][\w.]*\)?")
# no speaker: a day or month ('Thursday said'), a party tag ('D-Mass', 'R-Texas')
_NO_SPEAKER = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                         r"June|July|August|September|October|November|December|Today|Yesterday|"
                         r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)|" + PARTY_TAG.pattern, re.I)


def _np_ok(np: str) -> bool:
    words = np.split()
    if not 1 <= len(words) <= 9 or not _NP_START.match(np) or _NO_SPEAKER.fullmatch(np.strip(" .,")):
        return False
    low = [w.lower().strip(",.") for w in words]
    return low[-1] not in _NP_BAD_END and not any(w in _NP_VERB for w in low[1:])


def _message_ok(msg: str) -> bool:
    """A complement clause, not 'to be …' (passive 'is said to be'), 'at $1 million' or a quote."""
    m = msg.lstrip()
    return len(m.split()) >= 3 and not re.match(r"(?:to|at|by|as|of|in|,|\"|“|«|``)\b|[,\"“«`]", m, re.I)


def _clip(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces, final punctuation and quotation marks from a message span."""
    while s < e and text[s].isspace():
        s += 1
    m = _END.search(text, s, e)
    if m and m.end() == e:
        e = m.start()
    return s, e


# a time adverbial the speaker phrase ran on into ('Judge James Bodiford on Saturday suggested that …', 'Ohio State
# previously said')
_TRAIL_WHEN = re.compile(r"(?:\s+(?:on|late\s+on|early\s+on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                         r"(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:yesterday|today|earlier|last\s+(?:week|month|"
                         r"night)|this\s+(?:morning|week)|previously|recently|repeatedly|initially|publicly|privately"
                         r"|separately|officially|also|again|later))+$")


def _trim_when(text: str, s: int, e: int) -> int:
    """The end of a speaker phrase without a trailing time adverbial (never all of it)."""
    m = _TRAIL_WHEN.search(text, s, e)
    return m.start() if m and m.start() > s else e


# an English adverbial the speaker phrase opens with ('In between rounds Hall of Fame trainer Emanuel Steward')
_LEAD_PP = re.compile(r"(?:In|At|On|After|During|Before|Since|Between|Under|Over)\s+[a-z][^A-Z]*?(?=[A-Z])")


def _trim_lead(text: str, s: int, e: int) -> int:
    """The start of a speaker phrase after an opening lower-case adverbial (never all of it)."""
    m = _LEAD_PP.match(text, s, e)
    return m.end() if m and m.end() < e else s


def _np_span(text: str, base: int, m, group: str) -> tuple[int, int]:
    s, e = m.span(group)
    while s < e and text[base + s].isspace():
        s += 1
    while e > s and text[base + e - 1] in " ,.":
        e -= 1
    s, e = base + s, _trim_when(text, base + s, base + e)
    return _trim_lead(text, s, e), e


_CLAUSE_OPEN = re.compile(r",\s+(?:(?:as|while|but|and|alors\s+que|tandis\s+que|mais|et|car)\s+)?"
                          r"|\s(?:as|while|alors\s+que|tandis\s+que)\s+")


def _subject(pattern: re.Pattern, sent: str):
    """'X said that …' at the sentence start, else after a clause boundary ('…, as Kyiv said …',
    '…, alors que Kiev affirme que …'); the speaker phrase itself holds no comma."""
    m = pattern.match(sent)
    if m:
        return m
    for b in _CLAUSE_OPEN.finditer(sent):
        m = pattern.match(sent, b.end())
        if m and _np_ok(m.group("np").strip()):
            return m
    return None


def reported_speech(text: str, start: int, end: int, lang: str) -> list[dict]:
    """Reported-speech candidates in one sentence of an English/French text: dicts with message,
    cue and speaker spans (absolute offsets), kind 'indirect' or 'according', and whether the
    speaker is a pronoun."""
    sent = text[start:end]
    out: list[dict] = []

    def add(msg_group, cue_group, np_group, m, kind):
        ms, me = _clip(text, start + m.start(msg_group), start + m.end(msg_group))
        msg = text[ms:me]
        # 'According to X, by 1951 she was …': a main clause may open with any adverbial
        if not (_message_ok(msg) or kind == "according" and len(msg.split()) >= 3
                and not re.match(r"\s*[,\"“«`]", msg)):
            return
        if kind == "indirect" and text[start + m.start(cue_group):start + m.end(cue_group)].lower() in ("told", "tells"):
            that = re.match(r"(?:[\w'’.-]+\s+){1,4}?that\s+", text[ms:me])  # 'told media that …'
            if that:
                ms += that.end()
        cs, ce = start + m.start(cue_group), start + m.end(cue_group)
        ss, se = _np_span(text, start, m, np_group)
        np = text[ss:se]
        if not _np_ok(np):
            return
        out.append({"message": (ms, me), "cue": (cs, ce), "speaker": (ss, se), "kind": kind,
                    "pronoun": np.lower() in _PRONOUNS})

    def add_first(m, kind, *alternatives):
        """The pattern's first alternative that matched: (message, cue, speaker) group names."""
        for msg_group, cue_group, np_group in alternatives:
            if m.group(np_group) is not None:
                add(msg_group, cue_group, np_group, m, kind)
                return

    m = _ACCORDING.match(sent)
    if m:
        add_first(m, "according", ("msg", "cue", "np"), ("msg2", "cue2", "np2"))
        return out
    if lang == "en":
        m = _subject(_SUBJECT_EN, sent)
        if m and m.start("cue") > 0:
            cue = m.group("cue").lower()
            that = "that" in m.group("sep")
            msg = m.group("msg")
            if (that or (cue in _PLAIN_EN and not m.group("obj") or cue in ("told", "tells"))) and (
                    that or _FINITE_HINT.search(msg)):
                if not (cue in ("told", "tells") and not that and not m.group("obj")):
                    add("msg", "cue", "np", m, "indirect")
                if out:
                    return out
        m = _POST_EN.match(sent)
        if m:
            add_first(m, "indirect", ("msg", "cue", "np"), ("msg", "cue2", "np2"))
    elif lang == "fr":
        m = _subject(_SUBJECT_FR, sent)
        if m:
            add("msg", "cue" if m.group("cue") else "cue2", "np", m, "indirect")
            if out:
                return out
        m = _POST_FR.match(sent)
        if m:
            if m.group("msg") is not None:
                add("msg", "cue" if m.group("cue") else "cue2", "np", m, "indirect")
            else:
                ms, me = _clip(text, start + m.start("msg2"), start + m.end("msg2"))
                cs, ce = start + m.start("cue3"), start + m.end("cue3")
                pm = re.search(r"-t?-?(il|elle|ils|elles)\b", text[cs:ce])
                if pm and len(text[ms:me].split()) >= 3:
                    ps, pe = cs + pm.start(1), cs + pm.end(1)
                    out.append({"message": (ms, me), "cue": (cs, ce), "speaker": (ps, pe), "kind": "indirect",
                                "pronoun": True})
    return out


_AFTER_EN = re.compile(rf"[\s,]*(?:(?P<np>[^,;:\"“”«»]+?)\s+{_AUX_EN}(?P<cue>{_SAY_EN}){_OBJ_EN}|(?P<cue2>{_SAY_EN})\s+"
                       rf"(?P<np2>[^,;:\"“”«»]+?)){_WHEN_EN}(?:,\s+[^.]*)?{_WHEN_EN}(?:\s*\([^)]{{1,40}}\))?[\s.!?]*$",
                       re.S)
_AFTER_FR = re.compile(rf"[\s,]*(?:(?:a|ont|avait)\s+(?P<cue>{_SAY_FR}|promis|lancé|répondu|conclu|résumé|"
                       rf"ironisé|tonné|lâché|confié)|(?P<cue2>{_PRES_FR})){_WHEN_FR}\s+(?P<np>[^,;:\"“”«»]+?)"
                       rf"{_WHEN_FR}(?:,\s+[^.]*)?[\s.!?]*$"
                       rf"|[\s,]*(?P<cue3>(?:a|ont|avait)-t-(?P<pron>il|elle|ils|elles)\s+(?:{_SAY_FR}|promis|lancé|"
                       rf"répondu|conclu|ajouté)){_WHEN_FR}[\s.!?]*$", re.S)
_BEFORE = re.compile(rf"(?P<np>[^,;:\"“”«»]+?)\s+(?:{_AUX_EN}(?P<cue>{_SAY_EN})|(?:a|ont)\s+(?P<cue2>{_SAY_FR}))"
                     rf"(?:{_WHEN_EN}|{_WHEN_FR})\s*[:,]\s*$", re.S)


def quoted_speech(text: str, marks: list[tuple[int, int]], start: int, end: int, lang: str) -> list[dict]:
    """Quotations attributed the English/French way: '"…," Mayor X said.', '"…," said X.',
    '« … », a promis le maire X.', '« … », a-t-il ajouté.', 'X said: "…"'."""
    out = []
    after_re = _AFTER_EN if lang == "en" else _AFTER_FR
    for o, c in marks:
        if not (start <= o and c < end):
            continue
        ms, me = o + 1, c
        while ms < me and text[ms].isspace():
            ms += 1
        while me > ms and text[me - 1] in " ,\u00a0\u202f":
            me -= 1
        if len(text[ms:me].split()) < 2:
            continue
        tail_start = c + 1
        m = after_re.match(text, tail_start, end)
        speaker = cue = None
        pronoun = False
        if m:
            if m.groupdict().get("cue3"):
                cue, speaker, pronoun = m.span("cue3"), m.span("pron"), True
            elif m.group("np") is not None:
                cue = m.span("cue") if m.group("cue") else m.span("cue2")
                speaker = m.span("np")
            else:
                cue, speaker = m.span("cue2"), m.span("np2")
        else:
            b = _BEFORE.search(text, start, o)
            if b and b.end() == o or (b and not text[b.end():o].strip()):
                cue = b.span("cue") if b.group("cue") else b.span("cue2")
                speaker = b.span("np")
        if speaker is None:
            continue
        ss, se = speaker
        while ss < se and text[ss].isspace():
            ss += 1
        while se > ss and text[se - 1] in " ,.":
            se -= 1
        se = _trim_when(text, ss, se)
        ss = _trim_lead(text, ss, se)
        np = text[ss:se]
        if not pronoun and not _np_ok(np):
            continue
        out.append({"message": (ms, me), "cue": cue, "speaker": (ss, se), "kind": "direct", "direct": True,
                    "pronoun": pronoun or np.lower() in _PRONOUNS})
    return out


def intl_speech(text: str, u, lang: str, idx: int, here: list, last_speaker, Found) -> list:
    """English/French speech (quotes_intl): quotations attributed the English/French way replace
    what the German rules made of them; sentences without one get reported-speech patterns. A
    pronoun speaker ('he added', 'a-t-il précisé') continues the last named speaker. `u` is the
    quotes.Unit, `here` what the German rules found in it, `Found` the quote record class."""
    def speaker_of(c):
        if c["pronoun"] and last_speaker and last_speaker[0]:
            return last_speaker[0], c["speaker"]
        return c["speaker"], c["speaker"]

    direct = quoted_speech(text, u.marks, u.start, u.end, lang)
    for c in direct:
        ms, me = c["message"]
        spk, full = speaker_of(c)
        here = [f for f in here if not (f.start < me + 2 and ms - 2 < f.end)]
        here.append(Found(ms, me, True, "direct", c["cue"], spk, full, unit=idx))
    if not any(f.direct for f in here):
        for c in reported_speech(text, u.start, u.end, lang):
            ms, me = c["message"]
            if c["kind"] == "according":  # the German rule keeps 'D'après X' inside the message
                here = [f for f in here if not (f.kind == "according" and f.start < me and ms < f.end)]
            if any(f.start < me and ms < f.end for f in here):
                continue
            spk, full = speaker_of(c)
            here.append(Found(ms, me, False, c["kind"], c["cue"], spk, full, unit=idx))
    return sorted(here, key=lambda f: f.start)
