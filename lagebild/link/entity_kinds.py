"""Kinds of names the NER model types by their words rather than by what they name (audits 5-9, README).

- Competitions and tournaments are events (MISC) whatever the model said: 'Champions League' ORG,
  'Europa League' LOC, 'Australian Open' ORG. Their last word says so (a league that is an association,
  'National Football League', stays an organisation).
- A 'place' that is a club named with its city ('ZSKA Moskau' LOC), an English body ('Supreme Court'
  LOC) or a German body in one compound ('am Bundesgerichtshof' LOC) is an organisation (not a 'person':
  the place list also holds surnames, 'Petro Poroschenko').
- A city that only ever stands for its club in match reports ('gegen Valencia') is an organisation.
- A 'person' named after a country without a first name ('Japan Display') is a company; a direction before a
  place ('Südosteuropa' ORG) is a place.
- A building or ground ('Waldstadion Pasching' ORG, 'Al-Aksa Moschee' PER, 'Schloss Windsor') is a place.
- Country codes of sports results ('Kristoff (NOR)', 'Demare (FRA/FDJ)') are no entities of their own:
  three capitals right inside parentheses or before a slash, from the IOC list. They are not listed.
- A first name of the international list before a surname makes a person of an 'organisation' or
  'place' ('Tracy Morgan' LOC), read in canonical.py after the organisation cues ('Thomas Cook').
- Another entity's name run on into a common noun ('Süddeutsche Zeitung Rede') is not listed.
- Two names run together ('zitierte die Agentur TASR Fico', a line-up 'Schaub Ajax: …', a results
  line 'Nishikori Berdych') are no name: a phrase whose first words are another entity's name and whose
  rest is a third's, one of them a person and the other not, or two different persons, is not listed.
"""
from __future__ import annotations

import re

from .entity_evidence import LEGAL_FORMS

_EVENT = re.compile(r"(?:^(?:Ligue \d|Serie [AB]|Primera Divisi[oó]n|Premier League|Eredivisie|Süper Lig)|"
                    r"(?:Champions|Europa|Conference|Nations) League|[\s-](?:Open|Cup|Pokal|Trophy|Grand Prix|"
                    r"Championships?|Meisterschaft|Weltmeisterschaft|Europameisterschaft|Weltcup|Olympics|Festival|"
                    r"Biennale|Awards?|Marathon|Konferenz|Summit)|-Kongress)$|^Grand Prix$|\sFestival of\s"
                    r"|^(?:Tour de|Tour of|Giro d['’]|Vuelta a)\s?\w")  # (stage races: 'Tour de France' ORG, survey 37)

# IOC country codes (results lists); only read in the parentheses/slash context of results
_IOC = frozenset("""AFG ALB ALG AND ANG ARG ARM AUS AUT AZE BAH BAN BAR BEL BIH BLR BOL BRA BUL BUR CAN CHI CHN CIV
CMR COL CRC CRO CUB CYP CZE DEN DOM ECU EGY ERI ESA ESP EST ETH FIJ FIN FRA GBR GEO GER GHA GRE GUA HKG HUN INA IND IRI
IRL IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KOR KOS KSA KUW LAT LBA LIB LIE LTU LUX MAR MAS MDA MEX MGL MKD MLT MNE MON
NAM NED NGR NOR NZL PAK PAN PAR PER PHI POL POR PRK PUR QAT ROU RSA RUS SEN SIN SLO SRB SUI SVK SWE SYR THA TJK TPE TTO
TUN TUR UAE UGA UKR URU USA UZB VEN VIE ZIM ENG SCO WAL NIR""".split())  # (golf and football: the home nations)


def event_name(name: str) -> bool:
    """'Champions League', 'Australian Open', 'Vierschanzen-Tournee' is not matched: only a last word of its own;
    or a German compound that names a festival, games or a fair ('Dresdner Stollenfest', 'Olympische
    Winterspiele', 'Leipziger Buchmesse')."""
    return bool(_EVENT.search(name) or _EVENT_COMPOUND.search(name))


_EVENT_COMPOUND = re.compile(r"[a-zäöü](?:(?<![Mm]ani)fest|festival|festspiele|spiele|spielen|messe|olympiade)(?: \d{4})?$")


# heads of the names of bodies in English, which the German model reads as places ('Supreme Court' LOC)
_BODY_END = re.compile(r"\s(?:Court|Council|Committee|Commission|Agency|Ministry|Parliament|Senate|Congress|Bureau)$")
# a German body named in one compound, which the model reads as a place after 'am', 'beim' ('am Bundesgerichtshof',
# 'beim Verfassungsgericht' LOC, survey 29): the court or the ministry is an organisation
_GERMAN_BODY = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{3,}(?:gerichtshof|gericht|ministerium|anwaltschaft|behörde|kommission"
                          r"|regierung|polizei)$")
_PLACE_OPENERS = {"groß", "klein", "neu", "alt", "bad", "ober", "unter", "nieder", "sankt", "st.", "san", "santa", "new",
                  "old", "north", "south", "east", "west", "nord", "süd", "ost", "mittel", "greater", "upper", "lower",
                  "saint", "fort", "port", "lake", "mount", "los", "las", "el", "la", "le", "den", "de", "het", "the", "il"}
# (articles open place names too: 'Den Haag', 'De Panne'; not 'AS', 'Al': 'AS Roma', 'Al Ahly')


# buildings and grounds the model types as organisations or persons ('Waldstadion Pasching' ORG, 'Al-Aksa Moschee'
# PER): a building noun ends the name (a compound or a word after a name), or opens it ('Schloss Windsor')
_BUILDING_END = re.compile(r"(?:\w(?:stadion|arena|moschee|kirche|kathedrale|dom|synagoge|tempel|palast)"
                           r"|[\s-](?:Stadion|Arena|Moschee|Kathedrale|Synagoge|Tempel|Palast|Stadium|Bridge|Mosque"
                           r"|Cathedral|Palace|Castle|Tower|Towers|Alm|Hütte))$")
_BUILDING_START = re.compile(r"^(?:Schloss|Palais|Burg|KZ|[A-ZÄÖÜ]?\w*(?:[Ss]tadion|[Aa]rena))\s")


# the legal forms of sports clubs opening a name ('FC Sachsen Leipzig', '1. FC Köln', 'TSV 1860 München')
_CLUB_FORM = re.compile(r"(?:1\.\s)?(?:FC|SC|SV|TSV|VfB|VfL|FSV|BSC|SSC|SpVgg|TuS|SG|SK|FK|AC|AS|CF|CD|SSV|KSV|ASV|ESV)\s[A-ZÄÖÜ\d]")


def club_name(name: str) -> bool:
    """A club named with its city ('ZSKA Moskau', 'Bayer Leverkusen', 'Dynamo Kiew'): two words, the second
    a city of the place list, the first none, no first name, no common noun ('Hotel Wien') and no word that
    makes a place name ('Bad Ischl', 'New York')."""
    from .entity_evidence import _places, common_noun, first_names

    words = name.split()
    return len(words) == 2 and words[1] in _places() and words[0] not in _places() \
        and words[0] not in first_names("en") and not common_noun(words[0]) \
        and words[0].lower() not in _PLACE_OPENERS and words[0][:1].isupper() and not words[0].endswith(".")


_PLACE_END = re.compile(r"\s(?:Hills?|Heights|Park|Beach|Springs?|City|Falls|Islands?|Valley|Bay|Lake|River|Creek|"
                        r"Harbou?r|Port|Point|Square|Street|Avenue|Road|Mountains?|County|Coast|Canyon|Woods?|Field|"
                        r"Gardens?|Grove|Ridge|Bridge|Village|Town|Berg|Tal|See|Platz)$")


def foreign_person(name: str) -> bool:
    """'Pablo Andujar' ORG, 'Clayton Lockett' LOC: a first name of the international list (not the German
    lexicon's, which `person_by_first_name` reads), then a surname; never a place the lists know
    ('Sierra Leone'), nor a name ending in a place or an organisation word."""
    from .entity_evidence import _ORG_WORDS, _places, common_noun, first_names
    from .gazetteer import gazetteer

    words = name.split()
    return 2 <= len(words) <= 3 and words[0] in first_names("en") and all(w[:1].isupper() for w in words) \
        and not any(w in _places() or common_noun(w) for w in words) and not _ORG_WORDS.search(words[-1]) \
        and name not in _places() and gazetteer().lookup(name) is None and not _PLACE_END.search(name) \
        and words[0].lower() not in _PLACE_OPENERS


def country_code(name: str, before: list[str], after: list[str]) -> bool:
    """An IOC code written as the nation of a result line at every mention: '(AUT)', '(FRA/FDJ)'."""
    return name in _IOC and all(b.endswith("(") or a.startswith((")", "/")) for b, a in zip(before, after))


def glued(name: str, others: dict[str, list[tuple[int, str]]], me: int = -1) -> bool:
    """`name` read as two other entities' names run together, a person and a non-person; `others`: every
    entity's aliases -> [(its index, 'person' for a person with a full name, else 'other')], `me`: this
    entity's index (a lone word the model called a person may be anything: 'Ajax' PER)."""
    def kind(part: str) -> tuple[int, str] | None:
        return next(((j, t) for j, t in others.get(part, ()) if j != me), None)

    words = name.split()
    for k in range(1, len(words)):
        a, b = kind(" ".join(words[:k])), kind(" ".join(words[k:]))
        if a and b and ((a[1] == "person") != (b[1] == "person") or a[1] == b[1] == "person" and a[0] != b[0]):
            return True  # a person and a non-person, or two persons ('Nishikori Berdych')
    return False


def run_on(name: str, others: dict[str, list[tuple[int, str]]], me: int) -> bool:
    """Another entity's name run on into a common noun ('Süddeutsche Zeitung Rede' beside 'Süddeutsche
    Zeitung', 'Prevc Lukenschieberei' beside 'Peter Prevc')."""
    from .entity_evidence import _nouns_and_first_names, common_noun

    import simplemma

    words = name.split()
    if len(words) < 2 or not words[-1][1:].islower() or (
            words[-1].endswith("s") and simplemma.is_known(words[-1].lower(), lang="en")):
        return False  # ('Philadelphia Flyers': an English plural names a team)
    head = " ".join(words[:-1])
    return any(j != me for j, _ in others.get(head, ())) and (
        words[-1] in _nouns_and_first_names()[0] or common_noun(words[-1]))


_SCORE = re.compile(r"(?<![\d:.,])\d{1,2}:\d{1,2}(?![\d:]|\s*Uhr)")


def match_reports(docs: list) -> set[str]:
    """The ids of the articles with several scores ('2:0', not '16:30 Uhr'; a bounded look per article)."""
    return {d.id for d in docs if len(_SCORE.findall(d.text, 0, 200_000)) >= 2}
_LOCATIVE = re.compile(r"\b(?:in|im|aus|nach|nahe|ab|zwischen)\s+$", re.I)
_DATELINE_OR_VENUE = re.compile(r"(?:/[A-ZÄÖÜ][\w.-]*)*(?:\s\([^()]{1,30}\))?\s[–-]\s")  # 'Graz –', 'Paris/Lissabon –',
# 'Salt Lake City (Utah) –'; '(Graz, …' is read where the function looks


def club_city(e, texts: dict[str, str], sports: set[str]) -> bool:
    """A city that stands for its club in match reports ('gegen Valencia', 'Kiew führte 2:0', 'Sieg von
    Ingolstadt', 'St. Pölten will den Aufstieg'; a region's capital too: 'Salzburg'): a known place that is no
    country, every mention in an article with several scores, and more of its
    mentions club-like than after a locative word ('in Bremen'), in a dateline ('Graz/Salzburg –') or as a
    venue ('(Graz, UPC-Arena'); the outside audits judged such 'places' wrong. `sports`: the ids of the
    articles with several scores (counted once per article, not per mention)."""
    from .entity_evidence import known_place

    if e.type != "LOC" or e.place is not None and "-" not in e.place or "-" in e.name or not known_place(e.name):
        return False  # (a player the model read as a place is no club either: 'Atanga'; a country is its team)
    place = club = 0
    for m in e.mentions:
        text = texts[m.article_id]
        if m.article_id not in sports:
            return False
        if m.derived:
            continue  # ('die Wiener', 'die Salzburger': the demonym says nothing of the name's use)
        if _LOCATIVE.search(text[max(0, m.start - 12):m.start]) or _DATELINE_OR_VENUE.match(text, m.end) \
                or text[m.start - 1:m.start] == "(":
            place += 1
        else:
            club += 1
    return club > place


# a tournament of national teams ('Fußball-WM', 'Länderspiel', 'Achtelfinale')
_NATIONS_CUP = re.compile(r"\b(?:WM|EM|Weltmeisterschaft|Europameisterschaft|Länderspiel\w*|National(?:mannschaft|team|elf)"
                          r"|Gruppenspiel\w*|Achtelfinale|Viertelfinale|Halbfinale|World\s+Cup|Euro\s+20\d\d)\b")
# a country's mention read as its team: a pairing ('Ghana - Australien', 'Frankreich–Mexiko'), an opponent ('gegen
# Algerien', 'zwischen Mexiko und Uruguay', 'Sieg Uruguays', 'schlugen Japan'), a player or coach of it ('Italiens
# Torwart', 'Frankreichs Teamführung', 'Deutschlands nächster Gruppengegner'), a result ('trennten sich', 'unterlag')
_TEAM_BEFORE = re.compile(r"(?:[–-]\s*|\b(?:gegen|Sieg|Niederlage|Sieg\s+über|schlug|schlugen|besiegte|besiegten|bezwang"
                          r"|zwischen\s+[A-ZÄÖÜ]\w+\s+und|trennte\s+sich\s+von|(?:Trainer|Torwart|Torhüter|Schlussmann|Kapitän"
                          r"|Ausscheiden|Teams?|Spiel|Spieles)(?:\s+(?:der|des|von))?)\s+)$")
_TEAM_AFTER = re.compile(r"\s*[–-]\s*[A-ZÄÖÜ]|s?\s+(?:Torwart|Torhüter|Keeper|Stürmer|Verteidiger|Trainer|Coach|Teamführung"
                         r"|Team|Mannschaft|Kapitän|Elf|Abwehr|Auswahl|Mittelfeld|nächster\s+Gruppengegner|Spieler"
                         r"|Nationalspieler|Tor|Tore|Führung|Ausgleich|Ausscheiden|Niederlage|Sieg)\b|\s+(?:schlug|schlugen"
                         r"|besiegte|gewann|verlor|trennte|trennten|unterlag|siegte|spielte|führte|erzielte|glich)\b"
                         r"|\s+und\s+[A-ZÄÖÜ]\w+\s+(?:trennten|spielten)\b")


def national_team(e, texts: dict[str, str], sports: set[str]) -> bool:
    """A country that stands for its national team in a match report of a tournament of nations (survey 34:
    'Ghana - Australien: 1:1', 'Italiens Torwart Buffon', 'gegen Algerien'): every mention in an article with
    several scores and a word of such a tournament, and more mentions read as the team than not ('aus Uruguay',
    'Frankreichs Staatspräsident', 'Spaniens Farben' stay the country)."""
    if e.type != "LOC" or e.place is None or "-" in e.place:
        return False
    team = named = 0
    for m in e.mentions:
        text = texts[m.article_id]
        if m.article_id not in sports or not _NATIONS_CUP.search(text, 0, 20_000):
            return False
        if m.derived:
            continue  # ('die Franzosen': the demonym says nothing of the name's use)
        named += 1
        team += bool(_TEAM_BEFORE.search(text, max(0, m.start - 40), m.start) or _TEAM_AFTER.match(text, m.end))
    return 2 * team > named


def company_at_place(name: str) -> bool:
    """A 'person' whose name opens or ends with a country and has no first name: a company
    ('Japan Display', 'Eurotax Österreich' PER)."""
    from .entity_evidence import any_first_name
    from .gazetteer import gazetteer

    words = name.split()  # (a country, not a city: 'Paris Hilton')
    return len(words) >= 2 and not any(any_first_name(w) for w in words) and (
        gazetteer().rank(words[0]) <= 0 or gazetteer().rank(words[-1]) <= 0)


def region_name(name: str) -> bool:
    """'Südosteuropa', 'Nordafrika', 'Westbalkan' typed ORG or MISC: a direction before a place is a place."""
    from .entity_evidence import _places
    from .gazetteer import gazetteer

    hit = re.fullmatch(r"(?:Nord|Süd|Ost|West|Mittel|Zentral)(?:ost|west)?([a-zäöü]\w{3,})", name)
    if not hit:
        return False
    rest = hit[1].capitalize()
    return rest in _places() or gazetteer().lookup(rest) is not None or rest in ("Europa", "Afrika", "Asien", "Balkan")


# things named by their kind at the end (audit 11): a disease, an agreement or law -> MISC; an
# orchestra, a studio or a project -> ORG; a republic or kingdom -> LOC
_THING_END = re.compile(r"(?:Grippe|Pest|Fieber|Syndrom|Virus|Seuche|Abkommen|Vertrag|Pakt|Protokoll|Gesetz|Richtlinie"
                        r"|Doktrin|Agreement|Treaty|Act|Carta|Charta|Manifest|of Rights)$")
_AFFAIR = re.compile(r"(?:^|[\s-])(?:Causa|Affäre|Skandal)(?:$|[\s-])|\w-?(?:[Aa]ffäre|[Ss]kandal)$")
_TOURNAMENT_SHORT = frozenset({"EM", "WM", "EURO", "Euro"})
# a championship with its year, a storm, a ship, a maker's model code ('Airbus A320', 'McDonnell Douglas MD-80')
_NAMED_THING = re.compile(r"(?:(?:EM|WM|EURO|Euro)\s+\d{4}|(?:Zyklon|Hurrikan|Taifun|Wirbelsturm|Tropensturm|Orkan|Sturmtief"
                          r"|Hurricane|Typhoon|Cyclone)\s+(?!Cent(?:er|re)\b|Zentrum\b|Season\b)[A-ZÄÖÜ]\w+|(?:HMS|USS|RMS|SMS|HMAS|HMCS|MV|MS)\s+[A-ZÄÖÜ]\w+"
                          r"|(?:[A-ZÄÖÜ]\w+\s+){1,2}[A-Z]{1,3}-?\d{2,4}[a-z]?)$")
_ORG_END = re.compile(r"(?:Philharmoniker|Symphoniker|Sinfoniker|Orchester|Orchestra|Ensemble|Entertainment|Studios?"
                      r"|Project|Projekt|Quartett|Chor|Band|Records|Pictures|Games|Radio|Broadcasting)$")
# an English body named after a person or place ('George Washington University' PER)
_ENGLISH_BODY_END = re.compile(r"\s(?:University|College|Institute|Foundation|School|Hospital|Academy)$")
_PRESS = re.compile(r"\b(?:Times|Post|Tribune|Journal|Herald|Gazette|Telegraph|Chronicle|Zeitung|Rundschau|Kurier|Anzeiger"
                    r"|Tagblatt|Nachrichten)\b")  # a newspaper ('Times of London', 'Washington Post') is an organisation
# a news outlet: 'BBC News', 'Fox News' (not 'Fake News')
_NEWS_OUTLET = re.compile(r"(?:[A-Z]{2,5}|Fox|Sky|Yahoo|Google|Bloomberg|Reuters|Euronews) News")
_STATE = re.compile(r"(?:[Rr]epublik|Königreich|Fürstentum|Emirate|Sultanat|Valley)\b")
# an acronym after the kind of thing it names: 'das Freihandelsabkommen TTIP', 'des Abkommens TTIP'
_AGREEMENT_BEFORE = re.compile(r"(?:abkommen|abkommens|vertrag|vertrags|pakt|pakts|gesetz|gesetzes|richtlinie)\s+$", re.I)


_ROLE_TAIL = re.compile(r"(?:chef|chefin|sprecher|sprecherin|leiter|leiterin|experte|expertin|ökonom|ökonomin|analyst"
                        r"|analystin|berater|beraterin|minister|ministerin|direktor|direktorin|manager|managerin|trainer"
                        r"|trainerin|coach|boss|vorsitzender|vorsitzende|kommissar|kommissarin|titelverteidiger"
                        r"|titelverteidigerin|siegerin|meisterin|obmann|obfrau)$")


def _role_compound(name: str) -> bool:
    """'Fernsehchef', 'Bank-Austria-Ökonom': a compound that ends in a role noun, no name."""
    if " " in name:
        return False
    if "-" in name:
        return bool(_ROLE_TAIL.fullmatch(name.rsplit("-", 1)[1].lower()))
    m = _ROLE_TAIL.search(name.lower())
    return m is not None and m.start() >= 4  # a compound ('Fernsehchef'), not the role alone


# a product named by its maker and a model word ('Apple Watch', 'OnePlus X', 'Windows XP', 'Cyanogen OS')
_MODEL_WORD = re.compile(r"(?:One|Two|X|Pro|Max|Plus|Mini|Air|Watch|Pay|OS|XP|Phone|Pad|Lite|Ultra|Edge|Note"
                         r"|Vista|Maps|Drive|Store|Play|Find|Glass|Echo|Kindle|Galaxy)$")


def _product(e) -> bool:
    """A two- or three-word name that ends in a model word and is no organisation by its own words
    ('Apple Inc', 'Microsoft Deutschland'), or a 'person' with a model code ('Hy5 TT'). (A maker's name
    first was tried too: it took 'Sony Music', 'HP Enterprise Services' and 'Oculus VR' for products.)"""
    from .entity_evidence import _ORG_WORDS, _places, first_names

    words = e.name.split()
    if e.type == "PER" and e.place is None and any(re.search(r"\d", w) for w in words):
        return True  # 'Hy5 TT', 'Seat Mo 125': a model code, no person's name has digits
    if e.place is not None or e.type == "PER" or not 2 <= len(words) <= 3 or words[0] in first_names("en") \
            or _ORG_WORDS.search(words[-1]) or words[-1] in _places() or _ORG_END.search(e.name):
        return False
    return bool(_MODEL_WORD.fullmatch(words[-1]))


def _kind_of_thing(e, texts: dict[str, str]) -> str | None:
    """The type a name's own words (or the noun before an acronym) give it, if any (see above)."""
    if e.place is not None:
        return None
    if _AFFAIR.search(e.name) or e.name in _TOURNAMENT_SHORT or _NAMED_THING.match(e.name):
        return "MISC"  # 'Causa Hypo', 'Hypo-Causa': an affair; 'EM', 'WM 2006': a championship; 'Zyklon Tasha', 'HMS
        # Orpheus', 'McDonnell Douglas MD-80' (survey 38)
    if e.type == "PER" and " & " in e.name:
        return "ORG"  # 'Ernst & Young': a firm
    if e.type in ("PER", "LOC") and e.name.startswith("The ") and not _PRESS.search(e.name):
        return "MISC"  # 'The Revenant' LOC, 'The Hunting Ground' PER: no person or place is called 'The …'

    if _THING_END.search(e.name) and " " in e.name or e.name.isupper() and any(
            _AGREEMENT_BEFORE.search(texts[m.article_id][max(0, m.start - 24):m.start]) for m in e.mentions):
        return "MISC"
    if e.type in ("PER", "LOC") and " " in e.name and (_ORG_END.search(e.name) or _ENGLISH_BODY_END.search(e.name)) \
            or e.type == "MISC" and " " in e.name and _ENGLISH_BODY_END.search(e.name) or _NEWS_OUTLET.fullmatch(e.name) \
            or e.type != "ORG" and " " in e.name and _PRESS.search(e.name):
        return "ORG"
    if e.type in ("ORG", "PER") and " " in e.name and (_STATE.search(e.name) or _ends_like_a_place(e.name)):
        return "LOC"  # 'Demokratische Volksrepublik Korea', 'Colorado Springs', 'Uttar Pradesh'
    before = [texts[m.article_id][max(0, m.start - 28):m.start] for m in e.mentions if m.article_id in texts]
    if e.type != "ORG" and (" " in e.name and _LEGAL_FORM_END.search(e.name) or before and all(
            _OUTLET_BEFORE.search(b) for b in before)):
        return "ORG"  # 'Air Pony Express Inc'; 'des Magazins „Der Spiegel“', 'der Firma Air Pony Express'
    if e.type != "MISC" and before and all(_MODEL_BEFORE.search(b) for b in before):
        return "MISC"  # 'ein Charterflugzeug vom Typ Fairchild Metroliner': a product
    if e.type != "ORG" and _AIRLINE.match(e.name):
        return "ORG"  # 'Air Koryo' PER, 'Air Berlin': an airline
    if e.type != "LOC" and _ROAD.fullmatch(e.name) and before and 2 * sum(
            bool(_ROAD_BEFORE.search(b)) for b in before) > len(before):
        return "LOC"  # 'auf der A1', 'Bundesstraße B125': a road (not the Austrian telecom 'A1')
    return None


_AIRLINE = re.compile(r"Air\s+(?!(?:Force|Base|Show|Bag|Port|Mail|Traffic|Station|Strike|Raid|Defen[cs]e|Marshal|Quality)\b)"
                      r"[A-ZÄÖÜ]\w+$")
_ROAD = re.compile(r"(?:A|B|BAB|E|L|K)\s?\d{1,3}")
_ROAD_BEFORE = re.compile(r"\b(?:auf|über)\s+(?:der|die)\s+$|(?:Autobahn|Bundesstraße|Schnellstraße|Landesstraße)\s+$")


_LEGAL_FORM_END = re.compile(r"\s(?:" + LEGAL_FORMS + r")$")
_OUTLET_BEFORE = re.compile(r"\b(?:(?:Nachrichten|Wochen|Monats)?[Mm]agazins?|\w*[Zz]eitung|\w*[Zz]eitschrift|\w*[Ss]enders?"
                            r"|Firma|Unternehmens?|Konzerns?|Fluggesellschaft|Airline|Verlags?|Agentur)\s+[„\"»]?$")
_MODEL_BEFORE = re.compile(r"\b(?:vom\s+Typ|des\s+Typs|Typs?|Modells?|Baureihe)\s+[„\"»]?$")


def _ends_like_a_place(name: str) -> bool:
    """A place word ends the name ('Springs', 'Island', 'Pradesh'), and it is no club ('Manchester City')
    and no person ('Kellie Hill': a first name opens it)."""
    from .entity_evidence import first_names, person_by_first_name

    return bool(_PLACE_END.search(name) or name.endswith(" Pradesh")) and not name.endswith(" City") \
        and not person_by_first_name(name) and name.split()[0] not in first_names("en")


def review_kinds(entities: list, docs: list, sports: set[str] | None = None) -> list:
    """The rules above over a story's entities (before its merges: a glued 'Schaub Ajax' must not
    take in the lone 'Ajax'). Glued names are judged twice: a second time without the names the first
    pass found glued ('Ajax' is an alias of 'Schaub Ajax', which leaves 'Ajax Amsterdam' alone)."""
    from .entity_evidence import LISTED, person_by_first_name

    def alias_index(skip: set[int]) -> dict[str, list[tuple[int, str]]]:
        out: dict[str, list[tuple[int, str]]] = {}
        for k, e in enumerate(entities):
            person = e.type == "PER" and " " in e.name and person_by_first_name(e.name)  # not 'Koza Ipek' PER
            for alias in [*e.aliases, e.name.split()[-1]] if k not in skip else ():  # the surname alone too
                out.setdefault(alias, []).append((k, "person" if person else "other"))
        return out

    first = alias_index(set())
    maybe = {k for k, e in enumerate(entities) if " " in e.name and glued(e.name, first, k)}
    second = alias_index(maybe)
    texts = {d.id: d.text for d in docs}
    sports = match_reports(docs) if sports is None else sports  # (`match_reports`, when the caller has it)
    for k, e in enumerate(entities):
        e.kind_word = True
        if kind := _kind_of_thing(e, texts):
            e.type = kind
        elif _product(e):
            e.type = "MISC"
        elif e.place is None and event_name(e.name) and not person_by_first_name(e.name):  # ('Joachim Standfest')
            e.type = "MISC"
        elif e.place is None and e.type == "LOC" and (club_name(e.name) or _BODY_END.search(e.name)
                                                      or _GERMAN_BODY.search(e.name)) or e.type != "ORG" and _CLUB_FORM.match(e.name):
            e.type = "ORG"  # ('FC Sachsen Leipzig' MISC: a club; survey 37)
        elif club_city(e, texts, sports) or national_team(e, texts, sports) or e.type == "PER" and company_at_place(e.name):
            e.type = "ORG"
        elif e.type != "LOC" and e.place is None and region_name(e.name):
            e.type = "LOC"
        elif e.place is None and e.type in ("ORG", "PER") and (_BUILDING_END.search(e.name)
                                                             or _BUILDING_START.search(e.name)):
            e.type = "LOC"
        else:
            e.kind_word = False
        code = e.name in _IOC and country_code(e.name, [texts[m.article_id][max(0, m.start - 1):m.start] for m in e.mentions],
                                               [texts[m.article_id][m.end:m.end + 1] for m in e.mentions])
        if code or (k in maybe and glued(e.name, second, k)) or run_on(e.name, first, k) or (
                e.place is None and e.type != "PER" and _role_compound(e.name)):
            e.confidence = min(e.confidence, 0.3)
            e.listed = e.confidence >= LISTED
    return entities
