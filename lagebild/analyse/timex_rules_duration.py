"""German duration, frequency (SET) and bare-hour rules, and month-of-relative-year words.

Split from `timex_rules` (size); registered into `timex_rules.RULES` on import, in the same order as
before the split (after the other German rules)."""
from __future__ import annotations

import re

from .timex_rules import month_of, MONTH_RE, number_de, _NUMW, rel_offset, REL_RE, _time_spec, unit_of, _UNIT_RE, VAGUE_DE, WEEKDAY_RE, WEEKDAYS_DE, rule


_DUR_UNIT = {"S": "PT{n}S", "MIN": "PT{n}M", "H": "PT{n}H", "D": "P{n}D", "W": "P{n}W", "M": "P{n}M", "Q": "P{n3}M",
             "Y": "P{n}Y", "DE": "P{n}DE", "CE": "P{n}CE", "HY": "P{n6}M", "WE": "P{n}WE"}


def duration_value(n: float | None, unit: str) -> str:
    """(2, 'W') -> 'P2W'; vague amounts (None) -> 'PXW'."""
    def fmt(x):
        return "X" if x is None else (str(int(x)) if float(x).is_integer() else f"{x:g}")
    return _DUR_UNIT[unit].format(n=fmt(n), n3=fmt(None if n is None else n * 3), n6=fmt(None if n is None else n * 6))


@rule("de", "duration", r"\b(?:(?P<pre>seit|für|binnen|innerhalb|während|über|nach|noch|knapp|fast|rund|etwa|mehr\s+als|weniger\s+als)\s+(?:(?:de[rmn]|die|das|knapp|rund|etwa|mehr\s+als|über)\s+)?)?"
      r"(?P<x>(?:(?P<n>" + _NUMW + r"|ein(?:e[nms]?)?|einige[nm]?|" + VAGUE_DE + r")(?P<sp>\s*)(?:(?P<half>halbe[sn]?)\s+)?|(?P<half2>anderthalb|eineinhalb|zweieinhalb|halbe[sn]?)\s+|(?P<whole>(?:den\s+|die\s+|das\s+)?ganze[nsm]?)\s+)?"
      + _UNIT_RE + r")(?P<lang>\s+lang)?\b")
def _duration(m):
    unit = unit_of(m.group("u"))
    if unit is None or unit in ("WE",):
        return None
    nword = m.group("n")
    n = number_de(nword) if nword else None
    if m.group("half"):
        n = (n or 1) * 0.5 if nword and nword.lower().startswith("ein") else (n or 0) + 0.5
    if m.group("half2"):
        n = number_de(m.group("half2"))
    if m.group("whole"):
        n = 1
    vague = nword and re.fullmatch(VAGUE_DE, nword, re.I)
    if n is None and not vague:
        pre = (m.group("pre") or "").lower()
        # plural bare units: 'seit Jahren' -> PXY; a singular bare unit ('das Jahr') is no duration
        if not (pre in ("seit", "über", "für", "während") and m.group("u").lower().endswith(("en", "e", "n"))
                and unit in ("Y", "M", "W", "D", "DE", "H", "MIN")):
            return None
    after = m.string[m.end():m.end() + 12]
    if nword and m.string[max(0, m.start("n") - 1):m.start("n")] in (":", ".", ","):
        return None  # '1:14,607 Minuten' is a race time, not 14.607 minutes
    if re.match(r"\s+alte?[nmrs]?\b", after) or m.group(0).lower() == "eines tages":
        return None  # '13 Jahre alte' is an age, 'eines Tages' an idiom
    digits = bool(nword and nword[0].isdigit())
    if m.group("sp") == "" and not digits:
        return None  # '5h' is fine, 'einh' is no duration
    if m.group("u") in ("h", "st") and not digits:
        return None
    if m.group("u").lower() in ("min", "min.", "sek", "std.", "sek.") and not nword:
        return None
    if nword and nword[0].isdigit() and unit == "Y" and n and n > 200:
        return None
    return {"kind": "dur", "n": None if vague else n, "unit": unit}


@rule("de", "duration_adj", r"\b(?P<x>(?P<n>\d+|" + _NUMW + r"|mehr)-?(?P<u>tägig|wöchig|monatig|jährig|stündig|minütig)(?:e[nmrs]?)?)\b",
      need="tägig|wöchig|monatig|jährig|stündig|minütig")
def _duration_adj(m):
    if m.group("u").lower() == "jährig" and (m.group("n")[0].isdigit() or m.group("u")[0] == "J"):
        return None  # '34-jährige', 'der 71-Jährige': ages
    n = number_de(m.group("n")) if m.group("n").lower() != "mehr" else None
    unit = {"tägig": "D", "wöchig": "W", "monatig": "M", "jährig": "Y", "stündig": "H", "minütig": "MIN"}[m.group("u").lower()]
    return {"kind": "dur", "n": n, "unit": unit}


@rule("de", "duration_adv", r"\b(?P<x>jahrelang|monatelang|wochenlang|tagelang|stundenlang|jahrzehntelang)\b")
def _duration_adv(m):
    return {"kind": "dur", "n": None, "unit": {"jahr": "Y", "mona": "M", "woch": "W", "tage": "D", "stun": "H", "jahrz": "DE"}[
        "jahrz" if m.group("x").lower().startswith("jahrz") else m.group("x").lower()[:4]]}


@rule("de", "set", r"\b(?P<x>(?:all)?(?:täglich|wöchentlich|monatlich|jährlich|stündlich|vierteljährlich|halbjährlich)(?:e[nmrs]?)?|"
      r"(?:jeden|jede|jedes)\s+(?:(?P<wd>" + WEEKDAY_RE + r")|Tag|Woche|Monat|Jahr|Morgen|Abend|Nacht|Wochenende|Quartal)"
      r"|alle\s+(?P<n>" + _NUMW + r")\s+(?P<u>Tage|Wochen|Monate|Jahre|Stunden|Minuten)|(?P<wds>montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags|werktags|wochentags))\b")
def _set(m):
    t = m.group("x").lower()
    if m.group("wd"):
        return {"kind": "set", "v": f"XXXX-WXX-{WEEKDAYS_DE[m.group('wd').lower()]}"}
    if m.group("wds"):
        w = m.group("wds").lower()[:-1]
        return {"kind": "set", "v": f"XXXX-WXX-{WEEKDAYS_DE[w]}" if w in WEEKDAYS_DE else "P1D"}
    if m.group("n"):
        return {"kind": "set", "v": duration_value(number_de(m.group("n")), unit_of(m.group("u")))}
    for stem, v in (("viertel", "P3M"), ("halbj", "P6M"), ("täg", "P1D"), ("wöch", "P1W"), ("monat", "P1M"), ("jähr", "P1Y"),
                    ("stünd", "PT1H"), ("tag", "P1D"), ("woche", "P1W"), ("jahr", "P1Y"), ("quartal", "P3M"),
                    ("morgen", "TMO"), ("abend", "TEV"), ("nacht", "TNI")):
        if stem in t.replace("all", "", 1) if t.startswith("all") else stem in t:
            return {"kind": "set", "v": v}
    return None




@rule("de", "bare_hour", r"\b(?:um|gegen|ab|bis)\s+(?P<x>(?P<h>[01]?\d|2[0-4]|ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)"
      r"(?:\s+(?P<pt>morgens|vormittags|mittags|nachmittags|abends|nachts|früh))?)(?!\s*(?:Uhr|[.:,]\d|%|\w*[Pp]rozent))\b")
def _bare_hour(m):
    spec = _time_spec(int(number_de(m.group("h"))), 0, None, m.group("pt"))
    if spec is not None and not m.group("pt"):
        spec["weak"] = True  # 'um 7' alone is only a time next to a date or day part ('heute Morgen um 7')
    return spec


@rule("de", "month_relyear", r"\b(?P<x>(?:(?P<rel>" + REL_RE + r")\s+Jahr(?:es)?\s+(?:im\s+)?(?P<m>" + MONTH_RE + r")|(?P<m2>" + MONTH_RE + r")\s+"
      r"(?:des\s+)?(?P<rel2>" + REL_RE + r")\s+Jahres))", need=r"(?:" + REL_RE + r")\s+Jahr")
def _month_relyear(m):
    mo = month_of(m.group("m") or m.group("m2"))
    off = rel_offset(m.group("rel") or m.group("rel2"))
    return {"kind": "date", "y": None, "m": mo, "d": None, "off": off} if mo and off is not None else None


@rule("de", "heuer", r"\b(?P<x>[Hh]euer)\b", flags=0)
def _heuer(m):
    return {"kind": "relunit", "unit": "Y", "off": 0, "deictic": True}  # Austrian/Bavarian 'this year'
