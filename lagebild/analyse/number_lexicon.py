"""Word lists for German number expressions (used by numbers.py).

General German, collected from news usage: multipliers, vague amounts, hedges with their
bounds (the convention is documented in numbers.py), currencies, measures, time units,
month names, nouns that label things by number, year cues and determiners.
"""
from __future__ import annotations

import re


# multiplier words (lower case, without the abbreviation dot) -> factor
MULTIPLIERS = {
    "hundert": 1e2, "tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "mia": 1e9, "billion": 1e12, "billionen": 1e12,
    "bio": 1e12, "dutzend": 12,
}
_ABBREV_MULT = {"tsd", "mio", "mrd", "mia", "bio"}
# vague plurals: word -> unit U (meaning 2U .. 10U-1); Dutzende special-cased to 24..99
VAGUE_PLURALS = {
    "dutzende": 12, "hunderte": 1e2, "tausende": 1e3, "zehntausende": 1e4, "zigtausende": 1e4,
    "hunderttausende": 1e5, "millionen": 1e6, "milliarden": 1e9, "billionen": 1e12,
}
# vague determiners that turn a following multiplier into a vague amount
VAGUE_DETERMINERS = {"mehrere", "einige", "etliche", "viele", "wenige", "paar",
                     "mehreren", "einigen", "etlichen", "vielen", "wenigen", "mehrerer", "einiger"}
_VAGUE_UNITS = {
    "dutzend": 12, "hundert": 1e2, "tausend": 1e3, "zehntausend": 1e4, "hunderttausend": 1e5,
    "millionen": 1e6, "milliarden": 1e9, "billionen": 1e12,
    **{k: v for k, v in VAGUE_PLURALS.items() if k != "zigtausende"},
}
FRACTIONS = {"halbe": 2, "halbes": 2, "drittel": 3, "viertel": 4, "fünftel": 5, "sechstel": 6, "achtel": 8, "zehntel": 10,
             "dritteln": 3, "vierteln": 4, "fünfteln": 5, "sechsteln": 6, "achteln": 8, "zehnteln": 10}

# hedges, lower-case token sequences -> (qualifier, low factor, high factor); factors apply to v,
# None means "no bound". Longest sequence wins.
HEDGES: dict[tuple[str, ...], tuple[str, float | None, float | None]] = {}


def _hedge(qual: str, lo: float | None, hi: float | None, *phrases: str) -> None:
    for p in phrases:
        HEDGES[tuple(p.split())] = (qual, lo, hi)


_hedge("approx", 0.9, 1.1, "etwa", "rund", "ca.", "ca", "circa", "zirka", "zirca", "ungefähr", "schätzungsweise",
       "geschätzt", "geschätzte", "geschätzten", "um die", "an die", "grob", "in etwa", "etwa rund")
_hedge("approx", 0.9, 1.0, "knapp", "knappe", "knappen", "fast", "beinahe", "nahezu", "annähernd", "nicht ganz")
_hedge("approx", 1.0, 1.1, "gut", "gute", "guten", "etwas mehr als", "etwas über")
_hedge("at_least", 1.0, None, "mindestens", "wenigstens", "zumindest", "mehr als", "über", "mind.",
       "weit über", "weit mehr als", "deutlich mehr als", "deutlich über", "ab", "nicht weniger als",
       "mehr als nur", "über insgesamt", "weitaus mehr als", "sogar mehr als", "schon mehr als")
_hedge("at_least", 1.0, 1.1, "knapp über", "knapp mehr als", "etwas mehr als")
_hedge("at_most", None, 1.0, "bis zu", "höchstens", "maximal", "max.", "weniger als", "unter",
       "nicht mehr als", "deutlich weniger als", "deutlich unter", "weit unter", "weniger als nur")
_hedge("at_most", 0.9, 1.0, "knapp unter", "knapp weniger als", "etwas weniger als")
_MAX_HEDGE = max(len(k) for k in HEDGES)

# unit surface (lower case) -> unit code; currencies may also precede the number
CURRENCIES = {
    "euro": "EUR", "eur": "EUR", "€": "EUR", "dollar": "USD", "us-dollar": "USD", "usd": "USD", "$": "USD",
    "us$": "USD", "franken": "CHF", "chf": "CHF", "fr.": "CHF", "pfund": "GBP", "£": "GBP", "gbp": "GBP",
    "rubel": "RUB", "rub": "RUB", "yen": "JPY", "jpy": "JPY", "¥": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "cny": "CNY", "won": "KRW", "krw": "KRW", "hrywnja": "UAH", "hrywnjas": "UAH", "griwna": "UAH",
    "griwen": "UAH", "uah": "UAH", "zloty": "PLN", "złoty": "PLN", "pln": "PLN", "kronen": "SEK",
    "rupien": "INR", "lira": "TRY", "forint": "HUF", "schekel": "ILS", "cent": "ct", "rappen": "rp",
}
MEASURES = {
    "%": "%", "prozent": "%", "prozentpunkte": "pp", "prozentpunkten": "pp", "prozentpunkt": "pp",
    "km": "km", "kilometer": "km", "kilometern": "km", "quadratkilometer": "km2", "quadratkilometern": "km2",
    "km²": "km2", "km2": "km2", "qkm": "km2", "km³": "km3", "kubikkilometer": "km3", "meter": "m", "metern": "m", "m": "m", "quadratmeter": "m2",
    "quadratmetern": "m2", "m²": "m2", "qm": "m2", "kubikmeter": "m3", "kubikmetern": "m3", "m³": "m3",
    "zentimeter": "cm", "cm": "cm", "millimeter": "mm", "mm": "mm", "meilen": "mi", "seemeilen": "nmi",
    "tonnen": "t", "t": "t", "megatonnen": "Mt", "kilotonnen": "kt", "kilogramm": "kg", "kilo": "kg",
    "kg": "kg", "gramm": "g", "g": "g", "liter": "l", "litern": "l", "l": "l", "hektoliter": "hl",
    "hektar": "ha", "ha": "ha", "grad": "°", "°": "°", "°c": "°C", "km/h": "km/h",
    "stundenkilometer": "km/h", "kmh": "km/h", "stundenkilometern": "km/h", "megawatt": "MW", "mw": "MW",
    "gigawatt": "GW", "gw": "GW", "kilowatt": "kW", "kw": "kW", "kilowattstunden": "kWh", "kwh": "kWh",
    "megawattstunden": "MWh", "mwh": "MWh", "gigawattstunden": "GWh", "gwh": "GWh",
    "terawattstunden": "TWh", "twh": "TWh", "barrel": "bbl", "fass": "bbl", "gigabyte": "GB", "gb": "GB",
    "mah": "mAh", "ghz": "GHz", "mhz": "MHz", "tb": "TB", "mb": "MB", "ml": "ml", "milliliter": "ml", "zoll": "in", "fuß": "ft", "nm": "nm", "nanometer": "nm",
    "nanometern": "nm", "μm": "µm", "µm": "µm", "mikrometer": "µm", "teelöffel": "tsp", "esslöffel": "tbsp",
}
UNITS = {**CURRENCIES, **MEASURES}
# currency words that are only read as currency after an adjective ('finnische Mark')
_FOREIGN_CURRENCIES = {"mark": "MARK", "riel": "KHR", "peso": "PESO", "pesos": "PESO", "dinar": "DINAR",
                       "dirham": "DIRHAM", "rial": "RIAL", "kronen": "KRONE", "dollar": "DOLLAR"}
_PREFIX_CURRENCIES = {"€", "$", "£", "¥", "us$", "eur", "usd", "chf", "gbp", "fr."}
# durations and clock times are timexes, not figures
TIME_UNITS = {
    "sekunde", "sekunden", "minute", "minuten", "stunde", "stunden", "tag", "tage", "tagen", "tages",
    "woche", "wochen", "monat", "monate", "monaten", "monats", "jahr", "jahre", "jahren", "jahres",
    "jahrzehnt", "jahrzehnte", "jahrzehnten", "jahrhundert", "jahrhunderte", "jahrhunderten",
    "uhr", "mal", "nächte", "nächten", "sek", "min", "std", "h", "jährige", "jährigen", "jähriger",
}
MONTHS = {
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember", "jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep",
    "sept", "okt", "nov", "dez",
}
# nouns that label a thing by number ('Artikel 5', 'Punkt 4'): the number is an identifier
LABEL_NOUNS = {
    "artikel", "art", "punkt", "nr", "nummer", "no", "paragraf", "paragraph", "§", "§§", "absatz", "abs",
    "kapitel", "seite", "s", "ziffer", "spalte", "resolution", "platz", "rang", "runde", "stufe",
    "phase", "level", "klasse", "kategorie", "linie", "gleis", "folge", "staffel", "teil", "band",
    "version", "halle", "terminal", "flug", "bus", "route", "autobahn", "kw", "sektor", "zone",
    "bezirk", "hausnummer", "top", "tabelle", "abbildung", "abb", "anlage", "reaktor", "etappe",
    "spieltag", "jahrgang", "modell", "typ", "bundesstraße", "buslinie", "postfach", "az",
    "aktenzeichen", "iso", "din", "vers", "psalm", "sure", "tel", "telefon", "fax", "hotline", "mobil", "vol",
    "position", "aktenzahl", "geschäftszahl", "jahrgangsstufe",
}
# label nouns in the plural, before a list of numbers: 'auf den Plätzen drei und vier', 'Linien 5, 10 und 18'
LABEL_PLURALS = {"plätze", "plätzen", "ränge", "rängen", "linien", "artikeln", "paragrafen", "paragraphen", "gleise",
                 "gleisen", "hallen", "etappen", "punkte", "punkten", "ziffern", "nummern", "seiten", "kapiteln"}
_STREET = re.compile(r"(straße|strasse|str|weg|platz|allee|gasse|ring|damm|ufer|chaussee)$", re.I)
# words before a bare 4-digit number that make it a year
YEAR_CUES = {
    "jahr", "jahre", "jahres", "jahren", "frühjahr", "sommer", "herbst", "winter", "anfang", "ende",
    "mitte", "seit", "bis", "im", "von", "ab", "vor", "nach", "um", "zwischen", "und", "in", "des",
    "jahrgang", "saison", "wahl", "wm", "em",
} | MONTHS
DETERMINERS = {
    "der", "die", "das", "dem", "den", "des", "am", "im", "zum", "zur", "vom", "beim", "ins", "ein",
    "eine", "einer", "einem", "eines", "seinem", "seiner", "ihrem", "ihrer", "dessen", "deren", "jeder",
    "jedem", "jeden", "jede", "diese", "dieser", "diesem", "diesen", "dieses", "bis", "seit", "ab",
    "sein", "seine", "seinen", "ihr", "ihre", "ihren", "unser", "unsere", "unseren", "seines", "ihres", "unseres",
}


# ---------------------------------------------------------------- number words

_UNITS = {
    "eins": 1, "ein": 1, "eine": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}
_TEENS = {
    "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}
_TENS = {
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "fuenfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
_HALVES = {"anderthalb": 1.5, "eineinhalb": 1.5, "einundhalb": 1.5}


def _below_100(s: str) -> int | None:
    if s in _UNITS and s not in ("ein", "eine"):
        return _UNITS[s]
    if s in _TEENS:
        return _TEENS[s]
    if s in _TENS:
        return _TENS[s]
    m = re.fullmatch(r"(ein|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun)und(\w+)", s)
    if m and m.group(2) in _TENS:
        return _UNITS[m.group(1)] + _TENS[m.group(2)]
    return None


def _below_1000(s: str) -> int | None:
    if not s:
        return None
    i = s.find("hundert")
    if i < 0:
        return _below_100(s)
    left, right = s[:i], s[i + len("hundert"):]
    mult = 1 if left in ("", "ein") else _below_100(left)
    if mult is None or mult > 9:
        return None
    rest = 0
    if right:
        rest = _below_100(right[3:] if right.startswith("und") else right)  # hundertundzwei
        if rest is None:
            return None
    return mult * 100 + rest


def parse_number_word(word: str) -> float | None:
    """Value of a German cardinal written as one word, else None.

    'drei' -> 3, 'zweihundertfünfzig' -> 250, 'zwölftausend' -> 12000, 'eineinhalb' -> 1.5,
    'dreieinhalb' -> 3.5. Ordinals ('dritte', 'vierten'), bare articles ('ein', 'eine') and
    'null' give None: they are not amounts.
    """
    s = word.lower()
    if s in _HALVES:
        return _HALVES[s]
    m = re.fullmatch(r"(\w+?)einhalb", s)
    if m:
        base = parse_number_word(m.group(1))
        return base + 0.5 if base is not None else None
    i = s.find("tausend")
    if i >= 0:
        left, right = s[:i], s[i + len("tausend"):]
        mult = 1 if left in ("", "ein") else _below_1000(left)
        if mult is None:
            return None
        rest = 0
        if right:
            rest = _below_1000(right[3:] if right.startswith("und") else right)
            if rest is None:
                return None
        return float(mult * 1000 + rest)
    v = _below_1000(s)
    return float(v) if v is not None else None


def parse_digits(s: str) -> float | None:
    """'1.500' -> 1500, '1,6' -> 1.6, '2.000,352' -> 2000.352, '40 000' -> 40000, '4,800' -> 4.8."""
    t = re.sub(r"[\u00a0\u202f\u2009 ]", "", s).replace("\u2212", "-")
    if re.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        t = t.replace(".", "")
    if not re.fullmatch(r"[+-]?\d+(?:,\d+)?", t):
        return None
    return float(t.replace(",", "."))


def de_unit_after(sc, j: int) -> tuple[str, int] | None:
    """The German unit or currency written at token j of scanner `sc` and the index after it
    ('US-$', 'kanadische Dollar', 'indische Rupien', 'Schweizer Franken', 'km/h', 'm²', 'Fr.', 'Euro')."""
    t = sc.tok(j)
    lw = t.low
    if lw == "us" and sc.tok(j + 1) is not None and sc.toks[j + 1].text == "$":
        return "USD", j + 2
    if lw in ("kanadische", "kanadischen", "australische", "australischen"):
        n = sc.tok(j + 1)
        if n is not None and n.low == "dollar":
            return ("CAD" if lw.startswith("kan") else "AUD"), j + 2
    if re.fullmatch(r"[a-zäöü]+(e|en|er)", t.text) and sc.tok(j + 1) is not None:
        n = sc.toks[j + 1]
        if n.low in CURRENCIES and n.kind == "word" or n.low in _FOREIGN_CURRENCIES:
            # 'indische Rupien', 'kambodschanische Riel', 'finnische Mark'
            return CURRENCIES.get(n.low) or _FOREIGN_CURRENCIES[n.low], j + 2
    if lw in ("deutsche", "deutschen") and sc.tok(j + 1) is not None and sc.toks[j + 1].low == "mark":
        return "DM", j + 2  # 'Deutsche Mark' (the capital D fails the adjective test above)
    if lw in ("schweizer",):
        n = sc.tok(j + 1)
        if n is not None and n.low == "franken":
            return "CHF", j + 2
    if lw == "km" and sc.tok(j + 1) is not None and sc.toks[j + 1].text == "/" and sc.tok(j + 2) is not None \
            and sc.toks[j + 2].low == "h":
        return "km/h", j + 3
    if lw in ("m", "km") and sc.tok(j + 1) is not None and sc.toks[j + 1].text in ("²", "³") \
            and sc.toks[j + 1].start == t.end:
        return lw + ("2" if sc.toks[j + 1].text == "²" else "3"), j + 2
    if lw == "fr" and sc.tok(j + 1) is not None and sc.toks[j + 1].text == ".":
        return "CHF", j + 2
    if t.text == "Mw":
        return "Mw", j + 1  # moment magnitude, not megawatt ('MW')
    if lw in UNITS:
        if len(lw) == 1 and lw.isalpha() and not t.text.islower():
            return None  # 'GTX 970M', 'Typ 3 T': one capital letter is not a unit
        p1, p2 = sc.tok(j + 1), sc.tok(j + 2)
        if UNITS[lw] == "km" and p1 is not None and p2 is not None and p1.low == "pro" and p2.low == "stunde":
            return "km/h", j + 3  # '55 Kilometern pro Stunde'
        return UNITS[lw], j + 1
    return None
