"""English entities from the German-trained NER model: what is no name (issue 16).

lagebild's NER model is trained on German data; on English text it also tags headline words, roles and
demonyms. Measured on the English stories dev set (tests/data/stories_en_dev.jsonl, ECB+ topics 1-10),
a third of the listed entities were junk: 'Swimmer And Actress Dies Aged', 'Prison Van Near Houston'
(title-case headlines), 'BIGGEST PROTEST' (a shouted headline), 'Police Chief', 'Court Judge Rowland'
(roles), 'American', 'Germans', 'Greek' (demonyms). These rules mark such names as junk or strip the
role, for English articles only:

* a capitalised English function word inside a multi-word name ('And', 'Near', 'Of', 'Into'): a
  title-case headline, not a name ('Bank of America' writes 'of' in lower case);
* a multi-word name written in capitals only ('RED SOX MAKE HUGE');
* a name made only of role words ('Police Chief', 'Prime Minister', 'Police Capt');
* a demonym or nationality adjective alone ('American', 'Germans'; lagebild/data/demonyms-en.txt);
* a person's name loses leading role words ('Court Judge Rowland Barnes' -> 'Rowland Barnes') and a
  team, town or court after 'of' ('Judge James G. Bodiford of Superior Court' -> 'James G. Bodiford');
* an office or a chair is no name ('Fulton County District Attorney'), nor is a piece of a longer name
  ('Fish' of 'Fish and Wildlife Service', 'Hollywood' of 'The Hollywood Reporter') or a kind of body
  alone ('Society') (`_office`, `_fragment`);
* types from the name's own words and the mentions' contexts (`english_type`): a work's title after a
  work noun or in quotes is MISC, an acronym the model calls MISC is an organisation;
* a name written only in title-case headline lines is not listed (`headline_case`);
* a weekday or month alone is no name ('Thursday', 'February'); words a sentence start glues to a
  name go ('Ironically Nichols', 'And King', 'Certainly , King' -> the name), and so do a trailing
  weekday ('Washington Saturday') and a person's team or town ('Eddie Jordan of Washington') (`trim_name`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data"

# titles and roles written before an English name ('Judge Rowland Barnes', 'Police Capt. Jim Anderson')
ROLES = frozenset("""
judge court chief police capt captain sgt sergeant lt lieutenant officer detective deputy sheriff trooper constable
commander commissioner inspector superintendent marshal marshals agent special president vice prime minister
secretary governor gov senator sen rep representative congressman congresswoman mayor councilman councilwoman
ambassador attorney district general gen col colonel maj major adm admiral dr mr mrs ms miss prof professor rev reverend father sister brother coach manager director spokesman
spokeswoman spokesperson inmate escapee suspect prisoner fugitive actress actor singer star model swimmer boxer
champion pitcher shortstop outfielder quarterback striker goalkeeper chairman chairwoman ceo executive founder
owner senior president-elect
department office state county city federal national
""".split())


# prepositions a title-case headline capitalises ('Prison Van Near Houston') beside the stop word list
_HEADLINE_WORDS = frozenset("near amid across against toward towards onto into upon via despite inside outside".split())


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from .similarity import stopwords

    return stopwords("en") | _HEADLINE_WORDS


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    words = (_DATA / "demonyms-en.txt").read_text(encoding="utf-8").split()
    return frozenset(w for w in words if not w.startswith("#")) | frozenset(w + "s" for w in words if w.endswith("an"))


def _word(w: str) -> str:
    return w.strip(".,'’").lower()


def strip_role(name: str) -> str:
    """'Court Judge Rowland Barnes' -> 'Rowland Barnes'; a name of roles only stays as it is."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and (_word(words[k]) in ROLES or _word(words[k]) in _DEPARTMENTS):
        k += 1
    return " ".join(words[k:]) if k else name


# weekdays and months (not May, June, April, August: also names); a weekday is never an entity
CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march july september "
                     "october november december".split())
_COMPASS = frozenset("west east north south western eastern northern southern".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# what a secretary or minister is in charge of ('Interior Secretary Ken Salazar')
_DEPARTMENTS = frozenset("interior commerce defense defence foreign finance treasury justice homeland education energy "
                         "labor labour health transportation transport agriculture veterans home".split())
# words that open a sentence before a name ('Unlike Elvis, ...') beside the stop words and -ly adverbs
_LEAD_WORDS = frozenset("unlike despite although though whereas meanwhile however instead besides".split())
# abbreviations that are no entity: company forms, clock times and zones, a knock-out
_NO_NAME = frozenset("LLC Inc Ltd Corp Co AM PM EDT EST PDT PST CDT CST MDT MST GMT UTC BST CET KO TKO".split())


def _first_names() -> frozenset[str]:
    from .entity_evidence import first_names

    return first_names("de")  # the lexicon's: the international list does not overrule a type


_OPEN_QUOTE = ("``", '"', "“", "„", "‘", "«", "'")
_CLOSE_QUOTE = ("''", '"', "”", "“", "’", "»", "'")


# a work noun right before a name: 'the sequel, Catching Fire', 'the film, NEW MOON,', 'the novel Twilight'
_WORK_BEFORE = re.compile(r"\b(?:sequel|prequel|film|movie|novel|book|album|song|show|series|documentary|musical|"
                          r"play|opera|franchise|adaptation)\s*,?\s*(?:``|\"|“|‘|')?\s*$", re.I)


# a work noun right after a name: 'Harry Potter films', '‘ Harry Potter ’ and ‘ Twilight ’ films' is not read
_WORK_AFTER = re.compile(r"^\s*(?:films?|movies?|franchise|novels?|books?|saga|trilogy|sequels?)\b")


def _quoted(before: str, after: str) -> bool:
    """The mention is all that a pair of quotes holds ('`` American Pie \'\'', '„Tatort“')."""
    before = re.sub(r"\b(?:The|A|An)\s*$", "", before.rstrip()).rstrip()  # '"The Golden Compass"'
    after = re.sub(r"^\s*[,.;:!?]?\s*", "", after)  # '`` New Moon , \'\'': American style puts the comma inside
    return before.endswith(_OPEN_QUOTE) and after.startswith(_CLOSE_QUOTE) and not after.startswith("'s")


def _adverb(word: str) -> bool:
    """'Ironically', 'Certainly', 'Additionally': an -ly adverb, not a first name or place ('Kelly', 'Beverly')."""
    return len(word) >= 6 and word.endswith("ly") and word[1:].islower() and word not in _first_names() \
        and not _known_place(word)


def trim_name(name: str) -> str:
    """The name without the words a sentence start or a headline glued to it: a stop word, an -ly
    adverb, a word before a comma ('Ironically Nichols', 'And King', 'Certainly , King' -> 'Nichols',
    'King'), a trailing comma or weekday ('Hugh Grant,', 'Washington Saturday'); 'the' stays ('The
    Hague'), and so do acronyms ('US Navy'). (-ing forms were tried: 'Choosing DeGeneres', but also
    'Manning Marable', 'Reading Borough Council'.)"""
    words = name.split()
    place = _known_place(name)
    while len(words) >= 2 and not place:
        first = words[0]
        if words[1] == "," and len(words) >= 3:
            words = words[2:]
        elif first.endswith(",") and words[1][:1].isupper():
            words = words[1:]  # 'Certainly, King'
        elif first[:1].isupper() and not first.isupper() and first.lower() != "the" and words[1][:1].isupper() and (
                words[1].lower() not in _PLACE_PLURALS) and (
                first.lower() in _stop_words() or first.lower() in _LEAD_WORDS or _adverb(first)):
            words = words[1:]
        else:
            break
    if len(words) >= 2 and words[-1] in (",", ";", ":"):
        words = words[:-1]
    elif words and words[-1][-1:] in ",;:" and len(words[-1]) > 1:
        words[-1] = words[-1][:-1]  # 'Hugh Grant,'

    while len(words) >= 2 and words[-1].lower() in CALENDAR:
        words = words[:-1]
    return " ".join(words) if words else name


def _person_of_place(name: str) -> str:
    """'Eddie Jordan of Washington' -> 'Eddie Jordan': a person named with the team or town after 'of'."""
    words = name.split()
    if "of" in words[2:-1]:
        k = words.index("of", 2)
        from .entity_evidence import person_by_first_name

        if _known_place(" ".join(words[k + 1:])) or person_by_first_name(" ".join(words[:k])) and all(
                w[:1].isupper() for w in words[k + 1:]):
            return " ".join(words[:k])  # 'Marc Iavaroni of Memphis': a first name says the person ends at 'of'
    return name


def junk(name: str) -> bool:
    """No name in English text (see the module docstring)."""
    words = name.split()
    if not words:
        return True
    if all(w in _NO_NAME for w in words):
        return True  # 'LLC', 'AM EDT', 'KO'
    if len(words) >= 2 and all(w in demonyms() or _word(w) in ROLES | _COMPASS for w in words):
        return True  # 'Greek President', 'West German': a description, no name
    if len(words) >= 2 and (re.fullmatch(r"[A-Z]\.?", words[-1]) or words[-1] == "." and re.fullmatch(r"[A-Z]", words[-2])):
        return True  # 'George W .', 'James R.': a name cut after an initial
    if len(words) == 1:
        return words[0] in demonyms() or name.lower() in CALENDAR or (
            name.endswith(("ally", "ely", "tly", "nly", "sly", "dly", "bly")) and _adverb(name))  # 'Surely'
    if words[0].lower() in _WEEKDAYS:
        return True  # 'Friday August': a date
    if any(w[:1].isupper() and _word(w) in _stop_words() for w in words[1:]):
        return True  # 'Swimmer And Actress Dies Aged', 'Prison Van Near Houston'
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if len(letters) >= 2 and all(w.isupper() for w in letters) and sum(len(w) for w in letters) > 8:
        return True  # 'BIGGEST PROTEST', 'RED SOX MAKE HUGE': a shouted headline
    return all(_word(w) in ROLES or _word(w) in _DEPARTMENTS for w in words) and not _ORG_END.search(words[-1])
    # 'Police Chief', 'Prime Minister', 'Interior Secretary' (but 'Interior Department' is a body)



# the last word of an organisation's name ('Oregon State Police', 'Atlanta Journal-Constitution', 'Wells Fargo Bank')
_ORG_END = re.compile(r"(?:Police|Department|Office|Agency|Bureau|Service|Bank|Corp\.?|Inc\.?|Co\.?|Company|Group"
                      r"|University|College|School|Hospital|Center|Centre|Church|Council|Court|Party|Union|Association"
                      r"|Club|Times|Post|News|Journal|Herald|Register|Constitution|Tribune|Magazine|TV|Radio|Network"
                      r"|Ministry|Commission|Committee|Institute|Foundation|Army|Navy|Force|Guard|Sox|Chamber|Society|Federation"
                      r"|Organi[sz]ation|Authority|Board|League|Academy|Administration)$")
_EVENT_END = re.compile(r"(?:Awards?|Prize|Act|Crusade|Cup|Games|Series|Festival|Olympics|Championships?|Trophy|Bowl"
                        r"|Open|Grand Prix|Treaty|Accords?|Agreement|Protocol|Convention|Bill|Amendment|Emmys?|Grammys?|Globes?)$")
_ARTICLES = frozenset("los las les des san santa el la le".split())  # 'Los Angeles', 'Las Vegas', 'Des Moines'
_PLACE_PLURALS = frozenset("hills falls springs heights islands isles lakes mountains rapids woods fields gardens meadows "
                           "plains keys rocks sands palms pines oaks glades flats shoals dunes highlands lowlands states "
                           "emirates territories provinces americas lands alps andes rockies midlands grenadines "
                           "antilles virgins".split())


def _known_place(name: str) -> bool:
    from .entity_evidence import _places
    from .gazetteer import place_code

    return name in _places() or place_code(name) is not None


# a person's own marks: an age ('Rahman, 36,', 'the 36-year-old Rahman') or an apposition with a role
# ('Rahman, a former heavyweight champion')
_AGE_AFTER = re.compile(r"^\s*,\s*\d{1,2}\s*,")
_AGE_BEFORE = re.compile(r"\b\d{1,2}(?:-|\s+-?\s*)year(?:-|\s+-?\s*)old\s+(?:[A-Z]\w*\s+)?$")  # ('61 - year - old')
_ROLE_APPOSITION = re.compile(r"^\s*,\s*(?:a|an|the)\s+((?:[\w-]+\s*){1,4})")
_SPEECH_AFTER = re.compile(r"^\s*(?:,\s*)?(?:said|says|told|added|stated|explained|noted|insisted|testified|wrote)\b")


def _person_mark(after: list[str], before: list[str]) -> bool:
    if any(_AGE_AFTER.match(a) for a in after) or any(_AGE_BEFORE.search(b) for b in before):
        return True
    for a in after:
        m = _ROLE_APPOSITION.match(a)
        if m and any(w.lower() in ROLES - _PLACE_ROLES or w.lower() in _PERSON_NOUNS for w in m.group(1).split()):
            return True
    return False


_PLACE_ROLES = frozenset("department office state county city federal national court".split())  # 'a city of 650,000'
_PERSON_NOUNS = frozenset("fighter player agent reporter owner slugger baseman outfielder catcher heavyweight "
                          "woman man mother father son daughter wife husband veteran resident teenager".split())


def english_type(name: str, label: str, after: list[str], before: list[str] = ()) -> str:
    """The type an English name's own words or its mentions' contexts say: an organisation word at its
    end ('Oregon State Police' ORG), a team named by city and plural ('New York Mets' ORG), a
    speaker ('Rahman said', most mentions) or a name with an age or a role apposition ('Rahman, 36,',
    'Rahman, a former heavyweight champion') is a person."""
    words = name.split()
    if len(words) >= 2 and (_ORG_END.search(words[-1]) or any(
            _ORG_END.fullmatch(w) and n == "of" for w, n in zip(words, words[1:]))):
        return "ORG"  # 'Oregon State Police', 'Chamber of Commerce', 'Texas Department of Criminal Justice'
    if len(words) >= 2 and _EVENT_END.search(words[-1]):
        return "MISC"  # 'Academy Award', 'Endangered Species Act', 'World Series': a prize, law or event
    if label != "PER" and before and 2 * sum(1 for a, b in zip(after, before) if _quoted(b, a)) > len(after):
        return "MISC"  # '"American Pie"', '"The Golden Compass"': a title written in quotes
    from .entity_evidence import person_by_first_name

    if before and not person_by_first_name(name) and not _known_place(name):
        titled = sum(1 for a, b in zip(after, before) if _quoted(b, a) or _WORK_BEFORE.search(b))
        if titled >= 2 and 4 * titled >= len(after) and not _person_mark(after, list(before)) and not any(
                _SPEECH_AFTER.match(a) for a in after):
            return "MISC"  # 'the sequel, Catching Fire' and '"Catching Fire"' beside the model's ORG and LOC
    if before and len(words) >= 2 and any(_WORK_AFTER.match(a) for a in after) and not _person_mark(
            after, list(before)) and not any(_SPEECH_AFTER.match(a) for a in after):
        return "MISC"  # 'the first two Harry Potter films', 'the Twilight franchise': a work, whoever it is named after
    if len(words) == 1 and label == "MISC" and re.fullmatch(r"[A-Z]{2,5}", name) and not _known_place(name):
        return "ORG"  # 'NBA', 'NFL': an acronym names a body far more often than an event or a product
    if len(words) == 1 and label in ("LOC", "ORG") and name in _first_names() and not _known_place(name):
        return "PER"  # 'Kate' tagged ORG: a first name alone (listed only when it joins a full name)
    if len(words) >= 2 and label == "LOC" and re.fullmatch(r"[A-Z][a-z]+s", words[-1]) and not words[-1].endswith("ss") \
            and words[-1].lower() not in _PLACE_PLURALS and all(w[:1].isupper() for w in words[:-1]) \
            and not (len(words) == 2 and words[0].lower() in _ARTICLES) \
            and (len(words) <= 3 or _known_place(" ".join(words[:-1]))):
        return "ORG"  # 'New York Mets', 'Boston Celtics': a team named by its city (not 'Beverly Hills', 'United States')
    if label != "PER" and after and 2 * sum(1 for a in after if _SPEECH_AFTER.match(a)) >= len(after):
        return "PER"
    if label != "PER" and _person_mark(after, list(before)):
        return "PER"
    return label


# titles that only a person carries ('Secretary Salazar'); not 'General' ('General Motors') nor 'Federal'
_PERSON_TITLES = frozenset("president secretary senator sen governor gov judge mayor minister chancellor rep "
                           "representative congressman congresswoman sheriff coach detective sgt capt lt dr mr mrs ms "
                           "president-elect".split())


def _titled_person(name: str) -> bool:
    """'Secretary Salazar', 'Commerce Secretary Gary Locke': a person's title, then a surname or a full name."""
    words = name.split()
    bare = strip_role(name).split()
    titles = words[:len(words) - len(bare)]
    if not titles or not any(_word(w) in _PERSON_TITLES for w in titles):
        return False
    from .entity_evidence import person_by_first_name

    return person_by_first_name(" ".join(bare)) or len(bare) == 1 and bare[0][:1].isupper() and bare[0][1:].islower() \
        and not _ORG_END.fullmatch(bare[0]) and not _known_place(bare[0])


def _titled_of(name: str) -> str | None:
    """'Judge James G. Bodiford of Superior Court' -> 'James G. Bodiford': a person's title, a name with
    a first name of the lexicon, then the court, team or town after 'of'."""
    words = name.split()
    if "of" not in words[2:-1] or _word(words[0]) not in _PERSON_TITLES:
        return None
    from .entity_evidence import person_by_first_name

    bare = strip_role(" ".join(words[:words.index("of", 2)]))
    return bare if person_by_first_name(bare) else None


# a role a person holds, as the last word of a 'name' ('Fulton County District Attorney', 'Interior
# Secretary'): the office, not its holder's name; 'Attorney General' ends in 'General' and stays
_ROLE_END = frozenset("attorney judge sheriff prosecutor commissioner spokesman spokeswoman spokesperson coach mayor "
                      "governor senator secretary president chairman chairwoman superintendent professor minister "
                      "chancellor ambassador".split())


def _office(name: str) -> bool:
    """'Fulton County District Attorney', 'Doris Duke Professor of Conservation': an office or a chair."""
    words = name.split()
    return len(words) >= 2 and (_word(words[-1]) in _ROLE_END or any(
        _word(w) == "professor" and n == "of" for w, n in zip(words, words[1:])))


# a name that goes on across 'and', 'for' or 'of' ('Fish' in 'Fish and Wildlife Service', 'Society' and
# 'Conservation Biology' in 'Society for Conservation Biology', 'White House Office of Management' in '...
# and Budget'): the German model cut an organisation's name at a lower-case word
_JOINS = r"(?:and|for|of|of\s+the|on)"
_CONTINUES = re.compile(rf"^\s+{_JOINS}\s+((?:[A-Z][\w'-]*\s*)+)")
_CONTINUED = re.compile(rf"\b([A-Z][\w-]*)\s+{_JOINS}\s+$")


# kinds of bodies that are no name alone ('the Society', 'the Department'); 'Times', 'Post', 'Army' are
_BODY_WORDS = frozenset("society department office agency bureau service company group university college school "
                        "hospital center centre council court association club ministry commission committee institute "
                        "foundation organization organisation authority board league academy administration federation "
                        "chamber".split())


_NEXT_NAME_WORD = re.compile(r"^ ([A-Z][a-z]+)\b")


def _fragment(name: str, after: list[str], before: list[str]) -> bool:
    """Two thirds of the name's mentions are pieces of a longer name -- cut at a lower-case word
    (`_JOINS`) or followed by another capitalised word ('The Hollywood Reporter') -- or the name is a
    lone kind of body ('Society', 'Department'): no name on its own."""
    words = name.split()
    if not after or not words:
        return False
    if len(words) == 1 and _word(words[0]) in _BODY_WORDS:
        return True
    pieces = 0
    for k, a in enumerate(after):
        b = before[k] if k < len(before) else ""
        right = _CONTINUES.match(a)
        tail = right.group(1).split() if right else []
        left = _CONTINUED.search(b)
        if right and (_ORG_END.fullmatch(words[-1]) and len(words) == 1 or _ORG_END.fullmatch(tail[-1])
                      or "of" in words and any(_ORG_END.fullmatch(w) for w in words)):
            pieces += 1  # 'Society for ...', 'Fish and Wildlife Service', 'Office of Management and Budget'
            continue
        if left and _ORG_END.fullmatch(left.group(1)):
            pieces += 1  # '... Society for Conservation Biology'
        elif (nxt := _NEXT_NAME_WORD.match(a)) and nxt.group(1).lower() not in CALENDAR:
            pieces += 1  # 'Hollywood' of 'The Hollywood Reporter', 'Boston' of 'Boston Red Sox'
    return 3 * pieces >= 2 * len(after)


def english_name(name: str, label: str, after: list[str] = (), before: list[str] = ()) -> tuple[str, str, bool]:
    """(the name without leading roles for a person, its type, whether it is no name at all) in English
    text."""
    name = trim_name(name)
    person = _titled_of(name)
    if person:
        return person, "PER", junk(person)
    if _office(name) or label != "PER" and _fragment(name, list(after), list(before)):
        return name, label, True
    if label != "PER" and _titled_person(name):
        label = "PER"  # 'Secretary Salazar', 'Commerce Secretary Gary Locke' tagged ORG
    label = english_type(name, label, list(after), list(before))
    if label == "PER":
        name = _person_of_place(name)
        if len(name.split()) >= 3 and name.split()[0] in demonyms():
            name = name.split(" ", 1)[1]  # 'Russian Alexander Povetkin'
        bare = strip_role(name)
        if bare != name and not junk(bare):
            return bare, label, False
    return name, label, junk(name)


# words that make a multi-word name a place ('Newport Beach', 'Fulton County', 'Los Angeles', 'Stade de Suisse')
_PLACE_WORDS = frozenset("""
county beach island islands isle springs city hills hill valley lake river mountain mountains mount park street st
avenue ave road rd boulevard bay harbor harbour port point falls heights creek canyon coast airport station square
bridge prison forest desert sea ocean gulf peninsula province state states region district township village town
stadium arena stade field fields garden gardens plaza highway interstate strait straits sound channel cape republic
kingdom territory territories emirates ridge woods grove new san santa los las fort ft saint el la le des north south
east west upper lower great little old glen palm rio puerto costa sierra grand de del di du da van von of
""".split())


def _unknown_place(name: str) -> bool:
    """A multi-word 'place' of the German model that neither the place lists know nor a place word
    marks ('Monte Barrett', 'Torii Hunter', 'Morningside Recovery'): on English text the model tags
    unknown names as places; such a name is not listed ('Newport Beach', 'Los Angeles' are)."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not _known_place(name) \
        and not any(_word(w) in _PLACE_WORDS for w in words)


def english_entity(name: str, label: str, place: str | None, after: list[str],
                   lines: list[str] = (), words: frozenset[str] = frozenset(), before: list[str] = (),
                   texts: list[str] = ()) -> tuple[str, str, bool]:
    """english_name for a name the gazetteer does not know; a known place is only checked for being a
    demonym ('American' resolves to the USA but names no place). A name written only in title-case
    headline lines ('Bathing Beauty', 'Trade Rumors') is no evidence of a name: headlines capitalise
    every word; nor is a long 'name' that only headlines write ('Lindsay Lohan Leaves Betty Ford'),
    even when the body names its parts. A one-word 'name' the story also writes in lower case
    ('Highway' beside 'the highway', 'BLOW' beside 'a blow') is a common word at a sentence start or in
    a headline."""
    if place is None:
        unsure = label == "LOC" and _unknown_place(trim_name(name))
        own = [line for line, text in zip(lines, texts) if text.strip() == name]
        run_on = len(name.split()) >= 3 and bool(own) and all(headline_case(line) for line in own)
        name, label, bad = english_name(name, label, after, before)
        return name, label, bad or run_on or unsure and label == "LOC" or bool(lines) and all(headline_case(line) for line in lines) \
            or _lower_case_word(name, words)
    return name, label, junk(name)


_WORD = re.compile(r"[\w-]+")


def story_words(texts) -> frozenset[str]:
    """Every word the story's texts write (hyphenated compounds as one), once per story."""
    return frozenset(w for t in texts for w in _WORD.findall(t))


def _lower_case_word(name: str, words: frozenset[str]) -> bool:
    """The one-word name is also written in lower case somewhere in the story (`story_words`)."""
    return " " not in name and name[:1].isupper() and name.lower() in words


def line_at(text: str, at: int) -> str:
    """The line of `text` that holds offset `at`."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:end if end >= 0 else len(text)]


def headline_case(line: str) -> bool:
    """A title-case line: at least three words of four letters or more, all of them capitalised
    ('Esther Williams, Hollywood's Bathing Beauty, Dies at 91'), or a function word capitalised inside
    it ('Prison Van Near Houston'). A sentence full of names still writes its verbs in lower case."""
    words = re.findall(r"[^\W\d_]+", line)
    long = [w for w in words if len(w) >= 4]
    if len(long) >= 3 and all(w[0].isupper() for w in long):
        return True
    return any(w[0].isupper() and w.lower() in _HEADLINE_WORDS | {"with", "from", "after", "over", "into"}
               for w in words[1:])
