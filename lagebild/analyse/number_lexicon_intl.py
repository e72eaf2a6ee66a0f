"""English and French number lexicons and number-word parsing (used by numbers.py).

Same structure and conventions as the German `number_lexicon.py` (value/low/high per
qualifier are documented in numbers.py); general news usage, not tied to any story.
Differences that matter for reading digits: English writes '3,000' / '1,500.5' / '1.5
million', French '3 000' (space, U+00A0 or U+202F; sometimes '3.000') / '1,5 million'.
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------- digits


def parse_digits_en(s: str) -> float | None:
    """'3,000' -> 3000, '1,500.5' -> 1500.5, '1.5' -> 1.5, '40 000' -> 40000."""
    t = re.sub(r"[\u00a0\u202f\u2009 ]", "", s).replace("\u2212", "-")
    if re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        t = t.replace(",", "")
    if not re.fullmatch(r"[+-]?\d+(?:\.\d+)?", t):
        return None
    return float(t)


# English: thousands separated by ',' (or a space), decimals by '.'
TOKEN_RE_EN = re.compile(
    r"(?P<num>(?<![\w.,])\d{1,3}(?:(?:,|[\u00a0\u202f\u2009])\d{3})+(?:\.\d+)?(?![\d])"
    r"|(?<![\w])\d+(?:\.\d+)?(?![\d]))"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)"
    r"|(?P<sym>\S)"
)

# ---------------------------------------------------------------- number words

_EN_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_FR_SMALL = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}
_EN_BIG = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FR_BIG = {"cent": 100, "cents": 100, "mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9,
           "milliards": 1e9}
_ARTICLES = {"en": {"one", "a", "an"}, "fr": {"un", "une"}}
_JOINERS = {"en": {"and"}, "fr": {"et"}}


def parse_number_words(words: list[str], lang: str) -> tuple[float, int, float] | None:
    """Read a cardinal from the start of `words` (lower case tokens, hyphen compounds kept).

    Returns (value, tokens used, last multiplier) or None. 'three thousand' -> (3000, 2, 1e3),
    'twenty-five' -> 25, 'quatre-vingt-dix' -> 90, 'vingt et un' -> 21, 'deux millions' ->
    2e6. A bare 'one' / 'un' / 'une' is an article, not an amount.
    """
    small, big = (_EN_SMALL, _EN_BIG) if lang == "en" else (_FR_SMALL, _FR_BIG)
    total = current = 0.0
    used = 0
    last_mult = 1.0
    seen = False
    for k, w in enumerate(words):
        parts = w.split("-")
        if not all(p in small or p in big or p in _JOINERS[lang] for p in parts):
            break
        if w in _JOINERS[lang]:
            if not seen or k + 1 >= len(words) or words[k + 1].split("-")[0] not in small:
                break
            continue
        prev = None
        for p in parts:
            if p in _JOINERS[lang]:
                continue
            if p in small:
                if p in ("vingt", "vingts") and prev == "quatre":
                    current += 76  # quatre-vingt(s) = 80
                else:
                    current += small[p]
                last_mult = 1.0
            else:
                m = big[p]
                if m == 100:
                    current = max(current, 1) * 100
                else:
                    total += max(current, 1) * m
                    current = 0
                last_mult = m
            prev = p
        seen = True
        used = k + 1
    if not used:
        return None
    if used == 1 and words[0] in _ARTICLES[lang]:
        return None
    value = total + current
    return (value, used, last_mult) if value > 0 else None


# ---------------------------------------------------------------- lexicons

def _hedges(table: dict, qual: str, lo, hi, *phrases: str) -> None:
    for p in phrases:
        table[tuple(p.replace("'", " ' ").split())] = (qual, lo, hi)


HEDGES_EN: dict = {}
_hedges(HEDGES_EN, "approx", 0.9, 1.1, "about", "around", "roughly", "approximately", "some", "an estimated",
        "estimated", "approx.", "circa", "c.", "round about", "in the region of", "of about", "of around",
        "of some", "an approximate")
_hedges(HEDGES_EN, "approx", 0.9, 1.0, "nearly", "almost", "close to", "just under", "not quite", "just shy of",
        "nigh on", "getting on for")
_hedges(HEDGES_EN, "approx", 1.0, 1.1, "just over", "just above", "slightly more than", "a little over",
        "a little more than")
_hedges(HEDGES_EN, "at_least", 1.0, None, "at least", "more than", "over", "upwards of", "in excess of",
        "no fewer than", "no less than", "not less than", "well over", "well above", "above", "over and above",
        "a minimum of", "at a minimum", "more than a", "well in excess of", "even more than")
_hedges(HEDGES_EN, "at_most", None, 1.0, "up to", "as many as", "as much as", "at most", "no more than",
        "fewer than", "less than", "under", "below", "a maximum of", "not more than", "well under",
        "well below", "at the most")
HEDGES_FR: dict = {}
_hedges(HEDGES_FR, "approx", 0.9, 1.1, "environ", "d'environ", "quelque", "quelques", "autour de",
        "approximativement", "à peu près", "grosso modo", "de l'ordre de", "aux alentours de", "dans les",
        "estimé à")
_hedges(HEDGES_FR, "approx", 0.9, 1.0, "près de", "presque", "quasiment", "pratiquement", "pas loin de",
        "un peu moins de", "quasi", "bientôt")
_hedges(HEDGES_FR, "approx", 1.0, 1.1, "un peu plus de", "légèrement plus de", "un peu au-dessus de")
_hedges(HEDGES_FR, "at_least", 1.0, None, "au moins", "plus de", "au minimum", "pas moins de", "davantage que",
        "bien plus de", "largement plus de", "au-delà de", "plus d'", "minimum", "dès")
_hedges(HEDGES_FR, "at_most", None, 1.0, "jusqu'à", "au plus", "au maximum", "moins de", "pas plus de",
        "tout au plus", "moins d'", "maximum", "jusqu'à plus de")

MULTIPLIERS_EN = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9,
    "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "dozen": 12, "hundred": 1e2,
}
MULTIPLIERS_FR = {
    "mille": 1e3, "million": 1e6, "millions": 1e6, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
    "milliard": 1e9, "milliards": 1e9, "billion": 1e12, "billions": 1e12,
}
# multiplier abbreviations glued to digits that also mean a unit: only after a currency ('$5m')
AMBIGUOUS_MULT = {"m", "b"}

VAGUE_PLURALS_EN = {"dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
                    "billions": 1e9, "tens": 10}
VAGUE_PLURALS_FR = {"dizaines": 10, "douzaines": 12, "centaines": 1e2, "milliers": 1e3, "millions": 1e6,
                    "milliards": 1e9}
# vague plurals that only count when another follows through 'of'/'de' ('tens of thousands')
VAGUE_ONLY_SCALING = {"tens"}
VAGUE_DETERMINERS_EN = {"several", "few", "many", "some"}
VAGUE_DETERMINERS_FR = {"plusieurs", "quelques"}
VAGUE_UNITS_EN = {"dozen": 12, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                  "hundreds": 1e2, "thousands": 1e3, "millions": 1e6}
VAGUE_UNITS_FR = {"dizaines": 10, "centaines": 1e2, "milliers": 1e3, "millions": 1e6, "milliards": 1e9,
                  "mille": 1e3, "cents": 1e2}
# 'une vingtaine' = about 20: French approximate collectives
APPROX_COLLECTIVES_FR = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
    "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}

CURRENCIES_EN = {
    "dollars": "USD", "dollar": "USD", "usd": "USD", "$": "USD", "us$": "USD", "euros": "EUR", "euro": "EUR",
    "eur": "EUR", "€": "EUR", "pounds": "GBP", "pound": "GBP", "£": "GBP", "gbp": "GBP", "sterling": "GBP",
    "yen": "JPY", "¥": "JPY", "yuan": "CNY", "renminbi": "CNY", "roubles": "RUB", "rubles": "RUB",
    "hryvnias": "UAH", "hryvnia": "UAH", "won": "KRW", "rupees": "INR", "francs": "CHF", "chf": "CHF",
    "cents": "ct", "pence": "p",
}
CURRENCIES_FR = {
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "€": "EUR", "dollars": "USD", "dollar": "USD", "usd": "USD",
    "$": "USD", "livres": "GBP", "£": "GBP", "yens": "JPY", "yen": "JPY", "yuans": "CNY", "yuan": "CNY",
    "roubles": "RUB", "hryvnias": "UAH", "francs": "CHF", "chf": "CHF", "centimes": "ct", "wons": "KRW",
}
MEASURES_EN = {
    "%": "%", "percent": "%", "pc": "%", "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km",
    "kilometer": "km", "miles": "mi", "mile": "mi", "metres": "m", "meters": "m", "m": "m", "km²": "km2",
    "km2": "km2", "tonnes": "t", "tons": "t", "tonne": "t", "t": "t", "kg": "kg", "kilograms": "kg",
    "kilos": "kg", "litres": "l", "liters": "l", "barrels": "bbl", "bpd": "bbl/d", "hectares": "ha", "ha": "ha",
    "acres": "acre", "mw": "MW", "gw": "GW", "megawatts": "MW", "gigawatts": "GW", "kwh": "kWh", "twh": "TWh",
    "degrees": "°", "°c": "°C", "°": "°", "mph": "mph", "cm": "cm", "mm": "mm", "feet": "ft", "ft": "ft",
}
MEASURES_FR = {
    "%": "%", "km": "km", "kilomètres": "km", "kilomètre": "km", "mètres": "m", "m": "m", "km²": "km2",
    "km2": "km2", "tonnes": "t", "tonne": "t", "t": "t", "kg": "kg", "kilos": "kg", "kilogrammes": "kg",
    "litres": "l", "barils": "bbl", "hectares": "ha", "ha": "ha", "mw": "MW", "gw": "GW", "mégawatts": "MW",
    "kwh": "kWh", "twh": "TWh", "degrés": "°", "°c": "°C", "°": "°", "cm": "cm", "mm": "mm", "milles": "mi",
}
# multi-word units, lower-case token tuples ("d ' euros" after a French multiplier)
PHRASE_UNITS_EN = {
    ("per", "cent"): "%", ("percentage", "points"): "pp", ("percentage", "point"): "pp",
    ("square", "kilometres"): "km2", ("square", "kilometers"): "km2", ("sq", "km"): "km2",
    ("square", "miles"): "mi2", ("square", "metres"): "m2", ("square", "meters"): "m2",
    ("us", "dollars"): "USD", ("km", "/", "h"): "km/h",
}
PHRASE_UNITS_FR = {
    ("pour", "cent"): "%", ("points", "de", "pourcentage"): "pp", ("points", "de", "base"): "bp",
    ("kilomètres", "carrés"): "km2", ("mètres", "carrés"): "m2", ("km", "/", "h"): "km/h",
    ("dollars", "américains"): "USD",
}
for _u, _code in list(CURRENCIES_FR.items()) + list(MEASURES_FR.items()):
    if _u[0].isalpha() and len(_u) > 2:
        PHRASE_UNITS_FR[("de", _u)] = _code
        if _u[0] in "aeiouéèh":
            PHRASE_UNITS_FR[("d", "'", _u)] = _code
PHRASE_UNITS_FR.update({("de", "kilomètres", "carrés"): "km2", ("de", "dollars", "américains"): "USD"})
PREFIX_CURRENCIES = {"€", "$", "£", "¥", "us$"}

TIME_UNITS_EN = {
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hrs", "day", "days", "week",
    "weeks", "month", "months", "year", "years", "yrs", "decade", "decades", "century", "centuries",
    "am", "pm", "gmt", "utc", "times", "nights", "night", "o",
}
TIME_UNITS_FR = {
    "seconde", "secondes", "minute", "minutes", "min", "heure", "heures", "h", "jour", "jours", "journée",
    "journées", "semaine", "semaines", "mois", "an", "ans", "année", "années", "décennie", "décennies",
    "siècle", "siècles", "fois", "nuit", "nuits",
}
MONTHS_EN = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
MONTHS_FR = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc",
}
LABEL_NOUNS_EN = {
    "article", "art", "section", "paragraph", "chapter", "page", "p", "point", "no", "number", "resolution",
    "flight", "room", "route", "highway", "line", "platform", "level", "phase", "grade", "category", "zone",
    "sector", "district", "reactor", "stage", "season", "episode", "part", "volume", "version", "model",
    "type", "tel", "phone", "fax", "rank", "round", "gate", "terminal", "bus", "unit", "block", "ward",
    "item", "clause", "rule", "figure", "table", "exit", "channel", "division", "brigade", "corps", "squad",
    "aged", "age",
}
LABEL_NOUNS_FR = {
    "article", "alinéa", "paragraphe", "chapitre", "page", "p", "point", "numéro", "n", "no", "résolution",
    "vol", "salle", "route", "ligne", "quai", "niveau", "phase", "catégorie", "zone", "secteur",
    "arrondissement", "réacteur", "étape", "saison", "épisode", "partie", "tome", "version", "modèle",
    "type", "tél", "téléphone", "rang", "tour", "autoroute", "porte", "terminal", "bus", "division",
    "brigade", "corps", "chaîne", "figure", "tableau", "sortie", "rue", "avenue", "boulevard", "âgé", "âgée",
    "âgés", "âgées",
}
YEAR_CUES_EN = {"in", "since", "until", "till", "by", "of", "from", "before", "after", "between", "and", "to",
                "year", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "the", "during",
                "season", "election", "census", "over", "around", "circa"} | MONTHS_EN  # 'over 2023': years
YEAR_CUES_FR = {"en", "depuis", "jusqu", "de", "d", "avant", "après", "entre", "et", "à", "année", "an", "début",
                "fin", "mi", "printemps", "été", "automne", "hiver", "dès", "pendant", "durant", "saison",
                "élection", "l", "le", "recensement", "vers"} | MONTHS_FR
DETERMINERS_EN = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those",
                  "each", "every", "no", "my", "your"}
DETERMINERS_FR = {"le", "la", "les", "l", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette",
                  "ces", "chaque", "du", "au", "aux", "notre", "nos"}


# ---------------------------------------------------------------- readers used by numbers.Scanner
# (kept here so that numbers.py stays one German-first scanner; `sc` is a numbers.Scanner)

_ARTICLE_MULT = {"en": {"dozen", "hundred", "thousand", "million", "billion", "trillion"},
                 "fr": {"million", "milliard"}}


def _vague_bounds(u: float) -> tuple[float, float]:
    """[2U, 10U-1]; dozens are 24..99."""
    return (24.0, 99.0) if u == 12 else (2 * u, 10 * u - 1)


_NOT_AFTER_NEUF = {"a", "est", "et", "ou", "de", "du", "des", "à", "en", "pour", "qui", "que", "ont", "sont",
                   "était", "dans", "sur", "au", "aux", "le", "la", "les", "avec", "mais"}


def intl_core(sc, i: int):
    """A quantity made of words at token i ('three thousand', 'thousands', 'une vingtaine')."""
    from .numbers import _Core

    L, t, n = sc.L, sc.toks[i], sc.tok(i + 1)
    lw = t.low
    if lw in L.vague_det and n is not None and n.low in L.vague_units:
        lo, hi = _vague_bounds(L.vague_units[n.low])
        p = sc.tok(i - 1)
        first = i - 1 if lw == "few" and p is not None and p.low == "a" else i
        return sc._scale_vague(_Core(first, i + 2, None, lo, hi))
    if lw in L.vague_plurals:
        p = sc.tok(i - 1)
        if lw in L.mult and p is not None and (p.kind == "num" or parse_number_words([p.low], L.lang)):
            return None  # '5 millions': the multiplier of the number before
        u, j = L.vague_plurals[lw], i + 1
        a, b = sc.tok(i + 1), sc.tok(i + 2)
        if a is not None and a.low in ("of", "de") and b is not None and L.vague_plurals.get(b.low, 0) >= 1e3:
            u, j = u * L.vague_plurals[b.low], i + 3  # 'tens of thousands', 'des centaines de milliers'
        elif lw in VAGUE_ONLY_SCALING:
            return None
        lo, hi = _vague_bounds(u)
        return sc._scale_vague(_Core(i, j, None, lo, hi))
    if L.lang == "fr" and lw in ("un", "une") and n is not None and n.low in APPROX_COLLECTIVES_FR:
        v = float(APPROX_COLLECTIVES_FR[n.low])
        return _Core(i, i + 2, v, raw=v, approx=True)  # 'une vingtaine' = about 20
    words = []
    for k in range(i, min(i + 10, len(sc.toks))):
        if sc.toks[k].kind != "word" or k > i and sc.text[sc.toks[k - 1].end:sc.toks[k].start] not in (" ", "\u00a0"):
            break
        words.append(sc.toks[k].low)
    if L.lang == "en" and lw in ("a", "an") and len(words) > 1 and words[1] in _ARTICLE_MULT["en"]:
        words[0] = "one"  # 'a thousand', 'a dozen'
    elif lw in ("a", "an", "un", "une", "one") and not (len(words) > 1 and words[1] in _ARTICLE_MULT[L.lang]):
        return None
    if lw == "neuf" and (n is None or n.kind != "word" or n.low in _NOT_AFTER_NEUF):
        return None  # 'un bâtiment neuf a été...': the adjective 'new'
    if lw == "half" and n is not None and n.low == "a":  # 'half a million'
        m = sc.tok(i + 2)
        if m is not None and m.low in ("million", "billion", "dozen", "thousand"):
            return _Core(i, i + 3, 0.5 * MULTIPLIERS_EN[m.low], raw=0.5, mult=MULTIPLIERS_EN[m.low])
    if lw == "dozen" or lw in (_EN_BIG if L.lang == "en" else ("million", "millions", "milliard", "milliards")):
        return None  # a bare 'billion' / 'million' is a multiplier without its number
    r = parse_number_words(words, L.lang)
    if r is None:
        return None
    v, used, last = r
    return _Core(i, i + used, v, raw=v / last if last > 1 else v, mult=last)


def plural_after(sc, j: int) -> bool:
    """Token j is a lower-case plural ('barrels', 'people'): '2.5m barrels' is millions."""
    t = sc.tok(j)
    if t is None or t.kind != "word" or not t.text.islower():
        return False
    lw = t.low
    return lw in ("people", "children", "men", "women") or len(lw) > 3 and lw.endswith("s") \
        and not lw.endswith(("ss", "us", "is"))


def intl_unit_after(sc, j: int):
    """Unit code and end token for an English/French unit starting at token j."""
    L = sc.L
    for n in (3, 2):
        toks = [sc.tok(j + k) for k in range(n)]
        if None not in toks:
            key = tuple(t.low.replace("’", "'") for t in toks)
            if key in L.phrase_units:
                return L.phrase_units[key], j + n
    t = sc.tok(j)
    lw = t.low
    nx = sc.tok(j + 1)
    if lw in ("m", "km") and nx is not None and nx.text in ("²", "³") and nx.start == t.end:
        return lw + ("2" if nx.text == "²" else "3"), j + 2
    if lw in L.units:
        if len(lw) == 1 and lw.isalpha() and not t.text.islower():
            return None
        return L.units[lw], j + 1
    return None


def intl_rejected(sc, c) -> bool:
    """English/French non-figures: '5 October', 'October 5', '3 p.m.', 'n° 5'."""
    L = sc.L
    nxt, prev = sc.tok(c.j), sc.prev_word(c.i)
    if c.unit is not None or c.value is None or c.mult != 1:
        return False
    if nxt is not None and nxt.low.rstrip(".") in L.months and c.value <= 31:
        return True  # '5 October', 'le 5 octobre'
    if prev is not None and prev.low in L.months and prev.text[0].isupper() and c.value <= 31:
        return True  # 'October 5'
    n2 = sc.tok(c.j + 1)
    if nxt is not None and nxt.low in ("a", "p") and n2 is not None and n2.text == "." and n2.start == nxt.end:
        return True  # '3 p.m.'
    p, pp = sc.tok(c.i - 1), sc.tok(c.i - 2)
    if p is not None and p.text == "," and nxt is not None and nxt.text == "," and pp is not None \
            and pp.kind == "word" and pp.text[0].isupper() and c.j == c.i + 1 and c.value < 120:
        return True  # age in apposition: 'John Smith, 45, said'
    if p is not None and p.text in ("°", "º") and sc.tok(c.i - 2) is not None and sc.toks[c.i - 2].low == "n":
        return True  # 'n° 5'
    return False
