"""German names in the nominative (issue 16: 'the canonical name is the most complete nominative form').

German inflects the adjectives of a name with its case: a story that only writes 'vom Deutschen
Wetterdienst', 'der Afrikanischen Union', 'des Internationalen Instituts' would list the dative or
genitive form. A 996-article survey of 10kGNAD listed 45 such names ('Deutschen Presse-Agentur',
'Süddeutschen Zeitung', 'Internationalen Olympischen Komitee'). `nominative` puts the leading
adjectives into the nominative the head noun's gender asks for, as reference works name these
bodies: masculine 'Deutscher Wetterdienst', neuter 'Internationales Olympisches Komitee', feminine
'Deutsche Presse-Agentur'; a head noun of unknown gender gets -e, the nominative after the article
('der Deutsche X'), which is never an inflected form. A genitive or old dative ending of a masculine
or neuter head goes with it ('Instituts' -> 'Institut', 'Fußball-Bunde' -> 'Fußball-Bund'). Plural
heads keep their form ('Vereinten Nationen', 'Kanarischen Inseln'), and a nationality before a
person's name is no part of it ('dem Deutschen Benjamin Becker' -> 'Benjamin Becker').
"""
from __future__ import annotations

import re

# adjective stems of names: '-isch' (Deutsch, Olympisch), '-al' (International), ... and a few plain ones
_ADJ_SUFFIX = re.compile(r"(?:isch|sch|ig|lich|al|ell|iv|är|ös|ant|ent)$")
_ADJ_WORDS = frozenset("neu frei rot grün ober unter hoh groß klein alt heilig schwarz weiß blau golden erst zweit "
                       "dritt letzt vereint vereinigt nah fern mittler evangelisch katholisch allgemein gemeinsam angewandt"
                       .split())
# head nouns (or their last compound part) by gender; the rest is read from feminine suffixes
_MASC = ("tag", "hof", "dienst", "rat", "bund", "verband", "verein", "konzern", "handel", "senat", "kongress", "gipfel",
         "fonds", "sender", "kanal", "flughafen", "bahnhof", "zoo", "club", "klub", "markt", "ozean", "golf", "kreis",
         "bezirk", "staat", "rundfunk", "ausschuss", "orden", "konvent", "chor", "park", "dom", "friedhof", "wald",
         "berg", "fluss", "strom", "platz", "weg", "turm", "palast", "verlag", "vorstand", "gerichtshof", "sport")
_NEUT = ("institut", "komitee", "meer", "amt", "gericht", "werk", "haus", "theater", "orchester", "kreuz", "reich",
         "land", "emirat", "forum", "büro", "kabinett", "archiv", "heer", "programm", "bündnis", "kommando", "team",
         "studio", "center", "zentrum", "museum", "ministerium", "klinikum", "festival", "parlament", "gymnasium",
         "labor", "netz", "blatt", "magazin", "portal", "hotel", "stadion", "um", "ment")
_FEM = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "ur", "enz", "anz", "ie", "e", "a", "bank", "post",
        "bahn", "holding", "welt", "stadt", "front", "allianz", "see", "kammer", "armee", "in")
_ENDING = {"m": "er", "n": "es", "f": "e", "": "e"}


def _adjective(word: str) -> bool:
    if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+en", word):
        return False
    stem = word[:-2].lower()
    return bool(_ADJ_SUFFIX.search(stem)) or stem in _ADJ_WORDS


def _weak_adjective(word: str) -> bool:
    """'Oberste', 'Europäische', 'Rote': an adjective's weak form after 'der/die/das' (a name's own form is
    the strong one when it stands alone: 'Oberster Gerichtshof')."""
    if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+e", word):
        return False
    stem = word[:-1].lower()
    return bool(_ADJ_SUFFIX.search(stem)) or stem in _ADJ_WORDS or stem in ("oberst", "höchst", "zentral", "national")


def _first_name(word: str) -> bool:
    from .entity_evidence import _nouns_and_first_names

    return word in _nouns_and_first_names()[1]


def _gender(noun: str) -> tuple[str, str]:
    """(gender 'm'/'n'/'f'/'', the noun without a genitive or old dative ending) of a head noun."""
    low = noun.lower().split("-")[-1]
    for cut, ending in ((0, ""), (2, "es"), (1, "s"), (1, "e")):  # 'Institut', 'Gerichtshofes', 'Instituts', 'Bunde'
        if not low.endswith(ending):
            continue
        form = low[:-cut] if cut else low
        found = [(len(e), g) for g, ends in (("m", _MASC), ("n", _NEUT)) for e in ends if form.endswith(e)]
        if found:  # the longest entry decides ('Forschungsrat' m, 'Emirat' n)
            gender = max(found)[1]
            if ending == "e" and gender == "n":
                break  # 'Emirate' is a plural; only a masculine keeps an old dative -e ('dem Bunde')
            return gender, noun[:-cut] if cut else noun
    return ("f", noun) if low.endswith(_FEM) else ("", noun)


_BODY_HEAD_NOUN = re.compile(r"(?:betrieb|verein|verband|amt|institut|zentrum|bund|rat|konzern|werk|dienst|ausschuss"
                             r"|komitee|gericht|ministerium|büro|haus|fonds|kollegium|senat)$")


def _place_word(stem: str) -> bool:
    """'Leipzig' of 'Leipziger': a place's adjective, which never inflects."""
    from .entity_evidence import _places
    from .gazetteer import gazetteer

    return stem in _places() or gazetteer().lookup(stem, "de") is not None


def _lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="de")


_GENITIVE_LINKS = {"für", "der", "des", "zur", "zum", "von", "vom", "am", "an", "im"}


def nominative(name: str, label: str) -> tuple[str, str]:
    """(the name with its leading adjectives in the nominative, its type); see the module docstring."""
    name = re.sub(r"\s*:.*$|,+$", "", name) or name  # 'Deutsche Welle: Nena', 'Beatrix Karl,': the name ends there
    words = name.split()
    if label != "PER" and len(words) >= 2 and _gender(words[-1])[0] == "f":
        for i, w in enumerate(words[:-1]):  # 'laut Süddeutscher Zeitung', 'der Neuer Zürcher Zeitung': a feminine head's
            if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+er", w):  # strong dative or genitive; the nominative ends in -e
                break
            stem = w[:-2]
            if _lemma(w.lower()) == stem.lower() and not _place_word(stem):  # (an adjective: not 'River', 'Fischer')
                words[i] = w[:-1]  # (a place's invariant -er adjective stays: 'Frankfurter', 'Zürcher')
        name = " ".join(words)
    j = 0  # a place's invariant -er adjective first: 'Frankfurter Allgemeinen Zeitung', 'Wiener Städtischen'
    while j < len(words) - 2 and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+er", words[j]) and _adjective(words[j + 1]):
        j += 1
    k = j
    while k < len(words) - 1 and _adjective(words[k]):
        k += 1
    if not k and len(words) >= 3 and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+er?", words[0]) and _adjective(
            words[0].removesuffix("r") + "n") and _first_name(words[1]) and not _first_name(words[0]):  # ('Oliver')
        return " ".join(words[1:]), "PER"  # 'der Deutsche Fabian Rießle': a nationality, then the person
    if not k and len(words) >= 3 and label != "PER" and words[1] in _GENITIVE_LINKS and words[0][1:].islower():
        bare = _gender(words[0])[1]  # 'Instituts für Höhere Studien', 'Hauses der Geschichte': the head's genitive
        return " ".join([bare] + words[1:]), label
    if not k and len(words) >= 2 and label != "PER" and len(words[0]) >= 8 and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+e?s", words[0]) \
            and words[1][:1].isupper() and _lemma(words[0]) in (words[0][:-1], words[0][:-2]) \
            and _BODY_HEAD_NOUN.search(_lemma(words[0])):
        return " ".join([_lemma(words[0])] + words[1:]), label  # 'des Landesbetriebs Mobilität Rheinland-Pfalz' (survey 39)
    if not k and len(words) >= 2 and label != "PER" and _weak_adjective(words[0]) and words[1][1:].islower():
        gender, _ = _gender(words[1])  # 'der Oberste Gerichtshof' -> 'Oberster Gerichtshof', 'Rote Kreuz' -> 'Rotes Kreuz'
        if gender in ("m", "n"):
            return " ".join([words[0] + _ENDING[gender][-1]] + words[1:]), label
    if not k or not words[k][:1].isupper():
        return name, label  # (cut at a colon or a trailing comma above)
    from .entity_evidence import _nouns_and_first_names

    if not j and words[k] in _nouns_and_first_names()[1] and len(words) - k >= 2:
        return " ".join(words[k:]), "PER"  # 'Deutschen Benjamin Becker': a nationality, then the person
    head = words[k]
    if re.search(r"(?:en|eln|ern)$", head) and not head.lower().endswith(_NEUT + _MASC):
        return name, label  # a plural ('Vereinten Nationen', 'Kanarischen Inseln'): nominative as written
    gender, bare = _gender(head)
    ending = _ENDING[gender]
    return " ".join(words[:j] + [w[:-2] + ending for w in words[j:k]] + [bare] + words[k + 1:]), label


def person_genitive(text: str, label: str, around: str, plain_s: set[str], person_names: set[str], at: int = 0) -> bool:
    """A person's name in the genitive: before the noun it owns ('Steven Spielbergs Film'; not when the
    story writes the name with its s elsewhere: `plain_s`), or after a noun ('die Auslieferung
    Heinz-Christian Straches', tagged ORG by the model) when the story names the person by the surname
    without the s ('Strache' in `person_names`) and the name opens with first names."""
    from .entity_evidence import any_first_name

    words = text.split()
    last = words[-1]
    if label in ("PER", "ORG", "MISC") and text not in plain_s \
            and (last not in person_names or last[:-1] in person_names) \
            and saxon_genitive(text, around[at + len(text):], around[:at]):  # ('sagte Molins': the s is the name's)
        # (a person the model typed ORG or MISC too: 'Stanley Kubricks Film'; saxon_genitive asks for a first name)
        return True  # (`around`: the text around the mention, which starts at `at` in it)
    if label == "PER" and re.search(r"[^sxzß]s$", last) and len(text) > 4 and text[:-1] in _tails(person_names):
        return True  # 'der Anwältin Rahmani Purs' beside 'Arasch Rahmani Pur': the name the story writes, in the genitive
    return len(words) >= 2 and last[:-1] in person_names and last not in person_names \
        and bool(re.search(r"[^s]s$", last)) and all(any_first_name(p) for p in words[0].split("-"))


_TAILS: list = [None, set()]  # (the person names last asked about, their tails): built once per story


def _tails(person_names: set[str]) -> set[str]:
    """Every person name of the story and each of its word tails ('Rahmani Pur' of 'Arasch Rahmani Pur'), of two
    words or more, or of one word the story also writes alone."""
    if _TAILS[0] is not person_names:
        from .translit import name_tails

        _TAILS[:] = [person_names, name_tails(person_names, min_words=2)]
    return _TAILS[1]


# surnames that end in -s of their own, common in English ('Bradley Wiggins', 'Judy Collins', 'Jesse Owens')
_ENGLISH_S = re.compile(r"(?:ins|ens|ons|ings|ams|ards|olds)$")


def saxon_genitive(name: str, after: str, before: str = "") -> bool:
    """A person's full name in the genitive (a first name of the lexicon, a last word ending in consonant
    + s): before the noun it owns ('Steven Spielbergs Film'), or after a noun that is no role, relation or
    title ('die Werke Egon Schieles', 'ein Text Martin Gutls'; there a surname of a vowel and s too). Not
    'Serena Williams gewann', 'Christian Fuchs sagte' (the name itself ends in s); an adjective between
    name and noun was tried twice and taken back ('Steve Jobs solche Patzer', 'mit Rachel McAdams
    starbesetztes Drama')."""
    from .entity_evidence import _is_role, _nouns_and_first_names, any_first_name, common_noun
    from .gazetteer import demonym_noun
    from .translit import known_word

    words = name.split()
    first = _nouns_and_first_names()[1]
    if len(words) < 2 or not any_first_name(words[0]):
        return False
    if _role_noun(_APPOSED_ROLE.search(before)):
        return False  # 'bekam der Pilot Charles Riggs Probleme': the name in apposition to its role keeps its s
    nxt = re.match(r"\s+(?:[A-ZÄÖÜ][\w]*-)*([A-ZÄÖÜ][a-zäöüß]+)(?![\w-])", after)  # 'Kalter-Krieg-Thriller': its last part
    owned = nxt.group(1) if nxt is not None else None
    if owned and re.fullmatch(r"Ex[a-zäöü]{4,}", owned):
        owned = owned[2].upper() + owned[3:]  # 'Walter Meischbergers Exanwalt': the ex-lawyer
    if re.search(r"[^aeiousxz]s$", words[-1]) and not _ENGLISH_S.search(words[-1]) and (
            owned and owned not in first and (common_noun(owned) or known_word(owned))
            or re.match(r"\s+(?:FC|SC|SV|VfL|VfB|AC|AS|FK|SK|TSV)\s+[A-ZÄÖÜ]", after)):  # 'Peter Stögers FC Köln'
        return True
    owner = re.search(r"(?:^|(\w+)\s+)([A-ZÄÖÜ][a-zäöüß]{3,})\s+$", before)
    if owner and (owner.group(1) or "").lower() in {"im", "am", "zum", "zur", "beim", "vom", "ins", "in"}:
        return False  # 'im Konzert Tom Jones': a place of the phrase, then a name
    if _role_noun(re.search(r"([A-ZÄÖÜ][\w-]+)\s+(?:der|des)\s+[A-ZÄÖÜ][a-zäöüß]{3,}\s+$", before)):
        return False  # 'Der Vorsitzende der Selbstverwaltung Istvan Kovacs hob hervor': the role's name in apposition
    return bool(owner and re.search(r"[^aiousxz]s$", words[-1]) and len(words[-1]) > 4
                and common_noun(owner.group(2)) and not _is_role(owner.group(2)) and owner.group(2) not in first
                and not demonym_noun(owner.group(2))  # ('der Brite Adam Yates': in apposition; survey 37)
                and not _RELATION.fullmatch(owner.group(2)) and not _descriptor_role(owner.group(2)))


# an article and a role noun right before a name ('der Pilot', 'des Technologieexperten')
_APPOSED_ROLE = re.compile(r"\b(?:der|des|dem|den|ein|eines|einem|einen)\s+(?:[a-zäöüß]\w*\s+)?([A-ZÄÖÜ][a-zäöüß]+)\s+$")


def _role_noun(hit) -> bool:
    """The word a pattern's first group caught is a role noun (a name after it stands in apposition)."""
    from .entity_evidence import _is_role

    return hit is not None and (_is_role(hit.group(1)) or _descriptor_role(hit.group(1)))


def _descriptor_role(word: str) -> bool:
    """A role noun before a name ('Staatsanwalt François Molins'): the name stands in apposition."""
    from ..analyse.quote_checks import _noun_is_speaker
    from .gazetteer import ROLE_SUFFIX, noun_stem

    return bool(ROLE_SUFFIX.search(noun_stem(word))) or _noun_is_speaker(word)


# relations and titles before a name take it in apposition, not in the genitive ('ihr Sohn Peter Williams')
_RELATION = re.compile(r"(?:Sohn|Tochter|Bruder|Schwester|Vater|Mutter|Frau|Mann|Ehefrau|Ehemann|Witwe|Witwer|Freund"
                       r"|Freundin|Kollege|Kollegin|Partner|Partnerin|Onkel|Tante|Neffe|Nichte|Enkel|Enkelin|Cousin"
                       r"|Cousine|Sänger|Sängerin|Autor|Autorin|Regisseur|Regisseurin|Schauspieler|Schauspielerin"
                       r"|Künstler|Künstlerin|Maler|Malerin|Musiker|Musikerin|Dichter|Dichterin|Star|Legende)")


def with_first_names(best: str, names) -> str:
    """The most complete form of a person's name the story writes: 'Oliver Rudolf Jufer' for 'Rudolf Jufer' when
    the words before it are first names (not 'Kardinal Jorge Bergoglio', not a cut 'Oliver Sebrantke von LC')."""
    from .entity_evidence import any_first_name

    longer = sorted((n for n in names if n.endswith(" " + best)), key=len)
    if not longer or any(not longer[-1].endswith(" " + n) for n in longer[:-1]) \
            or not all(any_first_name(w) for w in longer[-1][:-len(best)].split()):
        return best  # none, or two people ('Marine Le Pen', 'Jean-Marie Le Pen' beside 'Le Pen'), or no first names
    return longer[-1]
