"""How sure lagebild is that a canonical entity is a real name (issue 16).

A reader scans the entity list first; a junk entry there ('Hausarrest' LOC, 'Meines Wissens' PER,
'Zoll gesenkt' MISC) costs more than a missing one. Every entity keeps its mentions in the JSON,
but only *listed* entities (`listed: true`, confidence >= LISTED) appear in the report and UI lists.

Evidence, strongest first:

* a gazetteer hit: a country or region code (gazetteer.py) or a one-token place of the NER model's
  place list (`<model>/places.txt`)                                           -> 0.95 / 0.9
* several plain mentions (not only adjectives, demonyms or compound parts)    -> 0.85 (3+) / 0.7 (2)
* one plain mention with the shape of a name: first name + surname, an acronym, a multi-word name
  of capitalised words, or a name with an organisation word ('Verband', 'AG')  -> 0.6
  (in text that is not German, where the model is weaker, only a person's first name of the lexicon
  + surname; any other single mention, and two mentions of a MISC or of a LOC
  that no place list knows                                                     -> 0.45)
* a person never written with more than one word ('Rosetta', 'Puls': news introduce people
  by their full name)                                                          -> 0.45
* anything else                                                                -> 0.4

Junk shapes cap the confidence at 0.3 whatever the count: no plain mention at all (only
'österreichische', 'Österreicher': demonyms are no mentions of the country), a fragment (a word
of one or two letters that is no acronym, a trailing hyphen: 'Ste', 'Aibler Fleisch-'), a first
word that is a function word ('Meines Wissens', 'Until Microsoft'), a lower-case word that is no
name particle ('Zoll gesenkt', 'Radiotest publik'), or one word that is an inflected or compound
common noun ('Luftangriffen', 'Hausarrest', 'Polizeibasis': the lemmatiser changes it, or it reads
as two dictionary words) or a common noun of the NER lexicon ('Polizei', 'Stadt'); in German text
also a name run on into a common noun that heads no name ('Strache Mitglied', 'SPÖ Zweifel').
"""
from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import place_code

LISTED = 0.5
_PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le", "bin", "al", "el",
              "zu", "und", "für", "of", "the", "and", "for", "y", "e", "et", "am", "an", "im", "auf", "ibn", "ben", "dos",
              "das", "do", "vom", "zum", "zur", "'s", "los", "las", "san", "santa"}
_CONNECTORS = {"für", "der", "des", "und", "of", "for", "de", "du", "für"}
_ORG_WORDS = re.compile(r"(?:verband|verein|partei|gruppe|konzern|bank|institut|stiftung|gesellschaft|ministerium|amt"
                        r"|behörde|gericht|kommission|rat|agentur|universität|klinik|zentrum|union|bund|ag|gmbh|se|inc"
                        r"|ltd|corp|fc|sc|sv|club|group|party)$", re.I)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    try:
        from ..analyse.entities import _lexicons, model_path

        return _lexicons(str(model_path()))[1]
    except Exception:  # no model: the count and shape rules still work
        return frozenset()


_PLACE_NAME_END = re.compile(r"(?:berg|burg|dorf|stadt|feld|wang|zell|heim|hausen|ingen|kirchen|bach|brunn|see|tal|ach"
                             r"|straße|gasse|platz|au|ow|itz|stein|hof|furt|bruck|brück|münster|leben|wald|rode)$")


def known_place(word: str) -> bool:
    """A place of the model's place list or one the annotated NER corpora know as a place."""
    from .entity_vouch import annotated_names

    return word in _places() or annotated_names().get(word) == "LOC"


def _annotated_place(word: str) -> bool:
    """A place that the annotated NER corpora know as one, or any place when no name lexicon is shipped."""
    from .entity_vouch import annotated_names

    known = annotated_names()
    return not known or known.get(word) == "LOC"


@lru_cache(maxsize=1)
def _nouns_and_first_names() -> tuple[frozenset[str], frozenset[str]]:
    from ..analyse.ner_doc import lexicon

    return lexicon()


@lru_cache(maxsize=2)
def first_names(lang: str = "de") -> frozenset[str]:
    """The lexicon's first names; outside German text also international ones
    (data/first-names-intl.txt, built by lagebild.training.first_names: 'Melissa', 'Rodney')."""
    first = _nouns_and_first_names()[1]
    if lang == "de":
        return first
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "data" / "first-names-intl.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return first | frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    try:
        from spacy.lang.de.stop_words import STOP_WORDS as DE
        from spacy.lang.en.stop_words import STOP_WORDS as EN
    except Exception:
        return frozenset()
    return frozenset(DE | EN)


@lru_cache(maxsize=20000)
def common_noun(word: str, compounds: bool = True) -> bool:
    """One capitalised word that is a German common noun rather than a name; `compounds`: also a word
    that reads as two dictionary words ('Hausarrest'), which surnames often do too ('Feldhofer')."""
    import simplemma

    from .translit import compound_splits

    if not word[:1].isupper() or not word[1:].islower() or len(word) < 4:
        return False
    listed = word in _places()
    if listed and (_annotated_place(word) or word.endswith("s") and word[:-1] in _places()):
        return False  # (the model's place list has common nouns from self-training labels: 'Dateien', 'Senfgas')
    nouns, first = _nouns_and_first_names()
    if word in first:
        return False
    from ..analyse.ner_doc import common_word

    if word in nouns or common_word(word):
        return True
    lemma = simplemma.lemmatize(word, lang="de")
    if lemma != word and lemma[:1].isupper() and len(lemma) < len(word) and word.startswith(lemma[:-1]) \
            and lemma not in first:  # 'Williams' is a surname, not the plural of a noun 'William' 
        return True  # 'Luftangriffen' -> 'Luftangriff', 'Erklärungen' -> 'Erklärung'
    # (a word of the model's place list reads as two dictionary words only when no annotated corpus knows it
    # as a place and it has no place-name ending: 'Krankenstand', 'Weltmeisterschaft', not 'Mattersburg')
    return compounds and (not listed or not _PLACE_NAME_END.search(word)) and any(
        len(split) >= 2 and all(len(p) >= 4 for p in split) for split in compound_splits(word))


# a place's kind alone is no name (the NER cut 'Republik Kolumbien', 'Landkreis Celle'; the place list has some)
_KIND_ALONE = frozenset("republik landkreis bundesland bundesstaat gemeinde region provinz bezirk kanton hauptstadt stadt kreis "
                        "staat insel halbinsel bundesstraße hauptstraße".split())
_COMPASS = frozenset("nord süd ost west norden süden osten westen".split())
# titles that are no surnames ('König', 'Kaiser' and 'Prinz' are) and epithets of places
TITLES = frozenset("Papst Kardinal Erzbischof Patriarch Kaiserin Königin Prinzessin Zar Zarin Scheich Emir Sultan Pharao "
                    "Kalif Alpenrepublik Bundeshauptstadt Landeshauptstadt Oberst Oberstleutnant Leutnant "
                    "Oberleutnant Feldwebel Gefreiter Admiral Brigadegeneral Generalleutnant Generalmajor".split())


def _junk(name: str, label: str = "", lang: str = "de") -> bool:
    words = name.split()
    if not words:
        return True
    if re.fullmatch(r"[A-ZÄÖÜ]{1,2}\.", name) or re.match(r"[A-ZÄÖÜ]\.[A-ZÄÖÜ][a-zäöü]{2,}", name):
        return True  # 'A.': an initial alone; 'V.Arizona Coyotes': a results line's 'n.V.' run into the next name
    if len(words) == 1 and name.lower() in _KIND_ALONE or all(w.lower() in _COMPASS for w in words if w != "und"):
        return True  # 'Republik', 'Landkreis', 'Bundesstraße' cut from their names; 'West und Ost'
    if words[-1] in TITLES and all(w in TITLES or _is_role(w) for w in words):
        return True  # 'der Papst', 'Generalberichterstatter Kardinal': a title, not the name of who holds it
    if len(words) == 1 and name.lower() in ("sonne", "mond"):
        return True  # 'von Sonne und Wind', 'die Erde vom Mond': corpora tag them LOC, the audits judged them no names
    if name.isupper() and any(len(w) >= 6 and w.isalpha() and common_noun(w.capitalize()) for w in words):
        return True  # 'ALLTAGSSPRACHE', 'SCHULISCHE NACHMITTAGSBETREUUNG': a heading in capitals (not 'UNESCO')
    if re.search(r"[\"„“”«»]", name) or words[0].lower() in _PARTICLES and all(len(w) <= 2 for w in words[1:]):
        return True  # 'Life Is Strange"-Entwickler': a quotation mark is no part of a name; 'von Wr': a fragment
    if name.endswith("-") or len(words) == 1 and len(name) <= 3 and not name.isupper() or any(
            w[:1].islower() and w.endswith(".") and w.lower() not in _PARTICLES for w in words):
        return True  # 'Aibler Fleisch-', 'Ste', 'a. D.' (but 'Kim Jong Un')
    if _genitive_phrase(words) or _possessive_noun(words):
        return True  # 'Seite Russlands', 'Ostermayers Schreibtisch': a noun phrase, no name
    if words[0].casefold() in _DOC_ABBREVIATIONS or any(w in ("–", "—", "-") for w in words) or name.endswith(("–", "—")):
        return True  # 'Art. Bhutan', 'Deutschen –'
    if re.search(r",\s*\S", name) or re.search(r"[^\W\d_]{2,}/[^\W\d_]{2,}", name):
        return True  # 'Caleta-Car, Ulmer', 'Johannes Steinhart, Obmann', 'Addis Abeba/Bujumbura': a list, not one name
    if any(re.fullmatch(r"[A-ZÄÖÜ]{4,}[A-ZÄÖÜ][a-zäöüß]+", w) or (g := re.fullmatch(
            r"([A-ZÄÖÜ][a-zäöüß]{3,})([A-ZÄÖÜ][a-zäöüß]{3,}\S*)", w)) and g[1] in _places() for w in words):
        return True  # 'REPORTAGEDie', 'SV MattersburgErnst-Happel-Stadion': lines of a listing run together
    if len(words) == 2 and re.fullmatch(r"[A-ZÄÖÜ]", words[1]) and (
            common_noun(words[0]) or _lexicon_noun(words[0]) or _ORG_WORDS.fullmatch(words[0])) or (
            name.endswith("er") and (name[:-2] in _places() or name[:-3] in _places() and name[-3] in "aeio")):
        return True  # 'Partei A' (a placeholder), 'New Yorker', 'Wiener', 'Sofioter': a place's derived form
    if len(words) == 1 and (name in _TERM_ABBREVIATIONS or _inflected_compound_tail(name)
                            or re.search(r"\w-[a-zäöüß]+$", name)):
        return True  # 'BIP', 'Meinl-Geschäften', 'EU-weiten' (a compound ending in a small word is no name)
    if words[0].lower() in _stop_words() and words[0].lower() not in _PARTICLES and not (
            words[0].isupper() and len(words[0]) >= (2 if lang == "de" else 3)):
        return True  # 'Meines Wissens', 'Until Microsoft' (but the acronyms 'IS', 'WHO'; in English 'CA' is a state)
    if not _CONNECTORS & {w.lower() for w in words} and any(w[:1].islower() and w.lower() not in _PARTICLES
                                                            for w in words[1:]):
        return True  # 'Zoll gesenkt' (but 'Organisation für wirtschaftliche Zusammenarbeit')
    if len(words) == 1:
        return common_noun(words[0], compounds=label != "PER") or _lexicon_noun(words[0]) or _abstract_noun(words[0])
    if label != "PER" and all(_descriptive(w) for w in words):
        return True  # 'Kurdische Aufständische', 'Kölner Staatsanwaltschaft', 'Polizei Ordnungsaufgaben'
    return False


def _abstract_noun(word: str) -> bool:
    """A German abstract noun by its suffix, which no name has ('Sprachförderung'; also in the model's place list)."""
    from .translit import known_word
    return len(word) >= 8 and word[1:].islower() and bool(re.search(r"(?:ung|heit|keit|schaft|tät|ismus)$", word)) and known_word(word)


# abbreviations that open a reference, never a name ('Art. 5', 'Abs. 2'); 'St.' and 'Dr.' are name parts
_DOC_ABBREVIATIONS = {"art.", "abs.", "nr.", "ziff.", "kap.", "abb.", "tab.", "anm.", "vgl.", "bzw.", "ca.", "lit.",
                      "bd.", "hrsg.", "inkl.", "zzgl.", "usw.", "etc."}
# abbreviations of economic and everyday terms: common nouns written short, no entity
_TERM_ABBREVIATIONS = {"BIP", "BSP", "BNE", "MwSt", "USt", "KMU", "Kfz", "KFZ", "Lkw", "LKW", "Pkw", "PKW", "AKW", "KKW",
                       "CO2", "SUV", "KI", "EDV", "PC", "TV", "WC", "DNA", "DNS", "ÖPNV", "CEO", "CFO", "IPO", "ETF",
                       "GDP", "VAT", "PS", "kW", "MW", "GW", "kWh", "BIP-Wachstum", "HVPI", "VPI", "EBIT",
                       "EBITDA", "ALV", "WLAN", "SMS", "PDF", "GPS", "USB", "ABS", "NGO", "NGOs", "CD", "CDs", "DVD",
                       "LED", "UVP", "SIM", "App", "Apps"}


def _possessive_noun(words: list[str]) -> bool:
    """'Ostermayers Schreibtisch', 'Tirols Landeschef': a name in the genitive before a common noun or role
    (but 'Thomas Koch': a first name of the lexicon is no genitive)."""
    if len(words) != 2 or not re.fullmatch(r"[A-ZÄÖÜ][\wäöüß-]+(?:s|'|’)", words[0]):
        return False
    if words[0] in _nouns_and_first_names()[1]:
        return False
    last = words[1]
    from ..analyse.ner_doc import common_word
    from .translit import compound_splits, known_word

    # a compound noun the dictionary knows ('Schreibtisch') or whose head is a common word ('Punktezahl'),
    # not a surname that merely splits into two ('Hassabis': 'Hass' + 'abis')
    return common_noun(last) and (known_word(last) or common_noun(last, compounds=False) or any(
        len(sp) >= 2 and common_word(sp[-1].capitalize()) for sp in compound_splits(last))) \
        or last in _nouns_and_first_names()[0] or _is_role(last) or bool(_ORG_WORDS.fullmatch(last))  # 'Merkels Partei'


def _is_role(word: str) -> bool:
    from .gazetteer import ROLE_SUFFIX, noun_stem

    return word[:1].isupper() and word[1:].islower() and bool(ROLE_SUFFIX.search(noun_stem(word)))


_GROUP_TAIL = re.compile(r"(?:brigaden?|rebellen|milizen?|truppen|garden?|kämpfer|bewegung|front)$", re.I)


def _inflected_compound_tail(name: str) -> bool:
    """'Meinl-Geschäften': a hyphenated compound whose last part is an inflected common noun."""
    import simplemma

    if "-" not in name or " " in name:
        return False
    last = name.rsplit("-", 1)[1]
    if not last[:1].isupper() or not last[1:].islower():
        return False
    lemma = simplemma.lemmatize(last, lang="de")
    if lemma != last and lemma[:1].isupper() and len(lemma) < len(last) and common_noun(lemma):
        return True
    # 'Meinl-Provisionen', 'Office-Dateien', 'Dixi-Klos': a name before a common noun (not 'Bertelsmann-Stiftung',
    # 'Robert-Koch-Institut', 'Ernst-Happel-Stadion': a body's or a building's kind ends its name)
    return common_noun(last, compounds=False) and not (_ORG_WORDS.search(last) or _INSTITUTION.search(last)
                                                        or _KIND_WORDS.search(last) or _is_role(last)
                                                        or _GROUP_TAIL.search(last))  # 'Qassam-Brigaden'


_GENERIC_PLACE = re.compile(r"(?:region|gemeinde|bundesland|bundesstaat|stadt|provinz|bezirk|dorf|ort|land|staat|kreis"
                            r"|norden|süden|westen|osten|mitte|zentrum|innenstadt|bahnhof|flughafen|hauptstraße|lager"
                            r"|grenze|küste|insel|hafen)", re.I)


def _lexicon_noun(word: str) -> bool:
    """A common noun even when the model's place list has it ('Region', 'Bundesland', 'Norden')."""
    return word[:1].isupper() and word[1:].islower() and word not in _nouns_and_first_names()[1] and (
        word in _nouns_and_first_names()[0] or bool(_GENERIC_PLACE.fullmatch(word)))


def _genitive_phrase(words: list[str]) -> bool:
    return len(words) == 2 and _descriptor(words[0]) and words[1].endswith("s") and (
        words[1][:-1] in _places() or bool(place_code(words[1])))


def _descriptive(word: str) -> bool:
    """A common noun or an adjective, not a name: 'Staatsanwaltschaft', 'kurdische', 'Kölner'."""
    w = word.strip(".,")
    if "-" in w:
        return all(_descriptive(p) for p in w.split("-") if p)
    low = w.lower()
    if re.search(r"(?:isch|ische|ischen|ischer|isches|ischem)$", low) or w[:1].islower():
        return True
    if low.endswith("er") and (w[:-2] in _places() or w[:-2] + "en" in _places() or w[:-3] in _places()):
        return True  # 'Kölner', 'Pariser', 'Grazer'
    return common_noun(w)


def _name_shaped(name: str, label: str) -> bool:
    words = name.split()
    if len(words) == 1:
        w = words[0]
        return (w.isupper() and 2 <= len(w) <= 6) or bool(re.fullmatch(r"[A-ZÄÖÜ][a-zäöü]*[A-Z]\w*", w))
    _, first = _nouns_and_first_names()
    if label == "PER":
        return words[0] in first or all(w[:1].isupper() for w in words)
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in words) or bool(_ORG_WORDS.search(words[-1]))


# common nouns that head real names after a proper name ('Allianz Arena', 'Ernst Happel Stadion', 'Media Markt')
_NAME_HEADS = re.compile(r"(?:arena|stadion|halle|markt|zentrum|center|park|platz|straße|gasse|allee|haus|hof|kirche|dom"
                         r"|museum|theater|oper|preis|pokal|cup|bahn|werk|werke|verlag|stiftung|institut|akademie|schule"
                         r"|klinik|spital|hotel|brücke|tunnel|festival|award|airlines?|holding|gruppe|bank|partei|verband"
                         r"|verein|rat|kommission|agentur|amt|gericht|ministerium|universität|hochschule|zeitung|magazin"
                         r"|sender|radio|kanal|news|post|express|abkommen|vertrag|gesetz|prozess|affäre|skandal|plan|bund)$",
                         re.I)


def _name_then_noun(name: str, lang: str) -> bool:
    """'Strache Mitglied', 'SPÖ Zweifel', 'Nissan Ziel': a name followed by a German common noun that heads
    no name (German text; an adjective before the noun makes a name: 'Weißen Haus', 'Deutsche Bank'). Not
    used for persons: German surnames are often nouns ('Marjan Sturm', 'Bastian Kraft')."""
    import simplemma

    words = name.split()
    if lang != "de" or len(words) < 2:
        return False
    last, prev = words[-1], words[-2]
    if not (last[:1].isupper() and last[1:].islower()) or _NAME_HEADS.search(last) or simplemma.is_known(
            last.lower(), lang="en"):
        return False
    if not (last in _nouns_and_first_names()[0] or common_noun(last, compounds=False)):
        return False
    return not _descriptive(prev) and prev.lower() not in _PARTICLES and prev not in _nouns_and_first_names()[1] \
        and not simplemma.lemmatize(prev, lang="de")[:1].islower() and not re.search(r"(?:er|ern)$", prev)


def confidence(name: str, label: str, place: str | None, plain_mentions: int, lang: str = "de") -> float:
    """0..1: how sure the entity is a name (see the module docstring). In English text a person's last
    word is not looked up in the German noun lexicon ('Scott Boras' is no 'Bora')."""
    if plain_mentions == 0:
        return 0.2
    role_end = _role_end if lang == "de" else _english_role
    if place is None and (_junk(name, label, lang) or label == "PER" and len(name.split()) > 1 and role_end(name.split()[-1])
                          and not re.fullmatch(r"[A-ZÄÖÜ]\.", name.split()[-2])
                          and not (lang == "de" and name.split()[-2] in _nouns_and_first_names()[1]
                                   and not name.endswith("s"))):
        # junk, or a person 'name' that ends in a role: 'Guatemalas Ex-Präsident' (not 'Mark A. Brand', nor in
        # German a first name before a surname that is a noun: 'Thomas Koch' -- but 'Angela Merkels' is a genitive)
        return 0.3
    if place is not None:
        return 0.95
    if label != "PER" and _name_then_noun(name, lang):
        return 0.3  # 'Strache Mitglied', 'Jelic Ersatz': the NER ran on into the next noun
    if label == "PER" and len(name.split()) == 1:
        return 0.45  # news introduce a person with the full name; a lone surname-like word is weak evidence
    if len(name.split()) == 1 and name in _places() and not _lexicon_noun(name):
        return 0.9
    if plain_mentions >= 3:
        return 0.85
    if plain_mentions == 2:
        if lang != "de" and label in ("MISC", "LOC"):
            # the German-trained model on English text: two mentions of a 'work' or of a place no place list
            # knows are right 17 of 28 times on the English dev stories (persons 64 of 65, organisations 28 of
            # 33): not listed below three mentions
            return 0.45
        return 0.7
    if lang != "de" and not _first_name_and_surname(name, label, lang):
        # the NER model is trained on German only: in English (French) text one mention of a name-shaped
        # phrase is no confident model mention ('Leopard Bikini', 'Greek Media', 'Lamon Brewster' LOC).
        # English dev stories: such single mentions are right 40 of 66 times, German dev 138 of 158;
        # a person's full name opening with a first name of the lexicon 29 of 29 (it stays listed)
        return 0.45
    return 0.6 if _name_shaped(name, label) else 0.4


def _first_name_and_surname(name: str, label: str, lang: str = "de") -> bool:
    words = name.split()
    return label == "PER" and 2 <= len(words) <= 4 and words[0] in first_names(lang) and all(
        w[:1].isupper() or w.lower() in _PARTICLES for w in words)


_PLACE_PREP = re.compile(r"\b(?:in|im|nach|aus|bei|von|vom|nahe|into|in the)\s+(?:der\s+|dem\s+|den\s+)?$", re.I)
_PLACE_PREP_STRICT = re.compile(r"\b(?:in|im|nach|aus|nahe)\s+$", re.I)


def place_not_person(name: str, contexts: list[str], label: str = "PER") -> bool:
    """A 'person' without a first name of the lexicon that is mostly written after a place preposition
    ('in Molenbeek', 'aus Mytilini', 'im Bataclan') is a place; so is an 'organisation' named by one
    word of the place list ('in München', 'nach Tirol'; 'bei Bayern' or 'von Bayern' do not count)."""
    from .entity_kinds import foreign_person

    first = name.split()[0]
    if first in _nouns_and_first_names()[1] or not contexts or label == "PER" and foreign_person(name):
        return False  # ('von Tracy Morgan': a first name of the international list is a person's too)
    if label == "ORG" and not (len(name.split()) == 1 and name in _places()):
        return False
    prep = _PLACE_PREP if label == "PER" else _PLACE_PREP_STRICT
    return 2 * sum(1 for c in contexts if prep.search(c)) > len(contexts)


# legal forms that end a company's name ('TransCanada Corp', 'Meinl Bank AG'; entity_kinds reads them too)
LEGAL_FORMS = r"Corp\.?|Corporation|Inc\.?|Ltd\.?|LLC|PLC|plc|AG|GmbH|SE|KG|OHG|S\.A\.|N\.V\."
# ... and organisation words that end a body's name
_ORG_SUFFIX = re.compile(r"(?:^|\s)(?:" + LEGAL_FORMS + r"|Co\.?|Holding|Group|Gruppe|Konzern|Stiftung|Foundation|Verband"
                         r"|Verein|Institut|Bank|Airlines?|Versicherung)$")
# a kind-of-organisation noun written right before the name ('Reiseveranstalter Thomas Cook', 'Branchenverband Bitkom')
_ORG_BEFORE = re.compile(r"(?:konzern|unternehmen|firma|veranstalter|hersteller|kette|versicherer|airline"
                         r"|fluggesellschaft|stiftung|verband|verein|institut|forschungsinstitut|bank|sender|zeitung"
                         r"|magazin|agentur|partei|gewerkschaft|betreiber|anbieter|händler|konzerns|unternehmens"
                         r"|zeitungen|agenturen|magazine|sendern|tageszeitungen)"
                         r"\s+(?-i:[A-ZÄÖÜ]\w*\s+)?$", re.I)


_COMPANY_TAIL = ("Konzern|Konzerns|Gruppe|Tochter|Töchter|Aktie|Aktien|Pleite|Insolvenz|Filiale|Filialen|Belegschaft"
                 "|Vorstand|Aufsichtsrat|Mutterkonzern|Mitarbeiter|Beschäftigten")
_BODY_TAIL = "Chef|Chefin|Sprecher|Sprecherin|Studie|Prognose|Umfrage|Ökonom|Ökonomen|Experte|Experten|Präsident|Präsidentin"


_TAIL_PER = re.compile(r"(?:" + _COMPANY_TAIL + r")\b")
_TAIL_OTHER = re.compile(r"(?:" + _COMPANY_TAIL + "|" + _BODY_TAIL + r")\b")
_WORD_START = re.compile(r"(?<![\w-])")


def _offsets(text: str, part: str):
    """Every offset where `part` is written in `text`."""
    i = text.find(part)
    while i >= 0:
        yield i
        i = text.find(part, i + 1)


def org_cue(name: str, mention_texts: list[str], contexts: list[str], texts: tuple[str, ...] = (),
            label: str = "PER") -> bool:
    """The entity is an organisation over all its mentions: its name or one written form ends in a
    legal-form or organisation word, the article writes it in a company compound ('Thomas-Cook-Pleite';
    for a non-person also 'Wifo-Chef', 'Bitkom-Studie'), or most of its mentions follow an organisation
    noun. A first name of the lexicon does not outweigh that ('Thomas Cook' the travel company)."""
    if _ORG_SUFFIX.search(name) or any(_ORG_SUFFIX.search(t) and name in t for t in mention_texts):
        return True
    if texts and name[:1].isupper():
        # a plain substring test first: the pattern is built and run only on texts that can match
        # (once per entity over whole texts was quadratic in an article's length, issue 18)
        # matched only where 'Name-' is written (a search of the whole text per entity was still
        # quadratic), with patterns compiled once: r"(?<![\w-])Name-(?:TAILS)\b" at each such offset
        head = name.replace(" ", "-") + "-"
        tail = _TAIL_PER if label == "PER" else _TAIL_OTHER
        if any(_WORD_START.match(t, i) and tail.match(t, i + len(head))
               for t in texts if head in t for i in _offsets(t, head)):
            return True
    hits = sum(1 for c in contexts if _ORG_BEFORE.search(c) and not re.search(r"(?:chef|chefin|sprecher|sprecherin"
                                                                             r"|gründer|gründerin)\s+$", c, re.I))
    return hits > 0 and 2 * hits >= len(contexts)


# a work noun right before a title ('der Film The Revenant', 'im Roman „Ben Hur“', 'das Spiel Metal Gear Solid')
_WORK_BEFORE = re.compile(r"(?:\b(?:Film|Kinofilm|Spielfilm|Filmen|Serie|Fernsehserie|Roman|Romans|Buch|Album|Song|Lied"
                          r"|Single|Spiel|Videospiel|Computerspiel|Game|Oper|Musical|Theaterstück|Dokumentation|Doku"
                          r"|Sendung|Show|Bestseller|Streifen|Blockbuster|Thriller|Sitcom|Klassiker|Titel|Drama)"
                          r"|(?<=[a-zäöüß])(?:spiel|film|serie|roman|game|drama|album))\s*[„\"»]?$")  # '-Drama', 'Horrorspiel'


def work_cue(name: str, contexts: list[str], after: list[str]) -> bool:
    """Most mentions of the name follow a work noun or stand in quotation marks: a work's title (MISC),
    not the person, place or company the model read ('Ben Hur', 'Sound of Music', 'Blade Runner')."""
    if name in _places():
        return False
    quoted = sum(1 for c, a in zip(contexts, after) if c[-1:] in "„\"»" and a[:1] in "“\"«")
    noun = 0 if person_by_first_name(name) else sum(1 for c in contexts if _WORK_BEFORE.search(c))
    hits = max(quoted, noun)  # (a person's name after 'Film' is its director or star; in quotes, a title)
    return hits > 0 and 2 * hits >= len(contexts)


_PLACE_BEFORE = re.compile(r"(?:(?:hauptstadt|stadt|metropole|provinz|region|gemeinde|ortschaft|dorf|kleinstadt|großstadt"
                           r"|industriestadt|bundesstaat|city|town)\s+"
                           # locative phrases: 'in der Nähe von Donezk', 'nördlich von Kiew', 'outskirts of'
                           r"|\b(?:nähe|nördlich|südlich|östlich|westlich|außerhalb|umgebung|vororten?|stadtrand|toren)"
                           r"\s+(?:von|vom)\s+|\b(?:outskirts|north|south|east|west|near)\s+of\s+)$", re.I)


def org_written_in(name: str, contexts: list[str]) -> bool:
    """A one-word 'organisation' that is always written after 'in'/'nach'/'aus' ('in Flint', at least
    twice) and is no common noun or acronym is a place."""
    if " " in name or not name[1:].islower() or len(contexts) < 2 or _lexicon_noun(name) or common_noun(name):
        return False
    return all(re.search(r"\b(?:in|nach|aus)\s+$", c, re.I) for c in contexts)


def place_cue(contexts: list[str]) -> bool:
    """Most mentions follow a kind-of-place noun ('die malaysische Hauptstadt Kuala Lumpur', 'die Stadt Flint')."""
    return bool(contexts) and 2 * sum(1 for c in contexts if _PLACE_BEFORE.search(c)) > len(contexts)


def multiword_place(name: str) -> bool:
    """'Buenos Aires': a place of the model's list or the gazetteer, and no first name of the lexicon first."""
    words = name.split()
    if len(words) < 2 or words[0] in _nouns_and_first_names()[1]:
        return False
    return name in _places() or place_code(name) is not None


def is_place_word(word: str) -> bool:
    """A one-token place of the model's place list that is no first name ('Texas', 'Utah')."""
    return word in _places() and word not in _nouns_and_first_names()[1]


def person_by_first_name(name: str) -> bool:
    """'Malik Jackson', 'Vince Lombardi': a first name of the lexicon, then a capitalised surname."""
    words = name.split()
    _, first = _nouns_and_first_names()
    if len(words) == 2 and re.fullmatch(r"[A-ZÄÖÜ]\.", words[1]) and words[0][:1].isupper() and words[0][1:].islower():
        return True  # 'Brahim A.', 'Fayçal C.': the press writes suspects with the surname's initial
    return 2 <= len(words) <= 4 and words[0].split("-")[0] in first and words[-1][:1].isupper() \
        and not _ORG_WORDS.search(words[-1]) and words[-1] not in _places()


# nouns that name the kind of a place or body in apposition before its name ('Provinz Sirnak', 'Partei Pro NRW')
_PLACE_KINDS = ("provinz|region|stadt|gemeinde|bezirk|enklave|insel|hafen|grenzübergang|dorf|viertel|vorort|kreis|land"
                "|staat|fluss|see|ort|stadtteil|hauptstadt|präfektur|kanton|distrikt|departement|gouvernement")
_KIND_WORDS = re.compile(rf"(?:{_PLACE_KINDS}|stadion|flughafen|bahnhof|partei|verband|institut|konzern|firma|sender"
                         r"|zeitung|magazin|blatt|journal|agentur|behörde|kette|mission|uni)$", re.I)
_PLACE_KIND = re.compile(rf"(?:\w*-)?(?:\w*(?:{_PLACE_KINDS}))$", re.I)


# bodies named after their seat: the whole is the organisation ('Landgericht Köln', 'Universität Wien')
_INSTITUTION = re.compile(r"(?:gericht|gerichtshof|anwaltschaft|polizei|polizeidirektion|ministerium|universität|uni"
                          r"|hochschule|klinikum|klinik|spital|krankenhaus|rathaus|magistrat|stadtwerke|bistum|erzdiözese|diözese"
                          r"|landesregierung|stadtregierung|bezirkshauptmannschaft|landratsamt|amt|behörde|börse"
                          r"|flughafen|bahnhof|zoo|theater|oper|museum|festspiele)$", re.I)


def _is_role_compound(word: str) -> bool:
    from .mention_repair import _is_role_word

    return _is_role_word(word)


def _english_role(word: str) -> bool:
    from .entity_en import ROLES

    return word.lower().strip(".,") in ROLES


def _role_end(word: str) -> bool:
    """The last word of a 'person' that is a role or common noun ('Ex-Präsident', 'Offense'), not a surname."""
    if "-" in word:
        return _descriptor(word)
    return word in _nouns_and_first_names()[0] or common_noun(word, compounds=False)


_SHORT_ROLES = ("Boss", "Chef", "Chefin", "Vize", "Star", "Legende", "Coach", "Trainer", "Ikone", "Goalie", "Keeper",
                "Tormann", "Torhüter", "Kapitän", "Stürmer", "Legionär", "Guard", "Fan", "Spieler")


def _person_tag(word: str) -> bool:
    """A word that only ever stands before a person's name: 'SR Schüttengruber' (the referee of a match
    report), 'User Getz' (a forum user), a short role after a hyphen ('Formel-1-Boss', 'Malmö-Goalie')."""
    return word in ("SR", "User", "Userin") or "-" in word and word.rsplit("-", 1)[1] in _SHORT_ROLES


def _descriptor(word: str) -> bool:
    """A leading common noun or role before a name: 'Grenzübergang', 'Star-Quarterback', 'Topverteidiger'."""
    from .gazetteer import ROLE_SUFFIX, noun_stem

    if _person_tag(word):
        return True
    if "-" in word:
        word = word.rsplit("-", 1)[1]
    if not word[:1].isupper() or not word[1:].islower():
        return False
    return common_noun(word) or word in _nouns_and_first_names()[0] or bool(_KIND_WORDS.fullmatch(word)) or (
        len(word) >= 7 and bool(ROLE_SUFFIX.search(noun_stem(word))) and not any_first_name(word))


def any_first_name(word: str) -> bool:
    """A first name of the lexicon or of the international list that is no common word: 'Kathrin',
    'Christine', 'Catherine' end like a role ('Sprecherin') but name a person; 'Meister' is a role."""
    from ..analyse.ner_doc import common_word

    return word in first_names("en") and not common_word(word)  # the lexicon's names are in the list too


# bodies whose name is the kind plus the seat ('Wirtschaftskammer Österreich', 'Pädagogische Hochschule Wien')
