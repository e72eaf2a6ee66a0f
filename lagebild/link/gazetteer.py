"""Countries and regions by every surface form the press uses for them.

Built once from pycountry (ISO names and codes) and babel/CLDR (German, English and French
territory names), then expanded by morphological rules into the adjective and inhabitant
forms German news writes: 'Nordkorea' -> nordkoreanisch(e/en/er/es/em), Nordkoreaner(in/innen),
'Nordkoreas' (genitive); 'Ukraine' -> ukrainisch, Ukrainer; 'Russland' -> russisch, Russe/Russen.
A short list of irregular forms (amerikanisch, britisch, Franzose ...) complements the rules;
it is general vocabulary, not tied to any story.

Names are language-scoped: a German article's 'Georgia' is the US state, not 'Georgien', so
English/French territory names only resolve in articles of that language. Generated forms
carry a rank (how regular the rule is); when two places generate the same form the lower rank
wins and ties are dropped as ambiguous ('koreanisch' is neither Nord- nor Südkorea).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .translit import fold

LANGS = ("de", "en", "fr")
_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
_NOUN_ENDINGS = ("er", "ern", "ers", "erin", "erinnen", "e", "en", "in", "innen", "i", "is")

# Region codes from CLDR worth resolving (continents, unions); the rest (e.g. '053') is noise.
_REGIONS = {"002", "019", "142", "150", "009", "003", "005", "419", "EU", "UN"}

# Countries whose ISO code news write as the country's name ('CH' in Swiss usage, 'GB' for Britain); every
# other code means something else far more often ('BW', 'BY', 'IS', 'SZ', 'BR', 'AG', 'ATF', 'CAN', 'ARE').
_CODES_AS_NAMES = {"US", "GB", "CH"}

# the inhabitant nouns among them (ranked as derived forms, like the rule-made 'Österreicher', yet before a
# region's: 'Amerikaner' is the USA's)
_INHABITANTS = {"amerikaner", "brite", "britin", "engländer", "franzose", "französin", "holländer", "schweizerin", "pole",
                "polin", "däne", "dänin", "jemenit", "zypriote", "zyprer", "palästinenser", "palästinenserin", "türke",
                "türkin"}
# Irregular or customary forms that no rule derives. General German press vocabulary.
_IRREGULAR: dict[str, dict[str, str]] = {
    "de": {
        "usa": "US", "us": "US", "vereinigte staaten von amerika": "US", "amerikanisch": "US",
        "us amerikanisch": "US", "amerikaner": "US", "britisch": "GB", "brite": "GB", "britin": "GB",
        "grossbritannien": "GB", "uk": "GB", "englisch": "GB", "england": "GB", "engländer": "GB",
        "französisch": "FR", "franzose": "FR", "französin": "FR", "holland": "NL", "holländisch": "NL",
        "holländer": "NL", "schweizer": "CH", "schweizerisch": "CH", "schweizerin": "CH",
        "saudi arabisch": "SA", "saudisch": "SA", "saudi": "SA", "emiratisch": "AE",
        "deutsch": "DE", "bundesrepublik": "DE", "brd": "DE", "weissrussland": "BY",
        "belarussisch": "BY", "weissrussisch": "BY", "pole": "PL", "polin": "PL",
        "tschechei": "CZ", "elfenbeinküste": "CI", "burma": "MM", "birma": "MM",
        "russische föderation": "RU", "volksrepublik china": "CN", "sowjetunion": "SU",
        "sowjetisch": "SU", "udssr": "SU", "dänisch": "DK", "däne": "DK", "dänin": "DK",
        "palästina": "PS", "jemenitisch": "YE", "jemenit": "YE", "mazedonien": "MK", "mazedonisch": "MK",
        "zypriotisch": "CY", "zypriote": "CY", "zyprer": "CY", "portugiesisch": "PT", "asiatisch": "142",
        "u s": "US", "u s a": "US", "arabische emirate": "AE", "palästinensisch": "PS", "palästinenser": "PS", "palästinenserin": "PS", "türke": "TR", "türkin": "TR", "kosovarisch": "XK",
        "eu": "EU", "europäische union": "EU", "uno": "UN", "un": "UN", "vereinte nationen": "UN",
        "ddr": "DD", "jugoslawien": "YU", "jugoslawisch": "YU", "tschechoslowakei": "CS",  # (former states: 'DDR' ORG,
        "tschechoslowakisch": "CS",  # survey 37)
    },
    "en": {"usa": "US", "us": "US", "america": "US", "american": "US", "britain": "GB",
           "great britain": "GB", "uk": "GB", "british": "GB", "briton": "GB", "french": "FR",
           "frenchman": "FR", "dutch": "NL", "swiss": "CH", "german": "DE", "eu": "EU", "un": "UN"},
    "fr": {"usa": "US", "états unis": "US", "américain": "US", "grande bretagne": "GB",
           "britannique": "GB", "royaume uni": "GB", "allemand": "DE", "suisse": "CH", "ue": "EU",
           "onu": "UN", "russe": "RU", "chinois": "CN"},
}


def _umlaut_last(stem: str) -> str:
    """Umlaut the last a/o/u (Niederlande -> niederländ-, Island -> isländ-)."""
    for i in range(len(stem) - 1, -1, -1):
        if stem[i] in "aou":
            return stem[:i] + {"a": "ä", "o": "ö", "u": "ü"}[stem[i]] + stem[i + 1:]
    return stem


def german_adjectives(name: str) -> dict[str, int]:
    """Candidate German adjective stems (ending -isch) for a place name, with rule rank."""
    n = name.casefold()
    out: dict[str, int] = {}

    def add(form: str, rank: int) -> None:
        if len(form) > 5 and (form not in out or out[form] > rank):
            out[form] = rank

    add(n + "isch", 1)
    if n.endswith("lande"):
        add(_umlaut_last(n[:-1]) + "isch", 0)
    if n.endswith("land"):
        base = n[:-4]
        add(base + "isch", 0)  # Russland, Finnland, Irland
        add(_umlaut_last(n) + "isch", 0)  # Island, Neuseeland, Thailand
        if base.endswith("en"):
            add(base[:-2] + "isch", 0)  # Griechenland
        add(base + "nisch", 1)  # Estland
    if n.endswith("ien"):
        add(n[:-3] + "isch", 0)  # Syrien, Spanien
        add(n[:-3] + "ianisch", 1)  # Brasilien
        add(n + "isch", 1)  # Italien
    elif n.endswith("en"):
        add(n[:-2] + "isch", 0)  # Ägypten, Schweden
        add(n[:-2] + "nisch", 1)  # Polen
    if n.endswith("ei"):
        add(n[:-2] + "isch", 0)  # Türkei, Slowakei
    elif n.endswith("e"):
        add(n[:-1] + "isch", 0)  # Ukraine
    if n.endswith("a"):
        add(n[:-1] + "anisch", 0)  # Korea, Kuba, Kenia
        add(n[:-1] + "esisch", 1)  # China
        add(n[:-1] + "äisch", 1)  # Europa
        add(n[:-1] + "isch", 1)  # Kanada
    if n.endswith("ia"):
        add(n[:-2] + "isch", 1)  # Sambia, Gambia
    if n.endswith("i"):
        add(n + "sch", 1)  # Mali
        add(n + "anisch", 1)  # Haiti
    if n.endswith("e") and not n.endswith("ie"):
        add(n[:-1] + "enisch", 1)  # Chile
    if n.endswith("o"):
        add(n[:-1] + "anisch", 0)  # Mexiko, Marokko
    if n.endswith("a"):
        add(n[:-1] + "ensisch", 2)  # Palästina
    if n.endswith("stan"):
        add(n[: -5 if n.endswith("istan") else -4] + "isch", 0)  # Afghanistan, Usbekistan, Kasachstan
    if n.endswith("on"):
        add(n[:-2] + "esisch", 1)  # Libanon
    if n.endswith("n") and not n.endswith("en"):
        add(n[:-1] + "isch", 1)  # Ungarn, Bayern
    if n[-1:] not in "aeiou":
        add(n + "esisch", 1)  # Vietnam, Sudan, Senegal
        add(n + "anisch", 2)
    return out


def german_inhabitants(adjective: str, rank: int) -> dict[str, int]:
    """Inhabitant nouns from an -isch adjective: ukrainisch -> Ukrainer, russisch -> Russe(n)."""
    out: dict[str, int] = {}
    if not adjective.endswith("isch"):
        return out
    base = adjective[:-4]
    for ending in _NOUN_ENDINGS:
        out[base + ending] = rank + 1
    for ending in ("ier", "iern", "ierin", "ierinnen"):  # Argentinien -> Argentinier
        out[base + ending] = rank + 2
    return out


def english_adjectives(name: str) -> dict[str, int]:
    n = name.casefold()
    out = {n + "n": 1, n + "ns": 1, n + "ian": 1, n + "ians": 1, n + "ese": 2, n + "i": 2, n + "is": 2}
    if n[-1:] in "aeiou":
        out.update({n[:-1] + "ian": 0, n[:-1] + "ians": 0, n[:-1] + "ese": 1, n[:-1] + "an": 1})
    return out


def french_adjectives(name: str) -> dict[str, int]:
    n = name.casefold()
    stem = n[:-1] if n[-1:] in "aeiou" else n
    out: dict[str, int] = {}
    for suffix, rank in (("ien", 0), ("éen", 1), ("ais", 1), ("ain", 1), ("ois", 2)):
        for ending in ("", "s", "ne", "nes") if suffix.endswith("n") else ("", "e", "es"):
            out[stem + suffix + ending] = rank
    return out


@dataclass
class Place:
    code: str
    names: dict[str, str] = field(default_factory=dict)  # lang -> display name


@dataclass
class Gazetteer:
    """form (folded) -> place code, per language, plus display names per code."""

    places: dict[str, Place] = field(default_factory=dict)
    forms: dict[str, dict[str, tuple[str | None, int]]] = field(default_factory=lambda: {lg: {} for lg in LANGS})

    def add_form(self, lang: str, form: str, code: str, rank: int) -> None:
        key = fold(form)
        if not key:
            return
        table = self.forms.setdefault(lang, {})
        old = table.get(key)
        if old is None or rank < old[1]:
            table[key] = (code, rank)
        elif rank == old[1] and old[0] != code:
            table[key] = (None, rank)  # ambiguous at equal confidence: resolve to nothing

    def add_place(self, code: str, lang: str, name: str, rank_shift: int = 0) -> None:
        """Register a place name and everything derived from it."""
        place = self.places.setdefault(code, Place(code))
        place.names.setdefault(lang, name)
        self.add_form(lang, name, code, rank_shift)
        words = name.split()
        if lang == "de" and len(words) >= 2 and words[0].endswith("e") and words[0][:1].isupper():
            # 'Vereinigte Staaten' -> 'Vereinigten Staaten', 'Europäische Union' -> 'Europäischen Union'; every
            # adjective and a plural head: 'Vereinigte Arabische Emirate' -> 'Vereinigten Arabischen Emiraten'
            adjs = [w + "n" if w.endswith("e") else w for w in words[:-1]]
            self.add_form(lang, " ".join([words[0] + "n"] + words[1:]), code, rank_shift + 1)
            self.add_form(lang, " ".join(adjs + words[-1:]), code, rank_shift + 1)
            if words[-1].endswith("e") and len(words) >= 3:
                self.add_form(lang, " ".join(adjs + [words[-1] + "n"]), code, rank_shift + 1)
        if lang == "de":
            self.add_form(lang, name + "s", code, rank_shift + 1)  # genitive: Nordkoreas
            for adj, rank in german_adjectives(name).items():
                for ending in _ADJ_ENDINGS:
                    self.add_form(lang, adj + ending, code, rank + rank_shift + 2)
                for noun, nrank in german_inhabitants(adj, rank).items():
                    self.add_form(lang, noun, code, nrank + rank_shift + 2)
        elif lang == "en":
            self.add_form(lang, name + "'s", code, rank_shift + 1)
            for adj, rank in english_adjectives(name).items():
                self.add_form(lang, adj, code, rank + rank_shift + 2)
        elif lang == "fr":
            for adj, rank in french_adjectives(name).items():
                self.add_form(lang, adj, code, rank + rank_shift + 2)

    def lookup(self, text: str, lang: str = "de", codes: bool = True) -> str | None:
        """Place code for a surface form ('nordkoreanischen' -> 'KP'), or None."""
        key = fold(text)
        if not key:
            return None
        for lg in (lang, "de") if lang != "de" else ("de",):
            hit = self.forms.get(lg, {}).get(key)
            if hit is not None:
                return hit[0]
        if codes and text.isupper() and text.isascii() and 2 <= len(text) <= 3:  # ISO codes as written in caps
            # (ASCII only: 'TÜV' folds to Tuvalu's 'TUV', 'ÖVP' must not fold to a code either)
            hit = self.forms.get("codes", {}).get(key) or (self.forms.get("codes3", {}).get(key) if lang == "de" else None)
            if hit is not None:
                return hit[0]
        return None

    def rank(self, text: str, lang: str = "de") -> int:
        """How derived a resolvable form is: <= 0 for names ('Nordkorea', 'USA'), > 0 for
        genitives, adjectives and inhabitants; 99 when unknown."""
        key = fold(text)
        for lg in (lang, "de", "codes", "codes3"):
            hit = self.forms.get(lg, {}).get(key)
            if hit is not None:
                return hit[1]
        return 99

    def resolve(self, text: str, lang: str = "de") -> str | None:
        """Like lookup, but also handles compounds and hyphenated adjectives:
        'US-Regierung' -> 'US', 'US-amerikanische' -> 'US', 'deutsch-israelische' -> None."""
        code = self.lookup(text, lang)
        if code is not None:
            return code
        if "-" in text:
            parts = [p for p in text.split("-") if p]
            codes = {self.lookup(p, lang) for p in parts}
            codes.discard(None)
            # 'US-Regierung', 'US-amerikanisch': one place; 'deutsch-israelisch': two, so none
            return codes.pop() if len(codes) == 1 else None
        return None

    def name(self, code: str, lang: str = "de") -> str:
        place = self.places.get(code)
        if place is None:
            return code
        return place.names.get(lang) or place.names.get("de") or next(iter(place.names.values()), code)


_STRIP_PARENS = re.compile(r"\s*\(.*?\)")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built in ~0.3 s on first use)."""
    import pycountry
    from babel import Locale

    gaz = Gazetteer()
    codes = gaz.forms.setdefault("codes", {})
    codes3 = gaz.forms.setdefault("codes3", {})
    for country in pycountry.countries:
        code = country.alpha_2
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                gaz.add_place(code, "en", _STRIP_PARENS.sub("", value.split(",")[0]), rank_shift=1)
        # ISO codes are no names: only the customary ones ('USA', 'US', 'UK', 'EU', _IRREGULAR) resolve.
        # A capitalised 'BW' (Baden-Württemberg) read as Botswana, 'BY' (Bayern) as Belarus, 'IS' as
        # Iceland, 'SZ' as Eswatini, 'ATF' as the French Southern Territories cost more than the rare
        # code written for a country (issue 16: entities are names)
        if code in _CODES_AS_NAMES:
            codes[fold(code)] = (code, 0)
        # three letters ('(FRA)', 'AUT' in German results lists) resolve in German text only: in English
        # they collide with words written in capitals ('CAN', 'ARE', 'AND') and acronyms ('ATF')
        codes3[fold(country.alpha_3)] = (code, 0)
    for lang in LANGS:
        locale = Locale(lang)
        for code, name in locale.territories.items():
            if code.isdigit() and code not in _REGIONS:
                continue
            if code in ("ZZ", "QO", "XA", "XB", "EZ"):
                continue
            name = _STRIP_PARENS.sub("", name)
            gaz.add_place(code, lang, name)
            if lang == "de" and " und " in name:  # 'Bosnien und Herzegowina' -> also 'Bosnien'
                gaz.add_place(code, lang, name.split(" und ")[0], rank_shift=1)
    for lang, table in _IRREGULAR.items():
        for form, code in table.items():
            gaz.places.setdefault(code, Place(code))
            # a customary name ranks as a name; an adjective ('deutsch') or an inhabitant ('Franzose') as the
            # derived forms they are: the place of a text that only writes 'der Deutsche' is not named there
            derived = lang == "de" and (form.endswith("sch") or form in _INHABITANTS)
            gaz.add_form(lang, form, code, 1 if derived else -1)
            if lang == "de" and not derived and not form.endswith(("s", "x", "z", "ß", "er", "e", "in")):
                gaz.add_form(lang, form + "s", code, 1)  # a customary name's genitive, as add_place does: 'Englands'
            words = form.split()
            if lang == "de" and len(words) >= 2 and words[0].endswith("e"):
                gaz.add_form(lang, " ".join([words[0] + "n"] + words[1:]), code, 1)  # Russischen Föderation
            if lang == "de" and form.endswith("er"):
                for ending in ("n", "s", "in", "innen"):  # Engländer -> Engländern, Engländerin
                    gaz.add_form(lang, form + ending, code, 1 if form in _INHABITANTS else -1)
            if lang == "de" and form.endswith("sch"):
                for ending in _ADJ_ENDINGS:
                    gaz.add_form(lang, form + ending, code, 1)
                for noun, rank in german_inhabitants(form, 0).items():  # (derived, before a region: Amerikaner)
                    gaz.add_form(lang, noun, code, rank)
    for code, name in (("SU", "Sowjetunion"), ("DD", "DDR"), ("YU", "Jugoslawien"), ("CS", "Tschechoslowakei")):
        gaz.places.setdefault(code, Place(code)).names.setdefault("de", name)
    # German and Austrian states (names are German in ISO 3166-2): 'bayerische', 'Tiroler'.
    for cc in ("DE", "AT"):
        for sub in pycountry.subdivisions.get(country_code=cc) or ():
            gaz.add_place(sub.code, "de", sub.name, rank_shift=1)
            n = sub.name
            for inhabitant in {n + "er", n[:-2] + "er" if n.endswith("en") else n + "er"}:
                for ending in ("", "n", "in", "innen"):
                    gaz.add_form("de", inhabitant + ending, sub.code, 4)
    return gaz


def place_code(text: str, lang: str = "de") -> str | None:
    """Convenience: code of the country/region a surface form names, or None."""
    return gazetteer().resolve(text, lang)


def place_name(code: str, lang: str = "de") -> str:
    """Display name of a place code in a language ('KP', 'de' -> 'Nordkorea')."""
    return gazetteer().name(code, lang)


# ------------------------------------------------------- places in names and descriptions

class LocalForms:
    """Adjective and inhabitant forms of the story's own non-country names ('Kalifornien' ->
    'kalifornischen', 'Berlin' -> 'Berliner'); generated on first need, once per distinct name."""

    def __init__(self, docs: list, gaz: Gazetteer) -> None:  # docs: list[AnalysedArticle]
        self.docs, self.gaz, self.table = docs, gaz, None

    def get(self, text: str) -> str | None:
        if self.table is None:
            self.table = {}
            names = {(m.text, m.label) for d in self.docs for m in d.mentions
                     if not m.derived and m.label in ("LOC", "PER", "ORG") and m.text[:1].isupper()}
            for name, label in sorted(names):
                if self.gaz.lookup(name):
                    continue
                for adj, rank in german_adjectives(name).items():
                    for form in [adj + e for e in ("", "e", "en", "er", "es", "em")] + list(german_inhabitants(adj, rank)):
                        self.table.setdefault(form, name)
                if label == "LOC" and name[-1:].isalpha():
                    self.table.setdefault(name.casefold() + "er", name)
        return self.table.get(text.casefold())


ARTICLES = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
            "the", "a", "an", "le", "la", "les", "l", "un", "une", "von", "vom", "of", "du", "de"}
# Capitalised words that open a clause before a name but are no role ('Laut Selenskyj', 'Auch Kim').
NOT_ROLES = {"laut", "auch", "dass", "als", "wie", "wenn", "weil", "doch", "aber", "und", "oder", "denn",
             "gestern", "heute", "morgen", "damals", "zudem", "dabei", "nun", "dann", "so", "da", "nach",
             "mit", "von", "für", "bei", "gegen", "über", "unter", "zwischen", "ob", "während", "seit",
             "herr", "frau", "dr", "prof", "sagte", "betonte", "erklärte", "meinte", "schrieb", "hieß",
             "am", "im", "beim", "zum", "zur", "vom", "ins", "auf", "aus", "in", "an", "um", "sowie",
             "sagt", "so", "ebenso", "selbst", "allein", "nur", "erst", "noch", "schon", "jetzt"}
ROLE_SUFFIX = re.compile(r"(?:er|in|ent|ant|ist|or|eur|chef|minister|kanzler|sprecher|führer|leiter|rat|obmann?|obfrau|"
                         r"at|är|general|haber|oberhaupt|vertreter|beauftragte|experte?|analyst|berater)$")
WORD = re.compile(r"[\wÄÖÜäöüß][\wÄÖÜäöüß\-\.']*")


def noun_stem(word: str) -> str:
    """'Präsidenten' -> 'präsident', 'Sprechers' -> 'sprecher'; 'Ministerin' stays."""
    w = word.casefold()
    if w.endswith("innen"):
        return w[:-3]
    for suffix in ("en", "es", "e", "s", "n"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4 and not (suffix == "n" and w[-2:-1] == "i"):
            return w[: -len(suffix)]
    return w


def adj_stem(word: str) -> str:
    w = word.casefold()
    for suffix in ("en", "er", "es", "em", "e"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def description_key(phrase: str, lang: str = "de") -> frozenset[str]:
    """Order- and inflection-free key of a role description; places become '@code':
    'der ukrainische Präsident', 'Präsident der Ukraine', 'Ukraines Präsident' -> {'@UA', 'präsident'}."""
    gaz = gazetteer()
    out: set[str] = set()
    for word in WORD.findall(phrase):
        if word.casefold() in ARTICLES:
            continue
        parts = [p for p in word.split("-") if p] if "-" in word else [word]
        for part in parts:
            code = gaz.lookup(part, lang)
            if code:
                out.add("@" + code)
            elif part[:1].isupper():
                out.add(noun_stem(part))
            else:
                out.add(adj_stem(part))
    return frozenset(out)


@lru_cache(maxsize=4096)
def demonym_noun(word: str, lang: str = "de") -> bool:
    """An inhabitant or nationality noun ('Brite', 'Deutsche', 'Australier'), not a place's own name ('Berlin')."""
    gaz = gazetteer()
    if not word[:1].isupper() or gaz.rank(word, lang) < 1:
        return False
    code = gaz.lookup(word, lang)
    return code is not None and fold(gaz.name(code, lang)) != fold(word)
