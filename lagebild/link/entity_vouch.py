"""Open-data evidence for a place or an organisation that only the NER model's type stands for.

The model types every capitalised phrase it takes for a name, and on varied news its weakest guesses
are places and organisations: products and works ('Apple Watch', 'House of Cards' ORG), terms and
descriptions ('Continuous Music', 'Wiener Unicredit-Tochter' ORG), common nouns ('Dateien', 'Kupfer'
LOC). A reviewer who judged 1,926 listed entities of five outside-style audits found organisations
right 0.66 of the time and the model-typed ones of one mention 0.61; where the annotated corpora of
`names.tsv` (`lagebild train names`) know the name as an organisation, 92 of 94 were right, where they
do not, 91 of 198.

So a place or organisation of one plain mention is *vouched for* by any of:
* a gazetteer code (`place`), or a kind word of its name that decided its type (entity_kinds);
* a name or alias that the annotated corpora mostly tag with the same type;
* the shape of one: for an organisation an acronym ('ÖVP', 'UNHCR'), an organisation or institution
  word ('Styria Verlag', 'Landesgericht Linz', 'FC Carpi', 'Washington Post') or a web address
  ('golem.de'); for a place a word that makes place names ('Bad Ischl', 'Monte Bondone');
* its context: a place after a locative ('auf Lesbos'); an organisation after its kind noun ('die Zeitung
  Danas'), in a quote's speaker phrase ('Ein Sprecher des Pentagons') or, named with a place, as a club
  in a match report ('Montreal Canadiens').
A person of one mention whose every word is a dictionary word ('Pulp Fiction', 'Mad Men', 'Kognitive
Linguistik' PER) needs a first name or an initial, a surname of the lexicon's persons, a role noun or
speech verb before it, or an age or country code after it. Other persons need nothing more: unknown
surnames are endless, and the audits found them right.
Anything else stays in the JSON with its mentions but is not listed (confidence below LISTED).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..analyse.speakers import DOMAIN
from .entity_de import _descriptor_role
from .entity_en import ROLES
from .entity_evidence import _INSTITUTION, _ORG_WORDS, LISTED, any_first_name, common_noun, known_place
from .entity_kinds import _BUILDING_END, _PLACE_END, _PLACE_OPENERS, club_name
from .translit import is_acronym

_UNVOUCHED = LISTED - 0.05
_PRESS_OR_BODY = re.compile(r"(?:Times|Post|News|Journal|Tribune|Herald|Telegraph|Gazette|Zeitung|Rundschau|Kurier|Anzeiger"
                            r"|Nachrichten|Radio|TV|Orchester|Orchestra|Philharmoniker|Symphoniker|Records|Studios?|Foundation"
                            r"|University|College|School|Institute|Academy|Akademie|Association|Society|Council|Court|Ministry"
                            r"|Agency|Bureau|Department|Commission|Committee|Federation|League|Army|Party|Union|Club|Company"
                            r"|Corporation|Airlines?|Airways|Holding|Capital|Partners|Energy|Media|Labs?|Front|Orquesta"
                            r"|Orchestre|Team|Verein)")
_STREET_OR_MOUNT = {"Monte", "Cape", "Kap", "Boulevard", "Avenue", "Rue", "Piazza", "Plaza"}
_AFTER_LOCATIVE = re.compile(r"\b(?:in|im|nach|aus|auf|nahe|into|in the)\s+(?:der\s+|dem\s+|den\s+)?$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:\((?:\d{1,3}|[A-Z]{3})\)|,\s*\d{1,3}\s*,)")  # age, or a result's country code
_SAYS_BEFORE = re.compile(r"\b(?:sagt|sagte|meint|meinte|erklärt|erklärte|betont|betonte|so|says|said)\s+$")
_ORG_TAIL = re.compile(r"(?:kammer|vereinigung|gewerkschaft|genossenschaft|versicherung|kasse|werke|organisation"
                       r"|organization)$", re.I)
# a kind noun right before the name says what it names: 'die Zeitung Danas', 'der Sender Puls 4'
_KIND_BEFORE = re.compile(r"\b(?:Zeitung|Tageszeitung|Wochenzeitung|Zeitschrift|Magazin|Sender|Fernsehsender|Radiosender"
                          r"|Partei|Firma|Konzern|Unternehmen|Agentur|Nachrichtenagentur|Organisation|Gruppe|Band"
                          r"|Verein|Klub|Club|Plattform|Portal|Website|Webseite|Blog|Studio|Label|Bank|Airline"
                          r"|Fluglinie|Hilfsorganisation|Menschenrechtsorganisation|Bewegung|Miliz|Rebellengruppe)\s+$")


@lru_cache(maxsize=1)
def annotated_names() -> dict[str, str]:
    """Surface form -> the type that the annotated NER corpora mostly give it (<model>/names.tsv)."""
    from ..analyse.entities import model_path

    try:
        text = (Path(model_path()) / "names.tsv").read_text(encoding="utf-8")
    except OSError:
        return {}  # no lexicon: nothing is lowered (the count and shape rules still decide)
    return {form: kind for form, kind, _ in (line.split("\t") for line in text.splitlines() if line.count("\t") == 2)}


def organisation_shaped(name: str) -> bool:
    """An acronym or an organisation word in it ('Cyanogen Inc.', 'Radio Wien'), a web address ('golem.de'),
    or a club named with its city ('Dinamo Minsk')."""
    words = [w.strip(".,") for w in re.split(r"[\s\-/]+", name)]
    return club_name(name) or bool(DOMAIN.fullmatch(name)) or any(
        is_acronym(w) or _ORG_WORDS.search(w) or _INSTITUTION.search(w) or _PRESS_OR_BODY.fullmatch(w)
        or _ORG_TAIL.search(w) for w in words if w)


def place_shaped(name: str) -> bool:
    """A word that makes a place name ('Bad Ischl', 'Lake Eyre Basin', 'Monte Bondone', 'Beverly Hills')
    or an institution's building ('Museum Ludwig')."""
    words = name.split()
    return len(words) > 1 and (words[0].lower() in _PLACE_OPENERS and not common_noun(words[1], compounds=False)
                               or words[0] in _STREET_OR_MOUNT
                               or bool(_PLACE_END.search(name)) or any(_INSTITUTION.search(w) for w in words))


def person_shaped(name: str) -> bool:
    """A first name of the lexicon or the international list ('Heinz-Christian Strache': its first part),
    or an initial ('M. Stankovic')."""
    first = name.split()[0]
    return bool(re.fullmatch(r"[A-ZÄÖÜ]\.", first)) or any_first_name(first) or any_first_name(first.split("-")[0])


def _person_context(text: str, start: int, end: int) -> bool:
    """A role noun just before the name ('Regisseur Elia Kazan', 'UN-Generalsekretär Ban Ki Moon',
    'President Xi Jinping'), a speech verb ('sagt Dirck Möllmann'), or an age or a country code just after
    it ('Wal Ferrao (34)', 'Francois Braud (FRA)')."""
    before = text[max(0, start - 40):start].split()
    word = before[-1].rsplit("-", 1)[-1].strip("(,") if before else ""
    return bool(word) and word[:1].isupper() and (_descriptor_role(word) or word.lower() in ROLES) \
        or bool(_AGE_AFTER.match(text, end)) or bool(_SAYS_BEFORE.search(text, max(0, start - 20), start))


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """Last words of the persons of two or more words in the lexicon ('Sanchez', 'Kazan')."""
    return frozenset(f.split()[-1] for f, kind in annotated_names().items() if kind == "PER" and " " in f)


def _dictionary_word(word: str) -> bool:
    """'Pulp', 'Fiction', 'Linguistik' (simplemma's German or English word list)."""
    import simplemma

    w = word.lower().strip(".,")
    return simplemma.is_known(w, lang="de") or simplemma.is_known(w, lang="en")


def vouched(e, texts: dict[str, str], sports: set[str]) -> bool:
    """Whether anything beyond the model's type says that a listed place, organisation or person is one
    (see the module docstring). `sports`: the ids of the story's match reports (`match_reports`)."""
    if e.type not in ("LOC", "ORG", "PER") or e.place is not None or e.kind_word:
        return True
    known = annotated_names()
    if not known or any(known.get(a) == e.type for a in (e.name, *e.aliases)):
        return True
    if e.type == "PER":  # unknown surnames are endless; a 'name' made of dictionary words only is suspect
        return not all(_dictionary_word(w) for w in e.name.split()) or e.name.split()[-1] in _surnames() \
            or person_shaped(e.name) or any(
            _person_context(texts[m.article_id], m.start, m.end) for m in e.mentions)
    if e.type == "LOC":
        return place_shaped(e.name) or any(_AFTER_LOCATIVE.search(texts[m.article_id], max(0, m.start - 12), m.start)
                                           for m in e.mentions)
    return organisation_shaped(e.name) or all(m.article_id in sports for m in e.mentions) and any(
        known_place(w) for w in e.name.split()) or any(
        _KIND_BEFORE.search(texts[m.article_id], max(0, m.start - 30), m.start) for m in e.mentions)


def lower_unvouched(entities: list, plain_of: dict[int, int], docs: list, sports: set[str]) -> list:
    """Unlist the places, organisations and persons of one plain mention that nothing vouches for (they keep
    their mentions in the JSON). Several mentions are evidence of their own; so is, for an organisation,
    standing in the speaker phrase of a quote ('Ein Sprecher des Pentagons')."""
    texts = {d.id: d.text for d in docs}
    by_article = {d.id: [(q.speaker_start, q.speaker_end) for q in d.quotes if q.speaker_start is not None]
                  for d in docs}

    def speaks(e) -> bool:  # a name inside a quote's speaker phrase ('Ein Sprecher des Pentagons')
        return any(s <= m.start and m.end <= t for m in e.mentions for s, t in by_article.get(m.article_id, ()))

    for e in entities:
        if e.listed and (plain_of.get(id(e), 0) <= 1 and not vouched(e, texts, sports) and not (
                e.type == "ORG" and speaks(e)) or _indefinite(e, texts) or dictionary_word_name(e, texts)
                         or _placeless(e, texts) or opened_by_adjective(e) or place_phrase(e)
                         or _inside_a_name(e, texts) or _not_a_name(e, texts)):
            e.confidence = min(e.confidence, _UNVOUCHED)
            e.listed = False
    return entities


def dictionary_word_name(e, texts: dict[str, str]) -> bool:
    """A hyphenated one-word place, organisation or thing whose head is a German dictionary word and no part
    before which names a place or body ('Adblue-Tank', 'Bio-Baumwolle', 'Elektro-Roller', 'Corona-Leugnern',
    'Mathe-Matura' LOC/ORG): a common compound the model took for a name, however often it is mentioned. On
    the listed hyphenated one-word entities that no name list knows, in four outside-style audits and a survey
    of 42 web pages, all 14 such compounds were judged wrong. (The same test for plain words -- 'Beton',
    'Matura' -- was tried and dropped: the dictionary also holds 'Caritas', 'Aldi', 'Schalke' and 'Kufstein'.)
    Acronyms, names with an organisation, building or place word, a kind noun before them ('die Tageszeitung
    Politika') and names the annotated corpora know with this type are kept."""
    parts = [p for p in e.name.split("-") if p]
    if e.type not in ("LOC", "ORG", "MISC") or " " in e.name or len(parts) < 2 or e.place is not None \
            or e.kind_word or is_acronym(e.name) or any(c.isdigit() for c in e.name):
        return False
    known = annotated_names()
    if any(known.get(a) == e.type for a in (e.name, *e.aliases)) or _place_by_name(e.name) \
            or organisation_shaped(e.name) or _GROUP_END.search(e.name) or any(_KIND_WORD_BEFORE.search(texts[m.article_id], max(0, m.start - 30), m.start)
                                                for m in e.mentions if m.article_id in texts):
        return False  # ('Taekwando-Stadion', 'Houthi-Rebellen', 'die Tageszeitung Politika', 'Nachrichtensender Skai')
    return _german_word(parts[-1]) and not any(known.get(p) in ("LOC", "ORG", "PER") or known_place(p) for p in parts[:-1])


def _placeless(e, texts: dict[str, str]) -> bool:
    """A one-word place that no list knows and that no mention puts anywhere ('in', 'nach', 'aus', 'bei',
    'über' … before it): 'Sammelwut', 'Demeter' LOC. On the listed unknown one-word places
    of two or more mentions in four outside-style audits and two surveys of web pages, 12 of the 14 with no
    such context were wrong, 7 of the 14 with one were right."""
    if e.type != "LOC" or " " in e.name or e.place is not None or e.kind_word or _place_by_name(e.name) \
            or annotated_names().get(e.name) == "LOC":
        return False
    return not any(_LOCATIVE.search(texts[m.article_id], max(0, m.start - 25), m.start)
                   for m in e.mentions if m.article_id in texts)


_LOCATIVE = re.compile(r"(?:\b(?:in|im|am|an|ans|zum|zur|nach|aus|nahe|bis|über|durch|vor|bei|nördlich|südlich|östlich"
                       r"|westlich|nordöstlich|nordwestlich|südöstlich|südwestlich|into|from|near)\s+(?:der\s+|dem\s+|den\s+|des\s+|the\s+)?"
                       r"|(?:stadt|städtchen|ort|ortschaft|dorf|gemeinde|provinz|region|bezirk|kanton|insel|see|city|town"
                       r"|village|province)\s+)$", re.I)  # (also 'die Grenzstadt Kilis', 'der Ort Birgitz')


def _place_by_name(name: str) -> bool:
    """A place the lists know, or a name that ends like a place or a building ('Taekwando-Stadion')."""
    return known_place(name) or bool(_PLACE_END.search(name) or _BUILDING_END.search(name))


def opened_by_adjective(e) -> bool:
    """A 'person' whose first word is an inflected German adjective ('Alte Meister', 'Grüner Knopf', 'Heiliges
    Römisches Reich', 'Wiener Spitalsärzten'): a gallery, a label, a state, a group -- no one's name. All 4 such
    persons listed in four audits and a survey of web pages were wrong."""
    first = e.name.split()[0] if e.type == "PER" and " " in e.name else ""
    if not re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+(?:e|er|es|en|em)", first) or any_first_name(first):
        return False
    import simplemma

    lemma = simplemma.lemmatize(first.lower(), lang="de")
    return lemma != first.lower() and lemma.islower() and first.lower().startswith(lemma[:-1] if len(lemma) > 3 else lemma) \
        and simplemma.is_known(lemma, lang="de") and all(  # ('Nasser Al-Khelaifi': a first name, then a name)
            "-" not in w and simplemma.is_known(w, lang="de") for w in e.name.split()[1:])


def place_phrase(e) -> bool:
    """A 'person' that is a preposition and a place the lists know ('von Liberia', left of 'Ex-Präsident von
    Liberia' once the title is cut): no one's name (survey 29). A nobiliary 'von' opens a surname, not a
    country ('Kurt von Figura', 'von der Leyen')."""
    words = e.name.split()
    return e.type == "PER" and len(words) >= 2 and words[0] in ("von", "vom", "aus", "of", "from", "de", "du") \
        and known_place(" ".join(words[1:]))


def _inside_a_name(e, texts: dict[str, str]) -> bool:
    """A place named only inside the name of a treaty, battle or conference ('Vertrag von Lissabon', 'Abkommen von
    Minsk', 'Schlacht von Verdun'): the article speaks of the treaty, not of the town (survey 29)."""
    return e.type == "LOC" and bool(e.mentions) and all(
        _NAMED_AFTER.search(texts[m.article_id], max(0, m.start - 30), m.start) for m in e.mentions if m.article_id in texts)


_NAMED_AFTER = re.compile(r"\b(?:Vertrag|Vertrags|Vertrages|Abkommen|Abkommens|Frieden|Friedens|Schlacht|Konferenz|Gipfel"
                          r"|Protokoll|Protokolls|Treaty|Battle|Agreement|Accords?|Peace)\s+(?:von|vom|of)\s+$")


def _not_a_name(e, texts: dict[str, str]) -> bool:
    """A currency sign ('US $' LOC) or a place's adjective before a noun at every mention ('Markt für Dresdner
    Geschichte', 'im New Yorker Central Park Zoo' LOC/MISC; survey 30): no name of its own."""
    if any(c in e.name for c in "$€£¥"):
        return True
    stem = e.name[:-2]
    return e.type in ("LOC", "MISC") and e.place is None and e.name.endswith("er") and bool(e.mentions) \
        and any(known_place(p) for p in (stem, stem + "en", stem[:-1] + "en", stem + "a", stem[:-1] + "a") if len(p) > 3) \
        and all(re.match(r" [A-ZÄÖÜ]", texts[m.article_id][m.end:m.end + 2]) for m in e.mentions if m.article_id in texts)


def _german_word(word: str) -> bool:
    import simplemma

    return simplemma.is_known(word, lang="de")


# heads that make a hyphenated compound a group's or a place's name ('Houthi-Rebellen', 'Guanabara-Bucht')
_GROUP_END = re.compile(r"-(?:Rebellen|Miliz|Milizen|Brigade|Brigaden|Bucht|See|Tal|Insel|Inseln|Gebirge|Kanal|Fluss"
                        r"|Straße|Platz|Park|Brücke|Hafen|Bahnhof|Flughafen|Viertel|Kaserne)$")
# a kind noun, also at the end of a compound, right before the name ('Nachrichtensender Skai'); wider than
# _KIND_BEFORE (whole capitalised words only), which decides for names of one mention
_KIND_WORD_BEFORE = re.compile(r"(?:zeitung|sender|magazin|zeitschrift|partei|agentur|verlag|konzern|firma|gruppe"
                               r"|bewegung|miliz|band|verein|klub|club|portal|plattform)\s+$", re.I)
_INDEFINITE = re.compile(r"\b(?:ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|keiner|keines)\s+$")


def _indefinite(e, texts: dict[str, str]) -> bool:
    """A one-word 'name' that most of its mentions write right after an indefinite article ('ein Tablet',
    'einen Slogan') is a common noun the model took for a name."""
    if " " in e.name or e.type == "PER" or e.name.isupper() or e.place is not None or known_place(e.name):
        return False  # ('ein geeintes Europa', 'ein Deutschland, das …': a place may take one)
    hits = sum(1 for m in e.mentions if _INDEFINITE.search(texts[m.article_id][max(0, m.start - 40):m.start]))
    return 2 * hits >= len(e.mentions) > 0
