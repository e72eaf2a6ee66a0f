"""Descriptors before names (split from entity_evidence.py): 'Soziologe Bernardo Arévalo' is the
person 'Bernardo Arévalo', 'Reederei Costa Crociere' the company 'Costa Crociere', 'SR Schüttengruber'
the referee's name; but 'Rotes Kreuz', 'Sturm Graz' and 'Wirtschaftskammer Österreich' are names whole."""
from __future__ import annotations

import re

from .entity_evidence import (_INSTITUTION, _KIND_WORDS, _ORG_WORDS, _PARTICLES, _PLACE_KIND, _descriptor, _genitive_phrase,
                              _is_role, _is_role_compound, _junk, _lexicon_noun, _name_shaped, _nouns_and_first_names,
                              _person_tag, _places, _stop_words, common_noun, person_by_first_name)
from .gazetteer import place_code

_SEAT_NAMED = re.compile(r"(?:kammer|hochschule|akademie|verband|verein|club|klub|studio|werke|kraftwerk|haus|hauses|büro|büros"
                         r"|galerie|bibliothek|kunsthalle|museum|museums|zentrum|zentrums|stiftung|forum)$", re.I)


def _named_after_seat(head: list[str], rest: str) -> bool:
    """An organisation named by a word and the place it sits in ('Sturm Graz', 'Energie Cottbus',
    'Wirtschaftskammer Österreich'), not a description before a team or body ('Double-Sieger Salzburg',
    'Organisation Attac', 'des Wirtschaftsforschungsinstituts Wifo'): the seat is a known place, and the
    word before it is a seat-named body, or one plain uninflected noun that is no role, kind, place kind
    or demonym."""
    import simplemma

    desc = head[-1]
    if not (rest in _places() or place_code(rest)) or place_code(desc) or _PLACE_KIND.fullmatch(desc):
        return False
    if _SEAT_NAMED.search(desc):
        return True
    return len(head) == 1 and "-" not in desc and desc[1:].islower() and not desc.endswith("s") and not _is_role(desc) \
        and not _KIND_WORDS.search(desc) and not _ORG_WORDS.fullmatch(desc) and desc not in _nouns_and_first_names()[1] \
        and simplemma.lemmatize(desc, lang="de") == desc and desc.lower() not in ("organisation", "schlusslicht",
                                                                                 "tabellenführer", "spitzenreiter")


def _surname_like(word: str) -> bool:
    """A word that can end a person's name: no initial ('A.'), particle ('von') or first name of the lexicon."""
    return not re.fullmatch(r"[A-ZÄÖÜ]\.", word) and word.lower() not in _PARTICLES and word not in _nouns_and_first_names()[1]


_NAME_OPENERS = {"abu", "bin", "ibn", "umm", "al", "el", "van", "von", "de", "da", "di", "le", "la", "mac", "mc", "san",
                 "santa", "sankt", "st.", "don", "dona"}


def _word_before_full_name(words: list[str]) -> bool:
    """A German word that is no first name before a first name and a surname: a role the lexicons do not
    know ('Goalie Jan Novota', 'Keeper Jan Novota'); not 'Abu Mohammed X' nor a foreign first name."""
    from .translit import known_word

    first = _nouns_and_first_names()[1]
    return len(words) >= 3 and words[1] in first and words[1][:1].isupper() and words[0] not in first \
        and words[0][1:].islower() \
        and words[0].lower() not in _NAME_OPENERS and known_word(words[0]) and words[2][:1].isupper()


def _inflected_adjective(word: str) -> bool:
    """'Rotes', 'Demokratische', 'Oberste': an adjective's inflected form (its dictionary form is lower
    case), not a noun ('Angeklagte', 'Abgeordnete')."""
    import simplemma

    if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+(?:e|es|er|en|em)", word):
        return False
    lemma = simplemma.lemmatize(word.lower(), lang="de")
    return lemma != word.lower() and lemma.islower() and len(lemma) >= 3 and simplemma.is_known(lemma, lang="de")


# a word that describes a country ('Nachbarland Österreich', 'Gastgeber Katar', 'EU-Mitglied Ungarn')
_OF_A_COUNTRY = re.compile(r"(?:land|länder|staat|staaten|stadt|region|nation|republik|insel|inseln|reich|partner|nachbar"
                           r"|gastgeber|gegner|rivale|favorit|mitglied|markt|heimat|ziel|teil|provinz|monarchie|königreich"
                           r"|emirat|diktatur|demokratie|macht|supermacht|weltmacht|gründer|meister|weltmeister|europameister"
                           r"|sieger|finalist|team|auswahl|elf)$", re.I)


def strip_descriptor(name: str, label: str, seen_alone: set[str]) -> tuple[str, str, str | None]:
    """(name, label, the bare name as a further alias or None): 'Soziologe Bernardo Arévalo' ->
    'Bernardo Arévalo' PER; 'Reederei Costa Crociere' -> 'Costa Crociere' when that is also written
    alone (or is a known place), else the bare name is only added as an alias. A person's name
    loses trailing common nouns too ('Reinhold Mitterlehner Montagmittag')."""
    words = name.split()
    if label != "PER" and _inflected_adjective(words[0]):
        return name, label, None  # 'Rotes Kreuz', 'Demokratische Volksrepublik Korea': the adjective is the name's
    k = int(label == "PER" and _word_before_full_name(words))  # 'Goalie Jan Novota'
    while k < len(words) - 1 and (_descriptor(words[k]) or re.fullmatch(r"[A-ZÄÖÜ]\w+s", words[k]) and k + 3 < len(words)
                                  and _descriptor(words[k + 1])):
        k += 1  # 'Reederei', 'Star-Quarterback', 'Carolinas Topverteidiger'
    end = len(words)
    if label == "PER" or person_by_first_name(" ".join(words[k:])):
        while end - k > 2 and common_noun(words[end - 1]) and _surname_like(words[end - 2]):
            end -= 1  # but 'Mark A. Brand', 'Hans Joachim Schellnhuber', 'Otto Frederick Warmbier' keep theirs
    if not k and end == len(words):
        return name, label, None
    if k == 1 and end - k == 1 and (_INSTITUTION.search(words[0]) or _KIND_WORDS.search(words[0])
                                                 and not _PLACE_KIND.fullmatch(words[0]) and place_code(words[1])):
        return name, "ORG", None  # 'Staatsanwaltschaft Wien', 'Forschungsinstitut Niedersachsen': the body, not its seat
    rest = " ".join(words[k:end])
    if k >= 2 and end == len(words) and label == "ORG" and place_code(rest) \
            and not any(_PLACE_KIND.fullmatch(w) for w in words[:k]):
        return name, label, None  # 'Landesbetriebs Mobilität Rheinland-Pfalz': a body of the state, never the state (survey 39)
    if k and end - k == 1 and (label == "ORG" or label == "LOC" and _SEAT_NAMED.search(words[k - 1])) \
            and _named_after_seat(words[:k], rest):
        return name, label, None  # 'Sturm Graz', 'Wirtschaftskammer Österreich': an organisation, not its seat
    if _genitive_phrase(words):
        return name, label, None  # 'Seite Russlands' is no name with a descriptor: it stays junk
    if person_by_first_name(rest):
        return rest, "PER", None
    if k == 1 and end - k == 1 and rest[:1].isupper() and (_person_tag(words[0]) or "-" in words[0]
                                                            and _is_role_compound(words[0])):
        return rest, "PER", None  # 'ÖVP-Kandidat Khol': a party role before a surname
    if k and label != "PER" and _PLACE_KIND.fullmatch(words[k - 1]):
        label = "LOC"  # 'Grenzübergang Kufstein', 'Pariser Vorort Argenteuil': the descriptor says place
    elif k and _KIND_WORDS.search(words[k - 1]):
        label = "ORG"  # 'Meinungsforschungsinstitut Alco', 'Baumarktkette Baumax'
    elif k and 2 <= end - k <= 3 and all(w[:1].isupper() for w in words[k:end]) and not _ORG_WORDS.search(words[end - 1]) \
            and not any(w in _places() for w in words[k:end]):
        return rest, "PER", None  # a role before a first and last name: 'Star-Quarterback Peyton Manning'
    if label == "PER" and end - k >= 2 and _name_shaped(rest, label):
        return rest, label, None
    if k == 1 and end == len(words) and label in ("LOC", "ORG") and len(place_code(rest) or "") == 2 \
            and not _OF_A_COUNTRY.search(words[0]):
        return name, "ORG", None  # 'Intersport Deutschland', 'Sonderverfolgungsmechanismus Nicaragua': a body, not the country
    if rest in seen_alone or (end - k == 1 and rest in _places()):
        return rest, label, None
    noun = k and end == len(words) and (_KIND_WORDS.search(words[k - 1]) or common_noun(words[k - 1])) and not re.search(
        r"(?:isch|lich|ig|al|ell|iv|er)(?:e|er|es|en|em)$", words[k - 1]) and not _junk(rest, label)  # (no adjective)
    if noun and words[k][:1].isupper() and words[k].lower() not in _stop_words() and (_name_shaped(rest, label) and not re.search(
            r"(?:gmbh|ag|kg|se|inc|ltd)$", rest, re.I) or k == 1 and (_KIND_WORDS.search(words[0]) or len(words[0]) >= 10)
            and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]{2,}", rest) and not (common_noun(rest) or _lexicon_noun(rest)
                                                                     or _ORG_WORDS.fullmatch(rest))):
        return rest, label, None  # 'Reederei Costa Crociere', 'Wissenschaftsfonds FWF', 'Magazin Focus' (not 'Champions League')
    return name, label, rest if not _junk(rest, label) else None


# a legal form or a club's kind alone is no alias of the name it ends or opens ('Corp' of 'Microsoft Corp', 'SV' of
# 'Hamburger SV')
_FORM_ALONE = frozenset("Corp Corporation Inc Ltd LLC PLC AG GmbH SE KG Co SV SC FC AC VfL VfB TSV SK FK AS BC".split())


def clean_aliases(name: str, aliases: list[str]) -> list[str]:
    """The aliases a reader can use for the entity: no legal form alone ('Corp'), no alias that is another alias
    with a kind or role noun before it ('Billigflieger Ryanair', 'Raumstation ISS'; the name itself stays)."""
    have = set(aliases)
    out = []
    for a in aliases:
        words = a.split()
        if a != name and (a in _FORM_ALONE or len(words) >= 2 and " ".join(words[1:]) in have
                          and _kind_before(words[0])):
            continue
        out.append(a)
    return out or aliases


# the kinds and roles written before a name as a description ('Billigflieger Ryanair', 'Raumstation ISS', 'Model
# Daniela Katzenberger', 'Betreiberfirma SpaceX'); an official or whole name stays ('Bundesrepublik Deutschland',
# 'Hansestadt Hamburg', 'International Biathlon Union', 'Girondins Bordeaux', 'Microsoft HoloLens')
_KIND_TAIL = re.compile(r"(?:flieger|firma|konzern|unternehmen|sender|senderketten?|zeitung|magazin|agentur|raumstation|insel|verband"
                        r"|gebiet|heimat|dissident|dissidentin|aktivist|aktivistin|shops?|gruppe|teilrepublik|chef|chefin"
                        r"|sprecher|sprecherin|leiter|leiterin|experte|expertin|analyst|analystin|berater|beraterin|minister"
                        r"|ministerin|direktor|direktorin|manager|managerin|trainer|trainerin|sänger|sängerin|schauspieler"
                        r"|schauspielerin|model|moderator|moderatorin|politiker|politikerin|präsident|präsidentin)$")


def _kind_before(word: str) -> bool:
    """A kind or role noun written before a name (see _KIND_TAIL), not a name's own first word."""
    from .gazetteer import demonym_noun

    return word[:1].isupper() and word[1:].islower() and (bool(_KIND_TAIL.search(word.lower())) or demonym_noun(word))
    # ('der Deutsche Marcel Kittel': a nationality, no part of his name; survey 37)
