"""German words of time expressions (split from timex_rules.py): months, weekdays, parts of the day,
number and ordinal words, units, vague quantities."""
from __future__ import annotations

import re

MONTHS_DE = {"januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "febr": 2, "märz": 3, "maerz": 3,
             "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8,
             "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
             "dezember": 12, "dez": 12}
# the written-out month names (not the abbreviations 'jan', 'okt'): 'mai', 'juni', 'juli', 'märz' are short
MONTH_NAMES_DE = frozenset(k for k in MONTHS_DE if len(k) > 4 or k in ("mai", "juni", "juli", "märz"))
WEEKDAYS_DE = {"montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5, "samstag": 6, "sonnabend": 6,
               "sonntag": 7}
# day parts -> TIMEX3 suffixes; hours used when a clock time carries the part ("8 Uhr abends")
PARTS_DE = {"morgen": "MO", "früh": "MO", "frühmorgen": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF",
            "abend": "EV", "nacht": "NI", "vorabend": "EV"}
NUMBERS_DE = {
    "null": 0, "ein": 1, "eines": 1, "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2,
    "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30,
    "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
    "hundert": 100, "anderthalb": 1.5, "eineinhalb": 1.5, "zweieinhalb": 2.5, "halb": 0.5,
    "halbe": 0.5, "halben": 0.5, "halbes": 0.5,
}
ORDINALS_DE = {
    "ers": 1, "zwei": 2, "drit": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieb": 7, "sieben": 7,
    "ach": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}
UNITS_DE = {
    "sekunde": "S", "sek": "S", "minute": "MIN", "min": "MIN", "stunde": "H", "st": "H", "h": "H",
    "tag": "D", "woche": "W", "monat": "M", "quartal": "Q", "jahr": "Y", "jahrzehnt": "DE",
    "jahrhundert": "CE", "wochenende": "WE", "halbjahr": "HY",
}
VAGUE_DE = r"(?:mehrere[nm]?|einige[nm]?|viele[nm]?|wenige[nm]?|etliche[nm]?|zahlreiche[nm]?|(?:ein\s+)?paar)"


def number_de(word: str) -> float | None:
    """'3' / '3,5' / 'drei' / 'vierundzwanzig' -> number; None when it is not one."""
    w = word.lower().replace(" ", "")
    if re.fullmatch(r"\d+(?:[.,]\d+)?", w):
        return float(w.replace(",", "."))
    if w in NUMBERS_DE:
        return NUMBERS_DE[w]
    m = re.fullmatch(r"(\w+?)und(\w+)", w)
    if m and m.group(1) in NUMBERS_DE and m.group(2) in NUMBERS_DE:
        return NUMBERS_DE[m.group(1)] + NUMBERS_DE[m.group(2)]
    return None


def ordinal_de(word: str) -> int | None:
    """'ersten' -> 1, 'einunddreißigsten' -> 31."""
    w = re.sub(r"(?:sten|ste|ster|stem|ten|te|ter|tem)$", "", word.lower())
    if w in ORDINALS_DE:
        return ORDINALS_DE[w]
    n = number_de(w)
    return int(n) if n is not None and n == int(n) else None
