"""Figures: numbers with hedges as ranges, what they count, who claims them (issue 6).

For every quantity that `numbers.scan_numbers` finds (hedges, ranges and units resolved
there; see its docstring for the value/low/high convention) this stage adds:

* count_of -- the counted noun phrase as written right after the number: adjectives plus
  head noun ('nordkoreanische Soldaten'), through 'von'/'an' after vague amounts
  ('Tausende von Soldaten'), 'der'/'des' after units ('12 Prozent der Stimmen'). When
  nothing follows, the phrase the number measures is looked for on the left ('die Zahl der
  Toten stieg auf 500', 'ein Gebiet von fast 500 Quadratkilometern').
* topic -- `topics.topic_of(count_of)`; for measures without a counted noun the unit's
  dimension ('area', 'length', ...), for money and percentages without one ''.
* attributed_to -- `attribution.attribution_chain` for the sentence (focus on the figure);
  else the chain of a quote whose span holds the figure (attributed_to + speaker); else,
  for a reported-speech sentence (Konjunktiv I verb) the chain of the previous sentence of
  the same paragraph.
* date -- the value of the nearest DATE timex in the same sentence.

English and French articles (article.language 'en'/'fr') are scanned with their own
lexicons; count_of is read by `_count_after_intl` (en: modifiers + plural head, 'thousands
of troops'; fr: 'de/d'' + noun + post-nominal adjectives), topics via `topics.topic_info(...,
lang)`. The left-side measure patterns and the Konjunktiv carry-over stay German-only.

Bare numbers with nothing counted are dropped where they are names ('Puls 4', 'Windows
11', 'Snapdragon 810': right after a capitalised word, no thousands separator) or scores
in a results table ('1. Müller 271 – 2. Rießle 254'); product numbers after a word with an
inner capital ('iPhone 14', 'PlayStation 5') and race names ('im Einzel über 20 km', '100 m
Freistil', 'die 10.000 Meter in 27:05') are dropped even with a noun after them. Match and
table tallies ('30 Punkte', '12 Tore') stay figures with no topic, so they are never grouped.

Extra per-figure data that `Figure` has no field for goes to
doc.extras['figures'][figure.id] = {'head', 'head_topic', 'count_start', 'count_end'}.
"""
from __future__ import annotations

import re

from ..records import AnalysedArticle, Figure, Quote, SpanIndex
from .number_lexicon_intl import MONTHS_FR
from .numbers import DETERMINERS, MONTHS, NumberMatch, scan_numbers
from .figure_units import carry_units
from .topics import _lemma, person_topics, predicate_class, topic_info, with_predicate

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# lower-case words that may stand between a number and its noun without being adjectives
_NOT_ADJ = {
    "die", "der", "das", "den", "dem", "des", "eine", "einer", "einen", "einem", "keine", "seine",
    "ihre", "unsere", "diese", "jene", "welche", "sowie", "oder", "und", "aber", "sollen", "werden",
    "wurden", "waren", "haben", "hatten", "seien", "sind", "seine", "ihrer", "ihren", "seiner",
    "seinen", "unter", "über", "wieder", "wegen", "gegen", "ohne", "nach", "seit", "beim", "zum",
    "zur", "vom", "im", "am", "pro", "je", "mehr", "weniger", "allein", "alleine", "insgesamt",
    "bereits", "schon", "noch", "nur", "etwa", "rund", "fast", "knapp", "hier", "dort", "heute",
}
_ADJ_END = re.compile(r"(e|en|er|es|em)$")
_NON_COUNT_HEADS = MONTHS | {"uhr", "prozent", "mal", "euro", "dollar"}
_DIMENSION = {
    "km2": "fläche", "m2": "fläche", "ha": "fläche", "km": "strecke", "m": "strecke", "mi": "strecke",
    "nmi": "strecke", "cm": "strecke", "mm": "strecke", "t": "gewicht", "kg": "gewicht", "g": "gewicht",
    "Mt": "gewicht", "kt": "gewicht", "l": "volumen", "hl": "volumen", "m3": "volumen", "bbl": "volumen",
    "km/h": "geschwindigkeit", "MW": "leistung", "GW": "leistung", "kW": "leistung",
    "kWh": "energie", "MWh": "energie", "GWh": "energie", "TWh": "energie", "°": "temperatur", "°C": "temperatur",
}
_LEFT_MEASURE = re.compile(
    r"\b(?:(?:Gesamt)?[Zz]ahl|Anzahl)\s+(?:der|an|von)\s+((?:[a-zäöüß]+(?:e|en|er)\s+){0,2}[A-ZÄÖÜ][\w-]+)"
)
_LEFT_VON = re.compile(
    r"\b([A-ZÄÖÜ][\w-]+)\s+(?:(?:im\s+Wert|in\s+Höhe|in\s+einer\s+Höhe|mit\s+einer\s+(?:Fläche|Länge))\s+)?"
    r"(?:von|über)\s+$"
)
# reported speech: Konjunktiv I of frequent verbs (3rd person); others found by lemma below
_KONJ = {
    "sei", "seien", "habe", "hätten", "werde", "würden", "könne", "müsse", "solle", "wolle", "dürfe",
    "gebe", "liege", "stehe", "gehe", "komme", "befinde", "befänden", "handle", "handele", "plane",
    "bereite", "verfüge", "kämpfe", "wisse", "brauche", "hätte", "wäre", "wären", "würde",
}


def _konjunktiv(sentence: str) -> bool:
    words = _WORD.findall(sentence)
    for k, w in enumerate(words):
        lw = w.lower()
        if lw in _KONJ and k > 0 and words[k - 1].lower() not in ("ich",):
            return True
    return False


def _count_after(text: str, pos: int, end: int, m: NumberMatch) -> tuple[int, int] | None:
    """Span of 'adjectives + head noun' starting after the figure, within text[:end]."""
    words = [(w.start() + pos, w.end() + pos, w.group()) for w in _WORD.finditer(text[pos:end])]
    if not words:
        return None
    # the noun must follow closely: only spaces or a hyphen between number and first word
    gap = text[pos:words[0][0]]
    if gap.strip(" \u00a0\"'„“”«»‚‘’"):
        return None
    k = 0
    vague = m.qualifier == "vague" or m.value is None and m.qualifier != "range"
    if words[0][2].lower() in ("von", "an") and (vague or m.unit is None):
        k = 1
    elif words[0][2].lower() in ("der", "des", "aller") and (vague or m.unit is not None):
        k = 1
    start_k = k
    if m.unit is not None and k == 0 and m.unit not in ("frac",):
        # after a unit only a bare noun is counted ('einige Millionen Euro Strafen'); an
        # adjective there starts a new phrase ('9.000 Euro reduzierten Kapitaleinsatzes')
        s0, e0, w0 = words[0]
        if w0[0].isupper() and w0.lower() not in _NON_COUNT_HEADS:
            return s0, e0
        return None
    adj = 0
    while k < len(words):
        s, e, w = words[k]
        if k > start_k and text[words[k - 1][1]:s].strip():
            return None  # punctuation inside the phrase
        if w[0].isupper():
            if w.lower() in _NON_COUNT_HEADS or w in ("Ich", "Sie", "Er", "Es", "Wir"):
                return None
            return words[start_k][0], e
        lw = w.lower()
        if lw in _NOT_ADJ or lw in DETERMINERS or not _ADJ_END.search(lw) or adj >= 3:
            return None
        adj += 1
        k += 1
    return None


# English: function words end the counted phrase; the head is the first plural-looking word
_EN_STOP = set("""
a an the and or but if of in on at to from by for with without into onto over under about after before
since until as than that which who whom whose what when where while this these those there here it its
they them their he she his her we our you your i is are was were be been being has have had do does did
will would shall should can could may might must not no nor so too very also still only just even more
less most least each every per more than said says say according reportedly including among across
toward towards via during against between through yesterday today tomorrow now then again already
some any all both either neither such other another own same new
""".split())
_EN_IRREGULAR = {"people", "men", "women", "children", "police", "personnel", "staff", "cattle", "livestock",
                 "dead", "injured", "wounded", "missing", "displaced", "homeless", "unemployed", "military",
                 "aircraft", "sheep", "fish", "crew", "youth", "elderly", "poor", "infantry"}
# French: words that end the counted phrase (verbs, prepositions, articles, adverbs)
_FR_STOP = set("""
le la les l un une des du de d au aux et ou mais si en dans sur sous par pour avec sans vers chez entre
selon contre depuis pendant avant après lors que qui dont où ce cet cette ces son sa ses leur leurs
notre nos votre vos il elle ils elles on se s y est sont était étaient été être a ont avait avaient
aurait auraient sera seront serait seraient va vont ne pas plus moins très aussi encore déjà seulement
tous toutes tout toute autres même comme ainsi dont environ près lundi mardi mercredi jeudi vendredi
samedi dimanche hier aujourd demain soir matin
""".split()) | MONTHS_FR
_FR_ADJ = re.compile(r"(é|ée|és|ées|ais|aise|aises|ien|ienne|iens|iennes|éen|éenne|éens|éennes|ain|aine|ains|"
                     r"aines|ique|iques|al|aux|ale|ales|el|elle|els|elles|if|ive|ifs|ives|ois|oise|oises|aire|"
                     r"aires|eux|euse|euses|is|ise|ises|it|ite|its|ites|u|ue|us|ues|ant|ants|ante|antes)$")
_FR_PRE_ADJ = {"nouveaux", "nouvelles", "jeunes", "autres", "petits", "petites", "grands", "grandes", "anciens",
               "anciennes", "premiers", "premières", "derniers", "dernières", "vrais", "faux", "simples"}


def _words_from(text: str, pos: int, end: int) -> list[tuple[int, int, str]] | None:
    words = [(w.start() + pos, w.end() + pos, w.group()) for w in _WORD.finditer(text[pos:end])]
    if not words or text[pos:words[0][0]].strip(" \u00a0\"'„“”«»‚‘’"):
        return None
    return words


def _count_after_intl(text: str, pos: int, end: int, m: NumberMatch, lang: str,
                      mult_word: bool = False) -> tuple[int, int] | None:
    """English 'North Korean soldiers' / 'thousands of troops'; French 'soldats nord-coréens' /
    "1,5 million d'obus" / '12 % des voix'."""
    words = _words_from(text, pos, end)
    if words is None:
        return None
    k = 0
    vague = m.value is None and m.qualifier != "range"
    if lang == "en":
        if words[0][2].lower() == "of" and (vague or m.unit is not None or m.text.split()[-1].lower() in (
                "million", "billion", "thousand", "hundred", "dozen", "m", "bn")):
            k = 2 if len(words) > 2 and words[1][2].lower() == "the" else 1
        elif _money(m.unit):
            return _money_noun_en(text, words)  # 'an eight-year, $184 million offer', '$2 billion in aid'
        elif m.unit is not None:
            return None  # after a unit only an 'of' phrase is counted ('12 per cent of the vote')
        for n in range(k, min(k + 5, len(words))):
            s, e, w = words[n]
            lw = w.lower()
            if n > k and text[words[n - 1][1]:s].strip():
                break  # punctuation inside the phrase
            if lw in _EN_STOP:
                break
            plural = len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "ous"))
            if plural or lw in _EN_IRREGULAR:
                return words[k][0], e
        if k < len(words) and len(words) - k >= 1:
            s, e, w = words[k]
            nxt = words[k + 1][2].lower() if k + 1 < len(words) else ""
            if w.lower() not in _EN_STOP and not w.lower().endswith(("ed", "ing", "ly")) and (
                    nxt in _EN_STOP or not nxt or k > 0) and not w[0].isupper():
                return s, e  # one singular noun: '1 soldier', '12 per cent of the vote'
        return None
    # French: [de/d'/des/du] + noun + up to two post-nominal adjectives
    first = words[0][2].lower()
    if first in ("de", "d", "des", "du") and (vague or m.unit is not None or mult_word):
        k = 1
    elif m.unit is not None:
        return None
    start_k = k
    while k < len(words) and words[k][2].lower() in _FR_PRE_ADJ:
        k += 1  # 'jeunes soldats'
    if k >= len(words) or words[k][2].lower() in _FR_STOP or words[k][2][0].isupper():
        return None
    e = words[k][1]
    for n in range(k + 1, min(k + 3, len(words))):
        s2, e2, w2 = words[n]
        if text[words[n - 1][1]:s2].strip() or w2.lower() in _FR_STOP or not (_FR_ADJ.search(w2.lower()) or "-" in w2):
            break
        e = e2
    return words[start_k][0], e


def _money(unit: str | None) -> bool:
    """Money: numbers.py gives sums an ISO currency code ('USD', 'EUR') as their unit."""
    return unit is not None and re.fullmatch(r"[A-Z]{3}", unit) is not None


# time words after a sum ('$5 billion last year', '$23 million a season') say when, not what
_EN_MONEY_STOP = {"last", "next", "year", "years", "month", "months", "week", "weeks", "day", "days", "season",
                  "seasons", "quarter", "annually", "apiece", "overall", "total", "cash", "range", "mark", "neighborhood",
                  "neighbourhood", "ballpark", "area", "level", "figure", "price"}


def _money_noun_en(text: str, words: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """What an English sum of money is: the noun (compound) right after it ('$184 million offer',
    '$23 million signing bonus') or after 'in' ('$2 billion in aid'); a word that is a verb, an
    adverb or a name ends the phrase, and a phrase that ends in one is nothing counted."""
    k = 1 if words[0][2] == "in" else 0
    end = None
    for n in range(k, min(k + 3, len(words))):
        s, e, w = words[n]
        if n > k and text[words[n - 1][1]:s].strip():
            break
        if w.lower() in _EN_STOP or not w.islower() or w in _EN_MONEY_STOP:
            break
        end = e
    if end is None or re.search(r"(?:ed|ing|ly)$", text[words[k][0]:end]):
        return None
    return words[k][0], end


def _name_number(text: str, sent_start: int, m: NumberMatch, lang: str = "de") -> bool:
    """'Puls 4', 'Predator 17', 'Spiel zwei': a bare number right after a capitalised word
    (not the sentence's first) with nothing counted after it is part of a name."""
    if m.qualifier != "exact" or m.unit is not None or m.start != m.core_start:
        return False
    if m.value is None or m.value >= 10000 or m.value != int(m.value) or "." in m.text:
        return False  # identifiers are written without thousands separators
    words = list(_WORD.finditer(text[sent_start:m.start]))
    if not words or text[sent_start + words[-1].end():m.start].strip():
        return False
    w = words[-1].group()
    if len(words) >= 2 and words[-2].group().lower() in ("laut", "nach", "zufolge", "von", "in", "bei"):
        return False  # 'laut Seoul 15', 'in Berlin 12': a source or place, then the amount
    if len(words) == 1 and lang != "de":
        return False
    if len(words) == 1:  # sentence-initial: 'Windows 11 ist neu' but not 'Insgesamt 500 kamen'
        return w[0].isupper() and _lemma(w)[:1].isupper() and w.lower() not in DETERMINERS
    return any(ch.isupper() for ch in w)  # 'Puls 4', 'iOS 9'


def _product_number(text: str, sent_start: int, m: NumberMatch) -> bool:
    """'iPhone 14 Modelle', 'PlayStation 5 Konsolen', 'GTX 970 Karten': a bare number right after a
    word with a capital inside it (a product or brand, never a German noun) names a model, even
    when a noun follows."""
    if m.qualifier == "range" and m.unit is None and re.fullmatch(r"\d{3,}-\d{3,}", m.text):
        words = list(_WORD.finditer(text[sent_start:m.start]))  # 'Boeing 737-800', 'Typ 320-200': a model's code
        return bool(words) and text[sent_start + words[-1].end():m.start] == " " and words[-1].group()[:1].isupper() \
            and words[-1].group().lower() not in DETERMINERS and words[-1].start() > 0
    if m.qualifier != "exact" or m.unit is not None or m.start != m.core_start or m.value is None:
        return False
    if m.value != int(m.value) or "." in m.text or not m.text[:1].isdigit():
        return False
    words = list(_WORD.finditer(text[sent_start:m.start]))
    if not words or text[sent_start + words[-1].end():m.start] != " ":
        return False
    w = words[-1].group().split("-")[-1]
    return len(w) >= 2 and any(ch.isupper() for ch in w[1:])


# Races are named by their distance: 'im Einzel über 20 km', 'über 100 m Freistil', 'die 10.000 Meter
# in 27:05 Minuten'. Such a length names the event; it is not an amount.
_RACE_BEFORE = re.compile(
    r"\b(?:Einzel|Sprint|Verfolgung|Massenstart|Staffel|Rennen|Lauf|Finale|Halbfinale|Vorlauf|Wettbewerb|Distanz"
    r"|Weltcup|Weltmeister\w*|Olympiasieger\w*|Europameister\w*|Rekord\w*|Bestzeit|Sieg\w*|Gold|Silber|Bronze)\s+$")
_RACE_AFTER = re.compile(r"\s*(?:-\s*)?(?:Freistil|Brust|Rücken|Schmetterling|Delfin|Lagen|Hürden|Hindernis|Sprint|Lauf"
                         r"|Rennen|Gehen|Klassisch|Skating|Einzel|Verfolgung|Massenstart|Staffel)\b")
_RACE_TIME = re.compile(r"\s+in\s+(?:\d|einer\s+Zeit|neuer)")
_LENGTH_UNITS = {"m", "km", "mi"}


def _race_name(text: str, sent_start: int, m: NumberMatch) -> bool:
    """Is this length the name of a race ('Einzel über 20 km', '100 m Freistil', 'die 10.000 Meter in 27:05')?"""
    if m.unit not in _LENGTH_UNITS:
        return False
    left = text[max(sent_start, m.start - 40):m.start]
    if m.text.lower().startswith("über ") and _RACE_BEFORE.search(left):
        return True
    if re.search(r"\b(?:über|auf)\s+(?:die|der|den)\s+$", left) and m.qualifier == "exact":
        return True  # 'Gold über die 5.000 Meter', 'auf der 10-km-Strecke'
    if _RACE_AFTER.match(text, m.end):
        return True
    return bool(re.search(r"\b(?:die|der|den)\s+$", left) and _RACE_TIME.match(text, m.end))


# Tallies of a match or a table: 'mit 30 Punkten', '12 Tore', '8 Siege'. They change every match day
# and belong to one team or player; they are kept as figures but never compared across articles.
_SCORE_HEADS = {"punkt", "tor", "treffer", "sieg", "niederlage", "remis", "unentschieden", "satz", "assist",
                "rebound", "korb", "körbe", "zähler", "gegentor"}


_RANK = re.compile(r"(?:^|[–,;(]\s*)\d{1,2}\.\s+[A-ZÄÖÜ]")


# 'a 35-47 record', 'a 5-19 start', 'mark of 122-147', 'improves to 58 - 3', 'a 5-4 vote', 'Bilanz von 12-3'
_TALLY_NEXT = re.compile(r"\s*(?:\(\S+\)\s*)?(?:record|mark|start|finish|run|win|victory|loss|defeat|decision|vote|verdict|"
                         r"lead|score|draw|tie|Bilanz|Sieg|Niederlage|Abstimmung|bilan|victoire|défaite)\b", re.I)
_TALLY_BEFORE = re.compile(r"(?:record|mark|score|improves?\s+to|improved\s+to|Bilanz(?:\s+von)?|bilan\s+de)\s+(?:of\s+)?$", re.I)
_PAIR = re.compile(r"\d+\s?[-–]\s?\d+")
_DASH_BEFORE = re.compile(r"\d\s?[-–]\s?$")
_DASH_AFTER = re.compile(r"\s?[-–]\s?\d+")


def _tally(text: str, m) -> bool:
    """Two counts joined by a dash that a score word follows or precedes: a tally, not a range."""
    lo, hi = m.start, m.end
    head = _DASH_BEFORE.search(text[max(0, lo - 4):lo]) if lo >= 2 else None
    if head:
        lo = max(0, lo - 4) + head.start()
        while lo > 0 and text[lo - 1].isdigit():
            lo -= 1
    tail = _DASH_AFTER.match(text[hi:hi + 8])
    if tail:
        hi += tail.end()
    if not _PAIR.fullmatch(text[lo:hi].strip()):
        return False
    return bool(_TALLY_NEXT.match(text, hi) or _TALLY_BEFORE.search(text[max(0, lo - 30):lo]))


def _results_table(sentence: str) -> bool:
    """'1. Müller 271 – 2. Rießle 254 – 3. ...': ranks and scores, not amounts."""
    return len(_RANK.findall(sentence)) >= 2


def _count_left(text: str, sent_start: int, m: NumberMatch) -> tuple[int, int] | None:
    """'Zahl der Toten ... 500' or 'Gebiet von 500 km²': the measured noun to the left."""
    left = text[sent_start:m.start]
    hit = None
    for hit in _LEFT_MEASURE.finditer(left):
        pass
    if hit is not None:
        return sent_start + hit.start(1), sent_start + hit.end(1)
    mv = _LEFT_VON.search(left)
    if mv is not None and mv.group(1).lower() not in DETERMINERS:
        return sent_start + mv.start(1), sent_start + mv.end(1)
    return None


_LEFT_NUMBER = {
    "en": re.compile(r"\b(?:number|total|toll) of (?:the )?([a-z-]+)\s+(?:[a-z]+\s+){0,4}"
                     r"(?:to|at|was|is|stood at|reached|hit|of|by)\s+$", re.I),
    # money: 'an offer of $184 million', 'a deal worth $200 million', 'bail of $1 million'
    "en_money": re.compile(r"\b((?!(?:total|sum|amount|average|maximum|minimum|most|least|tune|excess|upwards|"
                           r"region|order|range)\b)[a-z]+)\s+(?:(?:is|was|are|were|would\s+be|is\s+said\s+to\s+be)\s+)?"
                           r"(?:worth|of|valued\s+at|totall?ing|estimated\s+at)\s+$"),
    "fr": re.compile(r"\b(?:nombre|total|bilan) (?:de |des |d['’])([^\W\d_]+(?:-[^\W\d_]+)*)"
                     r"(?:\s+[^\W\d_]+){0,4}\s+(?:à|de|est de|s'élève à|atteint|était de)\s+$", re.I),
}


def _count_left_intl(text: str, sent_start: int, m: NumberMatch, lang: str) -> tuple[int, int] | None:
    """'the number of dead rose to 50', 'le nombre de morts est passé à 50'."""
    money = lang == "en" and _money(m.unit)
    hit = _LEFT_NUMBER["en_money" if money else lang].search(text[sent_start:m.start])
    if money and hit and (hit.group(1) in _EN_STOP or hit.group(1).endswith(("ly", "ing"))):
        hit = None
    return (sent_start + hit.start(1), sent_start + hit.end(1)) if hit else None


# a figure's source names someone who can give it: not a pronoun or a lone function word ('Er', 'Ihnen', 'Wer',
# 'Erst'), not 'Angaben' cut from its owner, not a direction ('Osten des Landes'), not the dead or the counted
_NO_SOURCE = re.compile(
    r"(?i)(?:er|sie|es|ihnen|ihm|ihr|ihn|wer|was|man|wir|ich|du|uns|dieser|diese|jener|erst|auch|dann|doch|noch|nur|"
    r"so|wie|da|hier|dort|jetzt|nun|angaben)"
    r"|(?:im\s+)?(?:(?:nord|süd)?(?:osten|westen)|norden|süden|tote[n]?|verletzte[n]?|opfer)(?:\s+(?:des|der|von)\s.*)?")


# 'Flugzeugabsturz in Alaska fordert fünf Opfer': the idiom of a disaster that claims lives, no speaker's demand
_CLAIMS_LIVES = re.compile(r"\bforder\w*\s+(?:\w+\s+){0,3}$", re.I)
_LIVES = re.compile(r"(?i)(?:\w*tote[n]?|\w*opfer[n]?|menschenleben|leben|verletzte[n]?)$")


def _sources(chain: list[str], count_of: str, before: str = "") -> list[str]:
    """The chain without what names no source (_NO_SOURCE) and without the counted noun itself ('laut
    Demonstranten' for 'hunderttausende von Demonstranten'); none for lives a disaster 'fordert' (`before`: the
    sentence up to the figure)."""
    counted = count_of.strip().lower()
    if count_of and _LIVES.search(count_of.strip()) and _CLAIMS_LIVES.search(before):
        return []
    return [x for x in chain if not _NO_SOURCE.fullmatch(x.strip()) and x.strip().lower() != counted]


def _quote_chain(q: Quote) -> list[str]:
    chain = list(q.attributed_to)
    if q.speaker and q.speaker not in chain:
        chain.append(q.speaker)
    return chain


class _Attributor:
    """Sentence chains, with the quote fallback and the reported-speech carry-over."""

    def __init__(self, doc: AnalysedArticle):
        from .attribution import _bracketed_apart, attribution_chain

        self.doc = doc
        self.chain_fn, self.apart = attribution_chain, _bracketed_apart  # a bracket's speaker stays in it
        self.cache: dict[tuple[int, int, int | None], list[str]] = {}
        self._quotes: SpanIndex | None = None

    def own(self, s: int, e: int, focus: int | None) -> list[str]:
        key = (s, e, focus)
        if key not in self.cache:
            try:
                chain = list(self.chain_fn(self.doc.text, s, e, focus=focus, lang=self.doc.article.language) or [])
            except Exception:  # a colleague's stage must not take the figures down with it
                chain = []
            if not chain:
                at = focus if focus is not None else s
                if self._quotes is None:
                    self._quotes = SpanIndex(self.doc.quotes)
                # only quotes starting near the span can hold `at` or start in it (issue 18)
                hi = at + 1 if focus is not None else max(at + 1, e)
                near = self._quotes.starting_in(at - self._quotes.longest, hi)
                for q in near:
                    if (q.start <= at < q.end or (focus is None and s <= q.start < e)) and not (
                            focus is not None and q.speaker_start is not None and self.apart(self.doc.text, s, q.speaker_start, focus)):
                        chain = _quote_chain(q)
                        if chain:
                            break
            self.cache[key] = chain
        return self.cache[key]

    def chain(self, sent_index: int, focus: int) -> list[str]:
        sents = self.doc.sentences or [(0, len(self.doc.text))]
        s, e = sents[sent_index]
        chain = self.own(s, e, focus)
        k = sent_index
        # reported speech goes on in Konjunktiv I: carry the source back over up to 3 sentences
        while not chain and k > 0 and self.doc.article.language in ("de", None, "") and _konjunktiv(self.doc.text[sents[k][0]:sents[k][1]]):
            ps, pe = sents[k - 1]
            if "\n" in self.doc.text[pe:sents[k][0]]:
                break  # a new paragraph starts a new source
            chain = self.own(ps, pe, None)
            k -= 1
            if sent_index - k >= 3:
                break
        return chain


def _dated_timexes(doc: AnalysedArticle) -> SpanIndex:
    """The timexes that can date a figure: calendar DATE/TIME values with a year."""
    return SpanIndex(t for t in doc.timexes if t.type in ("DATE", "TIME") and t.value and re.match(r"\d{4}", t.value))


def _date_for(doc: AnalysedArticle, s: int, e: int, at: int, dated: SpanIndex | None = None) -> str | None:
    """The calendar DATE timex of the sentence nearest to the figure ('2024-10'); references
    ('PRESENT_REF') and values without a year ('XXXX-WXX-6') date nothing comparable."""
    best = None
    for t in (dated if dated is not None else _dated_timexes(doc)).starting_in(s, e):
        key = abs(t.start - at)
        if best is None or key < best[0]:
            best = (key, t.value)
    return best[1] if best else None


def find_figures(doc: AnalysedArticle) -> None:
    """Add `Figure`s to doc.figures."""
    text = doc.text
    sents = doc.sentences or [(0, len(text))]
    attributor = _Attributor(doc)
    dated = _dated_timexes(doc)  # once, not a scan of every timex per figure (issue 18)
    extras = doc.extras.setdefault("figures", {})
    si = 0
    lang = doc.article.language if doc.article.language in ("en", "fr") else "de"
    for m in scan_numbers(text, lang):
        # the sentence of the number itself (a hedge such as 'Ca.' may fool the splitter)
        while si < len(sents) - 1 and sents[si][1] <= m.core_start:
            si += 1
        s, e = sents[si] if sents[si][0] <= m.core_start < sents[si][1] else (m.start, m.end)
        if m.end > e:  # a match that runs over a sentence break is two things, not one
            continue
        if lang == "de":
            span = _count_after(text, m.end, e, m)
        else:
            mult_word = bool(re.search(r"(?i)(millions?|milliards?|mille|md|mds)$", m.text))
            span = _count_after_intl(text, m.end, e, m, lang, mult_word)
        if span is None and lang != "de" and (m.unit is None or lang == "en" and _money(m.unit)):
            span = _count_left_intl(text, s, m, lang)
        if span is None and lang == "de" and (m.unit is not None or m.qualifier in ("exact", "approx", "at_least", "at_most", "range")):
            span = _count_left(text, s, m)
        if span is None and (_name_number(text, s, m, lang) or _results_table(text[s:e]) and m.unit is None):
            continue
        if _tally(text, m):
            continue  # a win-loss record or a vote tally ('a 35-47 record', '162-139', 'a 5-4 vote'): a score
        if lang == "de" and (_product_number(text, s, m) or _race_name(text, s, m)):
            continue
        span = _whole_count(doc, span) if span and lang == "de" else span
        count_of = text[span[0]:span[1]] if span else ""
        info = topic_info(count_of, lang) if count_of else {"key": "", "head": "", "topic": "", "head_topic": ""}
        parts = [p for p in _CONJUNCTS.split(count_of) if p.strip()] if count_of else []
        if len(parts) > 1:  # 'Frauen und Männer' counts neither the women nor the men alone: a topic of its own
            key = "+".join(topic_info(p.rstrip("-"), lang)["topic"] or p.lower() for p in parts)
            info = {"key": key, "head": key, "topic": key, "head_topic": key}
        topic = info["topic"] or _DIMENSION.get(m.unit or "", "")
        if info["key"] in _SCORE_HEADS or info["head"] in _SCORE_HEADS:
            topic = ""  # a score or a table tally: never grouped
        if topic and topic in person_topics():  # '800 Menschen evakuiert' vs '3.000 Menschen betroffen'
            topic = with_predicate(topic, predicate_class(text, s, e, m.start, span[1] if span else m.end))
        start, shown, value, low, high = m.start, m.text, m.value, m.low, m.high
        if start >= 1 and text[start - 1] == "." and re.fullmatch(r"\d+", m.text) and (start < 2 or not text[start - 2].isalnum()):
            # 'hit .358', '(.454)': an average written without its leading zero is 0.358, not 358
            scale = 10.0 ** len(m.text)
            start, shown = start - 1, "." + m.text
            value, low, high = (None if x is None else x / scale for x in (value, low, high))
        fig = Figure(
            article_id=doc.id, start=start, end=m.end, text=shown, value=value, low=low,
            high=high, qualifier=m.qualifier, unit=m.unit, count_of=count_of, topic=topic,
            attributed_to=_sources(attributor.chain(si, m.start), count_of, text[s:start]),
            date=_date_for(doc, s, e, m.start, dated), id=f"{doc.id}:fig{len(doc.figures)}", strict=m.strict,
        )
        doc.figures.append(fig)
        extras[fig.id] = {
            "head": info["head"], "head_topic": info["head_topic"],
            "count_start": span[0] if span else None, "count_end": span[1] if span else None,
        }
        _elliptic_count(doc, fig, sents[si][0], extras)
    carry_units(doc, _DIMENSION)


_NOUN = r"[A-ZÄÖÜ][^\W\d_]*(?:-[^\W\d_]+)*"
# what a counted noun goes on with: a suspended compound ('Straßen- und Hallenmärkte'), a slashed compound
# ('Schwarz/Weiß-Abbildungen'), nouns coordinated with it ('Frauen und Männern', 'Reis, Decken und Planen')
_SUSPENDED = re.compile(rf"-[ \t]+(?:und|oder|bzw\.|sowie)[ \t]+{_NOUN}")
_SLASHED = re.compile(r"/[^\W\d_]+(?:-[^\W\d_]+)*")
_COORDINATED = re.compile(rf"(?:,[ \t]+{_NOUN})*[ \t]+(?:und|oder|sowie)[ \t]+{_NOUN}(?=[,.;:!?)“\"]|\s+(?!\d)|$)")
_CONJUNCTS = re.compile(r",\s+|\s+(?:und|oder|sowie|bzw\.)\s+|/")
_NAME_ADJ = re.compile(rf"[ \t]+{_NOUN}")  # 'Goldene Schallplatten': a capitalised adjective and its noun
# endings of adjectives written with a capital in a name ('Goldene', 'Grüne', 'Olympische'), not nouns ('Staaten')
_CAP_ADJ = re.compile(r"(?:isch|en|ig|lich|al|rot|blau|gelb|grün|weiß|schwarz)e[nr]?$")


def _whole_count(doc: AnalysedArticle, span: tuple[int, int]) -> tuple[int, int]:
    """The counted phrase `span` with what it goes on with (_SUSPENDED, _SLASHED, _COORDINATED: no named entity
    among the nouns added, 'Soldaten und Russland' is no counted pair; a capitalised adjective's noun)."""
    text, (s, e) = doc.text, span
    m = _SUSPENDED.match(text, e) or _SLASHED.match(text, e)
    if m:
        return s, m.end()
    word = text[s:e].split()[-1] if text[s:e].split() else ""
    if word[:1].isupper() and _CAP_ADJ.search(word) and word.lower() not in _NOT_ADJ:
        m = _NAME_ADJ.match(text, e)
        if m and m.end() - e < 30 and text[e:m.end()].strip().lower() not in DETERMINERS:
            e = m.end()  # '49 Goldene Schallplatten' (not '5 Deutsche wurden …')
    m = _COORDINATED.match(text, e)
    if m and not any(x.start < m.end() and x.end > e for x in doc.mentions):
        return s, m.end()
    return s, e


# between a counted figure and a bare one that another source gives: a clause break
_NEXT_CLAUSE = re.compile(r"[,;]|\s(?:und|oder|while|whereas|and|et|alors\s+que|tandis\s+que)\s", re.I)


def _elliptic_count(doc: AnalysedArticle, fig: Figure, s: int, extras: dict) -> None:
    """'laut Polizei 3.500 Teilnehmer, laut Veranstalter 15.000', '3 500 manifestants selon la police,
    15 000 selon la CGT': a bare number that another source gives in the next clause of the sentence
    counts what the figure before it counts (the noun is left out, not changed); it takes that
    figure's counted noun and topic, and `count_from` in the extras says where they came from."""
    from .attribution import GAPPED_VERB

    count_end = extras[fig.id]["count_end"]
    if fig.count_of and count_end is not None and count_end <= fig.start and re.fullmatch(
            r"\s+von\s+", doc.text[count_end:fig.start]) and any(src.endswith(fig.count_of) for src in fig.attributed_to) \
            and GAPPED_VERB.search(doc.text[s:doc.text.rfind(", ", s, count_end) + 1]):
        fig.count_of, fig.topic = "", ""  # '…, die Veranstalter von 15.000': the source, not what is counted
        extras[fig.id]["count_start"] = extras[fig.id]["count_end"] = None
    if fig.count_of or not fig.attributed_to or len(doc.figures) < 2:
        return
    prev = doc.figures[-2]
    if not prev.count_of or not prev.topic or prev.start < s or prev.unit != fig.unit \
            or prev.attributed_to == fig.attributed_to or not _NEXT_CLAUSE.search(doc.text, prev.end, fig.start):
        return
    fig.count_of, fig.topic = prev.count_of, prev.topic
    extras[fig.id]["count_from"] = prev.id
