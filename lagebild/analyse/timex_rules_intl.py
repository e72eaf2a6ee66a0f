"""English and French time expressions (basics): registered into timex_rules.RULES on import."""
from __future__ import annotations

import re

from .timex_rules import (
    DAY_RE, YEAR_RE, _alt, _bare_year_ok, rule,
)

MONTHS_INTL = {
    "en": {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
           "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
           "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12},
    "fr": {"janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5,
           "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10,
           "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12},
}
WEEKDAYS_INTL = {
    "en": {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7},
    "fr": {"lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7},
}
NUMBERS_INTL = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None, "a few": None},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "plusieurs": None, "quelques": None},
}
UNITS_INTL = {
    "en": {"second": "S", "minute": "MIN", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"},
    "fr": {"seconde": "S", "minute": "MIN", "heure": "H", "jour": "D", "journée": "D", "semaine": "W", "mois": "M",
           "an": "Y", "année": "Y", "décennie": "DE"},
}
RELDAYS_INTL = {
    "en": {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0},
    "fr": {"aujourd'hui": 0, "aujourd’hui": 0, "hier": -1, "avant-hier": -2, "demain": 1, "après-demain": 2},
}


def _intl_rules(lang: str) -> None:
    months, wds, nums, units = MONTHS_INTL[lang], WEEKDAYS_INTL[lang], NUMBERS_INTL[lang], UNITS_INTL[lang]
    mon = rf"(?:{_alt(months)})\.?"
    wd = _alt(wds)
    num = rf"(?:\d+|{_alt(nums)})"
    unit = rf"(?P<u>{_alt(units)})s?"
    yr = rf"(?P<y>{YEAR_RE})"

    def mo(w):
        return months[w.lower().rstrip(".")]

    def n_of(w):
        return float(w) if w[0].isdigit() else nums.get(w.lower())

    if lang == "en":
        day_month = (rf"\b(?:(?P<wd>{wd}),?\s+)?(?:(?:the\s+)?(?P<d>{DAY_RE})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{mon})|(?P<m2>{mon})\s+"
                     rf"(?P<d2>{DAY_RE})(?:st|nd|rd|th)?\b)(?:,?\s+{yr})?\b")
        rel = r"(?P<rel>last|next|this|coming|past|previous)"
        ago, fut = rf"(?P<n>{num})\s+{unit}\s+ago", rf"in\s+(?P<n2>{num})\s+(?P<u2>{_alt(units)})s?"
        refs = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "recently": "PAST_REF", "soon": "FUTURE_REF"}
        sets = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "every day": "P1D",
                "every week": "P1W", "every month": "P1M", "every year": "P1Y"}
        every = "every"
    else:
        day_month = (rf"\b(?:(?P<wd>{wd})\s+)?(?:le\s+)?(?P<d>{DAY_RE}|1er)\s+(?P<m>{mon})(?:\s+{yr})?\b")
        rel = r"(?P<rel>dernière?|prochaine?|passée?|cette|ce)"
        ago, fut = rf"il\s+y\s+a\s+(?P<n>{num})\s+{unit}", rf"dans\s+(?P<n2>{num})\s+(?P<u2>{_alt(units)})s?"
        refs = {"maintenant": "PRESENT_REF", "actuellement": "PRESENT_REF", "récemment": "PAST_REF", "bientôt": "FUTURE_REF"}
        sets = {"quotidiennement": "P1D", "chaque jour": "P1D", "chaque semaine": "P1W", "chaque mois": "P1M",
                "chaque année": "P1Y", "tous les jours": "P1D"}
        every = "chaque"

    @rule(lang, "dm", day_month)
    def _dm(m):
        d = m.group("d") or m.group("d2")
        d = 1 if d == "1er" else int(d)
        return {"kind": "date", "y": int(m.group("y")) if m.group("y") else None, "m": mo(m.group("m") or m.group("m2")), "d": d}

    @rule(lang, "my", rf"\b(?:(?P<rel>{rel[8:-1]})\s+)?(?P<m>{mon})(?:\s+(?:de\s+)?{yr})?\b")
    def _my(m):
        w = m.group("m").lower().rstrip(".")
        if w in ("may", "mar", "jan", "sept", "oct", "nov", "dec", "mai") and not m.group("y"):
            pre = m.string[max(0, m.start() - 8):m.start()].lower()
            if not re.search(r"\b(?:in|en|of|since|until|by|de|depuis)\s*$", pre) and not m.group("rel"):
                return None
        return {"kind": "date", "y": int(m.group("y")) if m.group("y") else None, "m": mo(w), "d": None,
                "off": {"last": -1, "next": 1, "this": 0}.get((m.group("rel") or "").lower())}

    @rule(lang, "year", rf"(?P<pre>\b(?:in|since|until|by|from|en|depuis|jusqu'en|année|year)\s+)?(?P<x>{yr})(?!\w|[.,]\d)")
    def _yr(m):
        return {"kind": "year", "y": int(m.group("y"))} if _bare_year_ok(m, m.group("pre")) else None

    @rule(lang, "weekday", rf"\b(?:(?P<rel>last|next|this|coming)\s+)?(?P<wd>{wd})(?:\s+(?P<rel2>dernier|prochain))?\b")
    def _wd(m):
        r = (m.group("rel") or m.group("rel2") or "").lower()
        return {"kind": "dow", "dow": wds[m.group("wd").lower()],
                "off": {"last": -1, "dernier": -1, "next": 1, "prochain": 1, "coming": 1, "this": 0}.get(r)}

    @rule(lang, "relday", rf"\b(?P<w>{_alt(RELDAYS_INTL[lang])})(?!\w)")
    def _rd(m):
        return {"kind": "relday", "off": RELDAYS_INTL[lang][m.group("w").lower()],
                "part": "NI" if m.group("w").lower() == "tonight" else None}

    @rule(lang, "relunit", rf"\b(?:(?:la|le|l')\s*)?(?:{rel}\s+(?P<u>week|month|year|weekend|semaine|mois|année|an)|"
          rf"(?P<u3>semaine|mois|année|an)\s+(?P<rel3>dernière?|prochaine?|passée?))\b")
    def _ru(m):
        r = (m.group("rel") or m.group("rel3") or "").lower()
        off = -1 if r.startswith(("last", "past", "previous", "derni", "pass")) else 1 if r.startswith(("next", "coming", "prochain")) else 0
        u = (m.group("u") or m.group("u3")).lower()
        return {"kind": "relunit", "unit": "WE" if u == "weekend" else units.get(u, "Y"), "off": off}

    @rule(lang, "shift", rf"\b(?:{ago}|{fut})\b")
    def _sh(m):
        u = units.get((m.group("u") or m.group("u2")).lower())
        n = n_of(m.group("n") or m.group("n2"))
        return {"kind": "shift", "n": n, "unit": u, "sign": -1 if m.group("n") else 1} if u else None

    @rule(lang, "dur", rf"\b(?P<n>{num})\s+{unit}\b")
    def _du(m):
        u = units.get(m.group("u").lower())
        return {"kind": "dur", "n": n_of(m.group("n")), "unit": u} if u else None

    @rule(lang, "ref", rf"\b(?P<x>{_alt(refs)})\b")
    def _rf(m):
        return {"kind": "ref", "v": refs[m.group("x").lower()]}

    @rule(lang, "set", rf"\b(?P<x>{_alt(sets)}|{every}\s+(?P<wd>{wd}))\b")
    def _st(m):
        if m.group("wd"):
            return {"kind": "set", "v": f"XXXX-WXX-{wds[m.group('wd').lower()]}"}
        return {"kind": "set", "v": sets[m.group("x").lower()]}

    @rule(lang, "clock", rf"\b(?P<h>[01]?\d|2[0-3])(?:[:h](?P<mi>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?|heures?|h)(?!\w)"
          rf"|\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\b")
    def _ck(m):
        h = int(m.group("h") or m.group("h2"))
        ap = (m.group("ap") or "").lower()
        if ap.startswith("p") and h < 12:
            h += 12
        if ap.startswith("a") and h == 12:
            h = 0
        return {"kind": "time", "h": h, "mi": int(m.group("mi") or m.group("mi2") or 0), "s": None}

    @rule(lang, "numeric", rf"\b(?P<y>{YEAR_RE})-(?P<mo>0[1-9]|1[0-2])-(?P<d>{DAY_RE})\b|\b(?P<d2>{DAY_RE})/(?P<mo2>0?[1-9]|1[0-2])/(?P<y2>{YEAR_RE})\b")
    def _nu(m):
        if m.group("y"):
            return {"kind": "date", "y": int(m.group("y")), "m": int(m.group("mo")), "d": int(m.group("d"))}
        return {"kind": "date", "y": int(m.group("y2")), "m": int(m.group("mo2")), "d": int(m.group("d2"))}



_intl_rules("en")
_intl_rules("fr")
