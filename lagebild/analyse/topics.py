"""What a figure counts, as a key comparable across articles ('Soldaten', 'Truppen' -> 'soldat').

Three steps, each general German, none made for one story:

1. Lemma of the head noun (simplemma). Nominalised adjectives and participles, which the
   lemmatiser treats inconsistently ('Tote' -> 'Tote', 'Toten' -> 'Toter', 'Verletzte' ->
   'verletzt'), are keyed by their plural form ('tote', 'verletzte'). Hyphenated
   compounds keep their last part ('US-Soldaten' -> 'soldat').
2. Compound head: the longest known noun at the end of the word whose remaining prefix is
   itself a noun ('artilleriegranate' -> 'granate', 'militärangehörige' -> 'angehörige').
   The topic keeps the full compound (an artillery shell count is not a count of all
   shells); the head is returned by `topic_info` for callers that want a looser match.
3. Synonyms: a small general-purpose lexicon of nouns that news use for the same counted
   set (GENERAL_SYNSETS: troops, dead, injured, refugees, residents, staff, firms, ...),
   not tied to any story, plus an optional data-derived table `topic_synonyms.json`
   (training/numbers/build_synonyms.py). Measured on shared/data (2.1M words), the
   distributional route gives relatedness, not synonymy ('tot' ~ 'zivilist', 'mann' ~
   'mädchen': cosine AUC 0.41 on tests/data/topic_pairs.tsv), so the script only writes
   its table on request and the lexicon carries the synonymy. Every member of a set maps
   to the set's first key.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

SYNONYM_FILE = Path(__file__).with_name("topic_synonyms.json")
_ADJ_LIKE = re.compile(r"(t|en|ig|isch|sch|lich|los|bar|sam|haft|ell|al|iv|ant|ent|ös|nd|er|ert)$")


@lru_cache(maxsize=20000)
def _lemma(word: str) -> str:
    import simplemma

    return simplemma.lemmatize(word, lang="de")


@lru_cache(maxsize=20000)
def _known_noun(word: str) -> bool:
    import simplemma

    if len(word) < 3 or not simplemma.is_known(word, lang="de"):
        return False
    lem = _lemma(word)
    return bool(lem) and lem[0].isupper()


def noun_key(word: str) -> str:
    """Lower-case lemma of one noun as written; '' for non-words."""
    word = word.strip(".,;:!?\"'()[]„“”«»")
    if "-" in word:
        word = word.rsplit("-", 1)[1]
    if not word or not word[0].isalpha():
        return ""
    low = word.lower()
    lem = _lemma(word)
    if word[0].isupper() and (low.endswith("e") or low.endswith("en")):
        stem = low[:-2] if low.endswith("en") else low[:-1]
        # nominalised adjective / participle: key by the '-e' form
        if _ADJ_LIKE.search(stem) and (lem[:1].islower() or lem.lower() in (stem + "e", stem + "er")):
            return stem
    key = lem.lower()
    # the lemmatiser flips between '-e' and bare forms ('Granate' -> 'Granat', 'Granaten' ->
    # 'Granate'): a key never keeps a final -e, so both forms meet
    return key[:-1] if key.endswith("e") and len(key) > 4 else key


@lru_cache(maxsize=20000)
def compound_head(key: str) -> str:
    """The last noun of a compound key ('artilleriegranate' -> 'granate'), else the key."""
    for i in range(3, len(key) - 3):
        suffix, prefix = key[i:], key[:i]
        if len(suffix) < 5 and len(prefix) < 5:
            continue  # 'zivi|list': short splits are mostly accidents
        if not _known_noun(suffix.capitalize()) and not _known_noun(suffix.capitalize() + "e"):
            continue
        for p in (prefix, prefix[:-1] if prefix.endswith("s") else None, prefix[:-2] if prefix.endswith("es") else None,
                  prefix[:-1] if prefix.endswith("n") else None):
            if p and len(p) >= 3 and _known_noun(p.capitalize()):
                return noun_key(suffix.capitalize())
    return key


# Nouns that German news use for the same counted set. General: each line is a meaning
# that recurs in any news domain, written as plural forms; keys come from `noun_key`.
GENERAL_SYNSETS = [
    "Soldaten Truppen Militärangehörige Armeeangehörige Kämpfer Streitkräfte Militärs Kombattanten",
    "Tote Todesopfer Getötete Menschenleben",
    "Verletzte Verwundete",
    "Flüchtlinge Geflüchtete Geflohene Schutzsuchende Vertriebene",
    "Asylbewerber Asylsuchende Asylwerber",
    "Migranten Zuwanderer Einwanderer",
    "Einwohner Bewohner",
    "Menschen Personen Leute",
    "Zivilisten Zivilpersonen",
    "Raketen Flugkörper",
    "Granaten Geschosse",
    "Gebäude Bauten",
    "Mitarbeiter Beschäftigte Angestellte Arbeitnehmer Mitarbeitende",
    "Arbeitsplätze Jobs Stellen",
    "Kinder Minderjährige",
    "Fahrzeuge Autos Pkw Kraftfahrzeuge",
    "Unternehmen Firmen Betriebe",
    "Demonstranten Protestierende Demonstrierende",
    "Gefangene Häftlinge Inhaftierte",
    "Besucher Gäste",
    "Ärzte Mediziner",
    "Panzer Kampfpanzer",
    "Kampfflugzeuge Kampfjets",
    "Wohnungen Wohneinheiten",
    "Polizisten Polizeibeamte",
    "Lehrer Lehrkräfte",
    "Stimmen Wählerstimmen",
    "Entsendung Einsatz Stationierung Verlegung",
]


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """key -> representative key of its synonym set."""
    out: dict[str, str] = {}
    for line in GENERAL_SYNSETS:
        keys = [noun_key(w) for w in line.split()]
        for k in keys:
            out.setdefault(k, keys[0])
    try:
        data = json.loads(SYNONYM_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return out
    for group in data.get("groups", []):
        rep = group[0]
        for k in group:
            out.setdefault(k, out.get(rep, rep))
    return out


# English and French words for the same sets, mapped to the German set's key so that figures
# from articles in different languages on one story group: German representative -> words.
INTL_SYNSETS = {
    "Soldaten": ("soldiers troops servicemen servicemembers fighters combatants military personnel",
                 "soldats troupes militaires combattants"),
    "Tote": ("dead deaths fatalities killed lives", "morts tués décès victimes"),
    "Verletzte": ("injured wounded injuries", "blessés"),
    "Flüchtlinge": ("refugees displaced evacuees", "réfugiés déplacés"),
    "Asylbewerber": ("asylum-seekers", "demandeurs"),
    "Migranten": ("migrants immigrants", "migrants immigrés"),
    "Einwohner": ("residents inhabitants", "habitants résidents"),
    "Menschen": ("people persons individuals", "personnes gens individus"),
    "Zivilisten": ("civilians", "civils"),
    "Raketen": ("missiles rockets", "missiles roquettes"),
    "Granaten": ("shells projectiles grenades", "obus projectiles grenades"),  # not 'rounds': boxing, talks
    "Gebäude": ("buildings", "bâtiments immeubles édifices"),
    "Mitarbeiter": ("employees workers staff", "salariés employés travailleurs"),
    "Arbeitsplätze": ("jobs positions", "emplois postes"),
    "Kinder": ("children minors kids", "enfants mineurs"),
    "Fahrzeuge": ("vehicles cars", "véhicules voitures"),
    "Unternehmen": ("companies firms businesses", "entreprises sociétés firmes"),
    "Demonstranten": ("protesters demonstrators", "manifestants"),
    "Gefangene": ("prisoners detainees inmates", "prisonniers détenus"),
    "Besucher": ("visitors guests", "visiteurs"),
    "Ärzte": ("doctors physicians", "médecins"),
    "Panzer": ("tanks", "chars blindés"),
    "Kampfflugzeuge": ("jets fighter-jets warplanes", "avions"),
    "Wohnungen": ("homes apartments flats", "logements appartements"),
    "Polizisten": ("police policemen officers", "policiers gendarmes"),
    "Lehrer": ("teachers", "enseignants professeurs"),
    "Stimmen": ("votes ballots", "voix suffrages"),
}


_FR_PRE_NOMINAL = {"nouveaux", "nouvelles", "jeunes", "autres", "petits", "petites", "grands", "grandes",
                   "anciens", "anciennes", "premiers", "premières", "derniers", "dernières"}


@lru_cache(maxsize=20000)
def intl_key(word: str, lang: str) -> str:
    """Lower-case lemma of an English or French noun ('troops' -> 'troop')."""
    import simplemma

    w = word.strip(".,;:!?\"'()[]„“”«»").lower()
    if not w or not w[0].isalpha():
        return ""
    return simplemma.lemmatize(w, lang=lang).lower()


@lru_cache(maxsize=4)
def intl_synonyms(lang: str) -> dict[str, str]:
    """en/fr key -> German set key (see INTL_SYNSETS)."""
    out: dict[str, str] = {}
    col = 0 if lang == "en" else 1
    for rep, words in INTL_SYNSETS.items():
        for w in words[col].split():
            out.setdefault(intl_key(w, lang), noun_key(rep))
    return out


def head_word(count_of: str) -> str:
    """The head noun of a counted phrase: its last capitalised word."""
    words = [w for w in re.findall(r"[\w-]+", count_of) if w[:1].isupper()]
    return words[-1] if words else ""


def topic_info(count_of: str, lang: str = "de") -> dict:
    """{'key', 'head', 'topic'} for a counted phrase such as 'nordkoreanische Soldaten'.

    English heads are the phrase's last word, French heads its first ('soldats nord-coréens');
    their keys are lemmas, mapped to the German set key where INTL_SYNSETS knows the word.
    """
    if lang in ("en", "fr"):
        ws = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", count_of)
        if lang == "fr":  # the noun comes first; skip pre-nominal adjectives ('autres blessés')
            ws = [w for w in ws if w.lower() not in _FR_PRE_NOMINAL] or ws
        word = (ws[-1] if lang == "en" else ws[0]) if ws else ""
        key = intl_key(word, lang) if word else ""
        topic = intl_synonyms(lang).get(key) or key
        return {"key": key, "head": key, "topic": topic, "head_topic": topic}
    word = head_word(count_of)
    key = noun_key(word) if word else ""
    head = compound_head(key) if key else ""
    syn = synonyms()
    topic = syn.get(key) or key
    return {"key": key, "head": head, "topic": topic, "head_topic": syn.get(head) or head}


def topic_of(count_of: str, lang: str = "de") -> str:
    """Normalised topic key for a counted phrase ('' when nothing is counted)."""
    return topic_info(count_of, lang)["topic"]


# ------------------------------------------------------------ what happened to the people counted
# '800 Menschen evakuiert' and 'bis zu 3.000 Menschen betroffen' count different sets of people:
# for person nouns the predicate of the figure's clause becomes part of the topic
# ('mensch:evakuiert', 'flüchtling:festgenommen'), so that they are not grouped (and flagged as
# disagreeing) together. Nouns that already say it ('Tote', 'Verletzte') are left alone.
GENERIC_PEOPLE = {"mensch"}  # 'Menschen', 'Personen', 'Leute', 'people' (GENERAL_SYNSETS)
PERSON_WORDS = ("Menschen Einwohner Anwohner Zivilisten Kinder Soldaten Polizisten Mitarbeiter Besucher "
                "Demonstranten Bürger Frauen Männer Schüler Passagiere Touristen Arbeiter Bewohner "
                "Migranten Flüchtlinge Asylwerber Asylbewerber Häftlinge Beamte Kämpfer Opfer Patienten Studenten "
                "Täter Verdächtige Beschäftigte Angestellte")
PREDICATES = [
    ("evakuiert", r"evakuier\w*|in\s+Sicherheit\s+gebracht|aus\s+ihren\s+(?:Häusern|Wohnungen)\s+(?:geholt|gebracht)"
                  r"|(?:ihre|ihr)\s+(?:Häuser|Wohnungen|Haus|Zuhause)\s+verlassen"
                  r"|evacuat\w*|évacu\w*"),
    ("betroffen", r"betroffen\w*|affected|touch[ée]e?s\b|concern[ée]e?s\b"),
    ("tot", r"getötet|ums\s+Leben(?:\s+gekommen)?|starben|gestorben|(?:mit\s+)?in\s+den\s+Tod|tödlich\s+verletzt|killed|died|tu[ée]e?s\b|mort(?:e|s|es)?\b|décédé\w*"),
    ("verletzt", r"verletzt\w*|verwundet\w*|injured|wounded|bless[ée]e?s\b"),
    ("vermisst", r"vermisst\w*|missing|disparu\w*"),
    ("vertrieben", r"obdachlos\w*|vertrieben|geflohen|geflüchtet|displaced|homeless|fled|déplac[ée]e?s\b|sans-abri"),
    ("festgenommen", r"festgenommen|verhaftet|inhaftiert|arrested|detained|interpell[ée]e?s\b|arr[êe]t[ée]e?s\b"),
    ("gerettet", r"gerettet|geborgen|rescued|secouru\w*|sauv[ée]e?s\b"),
    ("untergebracht", r"untergebracht|Notunterk\w+|sheltered|héberg[ée]\w*"),
    # registrations, identifications and strikes are other sets again ('10.000 Flüchtlinge registriert' / '7.000
    # Flüchtlinge weitergereist'; 'drei Täter identifiziert' / 'zwei Täter in U-Haft'); arrivals are not split
    # off: 'Soldaten eingetroffen' and 'Soldaten in Kursk' are the same troops
    # a crowd ('as many as 20,000 people took to the streets', '30.000 Menschen demonstrierten'): the
    # classic disputed figure (police against organisers), comparable only with other crowd figures
    ("demonstriert", r"demonstrier\w*|protestier\w*|auf\s+die\s+Straßen?\s+(?:gegangen|gingen|gehen)|gingen\s+auf\s+die"
                     r"\s+Straßen?|marschier\w*|took\s+to\s+the\s+streets|marched|rallied|protested|demonstrated"
                     r"|manifest(?:é|ai|ent|aient)\w*"),
    ("registriert", r"registriert|erfasst|gezählt|registered|counted|enregistr[ée]e?s\b"),
    ("identifiziert", r"identifiziert|ausgeforscht|identified|identifi[ée]e?s\b"),
    ("streik", r"streik\w*|im\s+Ausstand|on\s+strike|en\s+grève"),
]
_PREDICATE_RE = [(name, re.compile(rf"(?<![\w-])(?:{pat})(?![\w-])", re.IGNORECASE)) for name, pat in PREDICATES]
_CLAUSE_BREAK = re.compile(r"[,;:.!?–—()]|\s(?:aber|während|but|while|mais)\s")
# '1.500 Menschen, die ihre Häuser verlassen mussten': a relative clause on the counted noun
_RELATIVE = re.compile(r"\s*,\s*(?:die|welche|who|which|that|qui)\b")


# people of no kind who died, were hurt or are missing are what 'Tote', 'Verletzte', 'Vermisste' count:
# '28 Menschen wurden getötet' and '35 Tote' are one quantity ('Soldaten getötet' stays a subset: 'soldat:tot')
_AS_NOUN = {"tot", "verletzt", "vermisst"}


def with_predicate(topic: str, pred: str | None) -> str:
    """A person topic with the predicate of its clause: 'mensch' + 'evakuiert' -> 'mensch:evakuiert';
    generic people who died, were hurt or are missing -> the noun's own key ('tot')."""
    if not pred:
        return topic
    return pred if topic in GENERIC_PEOPLE and pred in _AS_NOUN else f"{topic}:{pred}"


@lru_cache(maxsize=1)
def person_topics() -> frozenset[str]:
    return frozenset(topic_info(w)["topic"] for w in PERSON_WORDS.split())


def predicate_class(text: str, sent_start: int, sent_end: int, num_start: int, count_end: int) -> str | None:
    """The predicate class of a person figure's clause ('evakuiert', 'betroffen', 'tot', ...):
    the match nearest to the counted phrase, looked for after it first, then before it."""
    breaks_before = [m.end() for m in _CLAUSE_BREAK.finditer(text, sent_start, num_start)]
    lo = breaks_before[-1] if breaks_before else sent_start
    rel = _RELATIVE.match(text, count_end, sent_end)
    nxt = _CLAUSE_BREAK.search(text, rel.end() if rel else count_end, sent_end)
    hi = nxt.start() if nxt else sent_end
    best = None
    for name, rx in _PREDICATE_RE:
        for m in rx.finditer(text, lo, hi):
            dist = m.start() - count_end if m.start() >= count_end else (num_start - m.end()) + 1000
            if best is None or dist < best[0]:
                best = (dist, name)
    return best[1] if best else None
