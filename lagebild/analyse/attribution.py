"""Attribution chains: 'laut X unter Berufung auf Y' -> ['X', 'Y'] (issue 5).

Convention (documented in the README of issue 5): a chain lists sources **outermost first**:
the outlet/reporter that relays a claim comes first, the original source last.

* 'sagte Kirby laut der Washington Post'            -> ['der Washington Post', 'Kirby']
* 'schrieb das ISW unter Berufung auf die Washington Post' -> ['das ISW …', 'die Washington Post']
* 'wie Reuters berichtete, sagte ein Sprecher …'    -> ['Reuters', 'ein Sprecher …']
* 'laut US-Informationen 3.000, laut südkoreanischen Informationen 1.500' -> the 'laut' phrase
  whose clause holds the focus.

Names are kept as written (with their article), trimmed of the prepositions 'laut', 'nach
Angaben von', 'unter Berufung auf'. Prepositional sources ('laut X', 'X zufolge', 'nach Angaben
X', 'gemäß X') are 'claim' sources; 'unter Berufung auf', 'mit Verweis auf', 'gestützt auf' name
the inner source of a speaker; 'wie X berichtete' names an outer relay.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .speakers import Phrase, Tok, np_after, np_before, tokenize
from .speech_cues import _COMPOUND_HEADS, _SOURCE_NOUNS, ACCORDING_NACH_POST, ACCORDING_PRE

_VIA = re.compile(r"\b(?:unter\s+Berufung\s+auf|mit\s+(?:Verweis|Bezug)\s+auf|unter\s+Verweis\s+auf|gestützt\s+auf|"
                  r"unter\s+Bezug\s+auf|in\s+Berufung\s+auf)\s")
_WIE = re.compile(r"(?:^|,\s*|\b)[Ww]ie\s")
_RELAY_VERBS = {"berichtete", "berichtet", "berichten", "berichteten", "meldete", "meldet", "melden", "meldeten",
                "schrieb", "schreibt", "schreiben", "schrieben", "mitteilte", "mitteilt", "mitteilten", "erklärte",
                "sagte", "bekanntgab", "berichtete", "zitierte", "zitiert", "hieß"}
# nouns after 'nach' that are themselves the source noun ('nach Angaben der Polizei')
_SOURCE_NOUN = re.compile(r"^[\w-]*" + _SOURCE_NOUNS + "$")


# 'Seiner Meinung nach ist …': a post-posed 'nach' after a source noun; the finite verb follows it
# (a capitalised word after it means a preposition: 'Meldungen nach Berlin')


@dataclass
class Source:
    kind: str  # 'claim' (laut/zufolge/nach Angaben/gemäß) | 'via' (unter Berufung auf) | 'relay' (wie X berichtete)
    text: str  # the source as written, for chains ('der Washington Post', 'südkoreanischen Informationen')
    start: int  # absolute offsets of `text`
    end: int
    cue: str
    cue_start: int
    cue_end: int
    full_start: int  # extent including 'Angaben von' etc. (the corpus' source span)
    full_end: int


def _span(toks: list[Tok], rng: tuple[int, int]) -> tuple[int, int]:
    return toks[rng[0]].start, toks[rng[1] - 1].end


def _strip_source_noun(toks: list[Tok], ph: Phrase) -> tuple[int, int]:
    """'Angaben der Polizei' -> 'der Polizei'; 'Angaben von Ärzte ohne Grenzen' -> 'Ärzte ohne Grenzen'."""
    i, j = ph.core
    k = i
    while k < j and toks[k].text[:1].islower() and toks[k].low not in ("der", "des", "von", "aus"):
        k += 1  # determiners and adjectives: 'einem', 'offiziellen'
    if k < j and _SOURCE_NOUN.match(toks[k].text) and (
            any(toks[x].low in ("eigenen", "eigener", "eigene") for x in range(i, k))
            or re.fullmatch(r"[A-ZÄÖÜ][\w-]+" + _COMPOUND_HEADS, toks[k].text, re.I)):
        return i, k + 1  # 'nach eigenen Angaben', 'nach Polizeiangaben': the source is said there, not after it
    if k < j and _SOURCE_NOUN.match(toks[k].text) and k + 1 < j:
        k += 1
        if toks[k].low in ("von", "aus"):
            k += 1
        if k < j:
            return k, j
    return ph.core


_FR_SOURCE_END = re.compile(r",|\s[–—-]\s|$")


def _to_comma(text: str, start: int, end: int, max_words: int = 10) -> tuple[int, int] | None:
    """The source after 'selon' / "d'après": up to the next comma, at most `max_words` words."""
    m = _FR_SOURCE_END.search(text, start, end)
    stop = m.start() if m else end
    s = start
    while s < stop and text[s].isspace():
        s += 1
    e = stop
    while e > s and text[e - 1] in " .;:":
        e -= 1
    words = text[s:e].split()
    if not words or len(words) > max_words or not m:
        return None
    if m.group(0) != "," and not (len(words) <= 4 and re.fullmatch(r"\s*[.!?]?\s*", text[stop - 1:end] if stop < end else "")):
        return None  # the source ends at its comma, or the sentence ends right after a short one ('15 000 selon la CGT.')
    return s, e


def find_sources(text: str, start: int, end: int) -> list[Source]:
    """All attribution phrases in text[start:end], in text order."""
    pre = list(ACCORDING_PRE.finditer(text, start, end))
    via = list(_VIA.finditer(text, start, end))
    wie = list(_WIE.finditer(text, start, end))
    if not (pre or via or wie):  # most sentences: no cue at all, no tokens needed (issue 18)
        low = text[start:end].lower()
        if "zufolge" not in low and "nach" not in low:
            return []
    toks = tokenize(text, 0, start, end)
    out: list[Source] = []
    by_start = {t.start: n for n, t in enumerate(toks)}
    # 'laut X', 'gemäß X', 'nach Angaben (von) X'
    for m in pre:
        n = by_start.get(m.start())
        if n is None:
            continue
        after = next((k for k in range(n + 1, len(toks)) if toks[k].start >= m.end()), len(toks))
        ph = np_after(toks, after)  # the phrase after 'laut', 'according to', 'nach Angaben'
        if ph is None:
            # French noun phrases ('Selon les services de renseignement sud-coréens, …') put
            # lower-case adjectives after the noun: the source runs to the clause's comma
            src = _to_comma(text, m.end(), end) if m.group(0)[:1].lower() in ("s", "d") else None
            if src is not None:
                s, e = src
                out.append(Source("claim", text[s:e], s, e, m.group(0), m.start(), m.end(), s, e))
            continue
        cue_end = toks[n].end
        core = ph.core
        if toks[n].low == "nach":
            core = _strip_source_noun(toks, ph)
        s, e = _span(toks, core)
        fs, fe = _span(toks, ph.full)  # with apposition: 'laut X, Sprecher der Y,'
        if (day := _SOURCE_DAY.search(text, s, e)) is not None:
            e = fe = day.start()  # 'nach Angaben der Polizei vom Dienstag': the day is the report's, not the source
        out.append(Source("claim", text[s:e], s, e, toks[n].text, toks[n].start, cue_end, fs, fe))
    # 'X zufolge'
    for n, t in enumerate(toks):
        post_nach = (t.low == "nach" and n > 0 and ACCORDING_NACH_POST.match(toks[n - 1].text) is not None
                     and (n + 1 >= len(toks) or not toks[n + 1].text[:1].isupper()))
        if t.low == "zufolge" or post_nach:
            ph = np_before(toks, n)
            if ph is None:
                continue
            core = _strip_source_noun(toks, ph)
            s, e = _span(toks, core)
            fs, fe = _span(toks, ph.core)
            out.append(Source("claim", text[s:e], s, e, t.text, t.start, t.end, fs, fe))
    # 'unter Berufung auf Y'
    for m in via:
        n = by_start.get(m.end())
        if n is None:
            continue
        ph = np_after(toks, n)
        if ph is None:
            continue
        s, e = _span(toks, ph.core)
        out.append(Source("via", text[s:e], s, e, m.group().strip(), m.start(), m.end() - 1, s, e))
    # 'wie X berichtete' (verb-final relay clause)
    for m in wie:
        w = m.end()
        n = by_start.get(w)
        if n is None:
            continue
        stop = next((k for k in range(n, min(n + 12, len(toks))) if toks[k].text in {",", ".", ";", ":"}), None)
        if stop is None or stop - 1 <= n or toks[stop - 1].low not in _RELAY_VERBS:
            continue
        verb = stop - 1
        ph = np_before(toks, verb, n)
        if ph is None or ph.core[0] != n:
            # allow adverbs between NP and verb: 'wie die Zeitung am Sonntag berichtete'
            ph = np_after(toks, n, verb)
            if ph is None:
                continue
        s, e = _span(toks, ph.core)
        out.append(Source("relay", text[s:e], s, e, toks[verb].text, toks[verb].start, toks[verb].end, s, e))
    return sorted(out, key=lambda x: x.start)


def claim_segments(text: str, start: int, end: int, sources: list[Source]) -> list[tuple[Source, int, int]]:
    """Split a sentence among its 'claim' sources: each governs the clause around it.

    A second 'laut' phrase after a comma opens a new clause ('…, laut südkoreanischen
    Informationen etwa 1.500'), so boundaries are the last comma before each later source.
    """
    claims = [s for s in sources if s.kind == "claim"]
    if not claims:
        return []
    cuts = [_clause_start(text, start, claims[0].cue_start, end)]
    for prev, cur in zip(claims, claims[1:]):
        comma = text.rfind(",", prev.end, cur.cue_start)
        cuts.append(comma + 1 if comma >= 0 else cur.cue_start)
    tail = _WRITERS_TAIL.search(text, cuts[-1], end) or _SPEAKERS_TAIL.search(text, cuts[-1], end)
    if cuts[0] > start and len(claims) == 1 and _RELATIVE.match(text, cuts[0]) and "," in text[claims[0].end:end]:
        end = text.index(",", claims[0].end, end)  # a relative clause ends at its comma ('die laut Polizei bei 20 liegt,')
    cuts.append(tail.start() if tail and tail.start() > claims[-1].end else end)  # '… – der STANDARD berichtete'
    return [(c, cuts[i], cuts[i + 1]) for i, c in enumerate(claims)]


_SOURCE_DAY = re.compile(r"\s+(?:vom|am)\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende"
                         r"|\d{1,2}\.\s*[A-ZÄÖÜ]\w+)$")


# the words a fronted 'laut X' / 'nach Angaben X' frame may go on with before its verb: articles, prepositions and
# the small words of names ('Nach Angaben der Ryanair-Sprecherin Anja Seugling gegenüber dem Weser-Kurier ist …',
# 'Nach Meinung von Mike Brown, Professor am California Institute of Technology, könnte …')
_FRAME_WORDS = frozenset("der die das dem den des ein eine einer einem eines einen von vom aus in im am an bei beim mit seit "
                         "für zur zum gegenüber auf über unter nach vor und sowie of the and for de du la le van da di del "
                         "el al bin ibn".split())
_RELATIVE_WORDS = frozenset("der die das welche welcher welches dessen deren denen wo was".split())
_FRAME_TOKEN = re.compile(r"[^\W\d_][\w.'’‘ʻ-]*|\d[\w.,]*|[^\w\s]")
_FRAME_MARKS = set("„“”\"»«‚‘'")


def after_frame(text: str, s: int, e: int, src: Source) -> int:
    """Where the message of a claim begins when its frame opens the sentence: at the verb after the frame
    ('Nach Aussagen von Enrique Tarragona, Geschäftsführer von Zeit Online, steht sein Haus …' -> 'steht sein
    Haus …'; 'Laut ROG wurden …' -> 'wurden …'): the message is what was said, not the attributing frame
    (outside audits judged long frames wrong spans). The verb is the first lower-case word after the source that
    is no article, preposition or adjective of a name or apposition; a relative clause in an apposition runs to
    its comma. `s` when no such verb is found (an English or French frame, whose subject follows in lower case,
    stays whole)."""
    if text[s:src.cue_start].strip() or src.cue_start > src.start:
        return s
    pos = max(src.end, src.full_end)
    prev = "name"  # what the token before was: 'name', 'small' (article, preposition), 'comma', 'adjective'
    skip_to_comma = False
    for n, m in enumerate(_FRAME_TOKEN.finditer(text, pos, e)):
        tok = m.group()
        if n > 40:
            return s
        if tok == ",":
            prev, skip_to_comma = "comma", False
            continue
        if skip_to_comma or tok in _FRAME_MARKS or tok in "()":
            continue
        if not tok[0].isalpha():
            if tok[0].isdigit():
                prev = "name"
                continue
            return s  # a colon, dash or full stop before any verb: not a frame this reads
        low = tok.lower()
        if tok[0].isupper():
            prev = "name"
        elif prev == "comma" and low in _RELATIVE_WORDS:
            skip_to_comma = True  # ', der der Gruppe angehört,'
        elif low in _FRAME_WORDS:
            prev = "small"
        elif prev in ("small", "adjective"):
            prev = "adjective"  # 'einem ehemaligen Kabinettsmitglied'
        else:
            return m.start() if e - m.start() >= 8 and len(text[m.start():e].split()) >= 3 else s
    return s


# where the clause of a 'laut' phrase in mid-sentence begins: after a dash or semicolon, or at a conjunction or
# relative 'was' after a comma ('…, ihre Eltern sind katholisch, aber laut X eher abergläubisch')
_CLAUSE_OPEN = re.compile(r"(?:\s[–—]\s|[;:]\s|,\s+(?=(?:aber|doch|jedoch|sondern|was|wobei|während|und|denn|dessen|deren"
                          r"|denen|wo)\s)"
                          # an adverb and a finite verb open a main clause of its own ('…, dann wurde es laut X
                          # gelöscht', '…, so sollen diese laut Vorschlag der CDU …'; not the frame ', so der Aufruf')
                          r"|,\s+(?=(?:dann|so|danach|anschließend|inzwischen|seitdem|deshalb|daher|trotzdem|zuvor"
                          r"|später|nun|jetzt)\s+(?!(?:der|die|das|dem|den|des|ein|eine|einer|einem|eines)\s)[a-zäöü]+\s)"
                          r"|,\s+(?=(?:der|die|das|welche|welcher|welches)\s+(?:\w+\s+){0,2}(?:(?:laut|gemäß|zufolge)\s|$)))")
# (a relative clause the 'laut' phrase stands in: '…, der laut US-Justizministerium den Befehl ausgeführt habe'; the
# search ends at the cue, so '$' is the cue)


_RELATIVE = re.compile(r"(?:der|die|das|welche|welcher|welches)\s")
_DATELINE = re.compile(r"[A-ZÄÖÜ][\w.]*(?:[ /-][A-ZÄÖÜ][\w.]*)*\s$")  # 'Hamburg/Wien –'
_WRITERS_TAIL = re.compile(r"\s[–—]\s+(?:wie\s+)?(?:der|die|das)\s+[A-ZÄÖÜ]\S*\s+(?:berichtete|berichtet|meldete|schrieb)"
                           r"\s*[.!]?\s*$")
# '…, ließ er verlautbaren', '…, sagte sie am Montag': the speaker's own frame after a 'laut' claim
_SPEAKERS_TAIL = re.compile(r",\s+(?:ließ\s+(?:er|sie)\s+(?:\w+\s+){0,3}verlauten|ließ\s+(?:er|sie)\s+(?:\w+\s+){0,3}verlautbaren"
                            r"|(?:sagte|sagten|erklärte|erklärten|betonte|betonten|meinte|ergänzte)\s+(?:er|sie)\b"
                            r"(?:\s+[\w.]+){0,4})\s*[.!]?\s*$")
_ARTICLE_WORD = re.compile(r"\b(?:Der|Die|Das|Ein|Eine|Den|Dem|Des|The|A|An|Er|Sie|Es)\b")


def _clause_start(text: str, start: int, cue: int, end: int) -> int:
    """The start of the clause that holds the cue at `cue` within the sentence text[start:end] (a dash pair
    around the 'laut' phrase is a parenthesis: 'Die Frau – laut Polizei Mitte 30 – starb')."""
    opens = [m for m in _CLAUSE_OPEN.finditer(text, start, cue)]
    if not opens:
        return start
    m = opens[-1]
    if m.group().strip() in ("–", "—") and re.search(r"\s[–—]\s", text[cue:end]):
        # a dash pair is a parenthesis ('Die Frau – laut Polizei Mitte 30 – starb'), but a dateline stays cut
        dateline = _DATELINE.match(text, start, opens[0].start() + 1) if opens[0] is m else None
        if dateline and not _ARTICLE_WORD.search(dateline.group()):
            return opens[0].end()
        return start
    return m.end()


# ', organisers said 15,000', ', die Veranstalter schätzten rund 15.000', ', la CGT en a compté 15 000': the
# subject of a verb of saying or counting right before the figure, in the figure's own clause
_CLAUSE_SAY = re.compile(
    r"(?:^|[,;]\s+|\s(?:while|whereas|but|and|und|aber|während|mais|et|alors\s+que|tandis\s+que)\s+)"
    r"(?P<np>(?:(?:the|die|der|das|la|le|les|l['’])\s*)?[^\W\d][\w'’.-]*(?:\s+[^\W\d][\w'’.-]*){0,2}?)\s+"
    r"(?:said|say|says|put\s+(?:the\s+\w+|it)\s+at|estimated|estimate|estimates|claimed|claim|claims|counted|"
    r"schätzten|schätzte|schätzen|zählten|zählte|sprach\s+von|sprachen\s+von|(?:en\s+)?(?:a|ont)\s+compté"
    r"|(?P<gap>von))"
    r"(?:\s+(?:there\s+were|it\s+was|about|around|some|nearly|almost|more\s+than|at\s+least|up\s+to|as\s+many\s+as"
    r"|rund|etwa|mehr\s+als|mindestens|bis\s+zu|environ|plus\s+de|près\s+de|au\s+moins))*\s*$", re.I)
# the verb a German gapped clause leaves out ('die Polizei sprach von 3.500, die Veranstalter von 15.000')
GAPPED_VERB = re.compile(r"\b(?:sprach|sprachen|spricht|sprechen|redete|redeten|ging|gingen|gehen|geht)\s+(?:\w+\s+){0,3}?von\b")
_PRONOUN_SPEAKERS = {"he", "she", "it", "they", "we", "i", "er", "sie", "es", "wir", "ich", "il", "elle", "ils", "elles",
                     "on", "nous", "je"}


def _clause_speaker(text: str, start: int, focus: int) -> str | None:
    """Who says the figure in its own clause ('…, organisers said 15,000'): a sentence can hold two."""
    lead = text[start:focus]
    cut = max(lead.rfind(", "), lead.rfind("; "))  # '3,500' holds a comma but no comma and space
    m = _CLAUSE_SAY.search(lead, max(cut, 0))
    if not m or m.group("gap") is not None and (cut < 0 or not GAPPED_VERB.search(lead, 0, cut)):
        return None  # 'die Veranstalter von 15.000' only after 'die Polizei sprach von 3.500
    np = m.group("np").strip()
    return None if np.lower() in _PRONOUN_SPEAKERS else np


def attribution_chain(text: str, start: int, end: int, focus: int | None = None, lang: str | None = None) -> list[str]:
    """Who a claim in text[start:end] (a sentence) is attributed to, outermost first.

    `focus` is the offset of the item (figure, claim) whose attribution is wanted; when a
    sentence holds two claims with different sources ('laut US-Informationen 3.000, laut
    südkoreanischen Informationen 1.500') the source nearest to the focus wins.
    """
    sources = find_sources(text, start, end)
    if focus is not None:  # '37 Kilometer entfernt (nach anderen Angaben 46 Kilometer)': a bracket's source stays in it
        sources = [x for x in sources if not _bracketed_apart(text, start, x.cue_start, focus)]
    speaker = (_clause_speaker(text, start, focus) if focus is not None else None) or _speech_speaker(
        text, start, end, focus, lang if lang in ("en", "fr") else "de")
    chain: list[str] = []
    relays = [s.text for s in sources if s.kind == "relay"]
    chain.extend(relays)
    segs = claim_segments(text, start, end, sources)
    claim: Source | None = None
    if segs:
        if focus is None:
            claim = segs[0][0]
        else:
            inside = [c for c, a, b in segs if a <= focus < b]
            claim = inside[0] if inside else min(segs, key=lambda x: abs(x[0].start - focus))[0]
    if claim is not None:
        chain.append(claim.text)
    if speaker and speaker not in chain:
        chain.append(speaker)
    chain.extend(s.text for s in sources if s.kind == "via" and s.text not in chain)
    return chain


def _bracketed_apart(text: str, start: int, at: int, focus: int) -> bool:
    """Whether position `at` lies inside a bracket of the sentence (from `start`) that does not hold `focus`."""
    depth, opened = 0, -1
    for i in range(at - 1, start - 1, -1):
        c = text[i]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                opened = i
                break
            depth -= 1
    if opened < 0:
        return False
    close = text.find(")", at)
    return not (opened < focus < (close if close >= 0 else len(text)))


def _speech_speaker(text: str, start: int, end: int, focus: int | None, lang: str = "de") -> str | None:
    """The speaker of a speech-verb clause in the sentence holding `focus`, via the quote finder (with
    the text's own grammar: German verb-subject order would read 'said on Monday' as said by Monday)."""
    best = None
    for speaker, cue, q_start, q_end in _speech_quotes(text, start, end, lang):
        if speaker and cue not in ("laut", "Laut", "zufolge", "nach", "Nach", "gemäß", "Gemäß"):
            if focus is None or q_start <= focus < q_end:
                best = speaker  # an item outside every message is not what the speaker said
    return best


@lru_cache(maxsize=256)
def _speech_quotes(text: str, start: int, end: int, lang: str = "de") -> tuple[tuple, ...]:
    """(speaker, cue, start, end) of the quote finder's quotes in a sentence: once per sentence,
    however many figures it holds (issue 18)."""
    from .quotes import quotes_in_text

    return tuple((q.speaker, q.cue, q.start, q.end) for q in quotes_in_text(text, start, end, lang=lang))
