"""Speaker phrases: the noun phrase that says something, found from the text itself (issue 5).

German news names speakers as noun phrases around the cue verb: before it ('Der ukrainische
Präsident Wolodymyr Selenskyj sagte'), after it ('sagte John Kirby, ein Sprecher des
US-Sicherheitsrates'), after 'laut'/'so' or before 'zufolge'. Nouns are capitalised in German,
so a light grammar over tokens is enough: determiners, lower-case inflected adjectives,
capitalised words, genitive chains ('des Pentagons'), 'von/aus' complements and appositions.

Two extents are returned: `core` (what Quote.speaker shows: 'John Kirby') and `full` (the
whole phrase with appositions, as the SpkAtt corpus annotates sources).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .timex_words import MONTH_NAMES_DE, WEEKDAYS_DE

TOKEN = re.compile(r"\w+(?:[-.’'‘ʻ/&]\w+)*(?:-(?=\s))?|[^\w\s]", re.UNICODE)  # ('Mira‘at', 'Hawaiʻi': one word)

DETERMINERS = {
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "sein", "seine", "seiner", "seines", "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres", "ihrem", "ihren",
    "dieser", "diese", "dieses", "diesem", "diesen", "mehrere", "mehrerer", "zwei", "drei", "vier", "beide",
    "beiden", "zahlreiche", "viele", "einige", "andere", "unsere", "deren", "dessen", "jener", "jene",
    "the", "a", "le", "les", "l'", "un", "une",  # English/French articles (quotes in foreign text)
}
PRONOUNS = {"er": "m", "sie": "f|pl", "es": "n"}
# Lower-case words that can never be part of a speaker phrase even if they end like adjectives.
_NOT_ADJ = {
    "werden", "haben", "seien", "sein", "wären", "hätten", "würden", "sollen", "wollen", "können", "müssen",
    "eben", "oben", "unten", "neben", "gegen", "wegen", "trotzdem", "seither", "aber", "immer", "wieder", "oder",
    "bereits", "etwa", "mindestens", "rund", "mehr", "weniger", "über", "unter", "hinter", "nach", "vor",
    "gestern", "heute", "morgen", "jedoch", "daher", "außerdem", "ebenfalls", "ebenso", "zudem", "danach",
    "nämlich", "später", "früher", "selbst", "einmal", "allerdings", "erneut", "dagegen", "denen", "deren",
    "dessen", "sowie", "seinerseits", "ihrerseits", "beispielsweise", "insgesamt", "inzwischen",
}
# Prepositions introducing complements that belong to a speaker phrase ('Sprecher von X').
_NP_PREP = {"von", "vom", "aus", "für", "ohne"}
_COORD = {"und", "sowie"}
_COORD_DET = {"der", "die", "das", "ein", "eine"}  # 'Die IADB und der MIF'
_GENITIVE = {"des", "der", "eines", "einer"}  # 'Angaben eines Mitarbeiters'
_POSSESSIVE_IN = {"seiner", "ihrer", "seinem", "ihrem"}  # 'in seiner Onlineausgabe'
_ADJ_PP = {"für", "in", "im", "von", "aus", "mit", "seit", "bei", "zur", "zum", "am", "an", "auf", "über"}
_NAME_PARTICLES = {"al", "el", "bin", "van", "de", "da", "di", "du", "le", "la", "ben", "abu", "ter", "dos", "del"}
_OPEN_Q = set("„»«\"“")
_CLOSE_Q = set("“”«»\"")
_ROLE_WORDS = re.compile(
    r"(?:Sprecher|Minister|Präsident|Kanzler|Chef|Leiter|Direktor|Vorsitzende|Abgeordnete|Botschafter|"
    r"Bürgermeister|Senator|Richter|Anwalt|Anwält|Experte|Expert|Beamte|Beamt|Sekretär|Kommissar|Berater|"
    r"Analyst|Korrespondent|Reporter|Journalist|Sprecher|Generalsekretär|Premierminister|Ministerpräsident|"
    r"Staatschef|Regierungschef|Kommandeur|Gouverneur|Polizeisprecher|Staatsanwalt|Ermittler)")


@dataclass(slots=True, init=False)
class Tok:
    text: str
    start: int
    end: int
    low: str = field(repr=False, compare=False)  # text.lower(), once: read ~100 times per token (issue 18)

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end, self.low = text, start, end, text.lower()


_TOKENS: dict[tuple[str, int, int, int], tuple[Tok, ...]] = {}  # a sentence is tokenised by several stages


def tokenize(text: str, offset: int = 0, start: int = 0, end: int | None = None) -> list[Tok]:
    """Word and punctuation tokens of text[start:end] with absolute offsets (+offset)."""
    end = len(text) if end is None else end
    key = (text, offset, start, end)
    toks = _TOKENS.get(key)
    if toks is None:
        if len(_TOKENS) >= 4096:
            _TOKENS.clear()
        toks = _TOKENS[key] = tuple(Tok(m.group(), m.start() + offset, m.end() + offset)
                                    for m in TOKEN.finditer(text, start, end))
    return list(toks)


DOMAIN = re.compile(r"\w[\w-]*\.(?:de|at|ch|com|org|net|eu|fr|uk|io|info)", re.I)  # 'golem.de', 'Docs.com''


def is_cap(tok: Tok) -> bool:
    t = tok.text
    return t[:1].isupper() or (t[:1].isdigit() and "-" in t) or bool(re.match(r"^[a-z]{1,4}-[A-ZÄÖÜ]", t)) \
        or bool(DOMAIN.fullmatch(t))


def is_adj(tok: Tok) -> bool:
    """Lower-case inflected adjective/participle ('südkoreanischen', 'ukrainische', 'ehemaliger')."""
    t = tok.text
    return (t.islower() and len(t) > 3 and t not in _NOT_ADJ and t not in DETERMINERS
            and re.search(r"(?:e|en|er|es|em)$", t) is not None) or (t.islower() and t.endswith("-"))


@dataclass
class Phrase:
    core: tuple[int, int]  # token index range [i, j) of the speaker as shown
    full: tuple[int, int]  # token index range [i, j) with appositions


# a body named by its seat: after an inverted verb 'in Bagdad' still belongs to it ('teilte die türkische
# Botschaft in Bagdad mit': which embassy), where 'sagte X in Hannover' is the place of the saying
_SEAT_HEAD = re.compile(r"(?:botschaft|konsulat|polizei|polizeidirektion|staatsanwaltschaft|feuerwehr|vertretung)$")
_AGE_WORDS = {"mitte", "anfang", "ende"}  # 'laut Polizei Mitte 30': an age, no part of the source
_QUANTIFIERS = {"beiden", "zwei", "drei", "vier", "fünf", "vielen", "einigen", "mehreren", "wenigen"}  # 'der beiden …'


_MONTH_OR_DAY = MONTH_NAMES_DE | frozenset(WEEKDAYS_DE)


def _time_word(toks: list[Tok], m: int, limit: int) -> bool:
    """A month or weekday, or 'Anfang'/'Mitte'/'Ende' before one: a time after the speaker, not part of the
    name ('die Polizei Anfang Oktober'; 'Michael Ende sagte' keeps its name)."""
    if toks[m].low in _MONTH_OR_DAY:
        return True
    return toks[m].low in ("anfang", "mitte", "ende", "beginn") and m + 1 < limit and (
        toks[m + 1].low in _MONTH_OR_DAY or toks[m + 1].text.isdigit())


def _np_forward(toks: list[Tok], i: int, limit: int, pp_in: bool = True) -> int:
    """End index of a simple NP starting at token i (no apposition), or i if none."""
    j = i
    if j < limit and toks[j].low in DETERMINERS:
        j += 1
        if j < limit and toks[j].low in _ADJ_PP:  # 'der für die Region zuständige Koordinator'
            e = next((x for x in range(j + 1, min(j + 6, limit)) if is_adj(toks[x]) and x + 1 < limit
                      and is_cap(toks[x + 1])), None)
            if e is not None and all(is_cap(t) or t.low in DETERMINERS or is_adj(t) for t in toks[j + 1:e]):
                j = e
    if j > i and j < limit and toks[j].low in _QUANTIFIERS:  # 'der beiden heiligen Moscheen'
        j += 1
    k = j
    while k < limit and is_adj(toks[k]):
        k += 1
    m = k
    if m == k and k > j and j > i and (k >= limit or not is_cap(toks[k])) and re.search(r"\d|-", toks[k - 1].text):
        return k  # nominalised adjective: 'der 81-jährige'
    if m < limit and toks[m].text in _OPEN_Q:  # a quoted name heads the phrase: '„BBC News“ berichtet'
        close = next((x for x in range(m + 1, min(m + 8, limit)) if toks[x].text in _CLOSE_Q), None)
        if close is not None and close > m + 1 and is_cap(toks[m + 1]):
            m = close + 1
            return m
    while m < limit and (is_cap(toks[m]) and toks[m].low not in DETERMINERS and toks[m].text not in ("Am", "Im", "In")
                         and not (m > k and toks[m].low in _AGE_WORDS and m + 1 < limit and toks[m + 1].text.isdigit())
                         and not (m > k and _time_word(toks, m, limit))
                         or (m > k and toks[m].low in _NAME_PARTICLES and m + 1 < limit and is_cap(toks[m + 1]))):
        m += 1
        # a title or initial with its dot inside a name: 'Dr. Heino Stoever', 'C.Y. Leung'
        if (m + 1 < limit and toks[m].text == "." and is_cap(toks[m + 1]) and toks[m + 1].low not in DETERMINERS
                and (len(toks[m - 1].text) <= 3 or "." in toks[m - 1].text) and toks[m - 1].text[:1].isupper()):
            m += 2
            while m < limit and is_cap(toks[m]) and toks[m].low not in DETERMINERS:
                m += 1
    if m == k:  # no noun: not an NP
        return i
    # parenthesised party/abbreviation: 'Olaf Scholz (SPD)'
    if m + 2 < limit and toks[m].text == "(" and toks[m + 2].text == ")" and toks[m + 1].text[:1].isupper():
        m += 3
    # genitive chain / von-complement: 'ein Sprecher des Pentagons', 'Angaben von Ärzte ohne Grenzen'
    while m < limit:
        nxt = toks[m]
        close = next((x for x in range(m + 2, min(m + 6, limit)) if toks[x].text == ")"), None) if nxt.text == "(" else None
        if close is not None and all(t.text[:1].isupper() or t.text[:1].isdigit() or k == m + 1 and t.text[:1].isalnum()
                                     for k, t in enumerate(toks[m + 1:close], m + 1)):
            m = close + 1  # 'der Agentur (dpa)', 'der Ukip (UK Independence Party)'
            continue
        if nxt.text in _OPEN_Q and m + 1 < limit:  # quoted name: 'die Zeitung „Yemen Observer“'
            close = next((x for x in range(m + 1, min(m + 8, limit)) if toks[x].text in _CLOSE_Q), None)
            if close is not None and close > m + 1 and all(is_cap(t) or not t.text.isalpha()
                                                           for t in toks[m + 1:close]):
                m = close + 1
                continue
        if is_adj(nxt) and nxt.text.endswith("er"):  # genitive plural without article: 'Verband kommunaler Unternehmen'
            a = m
            while a < limit and is_adj(toks[a]):
                a += 1
            if a < limit and is_cap(toks[a]) and toks[a].low not in DETERMINERS and a + 1 <= limit:
                m = a + 1
                continue
        if nxt.low in _GENITIVE and m + 1 < limit and (is_cap(toks[m + 1]) or is_adj(toks[m + 1])
                                                       or toks[m + 1].low in _QUANTIFIERS) and not (
                nxt.low == "der" and is_adj(toks[m + 1]) and toks[m + 1].low.endswith("e")):  # 'der chinesische X': a subject

            e = _np_forward(toks, m, limit, pp_in)
            if e > m + 1:
                m = e
                continue
        if (pp_in or nxt.low == "in" and _SEAT_HEAD.search(toks[m - 1].low)) and nxt.low in ("in", "im") and m + 1 < limit and (
                (toks[m + 1].text[:1].isupper() and toks[m + 1].low not in DETERMINERS and nxt.low == "in")
                or toks[m + 1].low in _POSSESSIVE_IN):
            # place or medium of the speaker: 'die Regierung in Lomé', 'der Focus in seiner Onlineausgabe'
            e = _np_forward(toks, m + 1, limit)
            if e > m + 1 and (e >= limit or not toks[e].text[:1].isdigit()):
                m = e
                continue
        if nxt.low in _NP_PREP and m + 1 < limit:
            e = _np_forward(toks, m + 1, limit, pp_in)
            if e > m + 1:
                m = e
                continue
        if nxt.low in _COORD and m + 1 < limit and (is_cap(toks[m + 1]) and toks[m + 1].low not in DETERMINERS
                                                    or toks[m + 1].low in _COORD_DET):
            e = _np_forward(toks, m + 1, limit, pp_in)
            if e > m + 1 and (e >= limit or toks[e].text in {",", ".", ":", ";", ")"} or toks[e].text.islower()):
                m = e
                continue
        break
    return m


def looks_like_name(toks: list[Tok]) -> bool:
    """1-4 capitalised tokens without determiners: 'Leonid Sluzki', 'Pat Ryder'."""
    return 1 <= len(toks) <= 4 and all(is_cap(t) and t.low not in DETERMINERS or 0 < k < len(toks) - 1
                                       and t.low in _NAME_PARTICLES for k, t in enumerate(toks))


def np_after(toks: list[Tok], i: int, limit: int | None = None, pp_in: bool = True) -> Phrase | None:
    """Speaker NP starting at token i (after an inverted cue verb, 'laut', 'so').

    `pp_in=False` after an inverted verb: in 'sagte X in Hannover' the place belongs to the saying,
    while in the Vorfeld ('Die Botschaft in Riad teilte mit') it belongs to the speaker."""
    limit = len(toks) if limit is None else limit
    if i >= limit:
        return None
    if toks[i].low in PRONOUNS and toks[i].low != "es":
        return Phrase((i, i + 1), (i, i + 1))
    end = _np_forward(toks, i, limit, pp_in)
    if end == i:
        return None
    core = (i, end)
    full_end = end
    # apposition: ', ein Sprecher des US-Sicherheitsrates,' or ', Leonid Sluzki'
    if end + 1 < limit and toks[end].text == ",":
        e2 = _np_forward(toks, end + 1, limit, pp_in)
        if e2 > end + 1:
            app = toks[end + 1:e2]
            closes = e2 >= limit or toks[e2].text in {",", ".", ":", ";", "“", "\"", "»", "«", ")"}
            if closes:
                full_end = e2
                head = toks[i:end]
                if head[0].low in DETERMINERS and looks_like_name(app):
                    core = (end + 1, e2)  # 'der Chef des Ausschusses, Leonid Sluzki' -> the name
    return Phrase(core, (i, full_end))


def np_before(toks: list[Tok], j: int, lo: int = 0) -> Phrase | None:
    """Speaker NP ending just before token j (before 'zufolge', before a verb-final cue)."""
    i = j
    while i > lo:
        t = toks[i - 1]
        if is_cap(t) or is_adj(t) or t.low in DETERMINERS or t.low in _NP_PREP or t.text in {"(", ")"}:
            i -= 1
            continue
        break
    # the phrase must start with a determiner, adjective or capitalised word and parse forward to j
    while i < j:
        if toks[i].low in _NP_PREP or toks[i].text in {"(", ")"}:
            i += 1
            continue
        end = _np_forward(toks, i, j)
        if end == j:
            return Phrase((i, j), (i, j))
        i += 1
    if j - 1 >= lo and toks[j - 1].low in PRONOUNS and toks[j - 1].low != "es":
        return Phrase((j - 1, j), (j - 1, j))
    return None


# ---------------------------------------------------------------------------- clause-level speaker finding
# Word classes of the German clause frame around a cue verb.
END_PUNCT = ".!?…"
SUBJ_STARTERS = {"und", "aber", "doch", "auch", "zudem", "denn", "zwar", "so", "nun", "dann", "jedoch"}

PREPS = {"am", "im", "in", "vor", "auf", "bei", "gegenüber", "nach", "über", "mit", "seit", "während", "an",
          "zum", "zur", "beim", "vom", "aus", "laut", "gegen", "für", "um", "unter", "durch", "bis", "zu", "bezüglich",
          "angesichts", "wegen", "trotz", "hinsichtlich", "neben", "dank", "gemäß", "ohne"}

ADVERBS = {"zudem", "auch", "gestern", "heute", "dazu", "bereits", "später", "weiter", "außerdem", "ferner",
            "jedoch", "allerdings", "nun", "erneut", "damals", "zuvor", "bislang", "ebenfalls", "kürzlich",
            "zuletzt", "daraufhin", "dort", "hier", "nochmals", "abschließend", "schließlich", "jetzt", "offenbar",
            "offiziell", "wörtlich", "sinngemäß", "ausdrücklich", "demnach", "gleichzeitig", "zugleich", "noch",
            "darüber", "hinaus", "wiederum", "indes", "unterdessen", "inzwischen", "vergangene", "vergangenen",
            "letzte", "letzten", "vorige", "vorigen", "kommende", "kommenden", "vor", "wenigen", "tagen",
            "zwar", "sogar", "ganz", "selbst", "wiederholt", "mehrfach", "öffentlich", "deutlich",
            # sentence adverbs that open a clause capitalised and must never be read as its subject
            "weiterhin", "aktuell", "derzeit", "zurzeit", "momentan", "gegenwärtig", "ebenso", "anschließend",
            "daher", "deshalb", "deswegen", "dennoch", "trotzdem", "stattdessen", "vielmehr", "zunächst",
            "mittlerweile", "künftig", "bisher", "immerhin", "jedenfalls", "tatsächlich", "vermutlich",
            "angeblich", "offensichtlich", "folglich", "somit", "insbesondere", "gestern", "morgen"}

PASSIVE_AUX = {"wird", "wurde", "werden", "wurden"}
AUX = {"hat", "hatte", "haben", "hatten", "ist", "war", "sind", "waren", "habe", "hätte", "hätten", "wurde",
        "wurden", "wird", "werden"}

OBLIQUE = {"dem", "den", "einem", "einen", "des", "eines", "ihm", "ihr", "ihnen", "diesem", "diesen", "es", "das",
           "dies"}

FRONTED_OBJECTS = {"dies", "das", "es", "diese", "dieses", "dem", "daran", "darauf", "dazu", "davon", "damit",
                    "dabei", "deshalb", "darüber", "hierzu", "hierüber", "dieser", "jenes", "solches", "folgendes"}

RELATIVE = {"der", "die", "das", "welcher", "welche", "welches"}
# determiners that cannot open a subject (accusative/dative): a fronted object, the subject follows the verb
_OBJECT_DETS = {"den", "dem", "einen", "einem", "seinen", "seinem", "ihren", "ihrem", "diesen", "diesem"}

SUBORD = {"dass", "weil", "nachdem", "als", "da", "ob", "wenn", "obwohl", "während", "sodass", "damit", "indem",
          "weshalb", "wobei", "womit", "sobald", "seit", "seitdem", "bevor", "ehe"}


class Unit:
    def __init__(self, text: str, start: int, end: int, marks: list[tuple[int, int]], known: set[str]):
        self.text, self.start, self.end = text, start, end
        self.marks = [(o, c) for o, c in marks if start <= o and c < end]
        self.toks = tokenize(text, 0, start, end)
        self.known = known
        self.masked = [any(o < t.start and t.end <= c or t.start in (o, c) for o, c in self.marks)
                       for t in self.toks]
        self.index = {t.start: n for n, t in enumerate(self.toks)}
        self.colon_attr: dict[int, tuple] = {}
        self.pending: tuple | None = None  # attribution announced by the previous unit's colon

    def tok_at(self, offset: int) -> int | None:
        return self.index.get(offset)

    def body_end(self) -> int:
        """Unit end without final punctuation."""
        e = self.end
        m = re.search(r"[.!?]\s*\([^()]{0,40}\)?$", self.text[self.start:e])
        if m:  # '… sei. (sda/daf)'
            e = self.start + m.start() + 1
        while e > self.start and (self.text[e - 1] in END_PUNCT or self.text[e - 1].isspace()):
            e -= 1
        return e


def span_of(toks: list[Tok], rng: tuple[int, int]) -> tuple[int, int]:
    return toks[rng[0]].start, toks[rng[1] - 1].end


def speaker_after(u: Unit, k: int, limit: int | None = None) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Speaker NP after an inverted verb at token k-1, skipping adverbs and short PPs."""
    toks = u.toks
    limit = len(toks) if limit is None else limit
    n = k
    steps = 0
    while n < limit and steps < 8:
        t = toks[n]
        if t.text in {",", ".", ":", ";", "„", "“", "\"", "»", "«"} or u.masked[n]:
            return None
        if (t.low in PRONOUNS and t.low != "es" or t.low in DETERMINERS
                or (t.text[:1].isupper() and t.low not in ADVERBS)):
            ph = np_after(toks, n, limit, pp_in=False)
            if ph is not None:
                return span_of(toks, ph.core), span_of(toks, ph.full)
        if t.low in PREPS:  # skip the PP: preposition + det/adj/noun run
            n += 1
            while n < limit and (toks[n].low in DETERMINERS or toks[n].text[:1].isupper() or toks[n].text.isdigit()
                                 or (toks[n].text.islower() and toks[n].text.endswith(("en", "e", "er"))
                                     and toks[n].low not in PRONOUNS)):
                n += 1
            steps += 1
            continue
        if t.low in ADVERBS or t.text.islower():
            n += 1
            steps += 1
            continue
        return None
    return None


def clause_start(u: Unit, n: int) -> int:
    """Token index where the clause holding token n starts (quoted names inside do not end it)."""
    k = n
    while k > 0 and (u.toks[k - 1].text not in {",", ";", ":", "(", "–", "—"} or u.masked[k - 1]):
        if u.masked[k - 1] and not any(o <= u.toks[k - 1].start and u.toks[k - 1].start <= c and c - o < 60
                                       for o, c in u.marks):
            break  # a long quotation is not a name inside the clause
        k -= 1
    return k


def hard_start(u: Unit, n: int) -> int:
    """Start of the stretch of the sentence that can hold the subject of the verb at token n
    (a parenthesis closed before n, as in 'der Agentur (dpa) befand sich', does not end it)."""
    k = n
    depth = 0
    while k > 0 and not u.masked[k - 1]:
        t = u.toks[k - 1].text
        if t == ")":
            depth += 1
        elif t == "(" and depth > 0:
            depth -= 1
        elif t in {";", ":", "(", "–", "—"}:
            break
        k -= 1
    return k


def heisst_source(u: Unit, n: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'hieß es aus dem Kanzleramt' / 'In der Erklärung heißt es': the PP names the source."""
    toks = u.toks
    cs = clause_start(u, n)
    for k in list(range(cs, n)) + list(range(n + 1, min(n + 6, len(toks)))):
        if toks[k].low in ("aus", "in", "im", "von", "seitens") and not u.masked[k]:
            ph = np_after(toks, k + 1) if toks[k].low != "im" else np_after(toks, k + 1)
            if ph is not None:
                core = (toks[k].start, toks[ph.core[1] - 1].end) if toks[k].low == "im" else span_of(toks, ph.core)
                return core, span_of(toks, ph.full)
        if toks[k].text in {",", ".", ":"}:
            if k > n:
                break
    return None


def role_apposition(u: Unit, h: int, v: int):
    """'Der Vertreter der Arbeitgeber im Aufsichtsrat, Peter Clever, hat …': a role phrase with any
    prepositional attributes, then the name as apposition between commas right before the verb; or the name
    first and roles joined by 'und' ('Kurt von Figura, Präsident der Universität Göttingen und derzeitiger
    Vorsitzender der Landeshochschulkonferenz, begrüßte …'; survey 29: the 'und' had cut the clause). Only words
    that can make up a noun phrase (capitalised, determiners, prepositions, inflected adjectives, brackets)
    may stand in the role part, so a fronted clause never qualifies."""
    toks = u.toks
    if v - h < 5 or toks[v - 1].text != "," or u.masked[h]:
        return None
    c1 = next((k for k in range(h + 1, v - 1) if toks[k].text == "," and not u.masked[k]), None)
    if c1 is None or c1 - h < 2 and toks[h].low in DETERMINERS:
        return None

    def np_words(part: list[Tok]) -> bool:
        return all(t.text[:1].isupper() or t.low in DETERMINERS or t.low in PREPS or t.text in "()" or is_adj(t)
                   or t.low in _COORD for t in part)
    if toks[h].low not in DETERMINERS:  # the name first, then its roles
        name = np_after(toks, h, c1)
        if name is None or name.full[1] != c1 or toks[h].low.startswith("kein") \
                or not all(is_cap(t) or t.low in ("von", "zu") for t in toks[h:c1]) \
                or not any(t.low in _COORD for t in toks[c1 + 1:v - 1]) or not np_words(toks[c1 + 1:v - 1]):
            return None  # (without 'und' the clause start already sees the apposition)
        return span_of(toks, name.core), (toks[h].start, toks[v - 2].end)
    ap = np_after(toks, c1 + 1, v - 1)
    if not np_words(toks[h:c1]) or any(t.low in _COORD for t in toks[h:c1]) or ap is None or ap.full[1] != v - 1 \
            or not looks_like_name(toks[ap.core[0]:ap.core[1]]):
        return None
    return span_of(toks, ap.core), (toks[h].start, toks[v - 2].end)


def speaker_for_cue(u: Unit, n: int, finite: bool, shared=None,
                    cue_lemma_hint: str | None = None) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Subject of the cue verb at token n (V2 order, inversion, perfect tense, verb-final)."""
    toks = u.toks
    if toks[n].low in ("hieß", "heißt"):
        return heisst_source(u, n)
    cs = clause_start(u, n)
    # coordinated verbs share the subject: 'X bezeichnete … und warnte'. (The comma-coordinated
    # 'X bestätigte …, teilte jedoch mit' was tried: it confuses ', sagte am Montag der Sprecher'.)
    if n > 0 and toks[n - 1].low in ("und", "sowie", "oder"):
        if shared is not None:
            return shared  # 'X bezeichnete … und warnte, dass' shares the subject
        h = hard_start(u, n)
        while h < n and toks[h].low in SUBJ_STARTERS:
            h += 1
        ph = np_after(toks, h, n) if h < n and toks[h].low not in PREPS else None
        if ph is not None and ph.full[1] < n:
            e = ph.full[1]
            if toks[e].text == "," and e + 1 < n and toks[e + 1].text.islower() and e + 1 != n:
                e += 1  # the closing comma of an apposition: 'Einer der Putschisten, X, dankte …'
            if toks[e].text.islower() and e != n:
                return span_of(toks, ph.core), span_of(toks, ph.full)  # 'X sprach sich … aus und sagte'
        return None
    v = n
    if not finite:  # participle: the auxiliary carries the verb-second position
        aux = [k for k in range(cs, n) if toks[k].low in AUX]
        if not aux:
            return None
        v = aux[0]
        # passive ('wurde angekündigt') and stative passive ('sind angekündigt'; speech verbs take 'haben'
        # in the perfect, except 'ausgehen'): the speaker is the agent 'von X', if any
        if toks[v].low in PASSIVE_AUX or (toks[v].low in ("ist", "sind", "war", "waren")
                                          and cue_lemma_hint != "ausgehen"):
            hs = hard_start(u, n)
            for a in range(hs, n):
                if toks[a].low == "von" and not u.masked[a]:
                    ph = np_after(toks, a + 1, n)
                    if ph is not None:
                        return span_of(toks, ph.core), span_of(toks, ph.full)
            return None
    k = cs
    while k < v and toks[k].low in SUBJ_STARTERS:
        k += 1
    # the clause start may sit inside an apposition: 'Manfred Berg, der Dekan …, sagte'
    hard = hard_start(u, n)
    h = hard
    while h < v and toks[h].low in SUBJ_STARTERS:
        h += 1
    if h < cs and toks[h].low not in PREPS and toks[h].low not in ADVERBS:
        ph = np_after(toks, h, v)
        if ph is not None and (ph.full[1] == v or (ph.full[1] == v - 1 and toks[v - 1].text == ","
                                                   and any(t.text == "," for t in toks[ph.full[0]:ph.full[1]]))):
            # (a phrase closed by a comma before the verb is a subject only with its apposition inside:
            # 'Manfred Berg, der Dekan, sagte'; 'Keine Ahnung, sagte X, ich habe …' is a message)
            return span_of(toks, ph.core), span_of(toks, ph.full)
        if (ph is not None and ph.full[1] + 1 < v and toks[ph.full[1]].text == "," and toks[v - 1].text == ","
                and toks[ph.full[1] + 1].low in RELATIVE | {"dessen", "deren"}):  # 'Jimmy Carter, der … war, sagte'
            return span_of(toks, ph.core), span_of(toks, ph.full)
        appo = role_apposition(u, h, v)
        if appo is not None:
            return appo
        if toks[h].low in {"wie"} | SUBORD:
            ph = np_after(toks, h + 1, v)
            if ph is not None and (ph.full[1] >= v - 1):
                return span_of(toks, ph.core), span_of(toks, ph.full)
    if k < v and toks[k].low in {"wie"} | SUBORD:  # verb-final: 'wie X mitteilte', 'als X erklärte'
        ph = np_after(toks, k + 1, v)
        return (span_of(toks, ph.core), span_of(toks, ph.full)) if ph else None
    if k < v and toks[k].low in RELATIVE and cs > 0 and toks[cs - 1].text == ",":
        if k + 1 == v and toks[k].low in ("das", "die") and finite:
            after = speaker_after(u, v + 1)  # demonstrative, V2: '…, das teilte die Bahn mit'
            if after is not None:
                return after
        ph = np_after(toks, k, v)
        if ph is None or ph.full[1] < v:  # relative clause: the antecedent speaks
            ph = np_before(toks, cs - 1)
            if ph is None:
                return None
            # (emitting the relative pronoun as the corpus-style source, as SpkAtt sometimes marks it,
            # scored lower on the tuning split than the antecedent phrase)
            return span_of(toks, ph.core), span_of(toks, ph.full)
    adverb = (k + 1 == v and toks[k].text[:1].isupper() and toks[k].low in u.known  # 'Weiterhin erklärte …'
              and toks[k].low not in PRONOUNS and toks[k].low not in DETERMINERS and len(toks[k].text) > 3
              or k + 1 == v and toks[k].low in FRONTED_OBJECTS)  # 'Dies bestätigte der Sprecher'

    if k == v or adverb or toks[k].low in PREPS or toks[k].low in ADVERBS or toks[k].text[:1].isdigit():
        return speaker_after(u, v + 1, n if not finite else None)
    ph = np_after(toks, k, v)
    nxt = toks[v + 1].low if v + 1 < len(toks) else ""
    if (ph is not None and ph.full == (k, k + 1) and k + 1 == v and toks[k].low not in DETERMINERS
            and nxt in ("er", "sie", "man")):
        return speaker_after(u, v + 1, n if not finite else None)  # 'Gegenwärtig beschuldigt man …'
    if ph is not None and toks[k].low in _OBJECT_DETS:
        return speaker_after(u, v + 1, n if not finite else None)  # 'Seinen Ausstieg hatte X angekündigt'
    if ph is not None and (ph.full[1] == v or ph.core[1] == v):
        return span_of(toks, ph.core), span_of(toks, ph.full)
    bare_adverb = ph is not None and ph.core[1] - ph.core[0] == 1 and toks[ph.core[1]].low in PREPS
    if (ph is not None and not bare_adverb and toks[k].low not in OBLIQUE
            and nxt not in ("er", "sie", "es", "man", "der", "die", "ein", "eine")):
        # the Vorfeld holds the subject with a PP or relative clause: 'Die US-Botschaft in Riad teilte …'
        # (but not a bare adverb before a preposition: 'Kurz nach dem Treffen hat X versichert')
        return span_of(toks, ph.core), span_of(toks, ph.full)
    return speaker_after(u, v + 1, n if not finite else None)


def unit_subject(u: Unit) -> tuple[int, int] | None:
    """A sentence-initial noun phrase followed by a verb: 'Der Landrat Ernst Kohl besuchte …'."""
    toks = u.toks
    if not toks or toks[0].low in PRONOUNS or u.masked[0]:
        return None
    ph = np_after(toks, 0)
    if ph is None or ph.core[1] - ph.core[0] < 2 and toks[0].low not in DETERMINERS:
        return None
    e = ph.full[1]
    if e < len(toks) and toks[e].text.islower() and toks[e].low not in PRONOUNS:
        return span_of(toks, ph.core)
    return None


# ('von'/'laut' stay out: 'Nach Aussagen von Enrique Tarragona …, wie er erklärt' names the source)
def colon_verb(u: Unit, cs: int, key: int) -> tuple[int, int] | None:
    """The finite verb of the clause before a colon (the first lower-case word after the Vorfeld)."""
    k = next((k for k in range(cs + 1, key) if u.toks[k].text.islower() and u.toks[k].low not in DETERMINERS
              and not is_adj(u.toks[k]) and u.toks[k].low not in PREPS), None)
    return (u.toks[k].start, u.toks[k].end) if k is not None else None


def colon_subject(u: Unit, cs: int, key: int):
    """Speaker of a full quotation after a clause with a colon whose verb is no speech verb:
    the subject of that clause ('Der Leiter der Studie, X, sieht die Verantwortung beim Staat: „…“')."""
    toks = u.toks
    if key - cs < 2 or toks[cs].low in SUBORD or u.masked[cs]:
        return None
    v = next((k for k in range(cs + 1, key) if toks[k].text.islower() and toks[k].low not in DETERMINERS
              and not is_adj(toks[k])), None)
    if v is None:
        return None
    if toks[cs].low in PREPS | ADVERBS or (toks[cs].text[:1].isupper() and toks[cs].low in u.known
                                           and toks[cs].low not in DETERMINERS | PRONOUNS.keys()):
        return speaker_after(u, v + 1, key)  # 'Jegliche Verantwortung weist X von sich:' is not caught here
    if toks[cs].low in PRONOUNS and toks[cs].low != "es" and v == cs + 1:
        return (toks[cs].start, toks[cs].end), (toks[cs].start, toks[cs].end)
    ph = np_after(toks, cs, v)
    if ph is None:
        return None
    end = ph.full[1]
    if end == v or (end == v - 1 and toks[end].text == ","):
        return span_of(toks, ph.core), span_of(toks, ph.full)
    return None


# pronoun resolution lives in pronouns.py (imported here for the stages that use speakers.*)
from .pronouns import gender_number, pronoun_matches, resolve_pronouns  # noqa: E402,F401
